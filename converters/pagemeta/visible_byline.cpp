#include "pagemeta/visible_byline.h"

#include "core/bylines.h"
#include "core/text.h"
#include "dom/html_dom.h"

#include <algorithm>
#include <array>
#include <string>

namespace colophon::pagemeta {

namespace {

// A byline is a short line; the byline block under a heading a few dozen elements at most.
constexpr int max_byline_letters = 80;
constexpr int max_elements_after_heading = 40;
// A name: a handle or a few words ("The Currency editors", "Ann Lee").
constexpr std::size_t max_name_words = 5;
constexpr int max_name_letters = 50;

// A label that stands in its own element before the name.
constexpr std::array<std::string_view, 9> byline_labels = {
    "by",      "by:",       "written by", "written by:", "author",
    "author:", "posted by", "words by",   "authored by"};
// What follows a name on a byline line: a date, a role, the reading time.
constexpr std::array<std::string_view, 8> name_ends = {
    " - ", " | ", " \xC2\xB7 ", " \xE2\x80\xA2 ", " \xE2\x80\x93 ", " on ", ", ", " \xE2\x80\x94 "};

// Words of a class or id that say the element holds the author's name.
constexpr std::array<std::string_view, 4> author_class_words = {"author", "byline", "writer",
                                                                "authors"};

// True when a word of the element's class or id (split on punctuation and camelCase humps)
// names the author ("post-author", "blog_author-text", "authorName").
bool has_author_class(const xmlNode *n)
{
    for (std::string_view attr : {"class", "id"}) {
        const std::string_view value = dom::attr_view(n, attr);
        std::string word;
        auto flush = [&] {
            const bool hit = std::find(author_class_words.begin(), author_class_words.end(),
                                       word) != author_class_words.end();
            word.clear();
            return hit;
        };
        for (std::size_t i = 0; i < value.size(); ++i) {
            const char c = value[i];
            const bool upper = c >= 'A' && c <= 'Z';
            const bool alnum = upper || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
            if ((!alnum || (upper && i > 0 && value[i - 1] >= 'a' && value[i - 1] <= 'z')) &&
                flush())
                return true;
            if (alnum)
                word += upper ? static_cast<char>(c - 'A' + 'a') : c;
        }
        if (flush())
            return true;
    }
    return false;
}

bool is_label(std::string_view text)
{
    const std::string t = core::to_lower(core::trim(text));
    return std::find(byline_labels.begin(), byline_labels.end(), t) != byline_labels.end();
}

// The name a line gives, cut before what follows it; empty unless it reads as a name.
std::string name_part(std::string_view text)
{
    std::string s = core::clean_text(text);
    for (std::string_view end : name_ends)
        if (const auto pos = s.find(end); pos != std::string::npos)
            s.resize(pos);
    const bool digits =
        std::any_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
    const int letters = dom::count_letters(s);
    if (s.empty() || digits || letters > max_name_letters ||
        core::split_words(s).size() > max_name_words || s.back() == ':')
        return {};
    return s;
}

// "By Ann Lee and Bo Chen - Mar 27, 2024" -> the authors it names.
std::vector<core::Author> byline_authors(const std::string &text)
{
    std::vector<core::Author> found = core::parse_byline(text);
    if (!found.empty())
        return found;
    std::string rest = core::to_lower(text).starts_with("posted by ") ? text.substr(10) : text;
    for (const char *prefix : {"By ", "by ", "By: ", "Written by ", "Author: "})
        if (rest.starts_with(prefix)) {
            rest = rest.substr(std::char_traits<char>::length(prefix));
            break;
        }
    if (const std::string name = name_part(rest); !name.empty() && name.size() < text.size())
        return {{name, {}, {}}};
    return {};
}

} // namespace

std::vector<core::Author> find_byline_after_heading(xmlNode *heading, const xmlNode *root)
{
    if (heading == nullptr)
        return {};
    bool after_label = false;
    int seen = 0;
    for (xmlNode *n = dom::next_skipping_children(heading, root);
         n != nullptr && seen < max_elements_after_heading;) {
        if (n->type != XML_ELEMENT_NODE) {
            n = dom::next_in_order(n, root);
            continue;
        }
        ++seen;
        const std::string text = dom::text_of(n);
        const int letters = dom::count_letters(text);
        if (letters == 0 || letters > max_byline_letters) {
            n = dom::next_in_order(n, root);
            continue;
        }
        if (is_label(text)) {
            after_label = true;
            n = dom::next_skipping_children(n, root);
            continue;
        }
        if (after_label) {
            if (const std::string name = name_part(text); !name.empty())
                return {{name, {}, {}}};
            after_label = false;
        } else if (core::has_byline_prefix(text) ||
                   core::to_lower(text).starts_with("posted by ")) {
            if (auto authors = byline_authors(text); !authors.empty())
                return authors;
        } else if (has_author_class(n) && core::looks_like_person_name(text)) {
            return {{core::clean_text(text), {}, {}}};
        }
        n = dom::next_in_order(n, root);
    }
    return {};
}

} // namespace colophon::pagemeta
