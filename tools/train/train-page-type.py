#!/usr/bin/python3
"""Trains the page-type model colophon compiles in (converters/html/models/page_type.ubj).

Reads every page of the two HTML dev sets in ../shared through `colophon-eval-html --page-features`
(the numbers the converter itself computes, html_page_features.cpp), labels wcxb-dev's pages with
their ground-truth page_type and the article-extraction-benchmark's news pages as articles, then:

  1. cross-validates by site: pages of one host are never in two folds; prints accuracy per kind,
     the confusion table, and writes each page's out-of-fold guess (TSV: id, kind) for
     `colophon-eval-html --page-types` to score what the guesses do to extraction;
  2. with --score, converts both sets with those guesses where the program would take them (the
     policy of html_page_model.cpp: a probability of at least MIN_PROBABILITY on a page of at least
     MIN_LETTERS letters, else the declared kind) and prints score_html.py's numbers: what the model
     does to extraction on pages of sites it never saw, and wcxb-dev's metadata accuracy
     (tools/eval/score_html_meta.py: which kinds keep a byline depends on the kind);
  3. with --write-model, trains the model on every page and writes it.

Deterministic: fixed seed, folds from a hash of the host, one thread per fit order.
Needs Debian's python3-xgboost (run with /usr/bin/python3). From the repository root:

  tools/train/train-page-type.py [--build build/dev] [--shared ../shared] [--out DIR] [--score]
                                 [--write-model]
"""

import argparse
import collections
import hashlib
import json
import os
import subprocess
import sys
import tempfile
import urllib.parse

import numpy as np
import xgboost as xgb

FOLDS = 5
SEED = 20261203
PARAMS = {
    "objective": "multi:softprob",
    "max_depth": 4,
    "eta": 0.1,
    "min_child_weight": 2,
    "subsample": 0.8,
    "colsample_bytree": 0.8,
    "lambda": 1.0,
    "seed": SEED,
    "nthread": 2,
    "eval_metric": "mlogloss",
}
ROUNDS = 150
# html_page_model.cpp's min_probability and model_min_letters (keep them equal)
MIN_PROBABILITY = 0.5
MIN_LETTERS = 2000
SETS = {"wcxb-dev": "corpora/wcxb-dev", "benchmark": "corpora/article-extraction-benchmark"}


def read_features(binary, pages, path):
    res = subprocess.run([binary, pages, "--page-features", path], capture_output=True, text=True)
    if res.returncode not in (0, 1):
        sys.exit("colophon-eval-html failed (%d): %s" % (res.returncode, res.stderr[-2000:]))
    with open(path, encoding="utf-8") as f:
        kinds = f.readline().split(":", 1)[1].split()
        names = f.readline().rstrip("\n").split("\t")[2:]
        rows, declared = {}, {}
        for line in f:
            cells = line.rstrip("\n").split("\t")
            declared[cells[0]] = cells[1]
            rows[cells[0]] = [float(x) for x in cells[2:]]
    return kinds, names, rows, declared


def host_of(url):
    host = urllib.parse.urlsplit(url or "").hostname or ""
    return host[4:] if host.startswith("www.") else host


def load(args, work):
    """Rows, labels, hosts and ids of every page of both sets."""
    X, y, hosts, ids, declared = [], [], [], [], []
    kinds = names = None
    for set_name, rel in SETS.items():
        root = os.path.join(args.shared, rel)
        truth = json.load(open(os.path.join(root, "ground-truth.json"), encoding="utf-8"))
        kinds, names, rows, declared_kind = read_features(args.binary, os.path.join(root, "html"),
                                           os.path.join(work, set_name + ".tsv"))
        for page_id, row in sorted(rows.items()):
            t = truth.get(page_id)
            if t is None:
                continue
            kind = t.get("page_type", "article") if set_name == "wcxb-dev" else "article"
            X.append(row)
            y.append(kinds.index(kind))
            hosts.append(host_of(t.get("url")) or set_name + ":" + page_id)
            ids.append((set_name, page_id))
            declared.append(declared_kind[page_id])
    return kinds, names, np.array(X, dtype=np.float32), np.array(y), hosts, ids, declared


def folds_by_host(hosts):
    """Fold of each page: hosts ordered by a hash, each given to the fold with fewest pages so far."""
    count = collections.Counter(hosts)
    order = sorted(count, key=lambda h: hashlib.sha256(h.encode()).hexdigest())
    size = [0] * FOLDS
    fold_of = {}
    for h in sorted(order, key=lambda h: -count[h]):  # big hosts first, ties in hash order
        f = min(range(FOLDS), key=lambda i: size[i])
        fold_of[h] = f
        size[f] += count[h]
    return np.array([fold_of[h] for h in hosts])


def weights(y, n_kinds):
    """Each kind weighs as much as the square root of its share says: rare kinds are not drowned."""
    count = np.bincount(y, minlength=n_kinds).astype(float)
    w = 1.0 / np.sqrt(count / count.sum())
    return w[y] / w[y].mean()


def fit(X, y, n_kinds):
    params = dict(PARAMS, num_class=n_kinds)
    return xgb.train(params, xgb.DMatrix(X, label=y, weight=weights(y, n_kinds)), ROUNDS)


def report(kinds, y, guess, title):
    n = len(kinds)
    conf = np.zeros((n, n), dtype=int)
    for t, g in zip(y, guess):
        conf[t, g] += 1
    print("%s: accuracy %.3f over %d pages" % (title, (y == guess).mean(), len(y)))
    print("  true \\ guess " + " ".join(k[:6].rjust(6) for k in kinds) + "  recall precision")
    for i, k in enumerate(kinds):
        rec = conf[i, i] / max(1, conf[i].sum())
        prec = conf[i, i] / max(1, conf[:, i].sum())
        print("  %-13s" % k + " ".join(str(c).rjust(6) for c in conf[i]) + "  %.3f  %.3f" % (rec, prec))


def score_extraction(args, set_name, rel, types, work):
    root = os.path.join(args.shared, rel)
    pred = os.path.join(work, set_name + ".pred")
    meta = os.path.join(work, set_name + ".meta")
    res = subprocess.run([args.binary, os.path.join(root, "html"), "--no-tei", "--out", pred, "--page-types", types,
                          "--meta-out", meta], capture_output=True, text=True)
    if res.returncode not in (0, 1):
        sys.exit("colophon-eval-html failed (%d): %s" % (res.returncode, res.stderr[-2000:]))
    cmd = [sys.executable, os.path.join(args.shared, "eval", "score_html.py"), "--pred", pred, "--truth",
           os.path.join(root, "ground-truth.json"), "--bootstrap", "0"]
    if set_name == "wcxb-dev":
        cmd += ["--metric", "word", "--by", "page_type"]
    print(subprocess.run(cmd, capture_output=True, text=True, check=True).stdout.rstrip())
    if set_name == "wcxb-dev":
        # title / author / date: the kind of page decides whether a byline is kept
        cmd = [sys.executable, os.path.join(os.path.dirname(__file__), "..", "eval", "score_html_meta.py"),
               "--pred", meta, "--truth", os.path.join(root, "ground-truth.json"), "--by", "page_type"]
        print(subprocess.run(cmd, capture_output=True, text=True, check=True).stdout.rstrip())


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--build", default="build/dev")
    ap.add_argument("--shared", default="../shared")
    ap.add_argument("--out", help="directory for the out-of-fold guesses (default: a temporary one)")
    ap.add_argument("--score", action="store_true", help="score extraction with the cross-validated guesses")
    ap.add_argument("--write-model", action="store_true", help="write converters/html/models/page_type.ubj")
    args = ap.parse_args()
    args.binary = os.path.join(args.build, "tools", "eval", "colophon-eval-html")
    work = args.out or tempfile.mkdtemp(prefix="page-type-")
    os.makedirs(work, exist_ok=True)

    kinds, names, X, y, hosts, ids, declared = load(args, work)
    fold = folds_by_host(hosts)
    oof = np.zeros((len(y), len(kinds)))
    for f in range(FOLDS):
        train, test = fold != f, fold == f
        oof[test] = fit(X[train], y[train], len(kinds)).predict(xgb.DMatrix(X[test]))
    guess = oof.argmax(axis=1)
    wcxb = np.array([s == "wcxb-dev" for s, _ in ids])
    report(kinds, y[wcxb], guess[wcxb], "cross-validated by host (%d folds), wcxb-dev" % FOLDS)
    print("cross-validated, article-extraction-benchmark: %d of %d read as articles"
          % ((guess[~wcxb] == kinds.index("article")).sum(), (~wcxb).sum()))
    for set_name in SETS:
        path = os.path.join(work, set_name + ".oof.tsv")
        with open(path, "w", encoding="utf-8") as out:
            for (s, page_id), g, p in zip(ids, guess, oof):
                if s == set_name:
                    out.write("%s\t%s\t%.3f\n" % (page_id, kinds[g], p.max()))
        print("out-of-fold guesses: " + path)

    if args.score:
        letters = np.expm1(X[:, names.index("letters")])
        taken = (oof.max(axis=1) >= MIN_PROBABILITY) & (letters >= MIN_LETTERS)
        policy = [kinds[g] if t else d for g, t, d in zip(guess, taken, declared)]
        print("the program's kinds, cross-validated: model on %d of %d pages, accuracy %.3f on wcxb-dev "
              "(declarations alone: %.3f)" % (taken.sum(), len(taken),
                                              np.mean([p == kinds[t] for p, t, w in zip(policy, y, wcxb) if w]),
                                              np.mean([d == kinds[t] for d, t, w in zip(declared, y, wcxb) if w])))
        for set_name, rel in SETS.items():
            types = os.path.join(work, set_name + ".policy.tsv")
            with open(types, "w", encoding="utf-8") as out:
                for (s, page_id), kind in zip(ids, policy):
                    if s == set_name:
                        out.write("%s\t%s\n" % (page_id, kind))
            score_extraction(args, set_name, rel, types, work)

    if args.write_model:
        model = fit(X, y, len(kinds))
        # XGBoost's binary JSON: a quarter of the JSON text's load time (18 ms against 80 ms)
        path = os.path.join("converters", "html", "models", "page_type.ubj")
        model.save_model(path)
        gain = model.get_score(importance_type="gain")
        top = sorted(gain.items(), key=lambda kv: -kv[1])[:12]
        print("model: %s (%d features, %d kinds); most gain: %s" % (
            path, len(names), len(kinds), ", ".join(names[int(k[1:])] for k, _ in top)))


if __name__ == "__main__":
    main()
