#include "html/html_body_tidy.h"

#include "core/bylines.h"
#include "core/dates.h"
#include "core/text.h"
#include "dom/html_dom.h"
#include "html/html_blocks.h"
#include "html/html_byline.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <string_view>

namespace colophon::html {

namespace {

// A paragraph shorter than this with fewer than `label_min_letters` letters beside its digits
// is a counter or a mark ("1.2K", "3/5", "•"). (article-extraction-benchmark)
constexpr std::size_t counter_max_bytes = 12;
constexpr int label_min_letters = 3;
// Interface labels are a few words: longer text is never looked up in the label table.
constexpr std::size_t label_max_bytes = 30;
// "Image 2 of 5" gallery counters are shorter than this.
constexpr std::size_t gallery_counter_max_bytes = 20;
// Serialized data (a script's JSON, an attribute's value the parser spilled into the text):
// at least this many '":' / '",' pairs, one in every this many bytes or more often. Prose
// quotes a speaker and goes on ("... he said", ...) a few times a page, never this densely.
constexpr int data_min_pairs = 8;
constexpr std::size_t data_bytes_per_pair = 60;
// ... or encoded data (a data: URL, base64): at least this many bytes, most of them in runs of
// ASCII without a space of this length or longer, which no language's words reach.
constexpr std::size_t encoded_min_bytes = 200;
constexpr std::size_t encoded_run_bytes = 60;
// An unrendered shortcode wraps a few words; a longer bracketed text is something else.
constexpr std::size_t shortcode_max_bytes = 400;
// A dateline or byline is a short line among the first few blocks. (article-extraction-benchmark)
constexpr int leading_meta_blocks = 3;
constexpr std::size_t meta_line_max_bytes = 100;
constexpr std::size_t status_line_max_bytes = 60; // "Updated 3 hours ago"
// Promotion lines close the text, at most this many in a row, each short.
constexpr int closing_promotion_blocks = 3;
constexpr std::size_t promotion_max_bytes = 300;
// An italic first paragraph shorter than this is a kicker or a caption, not a lede.
constexpr std::size_t italic_lede_min_bytes = 60;

// Interface labels that stand alone as a paragraph (compared lower-cased, trailing ':' '.' '>'
// '?' and spaces removed); a feedback widget's question is left alone once its buttons go.
// (wcxb-dev: "Was this helpful?", "Last updated" left on 6 pages, none of them in the truth)
constexpr std::array<std::string_view, 51> interface_labels = {
    "caption",
    "close",
    "published",
    "updated",
    "last updated",
    "advertisement",
    "share",
    "print",
    "email",
    "comments",
    "tweet",
    "subscribe",
    "loading",
    "read more",
    "continue reading",
    "skip",
    "menu",
    "search",
    "back to top",
    "related",
    "photo",
    "video",
    "share this",
    "share this article",
    "toggle caption",
    "hide caption",
    "enlarge this image",
    "image",
    "listen",
    "save",
    "follow",
    "sponsored",
    "advertisement - scroll to continue",
    "ad",
    "advert",
    "ads",
    "key points",
    "related tags",
    "tags",
    "topics",
    "more",
    "next",
    "previous",
    "print this page",
    "font size",
    "story continues below advertisement",
    "was this page helpful",
    "was this article helpful",
    "was this helpful"};

// Words of a short closing line that invite the reader elsewhere or credit a contributor.
constexpr std::array<std::string_view, 9> promotion_cues = {"subscribe",
                                                            "newsletter",
                                                            "sign up",
                                                            "follow us",
                                                            "follow me",
                                                            "if you enjoyed",
                                                            "like this story",
                                                            "contributed to this report",
                                                            "contributed to this article"};

// Status words that open a dateline without a date ("Updated 3 hours ago").
constexpr std::array<std::string_view, 4> status_prefixes = {"Updated", "Published", "Posted",
                                                             "Last updated"};

std::string block_text(const core::Block &b)
{
    return core::clean_text(core::plain_text(b));
}

bool same_name(const std::string &a, const std::string &b)
{
    return core::to_lower(a) == core::to_lower(b);
}

// A CMS shortcode the site never rendered ("[button link=\"/x\" type=\"big\"] Send us your
// review[/button]"): an opening tag with attributes and its closing tag around a few words. Note
// marks ("[1]") and editorial brackets ("[sic]") have neither.
bool is_shortcode_element(const std::string &t)
{
    if (t.size() < 3 || t.front() != '[' || !std::isalpha(static_cast<unsigned char>(t[1])))
        return false;
    std::size_t name_end = 1;
    while (name_end < t.size() && (std::isalnum(static_cast<unsigned char>(t[name_end])) ||
                                   t[name_end] == '_' || t[name_end] == '-'))
        ++name_end;
    const std::string name = t.substr(1, name_end - 1);
    const auto open_end = t.find(']', name_end);
    if (open_end == std::string::npos || t.find('=', name_end) > open_end)
        return false;
    return t.find("[/" + name + "]", open_end) != std::string::npos &&
           t.size() < shortcode_max_bytes;
}

// "Image 2 of 5", "1 of 12"
bool is_gallery_counter(const std::string &t)
{
    const auto of = t.find(" of ");
    return of != std::string::npos && of > 0 &&
           std::isdigit(static_cast<unsigned char>(t[of - 1])) && of + 4 < t.size() &&
           std::isdigit(static_cast<unsigned char>(t[of + 4])) &&
           t.size() < gallery_counter_max_bytes;
}

bool is_interface_label(const std::string &t)
{
    std::string key = core::to_lower(t);
    while (!key.empty() && (key.back() == ':' || key.back() == '.' || key.back() == '>' ||
                            key.back() == '?' || key.back() == ' '))
        key.pop_back();
    return std::find(interface_labels.begin(), interface_labels.end(), key) !=
           interface_labels.end();
}

bool ends_sentence_or_quote(const std::string &t)
{
    return t.back() == '.' || t.back() == '!' || t.back() == '?' || t.back() == '"';
}

bool is_leading_meta_line(const core::Block &b, const std::string &t, const std::string &language)
{
    if (b.kind != core::BlockKind::Paragraph || t.empty() || t.size() >= meta_line_max_bytes ||
        ends_sentence_or_quote(t))
        return false;
    if (core::has_byline_prefix(t) || core::find_date(t, language))
        return true;
    return t.size() < status_line_max_bytes &&
           std::any_of(status_prefixes.begin(), status_prefixes.end(),
                       [&](std::string_view p) { return t.starts_with(p); });
}

// "Citation: <title> (2019, November 18) retrieved 20 November 2019 from https://..."
bool is_how_to_cite(const std::string &lower)
{
    return lower.starts_with("citation:") || lower.starts_with("cite this") ||
           (lower.find(" retrieved ") != std::string::npos &&
            lower.find(" from http") != std::string::npos);
}

bool is_promotion_line(const core::Block &b)
{
    const std::string t = core::to_lower(block_text(b));
    return b.kind == core::BlockKind::Paragraph && t.size() < promotion_max_bytes &&
           (t.find('@') != std::string::npos || is_how_to_cite(t) ||
            std::any_of(promotion_cues.begin(), promotion_cues.end(),
                        [&](std::string_view c) { return t.find(c) != std::string::npos; }));
}

} // namespace

// Text for machines, not readers, that the page or the parser's recovery left in a paragraph:
// JSON (quoted keys and values, densely) or encoded bytes (percent-encoded markup, base64) in
// long runs without spaces. (Program text is not judged here: documentation and service pages
// set code samples inside their paragraphs.)
bool is_machine_text(const std::string &t)
{
    int pairs = 0;
    for (std::size_t i = 0; i + 1 < t.size(); ++i)
        pairs += t[i] == '"' && (t[i + 1] == ':' || t[i + 1] == ',');
    if (pairs >= data_min_pairs &&
        t.size() <= static_cast<std::size_t>(pairs) * data_bytes_per_pair)
        return true;
    if (t.size() < encoded_min_bytes)
        return false;
    std::size_t in_long_runs = 0, run = 0;
    for (std::size_t i = 0; i <= t.size(); ++i) {
        const auto c = i < t.size() ? static_cast<unsigned char>(t[i]) : ' ';
        if (c > ' ' && c < 0x80) {
            ++run;
            continue;
        }
        if (run >= encoded_run_bytes)
            in_long_runs += run;
        run = 0;
    }
    return in_long_runs * 2 > t.size();
}

bool is_ui_text(const std::string &t)
{
    const int letters = dom::count_letters(t);
    int digits = 0;
    for (const char c : t)
        digits += c >= '0' && c <= '9';
    if (letters == 0 || (t.size() < counter_max_bytes && letters - digits < label_min_letters))
        return true;
    if (t.find(' ') == std::string::npos &&
        (t.starts_with("http://") || t.starts_with("https://") || t.starts_with("www.")))
        return true;
    if (is_shortcode_element(t) || is_machine_text(t))
        return true;
    if (t.size() > label_max_bytes)
        return false;
    return is_gallery_counter(t) || is_interface_label(t);
}

void drop_title_repeats(std::vector<core::Block> &body, const std::string &title,
                        const std::vector<std::string> &declared_titles)
{
    std::erase_if(body, [&](const core::Block &b) {
        return b.kind == core::BlockKind::Heading && !title.empty() &&
               same_name(block_text(b), title);
    });
    // a heading before any text that repeats a declared title, or an <h1>, is the title again
    while (!body.empty() && body.front().kind == core::BlockKind::Heading) {
        const std::string h = core::to_lower(block_text(body.front()));
        const bool declared =
            std::any_of(declared_titles.begin(), declared_titles.end(), [&](const std::string &d) {
                const std::string l = core::to_lower(d);
                return !h.empty() &&
                       (l.find(h) != std::string::npos || h.find(l) != std::string::npos);
            });
        if (!declared && body.front().level != 1)
            break;
        body.erase(body.begin());
    }
}

void drop_ui_paragraphs(std::vector<core::Block> &body)
{
    std::erase_if(body, [](const core::Block &b) {
        return b.kind == core::BlockKind::Paragraph && is_ui_text(block_text(b));
    });
}

void drop_trailing_headings(std::vector<core::Block> &body)
{
    while (!body.empty() && body.back().kind == core::BlockKind::Heading)
        body.pop_back();
}

void drop_leading_meta_lines(core::Document &doc, const std::string &language)
{
    for (int k = 0; k < leading_meta_blocks && static_cast<std::size_t>(k) < doc.body.size();) {
        const core::Block &b = doc.body[static_cast<std::size_t>(k)];
        const std::string t = block_text(b);
        if (!is_leading_meta_line(b, t, language)) {
            ++k;
            continue;
        }
        if (doc.meta.date.iso.empty())
            if (auto d = core::find_date(t, language))
                doc.meta.date = *d;
        doc.body.erase(doc.body.begin() + k);
    }
}

void drop_closing_promotion(std::vector<core::Block> &body)
{
    for (int k = 0; k < closing_promotion_blocks && !body.empty(); ++k) {
        if (!is_promotion_line(body.back()))
            break;
        body.pop_back();
    }
}

void take_italic_lede(core::Document &doc)
{
    if (!doc.meta.abstract.empty() || doc.body.size() < 2 ||
        doc.body.front().kind != core::BlockKind::Paragraph ||
        !is_all_italic(doc.body.front().content) ||
        block_text(doc.body.front()).size() < italic_lede_min_bytes)
        return;
    doc.meta.abstract = std::move(doc.body.front().content);
    doc.body.erase(doc.body.begin());
    // the italics only set the lede off; the abstract itself is plain
    if (doc.meta.abstract.size() == 1 && doc.meta.abstract.front().kind == core::InlineKind::Italic)
        doc.meta.abstract = std::vector<core::Inline>(doc.meta.abstract.front().children);
}

void tidy_body(core::Document &doc, const std::vector<std::string> &declared_titles,
               const std::string &language, TidySteps steps)
{
    // 1. the title again, furniture, empty headings at the end, datelines at the top
    drop_title_repeats(doc.body, doc.meta.title, declared_titles);
    drop_ui_paragraphs(doc.body);
    drop_trailing_headings(doc.body);
    if (steps.leading_meta)
        drop_leading_meta_lines(doc, language);
    // 2. a closing bio, then promotion lines before and after a closing note about the author
    take_end_bio(doc.body, doc.meta.authors);
    if (steps.closing_promotion)
        drop_closing_promotion(doc.body);
    if (take_author_notes(doc.body, doc.meta) && steps.closing_promotion)
        drop_closing_promotion(doc.body);
    // 3. a set-off lede
    take_italic_lede(doc);
}

} // namespace colophon::html
