#!/usr/bin/env python3
"""Medians over repeated runs of redirect-service/bench/run.sh.

usage: summarize_redirect.py SUMMARY_FILE EXPECTED_RUNS RUN.md...
Each RUN.md holds that script's table; this prints Markdown (the medians, then every run's own table) and
appends a one-line summary to SUMMARY_FILE. A run whose file is missing, or a size that failed to load,
counts as a failed run of that target and never enters a median.
"""
import os
import re
import statistics
import sys


def ms(cell):
    """wrk's latency ('850.00us', '3.54ms', '1.20s') in milliseconds."""
    m = re.fullmatch(r"\s*([0-9.]+)\s*(us|ms|s)\s*", cell)
    if not m:
        return None
    value, unit = float(m.group(1)), m.group(2)
    return value / 1000 if unit == "us" else value * 1000 if unit == "s" else value


def number(cell):
    m = re.match(r"\s*([0-9][0-9.,]*)", cell)
    return float(m.group(1).replace(",", "")) if m else None


def rows(path):
    """(target, req/s, p50 ms, p99 ms, ratio, rss MiB, notes) for each table row of one run."""
    out = []
    with open(path) as f:
        for line in f:
            cells = [c.strip() for c in line.strip().strip("|").split("|")]
            if len(cells) != 7 or not (cells[0].startswith("nginx") or cells[0].startswith("redirect")):
                continue
            target = "nginx `return 302`" if cells[0].startswith("nginx") else cells[0]
            out.append((target, number(cells[1]), ms(cells[2]), ms(cells[3]), number(cells[4]), number(cells[5]), cells[6]))
    return out


def median(values):
    values = [v for v in values if v is not None]
    return statistics.median(values) if values else None


def fmt(v, pattern):
    return "–" if v is None else pattern.format(v)


def main():
    summary_file, expected, files = sys.argv[1], int(sys.argv[2]), sys.argv[3:]
    files = [f for f in files if os.path.exists(f)]
    runs = [rows(f) for f in files]
    targets = []
    for run in runs:
        for r in run:
            if r[0] not in targets:
                targets.append(r[0])
    print("Median over %d run(s) (%d expected); each run measures nginx and then the redirect with each link count, "
          "and its ratio is against its own nginx figure." % (len(runs), expected))
    print()
    print("| target | runs ok | req/s | p50 ms | p99 ms | vs nginx | RSS MiB | failures |")
    print("|---|---|---|---|---|---|---|---|")
    summary = []
    for t in targets:
        ok = [r for run in runs for r in run if r[0] == t and r[1] is not None]
        failed = [r[6] for run in runs for r in run if r[0] == t and r[1] is None]
        missing = expected - len(ok) - len(failed)
        failures = "; ".join(failed + (["%d run(s) produced no result" % missing] if missing > 0 else []))
        rps, p50, p99 = median([r[1] for r in ok]), median([r[2] for r in ok]), median([r[3] for r in ok])
        ratio, rss = median([r[4] for r in ok]), median([r[5] for r in ok])
        print("| %s | %d of %d | %s | %s | %s | %s | %s | %s |" % (
            t, len(ok), expected, fmt(rps, "{:,.0f}"), fmt(p50, "{:.2f}"), fmt(p99, "{:.2f}"),
            fmt(ratio, "{:.2f}") if not t.startswith("nginx") else "1.00", fmt(rss, "{:,.0f}"), failures.replace("|", "/")))
        if t.endswith("half of peak"):
            summary.append("%s p99 %s ms at %s req/s" % (t.replace("redirect, ", "").replace(", half of peak", ""),
                                                         fmt(p99, "{:.2f}"), fmt(rps, "{:,.0f}")))
        elif t.startswith("redirect"):
            label = t.replace("redirect, ", "")
            summary.append("%s %s" % (label, "FAILED" if not ok else "%sx nginx, p99 %s ms" % (
                fmt(ratio, "{:.2f}"), fmt(p99, "{:.1f}"))))
    print()
    print("RSS: resident set after the measured run (idle RSS after loading is in each run's notes).")
    for i, f in enumerate(files, 1):
        print()
        print("<details><summary>run %d</summary>" % i)
        print()
        with open(f) as src:
            print(src.read().strip())
        print()
        print("</details>")
    with open(summary_file, "a") as s:
        s.write("redirect " + ", ".join(summary) + "\n")


if __name__ == "__main__":
    main()
