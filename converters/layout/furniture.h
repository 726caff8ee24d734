#pragma once
// Running headers, footers and page numbers: lines that repeat across pages at the same place,
// page-number patterns in the top or bottom band, and lone short lines set apart at a page edge.

#include "text_lines.h"

#include <string>
#include <vector>

namespace colophon::layout {

// Per page: its size and its lines (already in reading order).
struct PageLines
{
    int page = 0;
    double width = 0;
    double height = 0;
    std::vector<TextLine> lines;
    bool from_ocr = false; // words recognised by OCR: misread characters vary from page to page
};

// Lower-cased text with digits folded to '#', so "Page 3 of 9" and "Page 4 of 9" match.
std::string furniture_signature(const std::string& text);

// "7", "Page 7", "Page 7 of 9", "— 7 —", "- 7 -", "7/9", "vii". With `ocr_text`, digits OCR
// often misreads as letters count as digits where a number stands ("Page l of 2", "1O").
bool looks_like_page_number(const std::string& text, bool ocr_text = false);

// True when two furniture signatures name the same running line: equal, one containing the
// other (a header split into two column lines), or, with `ocr_text`, at most a fifth of their
// characters apart (OCR misreads a few characters differently on each page).
bool same_running_line(const std::string& a, const std::string& b, bool ocr_text);

// For every page, a flag per line: true when the line is page furniture. `body_size` is the
// document's dominant font size.
std::vector<std::vector<bool>> find_furniture(const std::vector<PageLines>& pages, double body_size);

} // namespace colophon::layout
