#!/usr/bin/env python3
"""pandas and SQLite peers of bench/indicators (docs/benchmarks.md, "Monthly indicators").

    python3 bench/indicators/peers.py pandas OUT_DIR CSV [REPS]
    python3 bench/indicators/peers.py sqlite OUT_DIR CSV [REPS]

Each loads the same indicators.csv and the firm dimension qq_indicators_bench exported
(OUT_DIR/firms_dim.csv, links.csv, params.json), runs the same queries, and writes
OUT_DIR/<peer>.json with load times, the median time of each query and its answer checksum.
"""
import json
import os
import statistics
import subprocess
import sys
import time

COLUMNS = ["uscc", "month", "output_cur", "output_cum", "revenue_cur", "revenue_cum", "profit_cur",
           "profit_cum", "employees", "rnd_cur", "energy_cur"]
MONEY = ["output_cur", "output_cum", "revenue_cur", "revenue_cum", "profit_cur", "profit_cum", "rnd_cur"]


def yyyymm(m):
    return (m // 12) * 100 + m % 12 + 1


def as_int(v):
    if v is None:
        return 0
    try:
        import math
        if isinstance(v, float) and math.isnan(v):
            return 0
    except ImportError:
        pass
    return int(v)


def canonical(key, rows):
    """The answer as canonical text lines (bench/indicators/checksum.mjs does the same)."""
    lines = []
    if key == "b1":
        for county, m, s in rows:
            if as_int(s) != 0:
                lines.append(f"{county},{yyyymm(int(m))},{as_int(s)}")
        lines.sort()
    elif key == "b2":
        for link, a, b, c in rows:
            a, b, c = as_int(a), as_int(b), as_int(c)
            if a == 0 and b == 0 and c == 0:
                continue
            lines.append(f"{int(link)},{a},{b},{c}")
        lines.sort()
    elif key == "b3":
        for k, (firm, n, b) in enumerate(rows):
            lines.append(f"{k + 1},{int(firm)},{as_int(n)},{as_int(b)}")
    elif key == "b4":
        for firm, ttm in rows:
            lines.append(f"{int(firm)},{as_int(ttm)}")
        lines.sort()
    elif key == "c":
        lines = [f"{as_int(rows[0][0])},{as_int(rows[0][1])}"]
    return lines


def fnv1a64(lines):
    h = 0xcbf29ce484222325
    for b in "".join(l + "\n" for l in lines).encode():
        h = ((h ^ b) * 0x100000001b3) & 0xFFFFFFFFFFFFFFFF
    return f"{h:016x}"


SLOW_MS = 10000  # a query whose warm-up run took longer is timed once more, not `reps` times


def timed(fn, reps):
    t = time.perf_counter()
    answer = fn()  # warm
    if (time.perf_counter() - t) * 1000 > SLOW_MS:
        reps = 1
    times = []
    for _ in range(reps):
        t = time.perf_counter()
        answer = fn()
        times.append((time.perf_counter() - t) * 1000)
    return statistics.median(times), answer, reps


def run_queries(peer, queries, reps, result, out_dir):
    result["queries"] = {}
    for key, fn in queries.items():
        ms, answer, r = timed(fn, reps)
        lines = canonical(key, answer)
        result["queries"][key] = {"ms": ms, "reps": r, "rows": len(lines), "checksum": fnv1a64(lines)}
        print(f"{peer} {key} {ms:.3f} ms rows {len(lines)} {result['queries'][key]['checksum']}", file=sys.stderr, flush=True)
    with open(os.path.join(out_dir, f"{peer}.json"), "w") as f:
        json.dump(result, f, indent=2)


# ---------------------------------------------------------------- pandas

def pandas_peer(out_dir, csv, reps):
    import numpy as np
    import pandas as pd

    params = json.load(open(os.path.join(out_dir, "params.json")))
    L = params["latest_index"]
    load = {}
    t = time.perf_counter()
    firms = pd.read_csv(os.path.join(out_dir, "firms_dim.csv"), dtype={"firm": np.int64, "uscc": str, "county": "category",
                                                                    "industry": "category", "threshold": "Int64"})
    links = pd.read_csv(os.path.join(out_dir, "links.csv"), dtype=np.int64)
    load["dimension_ms"] = (time.perf_counter() - t) * 1000
    t, c0 = time.perf_counter(), time.process_time()
    dtypes = {c: np.float64 for c in COLUMNS[2:]}
    dtypes.update({"uscc": str, "month": "category"})
    raw = pd.read_csv(csv, header=0, names=COLUMNS, dtype=dtypes, engine="c")
    load["read_csv_ms"] = (time.perf_counter() - t) * 1000
    load["read_csv_cpu_ms"] = (time.process_time() - c0) * 1000
    # The frame the queries use: firm numbers, month index, integer-valued 元 (float64 keeps
    # NaN for missing; every value and sum here is an integer below 2^53, so exact).
    t, c0 = time.perf_counter(), time.process_time()
    uscc_index = pd.Index(firms["uscc"])
    ind = pd.DataFrame({"firm": uscc_index.get_indexer(raw["uscc"]).astype(np.int64)})
    if (ind["firm"] < 0).any():
        raise SystemExit("pandas: unknown firm in indicators.csv")
    cats = raw["month"].cat.categories
    month_of_cat = np.array([int(c[:4]) * 12 + int(c[5:7]) - 1 for c in cats], dtype=np.int64)
    ind["m"] = month_of_cat[raw["month"].cat.codes.to_numpy()]
    for c in MONEY:
        ind[c] = (raw[c] * 10000).round()
    ind["employees"] = raw["employees"]
    ind["energy_cur"] = (raw["energy_cur"] * 1000).round()
    del raw
    ind.sort_values(["m", "firm"], inplace=True, kind="stable")
    ind.reset_index(drop=True, inplace=True)
    load["table_ms"] = (time.perf_counter() - t) * 1000 + load["read_csv_ms"]
    load["table_cpu_ms"] = (time.process_time() - c0) * 1000 + load["read_csv_cpu_ms"]
    m_col = ind["m"].to_numpy()
    firm_col = ind["firm"].to_numpy()
    county_codes = firms["county"].cat.codes.to_numpy()
    county_names = firms["county"].cat.categories
    threshold = firms["threshold"].to_numpy(dtype=np.float64, na_value=np.nan)

    def month_slice(p):  # the frame is sorted by month
        lo, hi = np.searchsorted(m_col, [p, p + 1])
        return ind.iloc[lo:hi]

    def b1():
        s = ind.groupby([county_codes[firm_col], m_col], sort=False)["output_cur"].sum()
        return [(county_names[c], m, v) for (c, m), v in s.items()]

    def b2():
        a = month_slice(L)[["firm", "revenue_cur"]]
        b = month_slice(L - 12)[["firm", "revenue_cur"]]
        j = a.merge(b, on="firm", how="left", suffixes=("", "_base")).merge(links, on="firm")
        both = j["revenue_cur"].notna() & j["revenue_cur_base"].notna()
        j["yoy_now"] = j["revenue_cur"].where(both)
        j["yoy_base"] = j["revenue_cur_base"].where(both)
        g = j.groupby("link", sort=False)[["revenue_cur", "yoy_now", "yoy_base"]].sum()
        return [(link, r.revenue_cur, r.yoy_now, r.yoy_base) for link, r in g.iterrows()]

    region_firms = firms.index[firms["county"] == params["region"]].to_numpy()

    def b3():
        region_set = np.zeros(len(firms), dtype=bool)
        region_set[region_firms] = True
        def vals(p):
            s = month_slice(p)
            s = s[region_set[s["firm"].to_numpy()]]
            return pd.DataFrame({"firm": s["firm"], "v": s["revenue_cum"].fillna(s["revenue_cur"])})
        j = vals(L).merge(vals(L - 12), on="firm", suffixes=("", "_base"))
        j = j[j["v"].notna() & (j["v_base"] > 0)].copy()
        j["g"] = (j["v"] / j["v_base"] - 1.0) * 100.0
        j = j.sort_values(["g", "firm"], ascending=[False, True], kind="stable").head(params["top_n"])
        return list(zip(j["firm"], j["v"], j["v_base"]))

    def b4():
        lo, hi = np.searchsorted(m_col, [L - 12, L + 1])
        w = ind.iloc[lo:hi]
        m = w["m"].to_numpy()
        rev = w["revenue_cur"]
        frame = pd.DataFrame({"firm": w["firm"].to_numpy(), "now": rev.where(m >= L - 11).to_numpy(),
                              "prev": rev.where(m <= L - 1).to_numpy()})
        g = frame.groupby("firm", sort=False).sum(min_count=1)
        thr = threshold[g.index.to_numpy()]
        ok = (thr > 0) & (g["now"].to_numpy() >= thr) & (g["prev"].to_numpy() < thr)
        sel = g[ok]
        return list(zip(sel.index, sel["now"]))

    industry_codes = firms["industry"].cat.codes.to_numpy()
    industry_cats = firms["industry"].cat.categories

    def c():
        s = month_slice(L)
        ok_cat = np.asarray(industry_cats.str.startswith(params["prefix"]), dtype=bool)
        firm_ok = np.where(industry_codes >= 0, ok_cat[industry_codes], False)
        mask = firm_ok[s["firm"].to_numpy()] & (s["revenue_cur"].to_numpy() >= params["floor_yuan"])
        out = s["output_cur"].to_numpy()[mask]
        out = out[~np.isnan(out)]
        return [(out.sum(), len(out))]

    result = {"peer": "pandas", "version": pd.__version__, "numpy": np.__version__, "rows": len(ind), "load": load}
    run_queries("pandas", {"b1": b1, "b2": b2, "b3": b3, "b4": b4, "c": c}, reps, result, out_dir)


# ---------------------------------------------------------------- SQLite

SQLITE_SCHEMA = """
PRAGMA journal_mode = OFF;
PRAGMA synchronous = OFF;
PRAGMA cache_size = -2000000;
PRAGMA temp_store = MEMORY;
CREATE TABLE raw (uscc TEXT, month TEXT, output_cur REAL, output_cum REAL, revenue_cur REAL, revenue_cum REAL,
                  profit_cur REAL, profit_cum REAL, employees INTEGER, rnd_cur REAL, energy_cur REAL);
CREATE TABLE firms (firm INTEGER PRIMARY KEY, uscc TEXT NOT NULL UNIQUE, county TEXT NOT NULL, industry TEXT,
                    threshold INTEGER);
CREATE TABLE links (firm INTEGER NOT NULL, link INTEGER NOT NULL, PRIMARY KEY (link, firm)) WITHOUT ROWID;
"""

SQLITE_BUILD = """
PRAGMA cache_size = -2000000;
PRAGMA temp_store = MEMORY;
CREATE INDEX firms_county ON firms (county);
CREATE INDEX links_firm ON links (firm, link);
CREATE TABLE ind (firm INTEGER NOT NULL, m INTEGER NOT NULL, output_cur INTEGER, output_cum INTEGER,
                  revenue_cur INTEGER, revenue_cum INTEGER, profit_cur INTEGER, profit_cum INTEGER,
                  employees INTEGER, rnd_cur INTEGER, energy_cur INTEGER,
                  PRIMARY KEY (m, firm)) WITHOUT ROWID;
INSERT INTO ind
  SELECT f.firm, CAST(substr(r.month, 1, 4) AS INTEGER) * 12 + CAST(substr(r.month, 6, 2) AS INTEGER) - 1,
         CAST(round(NULLIF(r.output_cur, '') * 10000) AS INTEGER), CAST(round(NULLIF(r.output_cum, '') * 10000) AS INTEGER),
         CAST(round(NULLIF(r.revenue_cur, '') * 10000) AS INTEGER), CAST(round(NULLIF(r.revenue_cum, '') * 10000) AS INTEGER),
         CAST(round(NULLIF(r.profit_cur, '') * 10000) AS INTEGER), CAST(round(NULLIF(r.profit_cum, '') * 10000) AS INTEGER),
         CAST(NULLIF(r.employees, '') AS INTEGER), CAST(round(NULLIF(r.rnd_cur, '') * 10000) AS INTEGER),
         CAST(round(NULLIF(r.energy_cur, '') * 1000) AS INTEGER)
  FROM raw r CROSS JOIN firms f ON f.uscc = r.uscc;  -- file order: (month, firm) already, so the key appends
DROP TABLE raw;
ANALYZE;
"""


def sqlite_peer(out_dir, csv, reps):
    import sqlite3

    params = json.load(open(os.path.join(out_dir, "params.json")))
    L = params["latest_index"]
    db = os.path.join(out_dir, "peer_sqlite.db")
    for suffix in ("", "-journal", "-wal", "-shm"):
        if os.path.exists(db + suffix):
            os.remove(db + suffix)
    cli = subprocess.run(["sqlite3", "--version"], capture_output=True, text=True).stdout.split()[0]

    def sh(script):
        subprocess.run(["sqlite3", db], input=script, text=True, check=True, stdout=subprocess.DEVNULL)

    load = {}
    sh(SQLITE_SCHEMA)
    t = time.perf_counter()
    # Empty fields stay NULL-able text ('') in REAL columns; the build step maps them to NULL.
    sh(f".mode csv\n.import --skip 1 {out_dir}/firms_dim.csv firms\n.import --skip 1 {out_dir}/links.csv links\n")
    sh("UPDATE firms SET threshold = NULL WHERE threshold = '';")
    load["dimension_ms"] = (time.perf_counter() - t) * 1000
    import resource

    def child_cpu():
        r = resource.getrusage(resource.RUSAGE_CHILDREN)
        return (r.ru_utime + r.ru_stime) * 1000

    t, c0 = time.perf_counter(), child_cpu()
    sh(f"PRAGMA journal_mode = OFF;\nPRAGMA synchronous = OFF;\n.mode csv\n.import --skip 1 {csv} raw\n")
    load["read_csv_ms"] = (time.perf_counter() - t) * 1000
    load["read_csv_cpu_ms"] = child_cpu() - c0
    t = time.perf_counter()
    sh(SQLITE_BUILD)
    load["table_ms"] = (time.perf_counter() - t) * 1000 + load["read_csv_ms"]
    load["table_cpu_ms"] = child_cpu() - c0

    con = sqlite3.connect(db)
    con.execute("PRAGMA cache_size = -4000000")
    con.execute("PRAGMA temp_store = MEMORY")
    count = con.execute("SELECT count(*) FROM ind").fetchone()[0]
    queries_sql = {
        # CROSS JOIN fixes the join order: left to itself the planner walks firms by county and
        # skip-scans ind per firm (about 5× slower).
        "b1": "SELECT f.county, i.m, SUM(i.output_cur) FROM ind i CROSS JOIN firms f ON f.firm = i.firm GROUP BY f.county, i.m",
        "b2": f"""SELECT l.link, SUM(a.revenue_cur),
                    SUM(CASE WHEN b.revenue_cur IS NOT NULL THEN a.revenue_cur END),
                    SUM(CASE WHEN a.revenue_cur IS NOT NULL THEN b.revenue_cur END)
                  FROM ind a JOIN links l ON l.firm = a.firm
                  LEFT JOIN ind b ON b.m = {L - 12} AND b.firm = a.firm
                  WHERE a.m = {L} GROUP BY l.link""",
        "b3": f"""WITH c AS (SELECT firm FROM firms WHERE county = '{params['region']}'),
                  n AS (SELECT a.firm, COALESCE(a.revenue_cum, a.revenue_cur) AS v FROM c JOIN ind a ON a.m = {L} AND a.firm = c.firm),
                  b AS (SELECT a.firm, COALESCE(a.revenue_cum, a.revenue_cur) AS v FROM c JOIN ind a ON a.m = {L - 12} AND a.firm = c.firm)
                  SELECT n.firm, n.v, b.v FROM n JOIN b ON b.firm = n.firm
                  WHERE n.v IS NOT NULL AND b.v > 0
                  ORDER BY (CAST(n.v AS REAL) / CAST(b.v AS REAL) - 1.0) * 100.0 DESC, n.firm ASC LIMIT {params['top_n']}""",
        "b4": f"""WITH w AS (SELECT firm, SUM(CASE WHEN m >= {L - 11} THEN revenue_cur END) AS now,
                                   SUM(CASE WHEN m <= {L - 1} THEN revenue_cur END) AS prev
                            FROM ind WHERE m BETWEEN {L - 12} AND {L} GROUP BY firm)
                  SELECT w.firm, w.now FROM w JOIN firms f ON f.firm = w.firm
                  WHERE f.threshold > 0 AND w.now >= f.threshold AND w.prev < f.threshold""",
        "c": f"""SELECT COALESCE(SUM(i.output_cur), 0), COUNT(i.output_cur) FROM ind i JOIN firms f ON f.firm = i.firm
                 WHERE i.m = {L} AND f.industry LIKE '{params['prefix']}%' AND i.revenue_cur >= {params['floor_yuan']}""",
    }
    queries = {k: (lambda sql=sql: con.execute(sql).fetchall()) for k, sql in queries_sql.items()}
    result = {"peer": "sqlite", "version": sqlite3.sqlite_version, "cli": cli, "rows": count, "load": load}
    run_queries("sqlite", queries, reps, result, out_dir)


def main():
    if len(sys.argv) < 4 or sys.argv[1] not in ("pandas", "sqlite"):
        raise SystemExit(__doc__)
    peer, out_dir, csv = sys.argv[1], os.path.abspath(sys.argv[2]), os.path.abspath(sys.argv[3])
    reps = int(sys.argv[4]) if len(sys.argv) > 4 else (5 if peer == "pandas" else 3)
    (pandas_peer if peer == "pandas" else sqlite_peer)(out_dir, csv, reps)


if __name__ == "__main__":
    main()
