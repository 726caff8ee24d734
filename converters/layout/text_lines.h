#pragma once
// Words -> lines in reading order: superscripts attached to their host word, then a recursive
// XY-cut that prefers column gutters (a full-height vertical gap) over horizontal cuts, so a
// full-width title above two columns reads title, left column, right column.

#include "words/page_words.h"

#include <string>
#include <vector>

namespace colophon::layout {

// One word placed on a line, with what the line analysis learned about it.
struct LineWord
{
    std::string text;
    core::Box box;
    double size = 0;
    bool bold = false;
    bool italic = false;
    bool superscript = false;  // smaller and raised against the word it touches
    bool space_before = false; // a visible gap separates it from the previous word on the line
    std::string uri;           // external link covering the word
    int dest_page = 0;         // internal link covering the word
    double dest_y = -1;
};

struct TextLine
{
    int page = 0;
    core::Box box;
    core::Box frame;  // the column (or page text area) the line sits in
    int frame_id = 0; // lines of one column share it, per page
    double size = 0;  // dominant font size of the line's normal (non-superscript) words
    bool bold = false;   // every normal word bold
    bool italic = false; // every normal word italic
    std::vector<LineWord> words;

    std::string text() const; // words joined with spaces where there is a gap
};

// Lines of one page in reading order.
std::vector<TextLine> build_lines(const words::PageWords& page);

// OCR reads specks of a scan as marks ("|", "_", "~", "-.", "°."): a word without a letter or
// a digit at either end of an OCR'd line is one, and goes with the line's box. Returns whether
// the line kept a word.
bool trim_edge_specks(TextLine& line);

} // namespace colophon::layout
