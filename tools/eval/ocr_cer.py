#!/usr/bin/env python3
"""Character error rate of OCR text against a reference text (stdlib only).

  ocr_cer.py REF.txt HYP.txt [HYP2.txt ...]   -> one JSON line per hypothesis

Both sides are normalised as ../shared/eval/score_pdf.py normalises text (NFKC, straight quotes,
dashes, lowercase, whitespace collapsed), and hyphenation at line ends is undone on both sides,
so the rate counts recognition errors, not line-breaking conventions. Also reports token recall
(share of reference word tokens found in the hypothesis, as a multiset).
"""
import json
import os
import re
import sys
from collections import Counter

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "..", "..", "shared", "eval"))
sys.path.insert(0, os.environ.get("COLOPHON_SHARED_DIR", "") + "/eval")
from score_pdf import levenshtein, norm, tokens  # noqa: E402


def prepare(text):
    text = re.sub(r"(\w)-\s*\n\s*(\w)", r"\1\2", text)
    return norm(text.replace("\f", " "))


def main():
    ref = prepare(open(sys.argv[1], encoding="utf-8").read())
    ref_tokens = Counter(tokens(ref))
    for path in sys.argv[2:]:
        hyp = prepare(open(path, encoding="utf-8").read())
        dist = levenshtein(ref, hyp)
        hyp_tokens = Counter(tokens(hyp))
        common = sum((ref_tokens & hyp_tokens).values())
        print(json.dumps({"hyp": path, "ref_chars": len(ref), "edits": dist,
                          "cer": round(dist / max(len(ref), 1), 4),
                          "token_recall": round(common / max(sum(ref_tokens.values()), 1), 4),
                          "token_precision": round(common / max(sum(hyp_tokens.values()), 1), 4)}))


if __name__ == "__main__":
    main()
