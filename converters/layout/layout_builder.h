#pragma once
// Page words -> Document: furniture removal, footnote zones, front matter, headings,
// paragraphs across line/column/page breaks, de-hyphenation, inline styles, links and notes.
//
// Pages are fed one at a time. Each page's words are reduced to lines at once and the words
// are dropped; only the lines (about the size of the output text) are kept until finish(),
// because furniture detection and notes continued across pages need every page.

#include "core/diagnostics.h"
#include "core/document.h"
#include "furniture.h"
#include "page_words.h"

#include <string>
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

class LayoutBuilder
{
public:
    explicit LayoutBuilder(DocumentHints hints = {}) : hints_(std::move(hints)) {}

    void add_page(const PageWords& page);
    // Builds meta, body and notes. Leaves `extraction` for the caller to fill.
    core::Document finish(core::Diagnostics& diags);

private:
    DocumentHints hints_;
    std::vector<PageLines> pages_;
};

// True for an Info "Title" that is a file name or a tool's placeholder, not a title.
bool is_generic_title(const std::string& title);

} // namespace colophon::layout
