#!/usr/bin/env python3
"""Scores colophon's HTML metadata (title, authors, date) against wcxb-dev's ground truth.

Predictions are one JSON file per page, <id>.json, as `colophon-eval-html --meta-out DIR` writes
them: {"id": "0001", "title": "...", "authors": ["...", ...], "date": "2023-01-07"}. A page with
no prediction file counts as predicting nothing.

What counts as right, per field (every page of the truth file is scored for every field):

  title   the normalised strings are equal, or their word-token F1 is >= TITLE_F1 (a word more
          or less in a long title; a site name kept beside a one-word title fails). Normalised:
          Unicode NFKC, case-folded, every run of punctuation and whitespace one space.
  author  the set of names matches: the truth and the prediction are split into names (on
          , ; | & / and "and"); each truth name must be matched by a predicted name and each
          predicted name by a truth name, two names matching when the word tokens of one are
          all among the other's ("Jane Doe" and "Dr. Jane Doe"). Parts of the truth that
          qualify a name rather than name someone are not names: degrees ("MS", "RD", "PhD",
          "Ph.D.", "E-RYT 200": capitals, digits, stops) and roles ("CEO of X": a
          part with a lower-case word such as "of", "at", "the"); the same parts of a predicted
          name are set aside the same way ("Jane Doe, MS, RD" predicted for "Jane Doe, MS, RD").
  date    the same ISO day (the first ten characters, YYYY-MM-DD); a truth given only to the
          month needs the same month.

A field whose truth is empty (null or "") is right when the prediction is empty too: a page
without an author is read right only when no author is claimed.

usage: tools/eval/score_html_meta.py --pred DIR --truth ground-truth.json [--by page_type]
                                     [--json] [--show FIELD]
Standard library only.
"""

import argparse
import html
import collections
import json
import os
import re
import sys
import unicodedata

TITLE_F1 = 0.9
FIELDS = ("title", "author", "date")
WORD_RE = re.compile(r"\w+", re.UNICODE)
NAME_SPLIT_RE = re.compile(r"\s*(?:[,;|&/]|\band\b|\bund\b|\bet\b)\s*", re.UNICODE)
DEGREE_WORDS = {"PhD", "MSc", "BSc", "MEd", "Jr", "Sr"}
ROLE_WORDS = {"of", "at", "for", "the", "in", "from", "with", "to"}


def normalise(text):
    text = unicodedata.normalize("NFKC", text or "").casefold()
    return " ".join(WORD_RE.findall(text.replace("_", " ")))


def tokens(text):
    return normalise(text).split()


def token_f1(a, b):
    ta, tb = collections.Counter(tokens(a)), collections.Counter(tokens(b))
    common = sum((ta & tb).values())
    if common == 0:
        return 0.0
    p, r = common / sum(ta.values()), common / sum(tb.values())
    return 2 * p * r / (p + r)


def title_right(pred, truth):
    if not normalise(truth):
        return not normalise(pred)
    return normalise(pred) == normalise(truth) or token_f1(pred, truth) >= TITLE_F1


def is_qualifier(part):
    words = WORD_RE.findall(part)
    if not words:
        return True
    degree = "." in part or all(w.isupper() or w.isdigit() or w in DEGREE_WORDS for w in words)
    role = any(w in ROLE_WORDS for w in words)
    return degree or role


def split_names(text, drop_qualifiers):
    names = []
    for i, part in enumerate(NAME_SPLIT_RE.split(text or "")):
        part = part.strip()
        if not WORD_RE.search(part):
            continue
        if drop_qualifiers and i > 0 and is_qualifier(part):
            continue
        t = frozenset(tokens(part))
        if t and t not in names:
            names.append(t)
    return names


def names_match(a, b):
    return a <= b or b <= a


def author_right(pred_names, truth):
    truth_names = split_names(html.unescape(truth or ""), True)
    predicted = []
    for n in pred_names:
        predicted += [t for t in split_names(n, True) if t not in predicted]
    if not truth_names:
        return not predicted
    return (all(any(names_match(p, t) for p in predicted) for t in truth_names) and
            all(any(names_match(p, t) for t in truth_names) for p in predicted))


def date_right(pred, truth):
    truth = (truth or "").strip()[:10]
    pred = (pred or "").strip()[:10]
    if not truth:
        return not pred
    return pred[:len(truth)] == truth


def load_pred(pred_dir, page_id):
    path = os.path.join(pred_dir, page_id + ".json")
    if not os.path.exists(path):
        return {}
    with open(path, encoding="utf-8") as f:
        return json.load(f)


def judge(pred, truth):
    return {"title": title_right(pred.get("title", ""), truth.get("title")),
            "author": author_right(pred.get("authors", []), truth.get("author")),
            "date": date_right(pred.get("date", ""), truth.get("publish_date"))}


def summary(verdicts):
    out = {}
    for f in FIELDS:
        right = sum(1 for v in verdicts if v[f])
        out[f] = {"accuracy": right / max(1, len(verdicts)), "right": right, "pages": len(verdicts)}
    return out


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--pred", required=True, help="folder of <id>.json predictions")
    ap.add_argument("--truth", required=True, help="wcxb-dev ground-truth.json")
    ap.add_argument("--by", choices=["page_type"], help="also per page type")
    ap.add_argument("--json", action="store_true", help="print the figures as JSON")
    ap.add_argument("--show", choices=FIELDS, help="list the pages this field gets wrong")
    args = ap.parse_args()

    with open(args.truth, encoding="utf-8") as f:
        truth = json.load(f)
    verdicts, by_type, wrong = [], collections.defaultdict(list), []
    for page_id in sorted(truth):
        t = truth[page_id]
        pred = load_pred(args.pred, page_id)
        v = judge(pred, t)
        verdicts.append(v)
        by_type[t.get("page_type") or "unknown"].append(v)
        if args.show and not v[args.show]:
            key = {"title": "title", "author": "author", "date": "publish_date"}[args.show]
            got = pred.get("authors" if args.show == "author" else args.show)
            wrong.append((page_id, t.get("page_type"), t.get(key), got))
    result = {"all": summary(verdicts)}
    if args.by or args.json:
        result["by_page_type"] = {k: summary(v) for k, v in sorted(by_type.items())}
    if args.json:
        print(json.dumps(result, indent=1, sort_keys=True))
        return 0
    rows = [("all", result["all"])] + sorted(result.get("by_page_type", {}).items()) if args.by else \
        [("all", result["all"])]
    print("%-14s %6s %7s %7s %7s" % ("set", "pages", "title", "author", "date"))
    for name, s in rows:
        print("%-14s %6d %7.3f %7.3f %7.3f" % (name, s["title"]["pages"], s["title"]["accuracy"],
                                               s["author"]["accuracy"], s["date"]["accuracy"]))
    for page_id, kind, t, got in wrong:
        print("%s\t%s\ttruth=%r\tgot=%r" % (page_id, kind, t, got))
    return 0


if __name__ == "__main__":
    sys.exit(main())
