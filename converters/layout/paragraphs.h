#pragma once
// Internal to the layout module. Paragraphs: rebuilds headings and paragraphs from the body lines
// in reading order across line, column and page breaks (gaps, indents, short last lines, size
// changes), de-hyphenating as it joins lines, and collects the notes of endnote sections
// ("Notes", "Endnotes") found among the body lines. Pages come one at a time and are not kept:
// only the last body line is remembered, to join a paragraph that runs on to the next page.

#include "dehyphenation.h"
#include "furniture.h"
#include "layout_internal.h"

#include <cstdint>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

namespace colophon::layout {

// The typical gap between two lines of one paragraph at the body size, measured on `pages`.
double typical_line_gap(const std::vector<const PageLines*>& pages, double body);

class ParagraphBuilder
{
public:
    // `body` is the dominant font size, `line_gap` the typical gap between lines of a paragraph.
    ParagraphBuilder(double body, double line_gap) : body_(body), line_gap_(line_gap) {}

    // The document's declared language, for the de-hyphenation dictionary (empty: by its words).
    void set_language(std::string language) { vocab_.set_language(std::move(language)); }

    // The lines of the next page whose role is Body (headings and paragraphs); notes under an
    // endnotes heading are appended to `notes` instead. Lines that are Body or Note teach the
    // de-hyphenation vocabulary.
    void add_page(const PageLines& page, const std::vector<Role>& role, std::vector<RawNote>& notes);

    // After the last page: settles the line-end hyphens of `notes` and tells headings that read
    // as prose (a lede set large) from real ones.
    void finish(std::vector<RawNote>& notes);

    // The paragraphs, in reading order (after finish).
    std::size_t size() const { return paras_.size(); }
    bool heading(std::size_t i) const { return paras_[i].heading; }
    double font_size(std::size_t i) const { return paras_[i].size; }
    // Where paragraph i starts: its page and the box of its first line.
    int page(std::size_t i) const { return paras_[i].page; }
    const core::Box &first_box(std::size_t i) const { return paras_[i].box; }
    // Paragraph i with its line-end hyphens settled by the vocabulary of the whole document.
    Para para(std::size_t i) const;
    // The same, releasing what was kept of it.
    Para take(std::size_t i);

    // The words the document uses, after finish.
    const Vocabulary& vocabulary() const { return vocab_; }

    // A column's margins as its body lines show them.
    struct FrameStats
    {
        double left = 0, right = 0;
        bool justified = false;
    };

private:
    // A finished paragraph kept small: token texts back to back, a few bytes per token, link
    // targets in a table shared by the document.
    struct PackedTok
    {
        std::uint32_t text_end = 0;
        std::uint32_t uri = 0; // index in uris_; 0: none
        std::int32_t page = 0;
        std::int32_t dest_page = 0;
        std::uint8_t flags = 0;
    };
    struct PackedPara
    {
        bool heading = false;
        double size = 0;
        int page = 0;
        core::Box box;
        std::string text;
        std::vector<PackedTok> toks;
        std::vector<PendingHyphen> hyphens;
    };

    bool is_heading_line(const TextLine& l) const;
    // Lines under a "Notes" heading become endnotes; true when `l` was taken so.
    bool take_endnote_line(const TextLine& l, bool heading, std::vector<RawNote>& notes);
    bool starts_new_block(const TextLine& l, bool heading, const FrameStats& fs) const;
    void close_open_para();
    Para unpack(const PackedPara& pp) const;

    double body_;
    double line_gap_;
    Vocabulary vocab_;
    std::vector<PackedPara> paras_;
    std::optional<Para> open_; // the paragraph lines are still being added to
    std::vector<std::string> uris_{std::string()};
    std::unordered_map<std::string, std::uint32_t> uri_index_;
    // the last body line taken, and the statistics of its column
    std::optional<TextLine> prev_;
    FrameStats prev_frame_;
    bool prev_heading_ = false;
    bool in_endnotes_ = false;
    bool ocr_ = false; // some page was OCR'd: words it split are mended
};

} // namespace colophon::layout
