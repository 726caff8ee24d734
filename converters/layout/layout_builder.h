#pragma once
// Page words -> Document: furniture removal, footnote zones, front matter, headings,
// paragraphs across line/column/page breaks, de-hyphenation, inline styles, links and notes.
//
// Pages stream through: each page's words become lines at once and are dropped; a page's lines
// are kept only until the pages furniture detection compares it with (furniture_window on
// either side) have arrived, then the page is reduced to its paragraph and note tokens (about
// the size of the output text). Only at the start are more pages held: the body font size and
// line spacing every later decision is measured against come from the first calibration_pages.

#include "core/diagnostics.h"
#include "core/document.h"
#include "core/trace_recorder.h"
#include "furniture.h"
#include "words/page_words.h"

#include <deque>
#include <memory>
#include <string>
#include <utility>
#include <vector>

namespace colophon::layout {

// What the producer knows besides the pages (PDF Info dictionary / XMP).
struct DocumentHints
{
    std::string title;
    std::string author;
    std::string subject;
    std::string keywords;
    std::string language;
    std::string date_iso; // creation date, only used when the page shows none
};

class ParagraphBuilder;
struct RawNote;

class LayoutBuilder
{
public:
    // Pages whose lines set the body font size and line spacing before any page is finished.
    static constexpr std::size_t calibration_pages = 16;

    explicit LayoutBuilder(DocumentHints hints = {});
    ~LayoutBuilder();
    LayoutBuilder(const LayoutBuilder&) = delete;
    LayoutBuilder& operator=(const LayoutBuilder&) = delete;

    // Records what every line was read as in Document::trace (for the review page).
    void enable_trace() { trace_ = std::make_unique<core::PageTraceRecorder>(); }

    void add_page(const words::PageWords& page);
    // Builds meta, body and notes. Leaves `extraction` for the caller to fill.
    core::Document finish(core::Diagnostics& diags);

    // Pages whose lines are held, waiting for their neighbours (at most calibration_pages, then
    // furniture_window + 1).
    std::size_t pages_held() const { return pending_.size(); }

private:
    struct PendingPage
    {
        PageLines lines;
        std::vector<EdgeLine> edges;
    };

    void calibrate();
    void finish_page();

    DocumentHints hints_;
    std::deque<PendingPage> pending_;
    std::deque<std::vector<EdgeLine>> done_edges_; // of the last furniture_window pages finished
    bool calibrated_ = false;
    double body_ = 10;
    std::unique_ptr<ParagraphBuilder> paragraphs_;
    std::vector<RawNote> notes_;
    core::Metadata meta_;
    std::vector<core::Author> authors_front_;
    bool front_read_ = false;
    bool any_ocr_ = false; // some page's words came from OCR
    std::vector<std::pair<int, std::string>> dropped_; // page, warning: text no output holds
    std::unique_ptr<core::PageTraceRecorder> trace_;   // only when enable_trace() was called
};

// True for an Info "Title" that is a file name or a tool's placeholder, not a title.
bool is_generic_title(const std::string& title);

} // namespace colophon::layout
