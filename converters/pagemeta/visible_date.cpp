#include "pagemeta/visible_date.h"

#include "core/dates.h"
#include "core/text.h"
#include "dom/html_dom.h"

#include <array>

namespace colophon::pagemeta {

namespace {

// A byline or date line under a heading is short; a paragraph that mentions a date is not one.
constexpr int max_date_line_letters = 60;
// How far after the heading a date line may stand: the byline block of a page (author, avatar,
// reading time, share links), counted in elements.
constexpr int max_elements_after_heading = 40;

constexpr std::array<std::string_view, 6> update_words = {
    "updated", "last updated", "modified", "last modified", "edited", "revised"};

// Dates above a headline ("Dec 18, 2025 · Releases") stand a few elements before it.
constexpr int max_elements_before_heading = 8;

// The element before `n` in document order (its previous sibling's last descendant, or its
// parent), never leaving `root`.
xmlNode *previous_in_order(xmlNode *n, const xmlNode *root)
{
    if (n == root)
        return nullptr;
    if (n->prev == nullptr)
        return n->parent == root ? nullptr : n->parent;
    xmlNode *p = n->prev;
    while (p->last != nullptr)
        p = p->last;
    return p;
}

std::optional<core::PublicationDate> day_of(xmlNode *n, const std::string &language)
{
    const int letters = dom::letters_of(n, max_date_line_letters);
    if (letters == 0 || letters > max_date_line_letters)
        return std::nullopt;
    const std::string text = dom::text_of(n);
    auto date = core::find_date(text, language);
    if (!date || date->iso.size() != 10)
        return std::nullopt;
    return date;
}

} // namespace

bool is_update_line(std::string_view text)
{
    const std::string t = core::to_lower(core::trim(text).substr(0, 40));
    for (std::string_view w : update_words)
        if (t.starts_with(w) || t.find(" " + std::string(w) + " ") != std::string::npos ||
            t.find(" " + std::string(w) + ":") != std::string::npos)
            return true;
    return false;
}

std::optional<core::PublicationDate> find_date_after_heading(xmlNode *heading, const xmlNode *root,
                                                             const std::string &language)
{
    if (heading == nullptr)
        return std::nullopt;
    std::optional<core::PublicationDate> updated;
    int seen = 0;
    for (xmlNode *n = dom::next_skipping_children(heading, root);
         n != nullptr && seen < max_elements_after_heading; n = dom::next_in_order(n, root)) {
        if (n->type != XML_ELEMENT_NODE)
            continue;
        ++seen;
        // most elements after a heading hold a paragraph or the whole article: no date line
        const int letters = dom::letters_of(n, max_date_line_letters);
        if (letters == 0 || letters > max_date_line_letters)
            continue;
        const std::string text = dom::text_of(n);
        auto date = core::find_date(text, language);
        if (!date || date->iso.size() != 10)
            continue;
        if (!is_update_line(text))
            return date;
        if (!updated)
            updated = date;
    }
    if (updated)
        return updated;
    int before = 0;
    for (xmlNode *n = previous_in_order(heading, root);
         n != nullptr && before < max_elements_before_heading; n = previous_in_order(n, root)) {
        if (n->type != XML_ELEMENT_NODE)
            continue;
        ++before;
        if (auto date = day_of(n, language); date && !is_update_line(dom::text_of(n)))
            return date;
    }
    return std::nullopt;
}

} // namespace colophon::pagemeta
