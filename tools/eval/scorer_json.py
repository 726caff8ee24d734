#!/usr/bin/env python3
"""Rewrites colophon document JSON (schemas/colophon-document.schema.json) into the shape
../shared/eval/score_pdf.py reads: footnotes for notes, links with `uri`, headings and
body_paragraphs from the blocks.

  scorer_json.py IN.json OUT.json       one file
  scorer_json.py --dir DIR              every *.json of DIR, in place
"""
import json
import os
import sys


def scorer_shape(doc):
    blocks = doc.get("blocks") or []
    out = dict(doc)
    out.pop("notes", None)
    out["footnotes"] = [{"label": n.get("label", ""), "text": n.get("text", ""), "place": n.get("place", "foot")}
                        for n in doc.get("notes") or []]
    out["links"] = [{"text": l.get("text", ""), "uri": l.get("url", "")} for l in doc.get("links") or []]
    out["headings"] = [b["text"] for b in blocks if b.get("type") == "heading"]
    out["body_paragraphs"] = [b["text"] for b in blocks if b.get("type") == "paragraph"]
    return out


def convert(src, dst):
    with open(src, encoding="utf-8") as f:
        doc = json.load(f)
    with open(dst, "w", encoding="utf-8") as f:
        json.dump(scorer_shape(doc), f, ensure_ascii=False, indent=1)
        f.write("\n")


def main(args):
    if len(args) == 2 and args[0] == "--dir":
        for name in sorted(os.listdir(args[1])):
            if name.endswith(".json"):
                path = os.path.join(args[1], name)
                convert(path, path)
        return 0
    if len(args) == 2:
        convert(args[0], args[1])
        return 0
    sys.stderr.write(__doc__)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
