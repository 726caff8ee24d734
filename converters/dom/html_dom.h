#pragma once
// Small, allocation-light helpers over libxml2's HTML tree shared by the HTML stages.

#include "xml/xml_handles.h"

#include <libxml/tree.h>

#include <climits>
#include <string>
#include <string_view>

namespace colophon::dom {

// Parses a page that is valid UTF-8 (decode_html's result), fed to libxml2 a piece at a time: read
// from memory, libxml2 would copy the page and run the copy through its UTF-8 decoder into a
// second buffer, three pages' worth before the tree is built. `options` must hold
// HTML_PARSE_IGNORE_ENC (the bytes are UTF-8 whatever a <meta charset> says).
xml::XmlDocPtr parse_html_utf8(std::string_view utf8, const std::string& url, int options);

// The page's <body>, holding everything the page shows: elements the parser's error recovery
// left beside it under <html> (after a premature </body>, before a late <body>) are moved into
// it in their order, and so is a second <html>'s content when it shows more text than the
// first. The root element when there is no <body>.
xmlNode *body_with_strays(xmlDoc *doc);

// Lower-case element name as the HTML parser stores it; empty for non-elements.
std::string_view tag_of(const xmlNode* node);
bool is_element(const xmlNode* node, std::string_view name);
bool is_heading(const xmlNode* node);
// <main> or role=main: where the page declares its main content.
bool is_main_region(const xmlNode *node);
int heading_level(const xmlNode* node); // 1..6, 0 when not a heading

// Attribute value without copying (HTML attributes hold one text child); empty when absent.
std::string_view attr_view(const xmlNode* node, std::string_view name);
bool has_attr(const xmlNode* node, std::string_view name);

// "class id" in lower case, for class/id hints.
std::string class_and_id(const xmlNode* node);

// Block-level elements: their text does not run on into a neighbour's.
bool is_block_tag(std::string_view tag);

// Whitespace runs (ASCII and no-break spaces) to one space; `trim_ends` also drops them at
// either end, otherwise one space is kept there.
std::string collapse_spaces(std::string_view raw, bool trim_ends);
// Character references still in text after parsing ("Maria &amp; Katerina" from a CMS that escaped
// twice): named ones through libxml2's HTML entity table, numeric ones by value; anything else,
// and a reference to no valid character, stays as written.
std::string decode_character_references(std::string_view text);

// Text of a node and its descendants with whitespace collapsed and trimmed; iterative, so a
// deep tree cannot exhaust the stack.
std::string text_of(const xmlNode* node);
// Raw text (whitespace as in the source) appended to `out`.
void append_raw_text(const xmlNode* node, std::string& out);

// Number of letters and digits (code points that are not whitespace or punctuation) in `s`.
int count_letters(std::string_view s);
// count_letters(text_of(node)) without building the text; once the count passes `stop_after`,
// reading stops and some count above it is returned.
int letters_of(const xmlNode *node, int stop_after = INT_MAX);

// Next element in document order within `root` (pre-order), skipping nothing; nullptr at the end.
xmlNode* next_in_order(xmlNode* node, const xmlNode* root);
// Like next_in_order but does not descend into `node`'s children.
xmlNode* next_skipping_children(xmlNode* node, const xmlNode* root);

bool is_ancestor(const xmlNode* ancestor, const xmlNode* node);
// True when `node` holds exactly one element and no text but whitespace: its text is its child's.
bool is_pure_wrapper(const xmlNode* node);
// The first element among `node`'s children, or nullptr.
xmlNode* first_element_child(const xmlNode* node);

// Detaches and frees a node with its subtree.
void remove_node(xmlNode* node);

} // namespace colophon::dom
