#!/usr/bin/env python3
"""Character error rate of the body of an OCR'd document (stdlib only).

  ocr_cer.py [--explain] GT.json HYP [HYP ...]   -> one JSON line per hypothesis
                                                   (--explain: the erring pieces on stderr)

GT.json is a ground truth of ../shared/corpora/pdf-gen/: the reference is its body, the `blocks`
(headings and paragraphs in reading order, lede included). A hypothesis is either a prediction
JSON of score_pdf.py's shape (its `blocks`, else `body_paragraphs`) or a plain text file (an OCR
engine's text of the page images, furniture, title block and footnotes included).

The rule is independent of reading order and of text that is not body:
  * both sides are normalised as ../shared/eval/score_pdf.py normalises text (NFKC, straight
    quotes, dashes, lowercase, whitespace collapsed), imported from it; hyphens between letters
    are dropped on both sides first, so that hyphenation at line ends, and how it is undone,
    never counts;
  * every reference block is aligned semi-globally with the hypothesis (its best-matching
    stretch: the hypothesis has free text before and after, so the order of blocks, title
    blocks, furniture and footnotes cost nothing); edits summed over blocks / reference chars;
  * a block that the hypothesis interrupts (a page or column break with a running header or a
    footnote between its two halves) is cut where the interruption is: anchors are runs of
    >= 3 words (>= 12 chars) that the block and the hypothesis share (difflib on words); where
    the hypothesis has >= 12 more characters between two anchors than the reference, the block
    is cut (at the best word boundary between them) and the pieces are aligned separately.
    `cuts` reports how often that happened. Everything else counts: a missing or misread
    character, and text inserted inside a block.
The exact edit distance runs (Myers/Hyyroe bit-parallel, search variant) on a window of the
hypothesis around the piece's anchors; a piece without anchors is searched in the whole text.
"""
import difflib
import json
import os
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "..", "..", "shared", "eval"))
sys.path.insert(0, os.environ.get("COLOPHON_SHARED_DIR", "") + "/eval")
from score_pdf import norm  # noqa: E402

MIN_ANCHOR_WORDS = 3
MIN_ANCHOR_CHARS = 12
MIN_INTERRUPTION = 12
CUT_REACH = 5  # words into the anchors either side of an interruption where a cut may fall
EXPLAIN = False  # hypothesis characters inserted between two anchors that cut a block


def prepare(text):
    """Joins words hyphenated at line ends, drops hyphens between letters, then score_pdf's norm."""
    text = re.sub(r"(\w)-[ \t]*\r?\n\s*(\w)", r"\1\2", text)
    text = re.sub(r"(?<=\w)-(?=\w)", "", text.replace("\f", "\n"))
    return norm(text)


def search_distance(pattern, text, where=None):
    """Least edit distance between `pattern` and any substring of `text` (semi-global).
    With a list `where`, appends the end of the best stretch in `text`."""
    m = len(pattern)
    if m == 0:
        return 0
    peq = {}
    for i, c in enumerate(pattern):
        peq[c] = peq.get(c, 0) | (1 << i)
    mask = (1 << m) - 1
    high = 1 << (m - 1)
    pv, mv, score = mask, 0, m
    best, best_end = m, 0
    for j, c in enumerate(text):
        eq = peq.get(c, 0)
        xv = eq | mv
        xh = ((((eq & pv) + pv) & mask) ^ pv) | eq
        ph = (mv | ~(xh | pv)) & mask
        mh = pv & xh
        if ph & high:
            score += 1
        elif mh & high:
            score -= 1
        # Search: the top row is all zeros (a match may start anywhere), so no carry in.
        ph = (ph << 1) & mask
        mh = (mh << 1) & mask
        pv = (mh | ~(xv | ph)) & mask
        mv = ph & xv
        if score < best:
            best, best_end = score, j + 1
    if where is not None:
        where.append(best_end)
    return best


def best_stretch(pattern, text):
    """The stretch of `text` that `search_distance` aligns `pattern` with (for --explain)."""
    where = []
    search_distance(pattern, text, where)
    end = where[0]
    back = []
    search_distance(pattern[::-1], text[:end][::-1], back)
    return text[end - back[0]:end]


class Hypothesis:
    def __init__(self, text):
        self.text = text
        spans = [(m.group(), m.start(), m.end()) for m in re.finditer(r"\w+", text)]
        self.words = [s[0] for s in spans]
        self.starts = [s[1] for s in spans]
        self.ends = [s[2] for s in spans]
        self.matcher = difflib.SequenceMatcher(None, autojunk=False)
        self.matcher.set_seq2(self.words)

    def window_distance(self, piece, start, end, final=False):
        slack = 30 + len(piece) // 10
        lo = max(0, start - slack)
        hi = min(len(self.text), end + slack)
        d = search_distance(piece, self.text[lo:hi])
        if EXPLAIN and final and d:
            print(f"  {d:3d} REF {piece}\n      HYP {best_stretch(piece, self.text[lo:hi])}", file=sys.stderr)
        return d


def anchors(ref, hyp):
    """Shared word runs (ref_start, ref_end, hyp_start, hyp_end) in characters, in reference order."""
    spans = [(m.start(), m.end()) for m in re.finditer(r"\w+", ref)]
    hyp.matcher.set_seq1([ref[s:e] for s, e in spans])
    out = []
    for i, j, n in hyp.matcher.get_matching_blocks():
        if n == 0:
            continue
        rs, re_ = spans[i][0], spans[i + n - 1][1]
        if n < MIN_ANCHOR_WORDS and re_ - rs < MIN_ANCHOR_CHARS:
            continue
        out.append((rs, re_, hyp.starts[j], hyp.ends[j + n - 1]))
    return out


def block_distance(ref, hyp):
    """(edits, cuts) of one normalised reference block against the hypothesis."""
    found = anchors(ref, hyp)
    if not found:
        return hyp.window_distance(ref, 0, len(hyp.text), True), 0
    # Groups of anchors that follow each other in the hypothesis without an interruption.
    groups = [[found[0]]]
    for a in found[1:]:
        prev = groups[-1][-1]
        extra = (a[2] - prev[3]) - (a[0] - prev[1])
        if extra >= MIN_INTERRUPTION or a[2] < prev[3]:
            groups.append([a])
        else:
            groups[-1].append(a)

    def piece_distance(rs, re_, group, final=False):
        # The window runs from the first anchor to the last, stretched by the reference text
        # the piece has beyond them.
        first, last = group[0], group[-1]
        start = first[2] - (first[0] - rs)
        end = last[3] + (re_ - last[1])
        return hyp.window_distance(ref[rs:re_], start, end, final)

    # Cut points: word boundaries between the end of one group's last anchor and the start of
    # the next group's first anchor; the best one is taken.
    total = 0
    start = 0
    for k, group in enumerate(groups):
        if k == len(groups) - 1:
            total += piece_distance(start, len(ref), group, True)
            break
        # A few words into the anchors too: text repeated nearby (a running header with the
        # title's words) can stretch an anchor over the interruption.
        gap_lo, gap_hi = group[-1][1], groups[k + 1][0][0]
        bounds = [m.start() for m in re.finditer(r"(?<= )\S", ref)]
        inside = [b for b in bounds if gap_lo <= b <= gap_hi]
        before = [b for b in bounds if start < b < gap_lo][-CUT_REACH:]
        after = [b for b in bounds if gap_hi < b < groups[k + 1][-1][1]][:CUT_REACH]
        cuts = sorted({gap_lo, gap_hi, *inside, *before, *after})
        best = None
        for cut in cuts:
            d = piece_distance(start, cut, group) + piece_distance(cut, groups[k + 1][-1][1], groups[k + 1])
            if best is None or d < best[0]:
                best = (d, cut)
        # The first piece is fixed now; the next one is measured again with what follows it.
        cut = best[1]
        total += piece_distance(start, cut, group, True)
        start = cut
    return total, len(groups) - 1


def reference_blocks(gt):
    blocks = gt.get("blocks") or [{"type": "paragraph", "text": t} for t in gt.get("body_paragraphs", [])]
    return [prepare(b.get("text", "")) for b in blocks if b.get("type", "paragraph") in ("heading", "paragraph")]


def hypothesis_text(path):
    raw = open(path, encoding="utf-8").read()
    if path.endswith(".json"):
        pred = json.loads(raw)
        blocks = pred.get("blocks")
        if blocks:
            texts = [b.get("text", "") for b in blocks if b.get("type", "paragraph") in ("heading", "paragraph")]
        else:
            texts = list(pred.get("body_paragraphs") or [])
        raw = "\n\n".join(texts)
    return prepare(raw)


def main():
    global EXPLAIN
    args = sys.argv[1:]
    if args and args[0] == "--explain":
        EXPLAIN = True
        args = args[1:]
    if len(args) < 2:
        sys.exit("usage: ocr_cer.py [--explain] GT.json HYP [HYP ...]")
    refs = [r for r in reference_blocks(json.load(open(args[0], encoding="utf-8"))) if r]
    ref_chars = sum(len(r) for r in refs)
    for path in args[1:]:
        if EXPLAIN:
            print(path, file=sys.stderr)
        hyp = Hypothesis(hypothesis_text(path))
        edits = cuts = 0
        for r in refs:
            d, c = block_distance(r, hyp)
            edits += d
            cuts += c
        print(json.dumps({"hyp": path, "ref_chars": ref_chars, "edits": edits, "cuts": cuts,
                          "cer": round(edits / max(ref_chars, 1), 4)}))


if __name__ == "__main__":
    main()
