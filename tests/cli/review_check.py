#!/usr/bin/env python3
"""Checks a review page (as written, or as Chromium's --dump-dom left it) against the document's TEI.

    review_check.py TEI PAGE [--paged] [--ocr]

Every block of the TEI (headings, paragraphs, list items, cells, notes, the title and abstract)
must appear in the page, in an element whose data-role is the block's role, and the page must load
nothing from outside (no http(s) or protocol-relative src/href, no <script src>, no <link>, no
@import). --paged: the page draws the original's pages with role boxes; --ocr: with a confidence.
Prints one line per failure; exit 1 when any.
"""
import re
import sys
import xml.etree.ElementTree as ET
from html.parser import HTMLParser

TEI = "{http://www.tei-c.org/ns/1.0}"
ROLE_OF_TAG = {"head": "heading", "p": "paragraph", "item": "item", "cell": "cell", "eg": "code"}


def norm(s):
    return " ".join(s.split()).lower()


def text_of(el):
    """The element's text without note marks (the page, like plain text, shows them nowhere)."""
    out = [el.text or ""]
    for c in el:
        if not (c.tag == TEI + "ref" and c.get("type") == "noteref") and c.tag != TEI + "note":
            out.append(text_of(c))
        out.append(c.tail or "")
    return "".join(out)


def own_text(el, skip):
    """Text of el outside child blocks listed in skip."""
    out = [el.text or ""]
    for c in el:
        if c.tag.replace(TEI, "") not in skip and not (c.tag == TEI + "ref" and c.get("type") == "noteref"):
            out.append(text_of(c))
        out.append(c.tail or "")
    return "".join(out)


def tei_blocks(path):
    root = ET.parse(path).getroot()
    blocks = []
    title = root.find(f".//{TEI}titleStmt/{TEI}title[@type='main']")
    if title is not None and norm(text_of(title)):
        blocks.append(("title", norm(text_of(title))))
    for p in root.findall(f".//{TEI}profileDesc/{TEI}abstract/{TEI}p"):
        blocks.append(("abstract", norm(text_of(p))))
    body = root.find(f".//{TEI}text/{TEI}body")
    parents = {c: p for p in body.iter() for c in p} if body is not None else {}
    for el in body.iter() if body is not None else []:
        tag = el.tag.replace(TEI, "")
        if tag not in ROLE_OF_TAG:
            continue
        parent = parents.get(el)
        role = ROLE_OF_TAG[tag]
        if tag == "head" and parent is not None and parent.tag == TEI + "figure":
            role = "figure"
        if tag == "head" and parent is not None and parent.tag in (TEI + "list", TEI + "table"):
            continue
        t = norm(own_text(el, {"list", "table", "p", "quote"}) if tag in ("item", "cell") else text_of(el))
        if t:
            blocks.append((role, t))
    for note in root.findall(f".//{TEI}back//{TEI}note"):
        t = norm(text_of(note))
        if t:
            blocks.append(("footnote", t))
    return blocks


class Page(HTMLParser):
    """Text by data-role (of the kept-blocks section), boxes, external resources."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.stack = []  # (tag, role)
        self.text = {}
        self.boxes = {}
        self.external = []
        self.ocr = 0
        self.figures = 0
        self.verdicts = 0

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        for attr in ("src", "href"):
            v = (a.get(attr) or "").strip().lower()
            if v.startswith(("http:", "https:", "//", "ftp:")):
                self.external.append(f"<{tag} {attr}={v[:60]}>")
        if tag == "script" and a.get("src"):
            self.external.append("<script src>")
        if tag == "link":
            self.external.append("<link>")
        if "box" in (a.get("class") or "").split():
            self.boxes[a.get("data-role")] = self.boxes.get(a.get("data-role"), 0) + 1
        if "data-ocr-confidence" in a:
            self.ocr += 1
        if tag == "figure" and "page" in (a.get("class") or "").split():
            self.figures += 1
        if "data-verdict" in a:
            self.verdicts += 1
        if tag not in ("img", "br", "meta", "hr", "input"):
            self.stack.append((tag, a.get("data-role")))

    def handle_endtag(self, tag):
        while self.stack:
            t, _ = self.stack.pop()
            if t == tag:
                break

    def handle_data(self, data):
        for _, role in reversed(self.stack):
            if role:
                self.text[role] = self.text.get(role, "") + " " + data
                break


def main():
    tei, page_path = sys.argv[1], sys.argv[2]
    paged = "--paged" in sys.argv
    ocr = "--ocr" in sys.argv
    html = open(page_path, encoding="utf-8").read()
    page = Page()
    page.feed(html)
    texts = {role: norm(t) for role, t in page.text.items()}
    failures = []
    blocks = tei_blocks(tei)
    if not blocks:
        failures.append("the TEI has no blocks")
    for role, t in blocks:
        if t[:50] not in texts.get(role, ""):
            failures.append(f"TEI {role} not on the page with that role: {t[:70]!r}")
    failures += [f"external resource: {e}" for e in page.external]
    if re.search(r"@import|url\(\s*['\"]?(https?:)?//", html):
        failures.append("the stylesheet loads something")
    if paged:
        if page.figures == 0:
            failures.append("no page drawn")
        if page.boxes.get("paragraph", 0) == 0:
            failures.append("no paragraph box over the pages")
        if any(r == "footnote" for r, _ in blocks) and page.boxes.get("footnote", 0) == 0:
            failures.append("the TEI has notes but no footnote box is drawn")
        if "data:image/png;base64," not in html:
            failures.append("no embedded page image")
    elif page.verdicts == 0:
        failures.append("an HTML page's review shows no block verdicts")
    if ocr and page.ocr == 0:
        failures.append("no OCR confidence shown")
    for f in failures:
        print(f"{page_path}: {f}")
    print(f"{page_path}: {len(blocks)} TEI blocks checked, {sum(page.boxes.values())} boxes, {page.figures} pages")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
