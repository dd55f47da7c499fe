#!/usr/bin/env python3
"""Prints the compact tables of docs/performance.md from imapkit_bench's JSON output.

    report.py RESULTS.json [--markdown]

Table 1: every benchmark with MB/s, messages/s, heap allocations and arena bytes per message,
and the share of messages the parser rejected. With repetitions, the median is shown.
Table 2: imapkit's response parser against each peer, input by input: imapkit MB/s divided by
the peer's MB/s in the same run (> 1: imapkit is faster). imapkit's reference is
imapkit_response (the typed parser) when the run has it, else imapkit_generic.
"""

import argparse
import json
import sys

REFERENCE_PARSERS = ("imapkit_response", "imapkit_generic")
NOT_PEERS = ("imapkit_", "pipeline_", "framer", "memchr_lines", "serialize_")


def load(path):
    with open(path) as f:
        data = json.load(f)
    rows = {}
    for b in data["benchmarks"]:
        if b.get("run_type") == "aggregate":
            if b.get("aggregate_name") != "median":
                continue
            name = b["run_name"]
        else:
            name = b.get("run_name", b["name"])
            if name in rows:  # repetitions without aggregates: keep the first
                continue
        rows[name] = b
    return data.get("context", {}), rows


def fmt(value, digits=1):
    if value is None:
        return "-"
    if value >= 100:
        return f"{value:,.0f}"
    return f"{value:.{digits}f}"


def table(headers, lines, markdown):
    if markdown:
        out = ["| " + " | ".join(headers) + " |", "|" + "|".join("---" for _ in headers) + "|"]
        out += ["| " + " | ".join(line) + " |" for line in lines]
        return "\n".join(out)
    widths = [max(len(h), *(len(l[i]) for l in lines)) if lines else len(h)
              for i, h in enumerate(headers)]
    def row(cells):
        return "  ".join(c.ljust(w) if i == 0 else c.rjust(w)
                         for i, (c, w) in enumerate(zip(cells, widths)))
    return "\n".join([row(headers), row(["-" * w for w in widths])] + [row(l) for l in lines])


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("results")
    parser.add_argument("--markdown", action="store_true")
    args = parser.parse_args()
    context, rows = load(args.results)

    lines = []
    for name, b in rows.items():
        mbps = b.get("bytes_per_second")
        lines.append([
            name,
            fmt(mbps / 1e6 if mbps else None),
            fmt(b.get("items_per_second")),
            fmt(b.get("allocs/msg"), 2),
            fmt(b.get("arena_B/msg"), 0) if "arena_B/msg" in b else "-",
            fmt(b.get("rejected%"), 1) if "rejected%" in b else "-",
        ])
    print(table(["benchmark", "MB/s", "messages/s", "allocs/msg", "arena B/msg", "rejected %"],
                lines, args.markdown))

    # imapkit against each peer, per input.
    reference = next((p for p in REFERENCE_PARSERS
                      if any(n.startswith(p + "/") for n in rows)), None)
    peers = sorted({n.split("/")[0] for n in rows if not n.startswith(NOT_PEERS)})
    if reference and peers:
        inputs = [n.split("/", 1)[1] for n in rows if n.startswith(reference + "/")]
        ratio_lines = []
        for inp in inputs:
            mine = rows[f"{reference}/{inp}"].get("bytes_per_second")
            cells = [inp, fmt(mine / 1e6 if mine else None)]
            for peer in peers:
                theirs = rows.get(f"{peer}/{inp}", {}).get("bytes_per_second")
                cells.append(f"{mine / theirs:.2f}x" if mine and theirs else "-")
            ratio_lines.append(cells)
        print()
        print(f"{reference} MB/s divided by each peer's MB/s on the same input:")
        print(table(["input", f"{reference} MB/s"] + peers, ratio_lines, args.markdown))

    if context:
        print()
        cpu = f"{context.get('num_cpus', '?')} x {context.get('mhz_per_cpu', '?')} MHz"
        print(f"run: {context.get('date', '?')}  host: {context.get('host_name', '?')}  cpus: {cpu}"
              f"  libbenchmark build: {context.get('library_build_type', '?')}")


if __name__ == "__main__":
    sys.exit(main())
