#pragma once
// Turns the chosen part of the HTML tree into document blocks and inlines: headings, paragraphs,
// lists, quotes, tables, figures, code, and inline emphasis, superscripts, links and note marks.

#include "core/document.h"
#include "html/html_facts.h"

#include <libxml/tree.h>

#include <string>
#include <unordered_map>
#include <vector>

namespace colophon::html {

struct NoteMark
{
    std::string note_id; // id of the core::Note
    std::string label;   // the mark as printed
};

struct BlockContext
{
    FactsTable* facts = nullptr;
    std::string base_url;  // absolute base for relative links; may be empty
    std::string page_url;  // the page's own address, to recognise in-page links
    std::unordered_map<std::string, NoteMark> note_marks; // fragment -> note
    int max_depth = 2000;
    bool in_note = false;  // converting note text: back-links to the marks are dropped
    bool filter_chrome = true; // skip link-dense clusters inside the content
};

// The number of an ordered list's first item: its start attribute when that is a number, else 1.
int list_start(const xmlNode *list);

// Blocks for the children of `container`, in document order.
std::vector<core::Block> build_blocks(xmlNode* container, BlockContext& ctx);

// Inline content of `node` (its children), whitespace normalised and trimmed.
std::vector<core::Inline> build_inlines(xmlNode* node, BlockContext& ctx);

// Normalises whitespace across inline boundaries, merges neighbouring text and trims the ends.
void normalize_inlines(std::vector<core::Inline>& inlines);

// True when the inlines hold only italic text (a standfirst or a set-off lede).
bool is_all_italic(const std::vector<core::Inline>& inlines);
bool is_all_bold(const std::vector<core::Inline>& inlines);

} // namespace colophon::html
