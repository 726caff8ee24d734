#pragma once
// Clean-up of the body blocks once the main content is built: what the content element still
// holds that is not the text itself (the title repeated, a dateline, interface labels, a
// closing bio or newsletter prompt) leaves the body, and a set-off lede becomes the abstract.

#include "core/document.h"

#include <string>
#include <vector>

namespace colophon::html {

// Which of the steps below a kind of page takes: on a page of cards the first blocks are a
// card's (its date line is its own), and only an article closes with promotion and contact
// lines (a service page's contact section, a listing's last card are content).
struct TidySteps
{
    bool leading_meta = true;
    bool closing_promotion = true;
};

// Runs every clean-up step below in order on `doc` (body, abstract, authors, date).
// `declared_titles` are the titles the page declares; `language` the page's language tag.
void tidy_body(core::Document &doc, const std::vector<std::string> &declared_titles,
               const std::string &language, TidySteps steps = {});

// Headings at the start or anywhere in the body that repeat the title.
void drop_title_repeats(std::vector<core::Block> &body, const std::string &title,
                        const std::vector<std::string> &declared_titles);
// Paragraphs that are page furniture: counters, stray marks, bare URLs, interface labels.
void drop_ui_paragraphs(std::vector<core::Block> &body);
// Headings left with nothing under them at the end (their lists were chrome).
void drop_trailing_headings(std::vector<core::Block> &body);
// A dateline or byline left at the top of the text ("Posted Nov 18, 8:19 PM"); fills the date
// when the metadata has none.
void drop_leading_meta_lines(core::Document &doc, const std::string &language);
// Contact and promotion lines closing the text ("Subscribe to our newsletter", an e-mail
// address, "X contributed to this report", how to cite the page).
void drop_closing_promotion(std::vector<core::Block> &body);
// An all-italic first paragraph sets off the lede: it becomes the abstract when there is none.
void take_italic_lede(core::Document &doc);

// True when a paragraph's text is page furniture rather than prose: counters ("1.2K"),
// separators, a bare URL, an unrendered CMS shortcode, text for machines (JSON or encoded
// data spilled into the text), or a one- or two-word interface label.
bool is_ui_text(const std::string &text);

} // namespace colophon::html
