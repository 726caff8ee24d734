#pragma once
// Internal to the layout module. Paragraphs: rebuilds headings and paragraphs from the body lines
// in reading order across line, column and page breaks (gaps, indents, short last lines, size
// changes), de-hyphenating as it joins lines, and collects the notes of endnote sections
// ("Notes", "Endnotes") found among the body lines. Pages come one at a time and are not kept:
// only the last body line is remembered, to join a paragraph that runs on to the next page.

#include "dehyphenation.h"
#include "furniture.h"
#include "layout_internal.h"

#include <optional>
#include <vector>

namespace colophon::layout {

// The typical gap between two lines of one paragraph at the body size, measured on `pages`.
double typical_line_gap(const std::vector<const PageLines*>& pages, double body);

class ParagraphBuilder
{
public:
    // `body` is the dominant font size, `line_gap` the typical gap between lines of a paragraph.
    ParagraphBuilder(double body, double line_gap) : body_(body), line_gap_(line_gap) {}

    // The lines of the next page whose role is Body (headings and paragraphs); notes under an
    // endnotes heading are appended to `notes` instead. Lines that are Body or Note teach the
    // de-hyphenation vocabulary.
    void add_page(const PageLines& page, const std::vector<Role>& role, std::vector<RawNote>& notes);

    // The paragraphs, with the line-end hyphens of paragraphs and endnotes settled by the
    // vocabulary of the whole document.
    std::vector<Para> finish(std::vector<RawNote>& notes);

private:
    struct FrameStats
    {
        double left = 0, right = 0;
        bool justified = false;
    };

    double body_;
    double line_gap_;
    Vocabulary vocab_;
    std::vector<Para> paras_;
    // the last body line taken, and the statistics of its column
    std::optional<TextLine> prev_;
    FrameStats prev_frame_;
    bool prev_heading_ = false;
    bool in_endnotes_ = false;
};

} // namespace colophon::layout
