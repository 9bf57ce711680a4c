#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Check the command line's outline of the seed article against its hand-checked truth.

The seed (../shared/seeds/: the text a reader copied and an HTML rendition
of the page) is the article the product was designed from; seed-expected.json
holds the outline and actor counts that `viewpoints --outline --format=json`
must give for both. Skips cleanly when the seeds are absent.
"""

import argparse
import json
import os
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)


def lead_in_ok(want, got):
    # The lead-in may be the whole paragraph or its last sentence.
    if want is None or got is None:
        return want == got
    return want == got or (got and want.endswith(got)) or got.endswith(want)


def compare(expected, article, site, problems):
    def check(name, want, got):
        if want != got:
            problems.append("%s: %r, expected %r" % (name, got, want))

    check("title", expected["title"], article["title"])
    check("authors", expected["authors"], article["authors"])
    check("outlet", expected["outlet"], article["outlet"])
    check("site", site, article["site"])

    want_sections = expected["sections"]
    got_sections = article["sections"]
    check("number of sections", len(want_sections), len(got_sections))
    for i, (ws, gs) in enumerate(zip(want_sections, got_sections)):
        where = "section %d" % (i + 1)
        check(where + " heading", ws["heading"], gs["heading"])
        if not lead_in_ok(ws["lead_in"], gs["lead_in"]):
            problems.append("%s lead-in: %r, expected %r" % (where, gs["lead_in"], ws["lead_in"]))
        check(where + " expected_count", ws["expected_count"], gs["expected_count"])
        check(where + " number of items", len(ws["items"]), len(gs["items"]))
        for j, (wi, gi) in enumerate(zip(ws["items"], gs["items"])):
            for key in ("label", "text", "actors"):
                check("%s item %d %s" % (where, j + 1, key), wi[key], gi.get(key))

    for actor, count in expected["mentions"].items():
        check("mentions of " + actor, count, article["mentions"].get(actor))

    body = "\n".join(block["text"] for block in article["blocks"])
    for text in expected.get("not_in_body", []):
        if text in body:
            problems.append("%r is in the body" % text)


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--seeds", default=os.path.join(ROOT, "..", "shared", "seeds"))
    parser.add_argument("--binary", default=os.path.join(ROOT, "build", "src", "viewpoints"))
    args = parser.parse_args()

    expected_path = os.path.join(args.seeds, "seed-expected.json")
    if not os.path.exists(expected_path):
        print("check-seed: no seeds at %s; skipping" % args.seeds)
        return 0

    with open(expected_path, encoding="utf-8") as f:
        expected = json.load(f)

    cases = []
    for name in sorted(os.listdir(args.seeds)):
        if name.endswith(".txt"):
            cases.append((name, None))
        elif name.endswith(".html"):
            cases.append((name, "The Levant"))

    failed = False
    for name, site in cases:
        proc = subprocess.run([args.binary, "--outline", "--format=json",
                               os.path.join(args.seeds, name)], capture_output=True)
        problems = []
        if proc.returncode != 0:
            problems.append("exit status %d: %s" % (proc.returncode,
                                                    proc.stderr.decode("utf-8", "replace")))
        else:
            article = json.loads(proc.stdout.decode("utf-8"))["articles"][0]
            compare(expected, article, site, problems)
        print("%-32s %s" % (name, "ok" if not problems else "FAILED"))
        for problem in problems:
            print("    " + problem)
        failed = failed or bool(problems)

    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
