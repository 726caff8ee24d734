#include "html/html_page_cards.h"

#include "dom/html_dom.h"
#include "html/html_page_type.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <cmath>
#include <string_view>

namespace colophon::html {

namespace {

// A card's link and heading are near its top: a search this many nodes deep into a member finds
// them and stops, so nested lists are not walked again and again.
constexpr int card_search_nodes = 200;
// A link whose text is a number this short is a page of the list ("1 2 3 ... 12").
constexpr std::size_t page_number_digits = 3;

struct CardParts
{
    bool link = false;
    bool heading = false;
};

CardParts parts_of(const xmlNode *member)
{
    CardParts parts;
    int seen = 0;
    for (const xmlNode *n = member; n != nullptr && seen < card_search_nodes;
         n = dom::next_in_order(const_cast<xmlNode *>(n), member), ++seen) {
        if (n->type != XML_ELEMENT_NODE)
            continue;
        parts.link = parts.link || (dom::tag_of(n) == "a" && dom::has_attr(n, "href"));
        parts.heading = parts.heading || dom::heading_level(n) >= 2;
        if (parts.link && parts.heading)
            break;
    }
    return parts;
}

bool is_page_number(std::string_view text)
{
    const std::string trimmed = dom::collapse_spaces(text, true);
    return !trimmed.empty() && trimmed.size() <= page_number_digits &&
           std::all_of(trimmed.begin(), trimmed.end(),
                       [](char c) { return std::isdigit(static_cast<unsigned char>(c)); });
}

// A short text with a year in it ("March 6, 2026", "12/09/2025 | Chalkbeat") is an item's date;
// a listing of posts shows one per card, an article one or two.
constexpr std::size_t dated_text_max_bytes = 48;
constexpr int first_year = 1990;
constexpr int last_year = 2039;

bool is_short_dated_text(std::string_view text)
{
    if (text.size() > dated_text_max_bytes)
        return false;
    for (std::size_t i = 0; i + 4 <= text.size(); ++i) {
        const bool bounded =
            (i == 0 || !std::isdigit(static_cast<unsigned char>(text[i - 1]))) &&
            (i + 4 == text.size() || !std::isdigit(static_cast<unsigned char>(text[i + 4])));
        if (!bounded || !std::all_of(text.begin() + static_cast<long>(i),
                                     text.begin() + static_cast<long>(i + 4), [](char c) {
                                         return std::isdigit(static_cast<unsigned char>(c));
                                     }))
            continue;
        const int year = std::stoi(std::string(text.substr(i, 4)));
        if (year >= first_year && year <= last_year)
            return true;
    }
    return false;
}

bool pages_a_list(std::string_view href)
{
    return href.find("page=") != std::string_view::npos ||
           href.find("/page/") != std::string_view::npos;
}

float log_count(double n)
{
    return static_cast<float>(std::log1p(std::max(0.0, n)));
}

float share(int part, int whole)
{
    return whole > 0 ? static_cast<float>(part) / static_cast<float>(whole) : 0.0F;
}

// Segments that name an index of other pages rather than a page: tags, archives, authors' pages,
// pages of a paged list, search results.
constexpr std::array<std::string_view, 12> index_words = {"tag",   "tags",   "archive", "archives",
                                                          "page",  "search", "author",  "authors",
                                                          "label", "labels", "browse",  "latest"};
// Query parameters that page through a list.
constexpr std::array<std::string_view, 6> paging_parameters = {
    "page=", "p=", "paged=", "pg=", "start=", "offset="};

bool has_paging_query(const std::string &url)
{
    const auto q = url.find('?');
    if (q == std::string::npos)
        return false;
    const std::string_view query = std::string_view(url).substr(q + 1);
    return std::any_of(paging_parameters.begin(), paging_parameters.end(), [&](std::string_view p) {
        for (std::size_t at = query.find(p); at != std::string_view::npos;
             at = query.find(p, at + 1))
            if (at == 0 || query[at - 1] == '&' || query[at - 1] == ';')
                return true;
        return false;
    });
}

} // namespace

void CardTally::repeated_siblings(const std::vector<const xmlNode *> &members)
{
    const std::string_view tag = dom::tag_of(members.front());
    if (tag != "li" && tag != "article" && tag != "div" && tag != "section")
        return;
    for (const xmlNode *m : members) {
        const CardParts parts = parts_of(m);
        if (!parts.link)
            continue;
        cards_.insert(m);
        cards_with_heading_ += parts.heading ? 1 : 0;
    }
}

void CardTally::element(const xmlNode *node)
{
    if (dom::tag_of(node) != "a")
        return;
    const bool paging =
        pages_a_list(dom::attr_view(node, "href")) || is_page_number(dom::text_of(node));
    pagination_links_ += paging ? 1 : 0;
}

void CardTally::text(const xmlNode *node, int letters)
{
    if (letters == 0)
        return;
    letters_ += letters;
    if (node->content != nullptr)
        dated_texts_ += is_short_dated_text(reinterpret_cast<const char *>(node->content)) ? 1 : 0;
    bool in_card = false;
    bool in_link = false;
    const xmlNode *heading = nullptr;
    for (const xmlNode *p = node->parent; p != nullptr && p->type == XML_ELEMENT_NODE;
         p = p->parent) {
        in_card = in_card || cards_.count(p) > 0;
        in_link = in_link || dom::tag_of(p) == "a";
        if (heading == nullptr && dom::heading_level(p) > 0)
            heading = p;
    }
    card_letters_ += in_card ? letters : 0;
    if (heading != nullptr) {
        auto &[all, linked] = headings_[heading];
        all += letters;
        linked += in_link ? letters : 0;
    }
}

void CardTally::add_to(std::vector<float> &row) const
{
    const int linked =
        static_cast<int>(std::count_if(headings_.begin(), headings_.end(), [](const auto &h) {
            return h.second.second * 2 > h.second.first;
        }));
    row.push_back(log_count(static_cast<double>(cards_.size())));
    row.push_back(log_count(cards_with_heading_));
    row.push_back(share(card_letters_, letters_));
    row.push_back(log_count(linked));
    row.push_back(share(linked, static_cast<int>(headings_.size())));
    row.push_back(log_count(pagination_links_));
    row.push_back(log_count(dated_texts_));
    // a card's heading has a blurb under it, an article's section several paragraphs
    row.push_back(
        log_count(static_cast<double>(letters_) / static_cast<double>(headings_.size() + 1)));
}

const std::vector<std::string> &card_feature_names()
{
    static const std::vector<std::string> names = {
        "cards",           "cards_with_heading",   "card_share",
        "linked_headings", "linked_heading_share", "pagination_links",
        "dated_texts",     "letters_per_heading"};
    return names;
}

void add_index_address(const std::string &url, std::vector<float> &row)
{
    int named = 0;
    for (const std::string &s : path_segments(url))
        named += std::find(index_words.begin(), index_words.end(), s) != index_words.end() ? 1 : 0;
    row.push_back(static_cast<float>(named));
    row.push_back(has_paging_query(url) ? 1.0F : 0.0F);
}

const std::vector<std::string> &address_feature_names()
{
    static const std::vector<std::string> names = {"url_index_words", "url_paging_query"};
    return names;
}

} // namespace colophon::html
