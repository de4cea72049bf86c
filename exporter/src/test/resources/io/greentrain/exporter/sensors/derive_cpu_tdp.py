#!/usr/bin/env python3
"""Derives exporter/src/main/resources/io/greentrain/exporter/sensors/cpu-tdp.tsv from codecarbon's cpu_power.csv.

Usage: derive_cpu_tdp.py ../shared/data/codecarbon/cpu_power.csv > cpu-tdp.tsv

Output rows are `key<TAB>watts`: the key is the model name normalized exactly as CpuTdpTable.normalize does
(CpuTdpTableTest checks that every key is a fixed point of it), so loading needs no regex at startup.
"""
import csv
import re
import sys


def normalize(name):
    text = name.lower().replace("(r)", "").replace("(tm)", "").replace("\u00ae", "").replace("\u2122", "")
    text = re.sub(r"\([^)]*\)", " ", text)
    text = re.sub(r"@.*$", " ", text)
    text = re.sub(r"\bwith radeon.*$", " ", text)
    text = re.sub(r"\b\d+-core\b", " ", text)
    text = re.sub(r"\b\d+(st|nd|rd|th) gen\b", " ", text)
    text = re.sub(r"\b(cpu|processor|mobile)\b", " ", text)
    return re.sub(r"\s+", " ", text.strip())


def watts(text):
    text = text.strip()
    if text.count(".") == 2:  # "27.29.5": a range 27 to 29.5 W
        low, high = re.match(r"^(\d+)\.(\d+\.\d+)$", text).groups()
        return (float(low) + float(high)) / 2
    return float(text)


def main(path):
    rows = {}
    with open(path, newline="", encoding="utf-8-sig") as f:
        for row in csv.DictReader(f):
            value = watts(row["TDP"])
            key = normalize(" ".join(row["Name"].split()))
            if value > 0 and key and key not in rows:
                rows[key] = value
    out = sys.stdout
    out.write("# CPU thermal design power in watts per socket: %d models, key<TAB>watts.\n" % len(rows))
    out.write("# Derived from mlco2/codecarbon codecarbon/data/hardware/cpu_power.csv (MIT, Copyright (c) 2019 Mila, BCG Gamma,\n")
    out.write("# CometML, Haverford College), snapshot b05965e43b690cdc53787c7577adbe6e2caf4ed9, file last changed in 811df7ff;\n")
    out.write("# codecarbon built it from Intel ARK and AMD specification pages. Keys are the model names normalized as\n")
    out.write("# CpuTdpTable.normalize does (first row wins); ranges such as \"27.29.5\" (27 to 29.5 W) became their midpoint;\n")
    out.write("# one 0 W row was dropped. Script: exporter/src/test/resources/io/greentrain/exporter/sensors/derive_cpu_tdp.py\n")
    for key, value in rows.items():
        out.write("%s\t%g\n" % (key, value))


if __name__ == "__main__":
    main(sys.argv[1])
