#!/usr/bin/env python3
"""Scores colophon's PDF conversion on every PDF dev set in one run, per producer.

  eval_pdf.py --build BUILD_DIR --shared SHARED_DIR --out OUT_DIR [--scans] [--sets a,b]
  eval_pdf.py --shared SHARED_DIR --out OUT_DIR ...   scores the predictions already in OUT_DIR

Sets (under SHARED_DIR/corpora):
  pdf-gen, pdf-gen2  generated articles with exact ground truth; born-digital always, the
                     scan_* variants with --scans (they go through OCR: ~3 s a page).
                     Scored with ../shared/eval/score_pdf.py (its score_doc and aggregate),
                     plus what it lacks:
                       prov_acc      "originally published in" title right (an article that
                                     names none must get none), over every document
                       prov_url_acc  its link target right, over documents that name one
                       abstract_acc  the lede as the abstract (normalised text similarity
                                     >= 0.9), over every document; abstract_sim is the mean
                                     similarity
  pdf-real           real PDFs: every file's words in order against pdftotext's
                     (words_r / words_p: longest common subsequence of the word streams over
                     pdftotext's / colophon's words; colophon's words are its title, subtitle,
                     authors, body and notes, so running headers and page numbers that
                     colophon drops cost a little recall); where gt/ has something:
                     full text in order (cermine_test2), title and authors (NLM metadata,
                     JATS content, a GROBID TEI that is a reference, not gold), body F1 and
                     order (JATS content, through score_pdf.py), OCR text (linn, with --scans).

Groups: the producer from MANIFEST.json (layout.producer when the manifest has none), else
the PDF's Producer entry, reduced to its family; scans form their own groups ("... scan").
Writes OUT/summary.json and OUT/per-doc.csv, prints one table per set.
"""
import argparse
import csv
import importlib.util
import json
import os
import re
import subprocess
import sys
import xml.etree.ElementTree as ET

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from scorer_json import scorer_shape  # colophon's document JSON -> the shape score_pdf.py reads

# An abstract counts as right when its normalised text is this similar to the lede: a
# de-hyphenation or quote difference costs a few characters, a missing sentence costs more.
ABSTRACT_SIM = 0.9

# PDF Producer entries -> family (first match wins); only for grouping the report.
PRODUCER_FAMILIES = [
    (r"pdftex|pdfetex|xetex|luatex", "pdflatex"),
    (r"libreoffice|openoffice", "libreoffice"),
    (r"weasyprint", "weasyprint"),
    (r"chrom|skia", "chromium"),
    (r"distiller", "distiller"),
    (r"ghostscript", "ghostscript"),
    (r"quartz", "quartz"),
    (r"tiff2pdf|img2pdf", "image-wrapper"),
    (r"htmldoc", "htmldoc"),
    (r"pypdf", "pypdf"),
]

TABLE_KEYS = [("body_f1", "body"), ("order_sim", "order"), ("furniture_leak", "leak"),
              ("fn_micro.p", "fnP"), ("fn_micro.r", "fnR"), ("link_micro.p", "lnkP"),
              ("link_micro.r", "lnkR"), ("title_exact", "title"), ("subtitle_sim", "subt"),
              ("date_exact", "date"), ("author_p", "autP"), ("author_r", "autR"),
              ("affil_acc", "affil"), ("prov_acc", "prov"), ("prov_url_acc", "provU"),
              ("abstract_acc", "abstr")]


def load_scorer(path):
    spec = importlib.util.spec_from_file_location("score_pdf", path)
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def pdf_producer(pdf):
    try:
        out = subprocess.run(["pdfinfo", pdf], capture_output=True, text=True, errors="replace").stdout
    except OSError:
        return "unknown"
    m = re.search(r"^Producer:\s*(.*)$", out, re.M)
    value = (m.group(1).strip() if m else "").lower()
    for pattern, family in PRODUCER_FAMILIES:
        if re.search(pattern, value):
            return family
    return "other" if value else "unknown"


def run_colophon(build, files, out_dir, ocr, log):
    os.makedirs(out_dir, exist_ok=True)
    if not files or build is None:
        return
    cmd = [os.path.join(build, "tools", "eval", "colophon-eval-pdf")] + (["--ocr"] if ocr else [])
    env = dict(os.environ, OMP_THREAD_LIMIT="1")
    with open(log, "a") as err:
        subprocess.run(cmd + [out_dir] + files, stdout=subprocess.DEVNULL, stderr=err, env=env)


# ---- generated sets -------------------------------------------------------------------------

def lede_of(gt):
    return " ".join(b.get("text", "") for b in gt.get("blocks", []) if b.get("style") == "lede")


def provenance_of(pred):
    src = pred.get("originally_published_in")
    if isinstance(src, dict):
        return src.get("title") or "", src.get("url") or ""
    return (src or ""), ""


def extra_scores(sp, gt, pred):
    """The metrics score_pdf.py lacks: provenance and abstract."""
    out = {}
    gt_prov = gt.get("originally_published_in") or ""
    pr_title, pr_url = provenance_of(pred)
    out["prov_acc"] = float(sp.norm(gt_prov) == sp.norm(pr_title))
    if gt_prov:
        uris = [l.get("uri") for l in gt.get("links", []) if sp.norm(l.get("text")) == sp.norm(gt_prov)]
        out["prov_url_acc"] = float(bool(uris) and sp.norm_uri(pr_url) in {sp.norm_uri(u) for u in uris})
    else:
        out["prov_url_acc"] = None
    lede = lede_of(gt)
    abstract = pred.get("abstract") or ""
    if lede or abstract:
        s = sp.sim(lede, abstract)
        out["abstract_sim"] = s
        out["abstract_acc"] = float(s >= ABSTRACT_SIM)
    else:
        out["abstract_sim"] = out["abstract_acc"] = None
    return out


EXTRA_KEYS = ["prov_acc", "prov_url_acc", "abstract_acc", "abstract_sim"]


def aggregate(sp, rows):
    agg = sp.aggregate(rows)
    for k in EXTRA_KEYS:
        vals = [r[k] for r in rows if r.get(k) is not None]
        agg[k] = sum(vals) / len(vals) if vals else None
    return agg


def manifest_entries(corpus):
    path = os.path.join(corpus, "MANIFEST.json")
    entries = json.load(open(path, encoding="utf8")) if os.path.exists(path) else []
    if isinstance(entries, dict):
        entries = entries.get("documents", [])
    return entries


def generated_set(args, sp, name):
    corpus = os.path.join(args.shared, "corpora", name)
    if not os.path.isdir(corpus):
        print(f"eval-pdf: {corpus} not found, {name} skipped", file=sys.stderr)
        return None
    docs = []
    for e in manifest_entries(corpus):
        if e.get("scanned") and not args.scans:
            continue
        pdf = os.path.join(corpus, e.get("pdf", e["id"] + ".pdf"))
        producer = e.get("producer") or (e.get("layout") or {}).get("producer")
        if not producer:
            gt_layout = json.load(open(os.path.join(corpus, e["id"] + ".json"), encoding="utf8")).get("layout", {})
            producer = gt_layout.get("producer")
        if not producer:
            # a scan has no producer of its own: its original's is in the manifest under its id
            original = pdf.replace("/scan_", "/") if e.get("scanned") else pdf
            producer = pdf_producer(original) if os.path.exists(original) else "unknown"
        docs.append({"id": e["id"], "pdf": pdf, "scanned": bool(e.get("scanned")),
                     "group": producer + (" scan" if e.get("scanned") else "")})
    pred_dir = os.path.join(args.out, name, "pred")
    log = os.path.join(args.out, name, "diagnostics.txt")
    os.makedirs(os.path.dirname(log), exist_ok=True)
    if args.build:
        open(log, "w").close()
    run_colophon(args.build, [d["pdf"] for d in docs if not d["scanned"]], pred_dir, False, log)
    run_colophon(args.build, [d["pdf"] for d in docs if d["scanned"]], pred_dir, True, log)
    rows = []
    for d in docs:
        gt = json.load(open(os.path.join(corpus, d["id"] + ".json"), encoding="utf8"))
        pp = os.path.join(pred_dir, d["id"] + ".json")
        pred = scorer_shape(json.load(open(pp, encoding="utf8"))) if os.path.exists(pp) else {"body_paragraphs": []}
        r = sp.score_doc(gt, pred)
        r.update(extra_scores(sp, gt, pred))
        r["id"], r["group"], r["set"] = d["id"], d["group"], name
        r["missing"] = not os.path.exists(pp)
        rows.append(r)
    groups = {}
    for r in rows:
        groups.setdefault(r["group"], []).append(r)
    summary = {g: aggregate(sp, rs) for g, rs in sorted(groups.items())}
    born = [r for r in rows if not r["group"].endswith(" scan")]
    summary["ALL born-digital"] = aggregate(sp, born)
    if len(born) != len(rows):
        summary["ALL scans"] = aggregate(sp, [r for r in rows if r["group"].endswith(" scan")])
    return {"rows": rows, "summary": summary, "missing": [r["id"] for r in rows if r["missing"]]}


# ---- pdf-real --------------------------------------------------------------------------------

def lcs_len(a, b):
    """Length of the longest common subsequence of two sequences (bit-parallel, Allison-Dix)."""
    if not a or not b:
        return 0
    if len(a) < len(b):
        a, b = b, a
    peq = {}
    for i, t in enumerate(b):
        peq[t] = peq.get(t, 0) | (1 << i)
    mask = (1 << len(b)) - 1
    v = mask
    for t in a:
        u = v & peq.get(t, 0)
        v = ((v + u) | (v - u)) & mask
    return len(b) - bin(v).count("1")


def words_in_order(sp, ref_text, pred_text):
    ref, pred = sp.tokens(ref_text), sp.tokens(pred_text)
    common = lcs_len(ref, pred)
    return {"words_r": common / len(ref) if ref else None, "words_p": common / len(pred) if pred else None,
            "ref_words": len(ref), "pred_words": len(pred)}


def prediction_text(pred):
    parts = [pred.get("title") or "", pred.get("subtitle") or ""]
    for a in pred.get("authors") or []:
        parts += [a.get("name") or "", a.get("affiliation") or ""]
    parts += [b.get("text", "") for b in pred.get("blocks") or []]
    parts += [n.get("text", "") for n in pred.get("footnotes") or []]
    return "\n".join(parts)


def local(tag):
    return tag.rsplit("}", 1)[-1]


def jats_front(path):
    """Title and author names of an NLM/JATS file (CERMINE's expectations)."""
    root = ET.parse(path).getroot()
    title = next(("".join(e.itertext()) for e in root.iter() if local(e.tag) == "article-title"), "")
    meta = next((e for e in root.iter() if local(e.tag) == "article-meta"), root)
    names = [" ".join("".join(n.itertext()).split()) for c in meta.iter() if local(c.tag) == "contrib"
             for n in c.iter() if local(n.tag) == "string-name"]
    return title, [{"name": n, "affiliation": ""} for n in names]


def jats_blocks(path):
    root = ET.parse(path).getroot()
    body = next((e for e in root.iter() if local(e.tag) == "body"), None)
    blocks = []
    if body is not None:
        for e in body.iter():
            if local(e.tag) == "title":
                blocks.append({"type": "heading", "text": " ".join("".join(e.itertext()).split())})
            elif local(e.tag) == "p":
                blocks.append({"type": "paragraph", "text": " ".join("".join(e.itertext()).split())})
    return blocks


def tei_front(path):
    root = ET.parse(path).getroot()
    stmt = next((e for e in root.iter() if local(e.tag) == "titleStmt"), None)
    source = next((e for e in root.iter() if local(e.tag) == "sourceDesc"), None)
    title = ""
    if stmt is not None:
        title = next(("".join(e.itertext()) for e in stmt.iter() if local(e.tag) == "title"), "")
    names = []
    if source is not None:
        for p in source.iter():
            if local(p.tag) == "persName":
                names.append(" ".join(" ".join(p.itertext()).split()))
    return title, [{"name": n, "affiliation": ""} for n in names]


# What gt/ holds, by file name: (PDF ids it is for, kind, needs OCR)
REAL_GT = [
    ("cermine_test2.fulltext.txt", ["cermine_test2"], "fulltext", False),
    ("cermine_test2.content.xml", ["cermine_test2"], "jats_content", False),
    ("cermine_test5.content.xml", ["cermine_test5"], "jats_content", False),
    ("cermine_test1.metadata.nlm.xml", ["cermine_test1"], "jats_front", False),
    ("cermine_test3.metadata.nlm.xml", ["cermine_test3"], "jats_front", False),
    ("grobid_sample.grobid-output.tei.xml", ["grobid_sample"], "tei_front", False),
    ("ocrmypdf_linn.txt", ["ocrmypdf_linn", "ocrmypdf_skew"], "fulltext", True),
]


def pdftotext_words(pdf):
    r = subprocess.run(["pdftotext", "-enc", "UTF-8", pdf, "-"], capture_output=True, text=True, errors="replace")
    return r.stdout if r.returncode == 0 else None


def real_set(args, sp):
    corpus = os.path.join(args.shared, "corpora", "pdf-real")
    if not os.path.isdir(corpus):
        print(f"eval-pdf: {corpus} not found, pdf-real skipped", file=sys.stderr)
        return None
    pdfs = sorted(os.path.join(corpus, f) for f in os.listdir(corpus) if f.endswith(".pdf"))
    pred_dir = os.path.join(args.out, "pdf-real", "pred")
    log = os.path.join(args.out, "pdf-real", "diagnostics.txt")
    os.makedirs(os.path.dirname(log), exist_ok=True)
    if args.build:
        open(log, "w").close()
    run_colophon(args.build, pdfs, pred_dir, args.scans, log)
    rows = []
    for pdf in pdfs:
        doc_id = os.path.basename(pdf)[:-4]
        pp = os.path.join(pred_dir, doc_id + ".json")
        pred = scorer_shape(json.load(open(pp, encoding="utf8"))) if os.path.exists(pp) else None
        row = {"id": doc_id, "group": pdf_producer(pdf), "set": "pdf-real", "converted": pred is not None}
        ref = pdftotext_words(pdf)
        if ref is not None and pred is not None:
            w = words_in_order(sp, ref, prediction_text(pred))
            row.update({"pdftotext_" + k: v for k, v in w.items()})
        for name, ids, kind, needs_ocr in REAL_GT:
            if doc_id not in ids or (needs_ocr and not args.scans):
                continue
            path = os.path.join(corpus, "gt", name)
            if not os.path.exists(path):
                continue
            p = pred or {"body_paragraphs": []}
            if kind == "fulltext":
                w = words_in_order(sp, open(path, encoding="utf8", errors="replace").read(), prediction_text(p))
                row.update({"gt_" + k: v for k, v in w.items()})
            elif kind in ("jats_front", "tei_front"):
                title, authors = (jats_front if kind == "jats_front" else tei_front)(path)
                s = sp.score_doc({"title": title, "authors": authors}, p)
                row.update({"gt_title_sim": s["title_sim"], "gt_author_p": s["author_p"], "gt_author_r": s["author_r"],
                            "gt_front_reference": kind == "tei_front"})
            elif kind == "jats_content":
                title, authors = jats_front(path)
                s = sp.score_doc({"title": title, "authors": authors, "blocks": jats_blocks(path)}, p)
                for k in ("body_f1", "order_sim", "title_sim", "author_p", "author_r"):
                    row["gt_" + k] = s[k]
        rows.append(row)
    scored = [r for r in rows if r.get("pdftotext_words_r") is not None]
    summary = {
        "files": len(rows), "converted": sum(r["converted"] for r in rows),
        "with_text": len(scored),
        "pdftotext_words_r_mean": sum(r["pdftotext_words_r"] for r in scored) / len(scored) if scored else None,
        "pdftotext_words_r_min": min((r["pdftotext_words_r"] for r in scored), default=None),
        "below_0.97": [r["id"] for r in scored if r["pdftotext_words_r"] < 0.97],
        "by_producer": {},
    }
    for r in scored:
        summary["by_producer"].setdefault(r["group"], []).append(r["pdftotext_words_r"])
    summary["by_producer"] = {g: {"n": len(v), "words_r_mean": sum(v) / len(v)}
                              for g, v in sorted(summary["by_producer"].items())}
    return {"rows": rows, "summary": summary}


# ---- report ----------------------------------------------------------------------------------

def value(agg, key):
    head, _, tail = key.partition(".")
    v = agg.get(head)
    if tail:
        v = v.get(tail) if isinstance(v, dict) else None
    return v


def print_generated(name, result):
    print(f"== {name}" + (f"  (missing predictions: {', '.join(result['missing'])})" if result["missing"] else ""))
    print(f"{'producer':<20} {'n':>3} " + " ".join(f"{h:>6}" for _, h in TABLE_KEYS))
    for group, agg in result["summary"].items():
        cells = []
        for k, _ in TABLE_KEYS:
            v = value(agg, k)
            cells.append(f"{'-' if v is None else ('%.4f' % v if k == 'furniture_leak' else '%.3f' % v):>6}")
        print(f"{group:<20} {agg['n_docs']:>3} " + " ".join(cells))
    print()


def fmt(v):
    if v is None:
        return "-"
    if isinstance(v, bool):
        return "ref" if v else ""
    return "%.3f" % v if isinstance(v, float) else str(v)


def print_real(result):
    print("== pdf-real (words in order against pdftotext; gt_* against gt/ where it has something)")
    cols = ["pdftotext_words_r", "pdftotext_words_p", "gt_words_r", "gt_body_f1", "gt_order_sim", "gt_title_sim",
            "gt_author_p", "gt_author_r"]
    heads = ["ptR", "ptP", "gtWordsR", "gtBody", "gtOrder", "gtTitle", "gtAutP", "gtAutR"]
    print(f"{'file':<38} {'producer':<14} " + " ".join(f"{h:>8}" for h in heads))
    for r in result["rows"]:
        tag = "" if r["converted"] else "  (not converted)"
        print(f"{r['id']:<38} {r['group']:<14} " + " ".join(f"{fmt(r.get(c)):>8}" for c in cols) + tag)
    s = result["summary"]
    print(f"files {s['files']}, converted {s['converted']}, with a text layer to compare {s['with_text']}: "
          f"pdftotext words in order mean {fmt(s['pdftotext_words_r_mean'])}, min {fmt(s['pdftotext_words_r_min'])}; "
          f"below 0.97: {', '.join(s['below_0.97']) or 'none'}")
    print("by producer: " + ", ".join(f"{g} {v['words_r_mean']:.3f} ({v['n']})" for g, v in s["by_producer"].items()))
    print()


def write_csv(path, rows):
    keys = []
    for r in rows:
        for k in r:
            if k not in keys:
                keys.append(k)
    with open(path, "w", newline="") as f:
        w = csv.writer(f)
        w.writerow(keys)
        for r in rows:
            w.writerow(["" if r.get(k) is None else ("%.4f" % r[k] if isinstance(r[k], float) else r[k]) for k in keys])


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--build", help="build dir whose colophon-eval-pdf converts (without it, the predictions "
                    "already in OUT/<set>/pred are scored)")
    ap.add_argument("--shared", required=True)
    ap.add_argument("--out", required=True)
    ap.add_argument("--scans", action="store_true", help="also the scanned PDFs, through OCR (slow)")
    ap.add_argument("--sets", default="pdf-gen,pdf-gen2,pdf-real")
    args = ap.parse_args()
    sp = load_scorer(os.path.join(args.shared, "eval", "score_pdf.py"))
    os.makedirs(args.out, exist_ok=True)
    report, rows = {}, []
    for name in args.sets.split(","):
        result = real_set(args, sp) if name == "pdf-real" else generated_set(args, sp, name)
        if result is None:
            continue
        report[name] = result["summary"]
        rows += result["rows"]
        (print_real if name == "pdf-real" else lambda r: print_generated(name, r))(result)
    json.dump(report, open(os.path.join(args.out, "summary.json"), "w"), indent=1)
    write_csv(os.path.join(args.out, "per-doc.csv"), rows)
    print(f"summary: {os.path.join(args.out, 'summary.json')}, per document: {os.path.join(args.out, 'per-doc.csv')}")


if __name__ == "__main__":
    main()
