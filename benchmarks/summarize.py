#!/usr/bin/env python3
"""Summarise a JMH JSON result of the benchmarks against the targets of docs/performance.md.

    java -jar benchmarks/target/benchmarks.jar -prof gc -rf json -rff results.json
    python3 benchmarks/summarize.py results.json

Prints, per benchmark, the median and range (lowest-highest) of every measured iteration of
every fork, for time and for bytes allocated per operation, then the ratios beside the targets.
"""

import json
import statistics
import sys

NAMES = {
    "plainTimer": "plainTimer (floor)",
    "anchorBootDefaultObservation": "anchorBootDefaultObservation (anchor)",
    "anchorBootDefaultTraced": "anchorBootDefaultTraced (anchor, traced)",
    "anchorBootDefaultObservationTwoThreads": "anchorBootDefaultObservationTwoThreads (anchor)",
}


def iterations(metric):
    return [score for fork in metric["rawData"] for score in fork]


def alloc_metric(result):
    for key, metric in result.get("secondaryMetrics", {}).items():
        if key.lstrip("\u00b7") == "gc.alloc.rate.norm":
            return metric
    return None


def describe(values, digits):
    fmt = "{:,.%df}" % digits
    return fmt.format(statistics.median(values)), fmt.format(min(values)), fmt.format(max(values))


def main(path):
    with open(path) as f:
        results = json.load(f)
    rows = {}
    print("| benchmark | threads | time/op median | range | B/op median | range |")
    print("|---|---:|---:|---:|---:|---:|")
    for result in results:
        name = result["benchmark"].rsplit(".", 1)[1]
        metric = result["primaryMetric"]
        unit = metric["scoreUnit"]
        times = iterations(metric)
        digits = 3 if unit.startswith("ms") else 1
        median, low, high = describe(times, digits)
        alloc = alloc_metric(result)
        allocs = iterations(alloc) if alloc else None
        bytes_median, bytes_low, bytes_high = describe(allocs, 0) if allocs else ("n/a", "", "")
        rows[name] = (statistics.median(times), statistics.median(allocs) if allocs else None, unit)
        print(f"| {NAMES.get(name, name)} | {result['threads']} | {median} {unit} | {low}-{high} "
              f"| {bytes_median} | {bytes_low}-{bytes_high} |")

    print()
    print("| target | measured | verdict |")
    print("|---|---:|---|")

    def check(label, measured, ok):
        print(f"| {label} | {measured} | {'met' if ok else 'missed'} |")

    if "toolCallObserved" in rows and "anchorBootDefaultObservation" in rows:
        tool, anchor = rows["toolCallObserved"], rows["anchorBootDefaultObservation"]
        ratio = tool[0] / anchor[0]
        check("toolCallObserved / anchorBootDefaultObservation, time <= 1.0", f"{ratio:.2f}", ratio <= 1.0)
        if tool[1] is not None and anchor[1] is not None:
            check("toolCallObserved B/op <= anchorBootDefaultObservation B/op",
                  f"{tool[1]:,.0f} vs {anchor[1]:,.0f}", tool[1] <= anchor[1])
    if "toolCallNoopRegistry" in rows:
        noop = rows["toolCallNoopRegistry"]
        check("toolCallNoopRegistry <= 25 ns/op", f"{noop[0]:.1f} ns/op", noop[0] <= 25)
        if noop[1] is not None:
            # JMH reports a fraction of a byte when a GC happened to run during the iteration
            check("toolCallNoopRegistry 0 B/op", f"{noop[1]:.3f} B/op", noop[1] < 1)
    if "scrape10kSeries" in rows:
        scrape = rows["scrape10kSeries"]
        check("scrape of 10k series < 50 ms", f"{scrape[0]:.1f} ms", scrape[0] < 50)
    if "toolCallTraced" in rows and "anchorBootDefaultTraced" in rows:
        ratio = rows["toolCallTraced"][0] / rows["anchorBootDefaultTraced"][0]
        print(f"| toolCallTraced / anchorBootDefaultTraced, time (reported, no target) | {ratio:.2f} | - |")
    if "toolCallObservedTwoThreads" in rows and "anchorBootDefaultObservationTwoThreads" in rows:
        ratio = rows["toolCallObservedTwoThreads"][0] / rows["anchorBootDefaultObservationTwoThreads"][0]
        print(f"| toolCallObservedTwoThreads / anchorBootDefaultObservationTwoThreads, time "
              f"(reported, no target) | {ratio:.2f} | - |")


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit("usage: summarize.py results.json")
    main(sys.argv[1])
