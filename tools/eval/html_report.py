#!/usr/bin/env python3
"""One table of colophon's HTML extraction quality on every HTML dev set in ../shared.

Runs ``colophon-eval-html`` once per set (one process converts every page of the set), then
scores its output with the reference scorer ``../shared/eval/score_html.py``:

  article-extraction-benchmark  shingle F1 (the benchmark's 4-gram method), word F1
  wcxb-dev                      word F1 overall and per page type (WCXB's method), shingle F1,
                                the snippet score of evaldata.json
  both                          empty outputs for pages whose ground truth has text, the
                                extraction methods used (main pass or a fallback step), and
                                page-type recognition against wcxb-dev's page_type
  wcxb-dev metadata             title / author / date accuracy from tools/eval/score_html_meta.py,
                                when that script exists and colophon-eval-html has --meta-out
                                (METADATA HOOK below; the script belongs to issue 12 item 5)

The page-type model (converters/html/models) is trained on both sets, so where the kind of page
matters these numbers are in-sample; `tools/train/train-page-type.py --score` gives them with each
page's kind guessed by a model that never saw its site.

With --speed it also times libxml2's bare parse against the whole conversion (convert, TEI,
schema validation, serialisation) on each set, CPU time on one core, and reports peak RSS.

usage: tools/eval/html_report.py [--build build/dev] [--shared ../shared] [--work DIR]
                                 [--speed] [--repeat N] [--json]
Run from the repository root. Standard library only.
"""

import argparse
import collections
import json
import os
import re
import subprocess
import sys
import tempfile

# Published word-F1 figures of rs-trafilatura on WCXB's dev folder (the per-type targets).
WCXB_TARGETS = {"all": 0.87, "article": 0.932, "documentation": 0.932, "service": 0.844, "forum": 0.808,
                "collection": 0.716, "listing": 0.707, "product": 0.641}
BENCH_TARGET = 0.975
META_TARGETS = {"title": 0.85, "author": 0.85, "date": 0.92}
TOKEN_RE = re.compile(r"\w+", re.UNICODE)


def run(cmd, **kw):
    res = subprocess.run(cmd, capture_output=True, text=True, **kw)
    if res.returncode not in (0, 1):  # colophon-eval-html exits 1 when some page failed
        sys.exit("failed (%d): %s\n%s" % (res.returncode, " ".join(cmd), res.stderr[-2000:]))
    return res


def score(shared, pred, truth, *extra):
    cmd = [sys.executable, os.path.join(shared, "eval", "score_html.py"), "--pred", pred, "--truth", truth,
           "--json", "--bootstrap", "0", *extra]
    return json.loads(run(cmd).stdout)


def has_flag(binary, flag):
    return flag in run([binary, "--help"]).stdout


def convert_set(binary, pages, work, with_meta):
    pred = os.path.join(work, "pred")
    cmd = [binary, pages, "--no-tei", "--out", pred]
    meta = None
    if with_meta:
        meta = os.path.join(work, "meta")
        cmd += ["--meta-out", meta]
    res = run(cmd)
    return pred, meta, res.stdout.strip()


def empty_with_truth(pred, truth_texts):
    """Pages whose ground truth has words and whose output has none."""
    out = []
    for i, t in truth_texts.items():
        if not TOKEN_RE.search(t):
            continue
        path = os.path.join(pred, i + ".txt")
        text = open(path, encoding="utf-8", errors="replace").read() if os.path.exists(path) else ""
        if not TOKEN_RE.search(text):
            out.append(i)
    return out


def page_info(pred):
    """id -> (page_type, method) from the pages.tsv colophon-eval-html writes beside the texts."""
    info = {}
    path = os.path.join(pred, "pages.tsv")
    if os.path.exists(path):
        with open(path, encoding="utf-8") as f:
            next(f, None)
            for line in f:
                parts = line.rstrip("\n").split("\t")
                if len(parts) >= 3:
                    info[parts[0]] = (parts[1], parts[2])
    return info


def speed(binary, pages, repeat):
    parse = run([binary, pages, "--parse-only", "--repeat", str(repeat)]).stdout
    full = run([binary, pages, "--repeat", str(repeat)]).stdout
    cpu = lambda s: float(re.search(r"CPU ([0-9.]+) s", s).group(1))
    rss = lambda s: re.search(r"peak RSS ([0-9.]+) MB", s).group(1)
    held = lambda s: (re.search(r"pages held ([0-9.]+) MB", s) or re.search(r"()", "")).group(1)
    return {"parse_cpu_s": cpu(parse), "full_cpu_s": cpu(full), "ratio": cpu(full) / cpu(parse),
            "peak_rss_mb": float(rss(full)), "pages_held_mb": float(held(full) or "nan")}


def metadata(root, shared, meta_dir):
    # METADATA HOOK (issue 12 item 5): tools/eval/score_html_meta.py scores <id>.json files
    # that colophon-eval-html --meta-out writes; both come from the metadata work. Without
    # them the table says "n/a".
    script = os.path.join(root, "tools", "eval", "score_html_meta.py")
    if meta_dir is None or not os.path.exists(script):
        return None
    truth = os.path.join(shared, "corpora", "wcxb-dev", "ground-truth.json")
    res = run([sys.executable, script, "--pred", meta_dir, "--truth", truth, "--json"])
    try:
        figures = json.loads(res.stdout)
        out = {f: figures["all"][f]["accuracy"] for f in META_TARGETS if f in figures["all"]}
        out["by_page_type"] = {t: {f: g[f]["accuracy"] for f in META_TARGETS}
                               for t, g in figures.get("by_page_type", {}).items()}
        return out
    except (ValueError, KeyError):
        return None


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--build", default="build/dev")
    ap.add_argument("--shared", default="../shared")
    ap.add_argument("--work", help="where outputs go (default: a temporary folder, kept)")
    ap.add_argument("--speed", action="store_true", help="also time parse-only against the whole conversion")
    ap.add_argument("--repeat", type=int, default=3, help="passes over each set when timing")
    ap.add_argument("--json", action="store_true", help="print the figures as JSON")
    args = ap.parse_args()

    root = os.getcwd()
    binary = os.path.join(args.build, "tools", "eval", "colophon-eval-html")
    corpora = os.path.join(args.shared, "corpora")
    if not os.path.exists(binary):
        sys.exit("no %s: build the colophon-eval-html target first" % binary)
    if not os.path.isdir(corpora):
        sys.exit("no %s: the shared corpora are needed" % corpora)
    work = args.work or tempfile.mkdtemp(prefix="colophon-html-report-")
    with_meta = has_flag(binary, "--meta-out")
    result = {"work": work}

    # 1. article-extraction-benchmark
    bench = os.path.join(corpora, "article-extraction-benchmark")
    bench_truth = os.path.join(bench, "ground-truth.json")
    pred, _, line = convert_set(binary, os.path.join(bench, "html"), os.path.join(work, "bench"), False)
    texts = {k: v.get("articleBody") or "" for k, v in json.load(open(bench_truth, encoding="utf-8")).items()}
    result["bench"] = {"run": line, "shingle": score(args.shared, pred, bench_truth),
                       "word": score(args.shared, pred, bench_truth, "--metric", "word"),
                       "empty": empty_with_truth(pred, texts), "pages": len(texts), "info": page_info(pred)}

    # 2. wcxb-dev
    wcxb = os.path.join(corpora, "wcxb-dev")
    wcxb_truth = os.path.join(wcxb, "ground-truth.json")
    pred, meta_dir, line = convert_set(binary, os.path.join(wcxb, "html"), os.path.join(work, "wcxb"), with_meta)
    truth = json.load(open(wcxb_truth, encoding="utf-8"))
    texts = {k: v.get("articleBody") or "" for k, v in truth.items()}
    info = page_info(pred)
    result["wcxb"] = {"run": line, "word": score(args.shared, pred, wcxb_truth, "--metric", "word", "--by", "page_type"),
                      "shingle": score(args.shared, pred, wcxb_truth),
                      "snippets": score(args.shared, pred, os.path.join(wcxb, "evaldata.json"), "--mode", "snippets"),
                      "empty": empty_with_truth(pred, texts), "pages": len(texts), "info": info,
                      "metadata": metadata(root, args.shared, meta_dir)}
    if any(t for t, _ in info.values()):
        pairs = collections.Counter((truth[i]["page_type"], info[i][0]) for i in truth if i in info)
        result["wcxb"]["page_type_accuracy"] = sum(c for (t, p), c in pairs.items() if t == p) / max(1, sum(pairs.values()))
        result["wcxb"]["page_type_confusion"] = {"%s->%s" % k: c for k, c in sorted(pairs.items())}

    # 3. speed and memory
    if args.speed:
        result["speed"] = {"bench": speed(binary, os.path.join(bench, "html"), args.repeat),
                           "wcxb": speed(binary, os.path.join(wcxb, "html"), args.repeat)}

    if args.json:
        print(json.dumps(result, indent=1, sort_keys=True))
    else:
        print_table(result)
    return 0


def methods(info):
    c = collections.Counter(m for _, m in info.values())
    return ", ".join("%s %d" % kv for kv in sorted(c.items(), key=lambda kv: -kv[1])) or "n/a"


def print_table(r):
    rows = []
    add = lambda s, m, v, t="": rows.append((s, m, v, t))
    prf = lambda x: "%.3f (P %.3f R %.3f)" % (x["f1"], x["precision"], x["recall"])
    b, w = r["bench"], r["wcxb"]
    add("article-extraction-benchmark", "shingle F1", prf(b["shingle"]), ">= %.3f" % BENCH_TARGET)
    add("", "word F1", prf(b["word"]))
    add("", "empty outputs (truth has text)", "%d of %d" % (len(b["empty"]), b["pages"]), "0")
    add("", "methods", methods(b["info"]))
    add("wcxb-dev", "word F1", prf(w["word"]), ">= %.3f" % WCXB_TARGETS["all"])
    for t, g in w["word"].get("by_page_type", {}).items():
        add("", "  " + t, "%.3f (P %.3f R %.3f) n=%d" % (g["f1"], g["precision"], g["recall"], g["documents"]),
            ">= %.3f" % WCXB_TARGETS.get(t, 0))
    add("", "shingle F1", prf(w["shingle"]))
    s = w["snippets"]
    add("", "snippets F1", "%.3f (P %.3f R %.3f)" % (s["f1"], s["precision"], s["recall"]))
    add("", "empty outputs (truth has text)", "%d of %d" % (len(w["empty"]), w["pages"]), "0")
    add("", "methods", methods(w["info"]))
    if "page_type_accuracy" in w:
        add("", "page type recognised", "%.3f" % w["page_type_accuracy"],
            "trained on these pages: see tools/train/train-page-type.py --score")
    m = w["metadata"]
    for f, target in META_TARGETS.items():
        add("", "metadata %s accuracy" % f, "%.3f" % m[f] if m and f in m else "n/a", ">= %.2f" % target)
    for t, g in (m or {}).get("by_page_type", {}).items():
        add("", "  metadata " + t, "title %.3f author %.3f date %.3f" % (g["title"], g["author"], g["date"]))
    for name, sp in r.get("speed", {}).items():
        add("speed " + name, "conversion / bare parse (CPU)",
            "%.2fx (%.2f s / %.2f s)" % (sp["ratio"], sp["full_cpu_s"], sp["parse_cpu_s"]), "<= 1.5x")
        add("", "peak RSS", "%.1f MB (pages held in memory %.1f MB)" % (sp["peak_rss_mb"], sp["pages_held_mb"]),
            "< 100 MB beyond the pages")
    width = [max(len(x[k]) for x in rows) for k in range(4)]
    for row in rows:
        print("  ".join(x.ljust(width[k]) for k, x in enumerate(row)).rstrip())
    print("outputs: %s" % r["work"])


if __name__ == "__main__":
    sys.exit(main())
