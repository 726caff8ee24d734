#pragma once
// What layout analysis reads: the words of one page with their boxes and typography.
// The PDF text layer (Poppler) and OCR (Tesseract) both produce this; nothing else is shared.

#include "core/document.h"

#include <string>
#include <vector>

namespace colophon::words {

struct Word
{
    std::string text;          // UTF-8, no spaces inside
    core::Box box;             // page coordinates in points, origin top-left
    std::string font;          // font name as embedded ("ABCDEF+Times-Italic"); empty for OCR
    double size = 0;           // font size in points (OCR: estimated from x-height/line height)
    bool bold = false;
    bool italic = false;
    double confidence = 100;   // 0..100; 100 for a text layer
    bool glued = false;        // OCR: no space before it (a note mark split off its host word)
};

// A link annotation: a rectangle on the page and where it points.
struct LinkArea
{
    core::Box box;
    std::string uri;           // external target; empty for internal links
    int dest_page = 0;         // internal (GoTo) target page, 1-based; 0 when external
    double dest_y = -1;        // internal target's top on that page, points from top; -1 unknown
};

// A drawn horizontal rule (footnote separators are short ones above the footnote zone).
struct Rule
{
    core::Box box;
};

struct PageWords
{
    int page = 0;              // 1-based
    double width = 0;          // points
    double height = 0;
    std::vector<Word> words;   // in the order the producer emitted them (not necessarily reading order)
    std::vector<LinkArea> links;
    std::vector<Rule> rules;
    bool from_ocr = false;
};

} // namespace colophon::words
