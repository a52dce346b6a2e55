#!/usr/bin/env python3
"""Derives two of qiangqu's reference files from the public copies in ../shared/reference.

  data/regions-mca/regions.csv       from mumuy/data_location list.json (MIT): code,name,
                                      without the non-standard 71/81/82 (Taiwan, Hong Kong,
                                      Macao) codes that the source says it made up.
  data/gbt4754-2017/industry_classes.csv  from the flattened ramwin/china-public-data list
                                      (GPL-3.0) with its 12 corrected names:
                                      code,name,level,parent,section.
Run from the repository root: tools/refdata/derive.py SHARED_REFERENCE_DIR
"""
import csv
import json
import sys

ref = sys.argv[1] if len(sys.argv) > 1 else "../shared/reference"

regions = json.load(open(f"{ref}/admin_divisions/mumuy_list.json", encoding="utf-8"))
with open("data/regions-mca/regions.csv", "w", encoding="utf-8", newline="") as out:
    w = csv.writer(out, lineterminator="\n")
    w.writerow(["code", "name"])
    for code in sorted(regions):
        if code[:2] in ("71", "81", "82", "83"):
            continue
        w.writerow([code, regions[code]])

with open(f"{ref}/gbt4754_2017/gbt4754_2017_flat_corrected.csv", encoding="utf-8") as src, \
        open("data/gbt4754-2017/industry_classes.csv", "w", encoding="utf-8", newline="") as out:
    w = csv.writer(out, lineterminator="\n")
    w.writerow(["code", "name", "level", "parent", "section"])
    for row in csv.DictReader(src):
        w.writerow([row["code"], row["name"], row["level"], row["parent_code"], row["section"]])
