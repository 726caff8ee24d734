#pragma once
// What the page shows about the article rather than declares: the visible title and subtitle,
// bylines, dates, "Originally published in ..." lines, an author bio closing the article and a
// set-off lede. Found elements are marked so they leave the body.

#include "core/document.h"
#include "html/html_blocks.h"
#include "html/html_facts.h"

#include <libxml/tree.h>

#include <string>
#include <vector>

namespace colophon::html {

struct VisibleTitle
{
    xmlNode* title = nullptr;
    xmlNode* subtitle = nullptr;
};

// The heading that shows the article title (preferring one that agrees with `declared`, the
// metadata titles) and a subtitle shown as a separate element right after it. Looks at every
// element `facts` indexes (the page body).
VisibleTitle find_visible_title(FactsTable& facts, xmlNode* content, const std::vector<std::string>& declared);

// The part of the page that frames the article: the nearest <article>/<main> around the
// content, widened to include the title heading.
xmlNode* article_region(xmlNode* content, xmlNode* title);

// Bylines shown in `region` (".byline", ".author", "By X and Y", rel=author); marks them.
std::vector<core::Author> extract_visible_bylines(FactsTable& facts, xmlNode* region, xmlNode* content);

// The first poster's user name in `region`, on a thread: the first short element whose class
// or id names a user ("username", "poster", "creator", "author"). Empty when none.
std::vector<core::Author> extract_first_poster(FactsTable &facts, xmlNode *region);

// The first visible date in `region` (<time datetime>, elements with date hints); marks it.
std::optional<core::PublicationDate> extract_visible_date(FactsTable& facts, xmlNode* region,
                                                          const std::string& language);

// "Originally published in the X" with X's link; marks the line.
std::optional<core::OriginalSource> extract_provenance(FactsTable& facts, xmlNode* region, BlockContext& ctx);

// A lede marked up as such (standfirst, lede, summary classes) near the start of `content`.
xmlNode* find_marked_lede(FactsTable& facts, xmlNode* region, xmlNode* content);

// Removes a closing author bio (a name line, then an affiliation line) from `body`, merging it
// into `authors`. True when one was found.
bool take_end_bio(std::vector<core::Block>& body, std::vector<core::Author>& authors);

// Removes short notes that introduce an author, wherever they stand in `body` (a contributor's
// bio: "Jane Doe is a senior fellow at ..."), and notes about the publisher that close it
// (press-release boilerplate: "Ascom is a global provider of ...", under an "About Ascom"
// heading or not). An author without an affiliation gets the one the note names. True when
// one was found.
bool take_author_notes(std::vector<core::Block>& body, core::Metadata& meta);

// True when `text` is such a note about one of `authors` (whose affiliation it then fills in
// when empty): a lede or description that is really the author's bio.
bool take_author_note(std::string_view text, std::vector<core::Author>& authors);

// True when text starts like a provenance line ("Originally published in", "First appeared in").
bool is_provenance_text(std::string_view text);

} // namespace colophon::html
