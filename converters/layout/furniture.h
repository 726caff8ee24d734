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

// Pages compared on either side of a page: a running header repeats on its neighbours, so
// furniture detection never needs more of the document than this window.
constexpr std::size_t furniture_window = 3;

// A line at the top or bottom edge of a page that may repeat on neighbouring pages: all that
// furniture detection keeps of a page once the page itself is done.
struct EdgeLine
{
    std::size_t line = 0; // index in the page's lines
    bool top = false;
    std::string sig;      // furniture_signature of its text
    double y = 0;
    double size = 0;
    bool from_ocr = false; // of its page
};

std::vector<EdgeLine> find_edge_lines(const PageLines& page);

// A flag per line of `page`: true when the line is page furniture. `edges` are the page's own
// edge lines; `neighbours` those of up to furniture_window pages on either side. `body_size` is
// the document's dominant font size.
std::vector<bool> find_page_furniture(const PageLines& page, const std::vector<EdgeLine>& edges,
                                      const std::vector<const std::vector<EdgeLine>*>& neighbours, double body_size);

// The same for every page of a whole document at once.
std::vector<std::vector<bool>> find_furniture(const std::vector<PageLines>& pages, double body_size);

} // namespace colophon::layout
