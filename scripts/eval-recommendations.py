#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Score the recommendations found in prose against a hand-made list.

tests/data/recommendations/expected.txt lists, for each of our sample and
fixture articles, the sentences of its prose a careful reader takes for
the writer's advice ("=" found, "!" missed) and the sentences the detector
finds wrongly ("x"). Only the truth ("=" and "!") is used here: the
detector's output comes from running

    viewpoints --outline --format=json ARTICLE...

so the marks may go stale without fooling the score (the test
tests/test-recommendations.c catches stale marks). Prints, per article and
overall, the true positives, false positives and misses, then precision and
recall, and lists every miss and false positive.
"""

import argparse
import json
import os
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)


def load_truth(path):
    articles = []
    current = None
    with open(path, encoding="utf-8") as f:
        for number, line in enumerate(f, 1):
            line = line.rstrip("\n")
            if not line or line.startswith("#"):
                continue
            if line.startswith("[") and line.endswith("]"):
                current = (line[1:-1], [])
                articles.append(current)
                continue
            if current is None or len(line) < 3 or line[1] != " " or line[0] not in "=!x":
                sys.exit("%s:%d: not a mark and a sentence" % (path, number))
            if line[0] in "=!":
                current[1].append(line[2:])
    return articles


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--viewpoints", default=os.path.join(ROOT, "build", "src", "viewpoints"),
                        help="the built command line (default: build/src/viewpoints)")
    parser.add_argument("--expected",
                        default=os.path.join(ROOT, "tests", "data", "recommendations", "expected.txt"),
                        help="the hand-made list")
    args = parser.parse_args()

    truth = load_truth(args.expected)
    paths = [os.path.join(ROOT, source) for source, _ in truth]
    run = subprocess.run([args.viewpoints, "--outline", "--format=json"] + paths,
                         capture_output=True, text=True, encoding="utf-8")
    if run.returncode != 0:
        sys.exit("viewpoints failed (%d): %s" % (run.returncode, run.stderr.strip()))
    found = {os.path.relpath(a["source"], ROOT): [r["text"] for r in a["recommendations"]]
             for a in json.loads(run.stdout)["articles"]}

    total_tp = total_fp = total_fn = 0
    problems = []
    print("%-48s %4s %4s %4s" % ("article", "TP", "FP", "FN"))
    for source, expected in truth:
        got = found.get(source)
        if got is None:
            sys.exit("%s was not read" % source)
        tp = sum(1 for s in got if s in expected)
        fp = [s for s in got if s not in expected]
        fn = [s for s in expected if s not in got]
        total_tp += tp
        total_fp += len(fp)
        total_fn += len(fn)
        problems += [("false positive", source, s) for s in fp]
        problems += [("missed", source, s) for s in fn]
        print("%-48s %4d %4d %4d" % (source, tp, len(fp), len(fn)))

    precision = total_tp / (total_tp + total_fp) if total_tp + total_fp else 1.0
    recall = total_tp / (total_tp + total_fn) if total_tp + total_fn else 1.0
    print("%-48s %4d %4d %4d" % ("all", total_tp, total_fp, total_fn))
    print()
    print("precision %.3f (%d of %d found are recommendations)"
          % (precision, total_tp, total_tp + total_fp))
    print("recall    %.3f (%d of %d recommendations found)"
          % (recall, total_tp, total_tp + total_fn))
    if problems:
        print()
        for kind, source, sentence in problems:
            print("%s: %s: %s" % (kind, os.path.basename(source), sentence))


if __name__ == "__main__":
    main()
