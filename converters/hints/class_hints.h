#pragma once
// What an element's class names and id say about it, read as words: "post-share_buttons" is
// post, share, buttons; "newsCaption" is news, caption. Hints are weighed over every name of the
// element, never found as substrings: a Drupal "field--label-hidden" (a field whose label is
// hidden), a page builder's "elementor-widget-wrap" or a utility "overflow-hidden" name no chrome.

#include <libxml/tree.h>

#include <functional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace colophon::hints {

// One class name (or the id), lower-cased, split into words on '-', '_', ':' and camelCase humps.
// Dropped: BEM modifiers ("card--hidden" -> card), CSS-module hashes ("Main_Main__ZphPe" ->
// main, main), and behaviour hooks ("js-tooltip": the name says a script attaches to it).
struct ClassName
{
    std::string joined; // the words joined with '-' ("sr-only", "visually-hidden")
    std::vector<std::string> words;
};

std::vector<ClassName> class_names(const xmlNode *node);
// A name as any_class_name hands it to a test: views into the reader's buffers, valid during the
// call.
struct ClassNameView
{
    std::string_view joined;
    std::span<const std::string_view> words;
};
// Calls `f` with each of class_names(node) in turn, read into buffers reused from one name to the
// next, until it returns true; true when it did. For the tests asked of every element, without a
// string per word.
bool any_class_name(const xmlNode *node, const std::function<bool(const ClassNameView &)> &f);
// class_names(node).front().joined without reading the other names; empty when there is none.
std::string first_class_name(const xmlNode *node);

struct HintContext
{
    // On a forum the posts are marked up as comments: comment words name content there.
    bool comments_are_content = false;
    // On a product page the customers' reviews are not the product's description.
    bool reviews_are_chrome = false;
    // On a page of cards each card's date and byline line is part of the card, not the page's.
    bool metadata_is_content = false;
};

// The word that names `node` page chrome ("nav", "share", "related", "visually-hidden"), empty
// when none does. A visibility word counts only as a whole name or its first word ("hidden",
// "sr-only", "hide-for-mobile"; not "overflow-hidden" or "field--label-hidden").
std::string chrome_hint(const xmlNode *node, const HintContext &context = {});

// The word that names `node` article metadata ("byline", "author", "dateline"); empty when none.
std::string metadata_hint(const xmlNode *node);

// True when a whole name can only mean chrome, even around long text ("comments", "sidebar",
// "related-posts"): such an element is chrome even when it holds most of the page's paragraphs.
bool has_strong_chrome_name(const xmlNode *node, const HintContext &context = {});

// True when one word of the names is in `words` (a small table of the caller's).
bool has_name_word(const xmlNode *node, std::initializer_list<std::string_view> words);

} // namespace colophon::hints
