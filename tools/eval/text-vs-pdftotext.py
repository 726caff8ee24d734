#!/usr/bin/env python3
"""Does colophon keep a PDF's text layer? Its words against pdftotext's, per file, order-aware.

    tools/eval/text-vs-pdftotext.py [--colophon BIN] [--out DIR] PDF_OR_DIR...

For every PDF, `pdftotext` (Poppler's own reading of the text layer) is the reference and
`colophon convert --to json` the prediction; for a PDF made from a `source.txt` beside it (the
samples/scripts cases) the source is the reference, and pdftotext is scored against it as well
(column p2t, local order), since on turned pages even pdftotext can get the order wrong. Both texts are normalised the same way (NFKC,
case-folded, punctuation at word edges and hyphens inside words dropped, a line-end hyphen
joined, CJK split into one token per character, since neither tool's spacing of unspaced
scripts is a word boundary), then:

  recall   share of pdftotext's words that colophon has at all (multiset)
  local    share of pdftotext's words that colophon has in the same order and direction around
           them: a word counts when one of the three word trigrams it is part of is also one of
           colophon's. Letters or words reversed, lines broken into letters and text left out
           all cost; moving a whole block does not, since pdftotext's own order of columns,
           figures and footnotes is often wrong (it interleaves columns of cermine_test3). The
           acceptance figure, with recall.
  order    share of pdftotext's words that colophon has in the same global order: the longest common
           subsequence of colophon's body with pdftotext's words, then of its notes and of its
           front matter (title, authors, date...) with the words still unmatched, since colophon
           moves footnotes to the end and metadata to the front on purpose. A word whose letters
           come out reversed, or a line whose words do, does not count.
  ocr      pages colophon OCR'd although their text layer was readable: pdftotext reads at least
           READABLE_WORDS words there and most of them are words colophon's output has too (the
           layer says what the page shows). 0 is the target. A layer of wrong glyphs that OCR
           rightly replaces (pdftotext reads "ǣǡ Ǥ" where the page shows prose) agrees with
           nothing; a readable layer replaced by OCR garbage shows as a low order and recall.

Furniture (running headers and footers, page numbers) is in pdftotext's text and deliberately
not in colophon's: it is taken out of the reference first, by a rule of this tool alone (a line
among the first or last FURNITURE_LINES of a page whose text, digits aside, recurs on another
page, or that is only a number). Note marks glued to a word ("Forner1") are split from it in
both texts. Also prints each tool's CPU time.
"""

import argparse
import json
import os
import re
import subprocess
import sys
import time
import unicodedata

READABLE_WORDS = 30  # a page with this many pdftotext words has a text layer worth keeping
AGREEING_SHARE = 0.5  # ... when this share of its distinct words is in what colophon made of it
TARGET = 0.97


def cjk(ch):
    o = ord(ch)
    return (0x3040 <= o <= 0x30FF or 0x3400 <= o <= 0x4DBF or 0x4E00 <= o <= 0x9FFF or 0xF900 <= o <= 0xFAFF
            or 0x20000 <= o <= 0x2FFFF or 0x31F0 <= o <= 0x31FF or 0xFF66 <= o <= 0xFF9F)


def edge(ch):
    return unicodedata.category(ch)[0] in "PSZC"


FURNITURE_LINES = 3


def drop_furniture(pages):
    """pdftotext's pages without their running headers, footers and page numbers."""
    def key(line):
        return re.sub(r"\d+", "#", line.strip().casefold())
    edges = []
    for page in pages:
        lines = [l for l in page.split("\n") if l.strip()]
        edges.append(lines[:FURNITURE_LINES] + lines[-FURNITURE_LINES:])
    seen = {}
    for n, edge in enumerate(edges):
        for line in set(map(key, edge)):
            seen.setdefault(line, set()).add(n)
    out = []
    for n, page in enumerate(pages):
        drop = set(l for l in edges[n] if len(seen[key(l)]) >= 2 or re.fullmatch(r"\s*(page\s*)?\d+(\s*(/|of)\s*\d+)?\s*", l, re.I))
        out.append("\n".join(l for l in page.split("\n") if l not in drop))
    return out


def words(text):
    text = unicodedata.normalize("NFKC", text).casefold()
    text = re.sub(r"[-\u00ad\u2010\u2011]\s*\n\s*", "", text)  # a word hyphenated across lines
    out = []
    for raw in text.split():
        tok = raw
        while tok and edge(tok[0]):
            tok = tok[1:]
        while tok and edge(tok[-1]):
            tok = tok[:-1]
        tok = re.sub(r"[-\u00ad\u2010\u2011]", "", tok)
        if not tok:
            continue
        run = ""
        for ch in tok:
            if run and (ch.isdigit() != run[-1].isdigit()):  # "forner1": a note mark glued on
                out.append(run)
                run = ""
            if cjk(ch):
                if run:
                    out.append(run)
                    run = ""
                out.append(ch)
            elif unicodedata.category(ch)[0] in "PS":
                if run:
                    out.append(run)
                run = ""
            else:
                run += ch
        if run:
            out.append(run)
    return out


def lcs_rows(ref, pred):
    """Hyyro's bit-parallel LCS: after pred[:j], a zero bit i of rows[j] means that
    LCS(ref[:i+1], pred[:j]) is one more than LCS(ref[:i], pred[:j])."""
    masks = {}
    for i, t in enumerate(ref):
        masks[t] = masks.get(t, 0) | (1 << i)
    full = (1 << len(ref)) - 1
    v = full
    rows = [v]
    for t in pred:
        u = v & masks.get(t, 0)
        v = ((v + u) | (v - u)) & full
        rows.append(v)
    return rows


def lcs_len(ref, pred):
    if not ref or not pred:
        return 0
    return len(ref) - lcs_rows(ref, pred)[-1].bit_count()


def lcs_positions(ref, pred):
    """Indices of ref matched by one longest common subsequence with pred."""
    if not ref or not pred:
        return []
    rows = lcs_rows(ref, pred)

    def length(i, j):  # LCS(ref[:i], pred[:j])
        return i - (rows[j] & ((1 << i) - 1)).bit_count()

    matched = []
    i, j = len(ref), len(pred)
    cur = length(i, j)
    while i > 0 and j > 0 and cur > 0:
        if ref[i - 1] == pred[j - 1] and length(i - 1, j - 1) == cur - 1:
            matched.append(i - 1)
            i -= 1
            j -= 1
            cur -= 1
        elif length(i - 1, j) == cur:
            i -= 1
        else:
            j -= 1
    return matched


def in_order(ref, segments):
    """Words of ref matched in order by the segments, each aligned with what is still unmatched."""
    remaining = list(range(len(ref)))
    total = 0
    for seg in segments:
        if not seg or not remaining:
            continue
        sub = [ref[i] for i in remaining]
        k = lcs_len(sub, seg)
        if k == 0:
            continue
        total += k
        if seg is segments[-1]:
            break
        keep = set(lcs_positions(sub, seg))
        remaining = [remaining[p] for p in range(len(sub)) if p not in keep]
    return total


NGRAM = 3


def local_order(ref, segments):
    """Words of ref that stand in an n-gram of ref that one of the segments also has (a
    segment shorter than an n-gram, a two-word title, counts as a whole)."""
    if len(ref) < NGRAM:
        return recall(ref, [t for s in segments for t in s])
    grams = {}
    for seg in segments:
        n = min(NGRAM, len(seg))
        for i in range(len(seg) - n + 1):
            grams.setdefault(n, set()).add(tuple(seg[i:i + n]))
    covered = [False] * len(ref)
    for n, have in grams.items():
        for i in range(len(ref) - n + 1):
            if tuple(ref[i:i + n]) in have:
                for k in range(i, i + n):
                    covered[k] = True
    return sum(covered)


def recall(ref, pred):
    counts = {}
    for t in pred:
        counts[t] = counts.get(t, 0) + 1
    hit = 0
    for t in ref:
        if counts.get(t, 0) > 0:
            counts[t] -= 1
            hit += 1
    return hit


def child_cpu():
    r = os.times()
    return r.children_user + r.children_system


def segments_of(doc):
    front = []
    for k in ("title", "subtitle", "date_text", "series"):
        front.append(doc.get(k) or "")
    for a in doc.get("authors", []):
        front.append(a.get("name", "") + " " + a.get("affiliation", ""))
    front.append((doc.get("originally_published_in") or {}).get("text", ""))
    front.append(doc.get("abstract") or "")
    body = " \n".join(b.get("text", "") for b in doc.get("blocks", []))
    notes = " \n".join(n.get("text", "") for n in doc.get("footnotes", []))
    return [words(body), words(notes), words(" \n".join(front))]


def source_text(pdf):
    """The text a generated sample was set from (samples/scripts/*/source.txt), or None."""
    src = os.path.join(os.path.dirname(pdf), "source.txt")
    if not os.path.isfile(src):
        return None
    lines = []
    for line in open(src, encoding="utf-8"):
        if line.startswith("@"):
            continue
        lines.append(line[2:] if line.startswith("# ") else line)
    return "".join(lines)


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--colophon", default=os.path.join(os.path.dirname(__file__), "../../build/dev/tools/colophon/colophon"))
    ap.add_argument("--out", help="keep each file's outputs here")
    ap.add_argument("--json", help="write the per-file table as JSON here")
    ap.add_argument("--reuse", help="score the outputs an earlier run kept with --out here instead of converting again")
    ap.add_argument("inputs", nargs="+")
    a = ap.parse_args()
    files = []
    for p in a.inputs:
        if os.path.isdir(p):
            files += sorted(os.path.join(p, f) for f in os.listdir(p) if f.endswith(".pdf"))
            files += sorted(os.path.join(p, d, "input.pdf") for d in os.listdir(p)
                            if os.path.isfile(os.path.join(p, d, "input.pdf")))
        else:
            files.append(p)
    if a.out:
        os.makedirs(a.out, exist_ok=True)
    rows = []
    print("%-40s %6s %6s %7s %7s %7s %7s %4s %6s %6s  %s" % ("file", "ref", "pred", "recall", "local", "order", "p2t", "ocr",
                                                           "cpu-c", "cpu-p", "status/codes"))
    tot = {"ref": 0, "rec": 0, "loc": 0, "ord": 0, "cc": 0.0, "cp": 0.0}
    for f in files:
        name = os.path.basename(f)
        if name == "input.pdf":  # a sample case: named by its folder
            name = os.path.basename(os.path.dirname(os.path.abspath(f)))
        c0 = child_cpu()
        p = subprocess.run(["pdftotext", "-enc", "UTF-8", f, "-"], capture_output=True)
        c1 = child_cpu()
        ref_pages = p.stdout.decode("utf-8", "replace").split("\f")
        ref = words("\n".join(drop_furniture(ref_pages)))
        source = source_text(f)
        p2t = None
        if source is not None:
            p2t_words = ref
            ref = words(source)
            p2t = local_order(ref, [p2t_words]) / len(ref) if ref else None
        if a.reuse:
            with open(os.path.join(a.reuse, name + ".json"), "rb") as fh:
                out_bytes = fh.read()
            with open(os.path.join(a.reuse, name + ".diag"), "rb") as fh:
                err_bytes = fh.read()
            status = 1 if b"ERROR:" in err_bytes else (3 if b"WARNING:" in err_bytes else 0)
            q = subprocess.CompletedProcess([], status, out_bytes, err_bytes)
        else:
            q = subprocess.run([a.colophon, "convert", f, "--to", "json"], capture_output=True)
        c2 = child_cpu()
        err = q.stderr.decode("utf-8", "replace")
        codes = sorted(set(re.findall(r"\[([a-z0-9.-]+)\]\s*$", err, re.M)))
        try:
            doc = json.loads(q.stdout.decode("utf-8"))
        except ValueError:
            doc = None
        if a.out:
            with open(os.path.join(a.out, name + ".json"), "wb") as fh:
                fh.write(q.stdout)
            with open(os.path.join(a.out, name + ".diag"), "w") as fh:
                fh.write(err)
        segs = segments_of(doc) if doc else [[], [], []]
        pred = [t for s in segs for t in s]
        hit = recall(ref, pred)
        local = local_order(ref, segs)
        order = in_order(ref, segs)
        ocr_over = 0
        if doc:
            pred_set = set(pred)
            for pg in doc.get("extraction", {}).get("ocr_pages", []):
                k = pg.get("page", 0) - 1
                page_words = words(ref_pages[k]) if 0 <= k < len(ref_pages) else []
                distinct = set(w for w in page_words if len(w) >= 2 or cjk(w[0]))
                if len(page_words) >= READABLE_WORDS and distinct and \
                        len(distinct & pred_set) >= AGREEING_SHARE * len(distinct):
                    ocr_over += 1
        row = {"file": name, "ref_words": len(ref), "pred_words": len(pred),
               "recall": hit / len(ref) if ref else None, "local": local / len(ref) if ref else None,
               "order": order / len(ref) if ref else None,
               "ocr_over_text": ocr_over, "pdftotext_order": p2t, "status": q.returncode, "codes": codes,
               "cpu_colophon": c2 - c1, "cpu_pdftotext": c1 - c0}
        rows.append(row)
        tot["ref"] += len(ref)
        tot["rec"] += hit
        tot["loc"] += local
        tot["ord"] += order
        tot["cc"] += c2 - c1
        tot["cp"] += c1 - c0
        fmt = lambda v: "-" if v is None else "%.4f" % v
        ok = not ref or (row["recall"] >= TARGET and row["local"] >= TARGET and ocr_over == 0)
        print("%-40s %6d %6d %7s %7s %7s %7s %4d %6.2f %6.2f  %d %s%s" % (name[:40], len(ref), len(pred), fmt(row["recall"]),
              fmt(row["local"]), fmt(row["order"]), fmt(p2t), ocr_over, c2 - c1, c1 - c0, q.returncode, ",".join(codes),
              "" if ok else "  <--"))
        sys.stdout.flush()
    if tot["ref"]:
        below = [r["file"] for r in rows if r["local"] is not None and min(r["local"], r["recall"]) < TARGET]
        print("%-40s %6d %6s %7.4f %7.4f %7.4f %7s %4d %6.2f %6.2f" % ("ALL (word-weighted)", tot["ref"], "", tot["rec"] / tot["ref"],
              tot["loc"] / tot["ref"], tot["ord"] / tot["ref"], "", sum(r["ocr_over_text"] for r in rows), tot["cc"], tot["cp"]))
        print("files with words: %d; below %.2f in recall or local order: %d %s; CPU colophon/pdftotext %.2fx" % (
            sum(1 for r in rows if r["ref_words"]), TARGET, len(below), " ".join(below),
            tot["cc"] / tot["cp"] if tot["cp"] else 0))
    if a.json:
        with open(a.json, "w") as fh:
            json.dump(rows, fh, indent=1, ensure_ascii=False)


if __name__ == "__main__":
    main()
