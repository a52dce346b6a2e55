#!/usr/bin/env python3
"""Split firms.tsv into a tune part (~60%) and a test part (~40%) by id.

A row goes to test.tsv when int(sha256(id).hexdigest(), 16) % 5 < 2, else to
tune.tsv. The split depends on the id alone, so it never changes when rows are
appended. Without --write the script prints the per-part counts; with --write
it also writes tune.tsv and test.tsv (same header) beside firms.tsv.
Python 3 standard library only.
"""
import hashlib
import os
import sys

CHAINS = ["钢铁", "不锈钢", "装配式建筑", "汽车零部件", "智能制造装备", "新材料",
          "新能源与节能环保", "氢能", "集成电路", "生物医药", "食品饮料", "新一代信息技术"]

HERE = os.path.dirname(os.path.abspath(__file__))


def is_test(row_id):
    return int(hashlib.sha256(row_id.encode("utf-8")).hexdigest(), 16) % 5 < 2


def main(argv):
    write = "--write" in argv[1:]
    src = os.path.join(HERE, "firms.tsv")
    with open(src, encoding="utf-8", newline="") as f:
        lines = f.read().split("\n")
    if lines and lines[-1] == "":
        lines.pop()
    header, body = lines[0], lines[1:]
    parts = {"tune": [], "test": []}
    for line in body:
        row_id = line.split("\t", 1)[0]
        parts["test" if is_test(row_id) else "tune"].append(line)
    for name in ("tune", "test"):
        rows = parts[name]
        counts = {c: 0 for c in CHAINS}
        negatives = 0
        for line in rows:
            chains = [c for c in line.split("\t")[4].split("|") if c]
            if not chains:
                negatives += 1
            for c in chains:
                counts[c] += 1
        print(f"{name}: {len(rows)} rows, {negatives} with no chain")
        print("  " + "  ".join(f"{c}={counts[c]}" for c in CHAINS))
        if write:
            with open(os.path.join(HERE, name + ".tsv"), "w", encoding="utf-8", newline="\n") as out:
                out.write(header + "\n")
                for line in rows:
                    out.write(line + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
