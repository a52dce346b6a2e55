#!/usr/bin/env python3
"""Compares the peers' results of bench/indicators and prints the table; exits 1 if any peer's
answer differs from qiangqu's. The last two lines are the ratios:

    indicators: worst ratio qiangqu/fastest peer = R   (over the dashboard queries b1–b4)
    indicators: ad-hoc ratio qiangqu/fastest peer = A  (query c)

Also writes OUT_DIR/table.md (the table as Markdown, for docs/benchmarks.md).
usage: report.py OUT_DIR [ELAPSED_SECONDS]
"""
import json
import os
import sys

PEERS = ["duckdb", "pandas", "sqlite"]
NAMES = {"qiangqu": "qiangqu", "duckdb": "DuckDB", "pandas": "pandas", "sqlite": "SQLite"}
LABELS = {
    "b1": "b1 totals by region × month",
    "b2": "b2 同比 by chain link, latest month",
    "b3": "b3 top 50 firms of a region by revenue growth",
    "b4": "b4 规上 threshold crossings, latest month",
    "c": "c  ad-hoc: Σ output, code prefix + revenue floor",
}


def main():
    out = sys.argv[1]
    elapsed = int(sys.argv[2]) if len(sys.argv) > 2 else None
    res = {"qiangqu": json.load(open(os.path.join(out, "qiangqu.json")))}
    for p in PEERS:
        res[p] = json.load(open(os.path.join(out, f"{p}.json")))
    params = json.load(open(os.path.join(out, "params.json")))

    # Same data, same answers.
    failures = []
    for p in PEERS:
        if res[p]["rows"] != res["qiangqu"]["rows"]:
            failures.append(f"{NAMES[p]} loaded {res[p]['rows']} rows, qiangqu {res['qiangqu']['rows']}")
        for q in LABELS:
            a, b = res["qiangqu"]["queries"][q], res[p]["queries"][q]
            if a["checksum"] != b["checksum"] or a["rows"] != b["rows"]:
                failures.append(f"{q}: {NAMES[p]} answered {b['rows']} rows checksum {b['checksum']}, "
                                f"qiangqu {a['rows']} rows checksum {a['checksum']}")
    if failures:
        print("FAIL: the peers do not return the same answers:", file=sys.stderr)
        for f in failures:
            print("  " + f, file=sys.stderr)
        sys.exit(1)

    cols = ["qiangqu"] + PEERS
    lines = []
    head = f"| {'':52} | " + " | ".join(f"{NAMES[c]:>10}" for c in cols) + " | fastest peer | qiangqu / fastest |"
    lines.append(head)
    lines.append("|" + "-" * 54 + "|" + "|".join(["-" * 12] * len(cols)) + "|--------------|-------------------|")

    def fmt(v):
        return f"{v:10.4f}" if v < 1 else f"{v:10.3f}" if v < 100 else f"{v:10.0f}"

    qq = res["qiangqu"]
    ql = qq["load"]
    load_rows = [
        ("load: CSV → what the queries read (ms)", {"qiangqu": ql["total_ms"], **{p: res[p]["load"]["table_ms"] for p in PEERS}}),
        ("  the same, CPU time of all threads (ms)", {"qiangqu": ql["total_cpu_ms"], **{p: res[p]["load"]["table_cpu_ms"] for p in PEERS}}),
        ("load: read_csv into a table, as it is (ms)", {p: res[p]["load"]["read_csv_ms"] for p in PEERS}),
        ("  the same, CPU time of all threads (ms)", {p: res[p]["load"]["read_csv_cpu_ms"] for p in PEERS}),
        ("load: firm dimension (ms)", {"qiangqu": ql["firms_dimension_ms"], **{p: res[p]["load"]["dimension_ms"] for p in PEERS}}),
    ]
    for label, vals in load_rows:
        cells = " | ".join(fmt(vals[c]) if c in vals else f"{'':>10}" for c in cols)
        peers = {p: vals[p] for p in PEERS if p in vals}
        best = min(peers, key=peers.get)
        ratio = f"{vals['qiangqu'] / peers[best]:17.4f}" if "qiangqu" in vals else f"{'':17}"
        lines.append(f"| {label:52} | {cells} | {NAMES[best]:>12} | {ratio} |")
    ratios = {}
    for q, label in LABELS.items():
        vals = {c: res[c]["queries"][q]["ms"] for c in cols}
        peers = {p: vals[p] for p in PEERS}
        best = min(peers, key=peers.get)
        ratios[q] = vals["qiangqu"] / peers[best]
        cells = " | ".join(fmt(vals[c]) for c in cols)
        lines.append(f"| {label + ' (ms)':52} | {cells} | {NAMES[best]:>12} | {ratios[q]:17.6f} |")
    table = "\n".join(lines)
    print(table)
    with open(os.path.join(out, "table.md"), "w") as f:
        f.write(table + "\n")

    p = qq["persist"]
    print()
    print("answers identical in all four (rows, checksum): " +
          "; ".join(f"{q} {qq['queries'][q]['rows']} {qq['queries'][q]['checksum']}" for q in LABELS))
    print(f"rows: {qq['rows']:,} firm-months of {qq['firms']:,} firms; latest month {params['latest_month']}; "
          f"region of b3 {params['region']} ({params['region_firms']} firms); ad-hoc: prefix {params['prefix']}, "
          f"floor {params['floor_yuan']} 元")
    print(f"qiangqu load: parse {ql['parse_ms']:.0f} ms + columns {ql['columns_ms']:.0f} ms + roll-ups "
          f"{ql['rollups_ms']:.0f} ms = {ql['total_ms']:.0f} ms (cpu {ql['total_cpu_ms']:.0f} ms); "
          f"dataset {qq['memory']['dataset_bytes'] / 1e9:.2f} GB, peak RSS {qq['memory']['peak_rss_mb']} MB")
    if p["rows_ms"] >= 0:
        print(f"qiangqu SQLite persistence (WAL, synchronous=NORMAL, one transaction each): firms {p['firms_ms']:.0f} ms, "
              f"{p['rows']:,} firm-months {p['rows_ms']:.0f} ms ({p['rows'] / (p['rows_ms'] / 1000):,.0f} rows/s); "
              f"reference data {p['init_ms']:.0f} ms")
    print("runs timed per query after a warm-up (median): " +
          "; ".join(f"{NAMES[c]} " + "/".join(str(res[c]["queries"][q]["reps"]) for q in LABELS) for c in cols))
    print("versions: " + ", ".join(f"{NAMES[c]} {res[c].get('version', '')}" for c in PEERS))
    worst = max(ratios[q] for q in ("b1", "b2", "b3", "b4"))
    slowest_dash = max(qq["queries"][q]["ms"] for q in ("b1", "b2", "b3", "b4"))
    duck_read = res["duckdb"]["load"]["read_csv_ms"]
    goals = [
        (f"every dashboard query under 5 ms (slowest {slowest_dash:.3f} ms)", slowest_dash < 5),
        (f"R <= 0.1 (R = {worst:.6f})", worst <= 0.1),
        (f"A <= 0.5 (A = {ratios['c']:.6f})", ratios["c"] <= 0.5),
        (f"load no slower than DuckDB's read_csv ({ql['total_ms']:.0f} ms vs {duck_read:.0f} ms)", ql["total_ms"] <= duck_read),
    ]
    for text, ok in goals:
        print(f"goal {'met' if ok else 'MISSED'}: {text}")
    if elapsed is not None:
        print(f"whole run: {elapsed // 60} min {elapsed % 60} s")
    print(f"indicators: worst ratio qiangqu/fastest peer = {worst:.6f}")
    print(f"indicators: ad-hoc ratio qiangqu/fastest peer = {ratios['c']:.6f}")


if __name__ == "__main__":
    main()
