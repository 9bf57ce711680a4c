#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Measure extraction against real pages with published truth.

Runs `viewpoints --outline --format=json` on every case of the corpus
(../shared/corpus by default: <source>/<case>/source.html and truth.json)
and prints, per source and overall:

  title    exact-match rate of the title, after whitespace normalisation
  authors  rate of cases whose authors match the truth byline (see
           authors_match: the same set of name words, ignoring "by", "and",
           dates and times; no authors when the truth has none)
  body F1  the article-extraction benchmark's method (scrapinghub's
           article-extraction-benchmark, evaluate.py): tokens are runs of
           word characters, each text is the multiset of its 4-token
           shingles, a page's TP/FP/FN are the shingle-count overlaps
           divided by their sum, precision and recall are means over pages,
           F1 comes from those two means
  lists    recall of the truth's <ol> items among our outline items
  must     trafilatura cases: share of must_contain segments found and
           must_not_contain segments absent

Only fields a source annotates (truth_fields) are scored. The script skips
cleanly when the corpus is absent, so it can run anywhere.
"""

import argparse
import collections
import concurrent.futures
import json
import os
import re
import statistics
import subprocess
import sys
import unicodedata

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)

WORD_RE = re.compile(r"\w+", re.UNICODE)
SPACE_RE = re.compile(r"\s+", re.UNICODE)


def normalise_space(text):
    return SPACE_RE.sub(" ", (text or "").replace("\u00a0", " ")).strip()


def words(text):
    return WORD_RE.findall(text or "")


# Body F1 ------------------------------------------------------------------

def shingles(text, n=4):
    tokens = words(text)
    grams = collections.Counter()
    # A text shorter than n tokens is one shingle of what it has.
    for i in range(max(1, len(tokens) - n + 1)):
        gram = tuple(tokens[i:i + n])
        if gram:
            grams[gram] += 1
    return grams


def shingle_overlap(truth, predicted):
    t = shingles(truth)
    p = shingles(predicted)
    tp = sum((t & p).values())
    fp = sum(p.values()) - tp
    fn = sum(t.values()) - tp
    total = tp + fp + fn
    if total:
        return tp / total, fp / total, fn / total
    return 0.0, 0.0, 0.0


def page_precision(tp, fp, fn):
    if fp == 0 and fn == 0:
        return 1.0
    if tp == 0 and fp == 0:
        return 0.0
    return tp / (tp + fp)


def page_recall(tp, fp, fn):
    if fp == 0 and fn == 0:
        return 1.0
    if tp == 0 and fn == 0:
        return 0.0
    return tp / (tp + fn)


def body_scores(overlaps):
    precisions = [page_precision(*o) for o in overlaps if o[0] + o[1] > 0]
    recalls = [page_recall(*o) for o in overlaps if o[0] + o[2] > 0]
    p = statistics.mean(precisions) if precisions else 0.0
    r = statistics.mean(recalls) if recalls else 0.0
    f1 = 2 * p * r / (p + r) if p + r else 0.0
    return p, r, f1


# Authors -------------------------------------------------------------------

MONTHS = {
    "jan", "january", "feb", "february", "mar", "march", "apr", "april", "may",
    "jun", "june", "jul", "july", "aug", "august", "sep", "sept", "september",
    "oct", "october", "nov", "november", "dec", "december",
}
IGNORED = {"by", "and", "par", "von", "written", "edited", "am", "pm", "updated", "posted"}


def name_words(text):
    result = set()
    for w in words(text.lower()):
        if w in IGNORED or w in MONTHS or w.isdigit():
            continue
        result.add(w)
    return result


def authors_match(truth, authors):
    if not truth:
        return not authors
    return bool(authors) and name_words(" ".join(authors)) == name_words(truth)


# Lists ---------------------------------------------------------------------

def outline_items(article):
    stack = []
    for section in article.get("sections", []):
        stack.extend(section.get("items", []))
    while stack:
        item = stack.pop()
        yield normalise_space(item.get("text", ""))
        stack.extend(item.get("children", []))


def item_found(truth_item, ours):
    wanted = normalise_space(truth_item)
    if not wanted:
        return True
    if wanted in ours:
        return True
    wanted_words = set(words(wanted.lower()))
    if not wanted_words:
        return True
    for text in ours:
        got = set(words(text.lower()))
        if got and len(wanted_words & got) / len(wanted_words | got) >= 0.8:
            return True
    return False


# Running -------------------------------------------------------------------

def run_case(binary, case_dir, timeout):
    source = os.path.join(case_dir, "source.html")
    try:
        proc = subprocess.run([binary, "--outline", "--format=json", source],
                              capture_output=True, timeout=timeout)
    except subprocess.TimeoutExpired:
        return None, "timed out"
    if proc.returncode not in (0, 1):
        return None, "exit status %d: %s" % (proc.returncode,
                                             proc.stderr.decode("utf-8", "replace").strip())
    try:
        articles = json.loads(proc.stdout.decode("utf-8"))["articles"]
    except (ValueError, KeyError) as e:
        return None, "bad JSON: %s" % e
    if not articles:
        return None, proc.stderr.decode("utf-8", "replace").strip() or "no article"
    return articles[0], None


def body_text(article):
    return "\n\n".join(b.get("text", "") for b in article.get("blocks", []))


def evaluate(args):
    cases = []
    for source in sorted(os.listdir(args.corpus)):
        folder = os.path.join(args.corpus, source)
        if not os.path.isdir(folder) or (args.source and source not in args.source):
            continue
        for case in sorted(os.listdir(folder)):
            truth_path = os.path.join(folder, case, "truth.json")
            if os.path.exists(truth_path):
                cases.append((source, os.path.join(folder, case), truth_path))

    if args.case:
        cases = [c for c in cases if any(sel in c[1] for sel in args.case)]

    results = []
    with concurrent.futures.ThreadPoolExecutor(max_workers=args.jobs) as pool:
        futures = [pool.submit(run_case, args.binary, c[1], args.timeout) for c in cases]
        for (source, case_dir, truth_path), future in zip(cases, futures):
            with open(truth_path, encoding="utf-8") as f:
                truth = json.load(f)
            article, error = future.result()
            results.append((source, case_dir, truth, article, error))
    return results


def report(results, verbose):
    # Misses are listed once, with their source; the overall row repeats
    # the same cases.
    per_source = collections.OrderedDict()
    for source, case_dir, truth, article, error in results:
        per_source.setdefault(source, []).append((case_dir, truth, article, error))
    per_source["overall"] = [r[1:] for r in results]

    rows = []
    for source, cases in per_source.items():
        show = verbose and source != "overall"
        titles = []
        authors = []
        overlaps = []
        list_found = list_total = 0
        must_ok = must_total = 0
        failures = 0
        for case_dir, truth, article, error in cases:
            name = os.path.relpath(case_dir, os.path.dirname(os.path.dirname(case_dir)))
            fields = truth.get("truth_fields", [])
            if article is None:
                failures += 1
                if show:
                    print("FAIL  %s: %s" % (name, error))
                article = {}
            if "title" in fields:
                ok = normalise_space(article.get("title")) == normalise_space(truth.get("title"))
                titles.append(ok)
                if show and not ok:
                    print("TITLE %s: %r != %r" % (name, article.get("title"), truth.get("title")))
            if "byline" in fields:
                ok = authors_match(truth.get("byline"), article.get("authors", []))
                authors.append(ok)
                if show and not ok:
                    print("AUTH  %s: %r != %r" % (name, article.get("authors"), truth.get("byline")))
            if "body_text" in fields and truth.get("body_text") is not None:
                o = shingle_overlap(truth["body_text"], body_text(article))
                overlaps.append(o)
                if show:
                    p, r = page_precision(*o), page_recall(*o)
                    if p < 0.9 or r < 0.9:
                        print("BODY  %s: precision %.3f recall %.3f" % (name, p, r))
            if "lists" in fields and truth.get("lists"):
                ours = set(outline_items(article))
                for lst in truth["lists"]:
                    for item in lst:
                        list_total += 1
                        if item_found(item, ours):
                            list_found += 1
                        elif show:
                            print("LIST  %s: missing %r" % (name, item[:80]))
            extra = truth.get("extra") or {}
            if "must_contain" in fields or "must_not_contain" in fields:
                text = normalise_space(body_text(article))
                for seg in extra.get("must_contain") or []:
                    must_total += 1
                    if normalise_space(seg) in text:
                        must_ok += 1
                    elif show:
                        print("MUST  %s: missing %r" % (name, seg[:80]))
                for seg in extra.get("must_not_contain") or []:
                    must_total += 1
                    if normalise_space(seg) not in text:
                        must_ok += 1
                    elif show:
                        print("NOT   %s: present %r" % (name, seg[:80]))

        p, r, f1 = body_scores(overlaps)
        rows.append({
            "source": source,
            "cases": len(cases),
            "failed": failures,
            "title": (sum(titles) / len(titles)) if titles else None,
            "title_n": len(titles),
            "authors": (sum(authors) / len(authors)) if authors else None,
            "authors_n": len(authors),
            "body_precision": p if overlaps else None,
            "body_recall": r if overlaps else None,
            "body_f1": f1 if overlaps else None,
            "body_n": len(overlaps),
            "list_recall": (list_found / list_total) if list_total else None,
            "list_n": list_total,
            "must": (must_ok / must_total) if must_total else None,
            "must_n": must_total,
        })
    return rows


def fmt(value, n):
    if value is None:
        return "      -"
    return "%.3f/%d" % (value, n)


def main():
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--corpus", default=os.path.join(ROOT, "..", "shared", "corpus"))
    parser.add_argument("--binary", default=os.path.join(ROOT, "build", "src", "viewpoints"))
    parser.add_argument("--source", action="append", help="only this source (repeatable)")
    parser.add_argument("--case", action="append", help="only cases whose path contains this")
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 2)
    parser.add_argument("--timeout", type=float, default=60)
    parser.add_argument("--json", help="also write the figures to this file")
    parser.add_argument("-v", "--verbose", action="store_true", help="list every miss")
    args = parser.parse_args()

    if not os.path.isdir(args.corpus):
        print("eval-corpus: no corpus at %s; skipping" % args.corpus)
        return 0
    if not os.access(args.binary, os.X_OK):
        print("eval-corpus: %s is not built" % args.binary, file=sys.stderr)
        return 2

    rows = report(evaluate(args), args.verbose)

    print("%-12s %6s %6s %12s %12s %12s %12s %12s %12s %12s" % (
        "source", "cases", "failed", "title", "authors", "body P", "body R", "body F1",
        "list rec.", "must"))
    for row in rows:
        print("%-12s %6d %6d %12s %12s %12s %12s %12s %12s %12s" % (
            row["source"], row["cases"], row["failed"],
            fmt(row["title"], row["title_n"]), fmt(row["authors"], row["authors_n"]),
            fmt(row["body_precision"], row["body_n"]), fmt(row["body_recall"], row["body_n"]),
            fmt(row["body_f1"], row["body_n"]), fmt(row["list_recall"], row["list_n"]),
            fmt(row["must"], row["must_n"])))

    if args.json:
        with open(args.json, "w", encoding="utf-8") as f:
            json.dump(rows, f, indent=2)
    return 0


if __name__ == "__main__":
    sys.exit(main())
