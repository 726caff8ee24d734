#include "htmlstream/window_split.h"

#include "core/text.h"
#include "dom/html_dom.h"
#include "html/html_blocks.h"
#include "html/html_cleaning.h"

#include <algorithm>
#include <array>
#include <string>
#include <string_view>

namespace colophon::htmlstream {

namespace {

// Elements whose children are blocks converted one by one: cutting between two of them cuts no
// block. A paragraph, list item, cell or quote is one block (or one item) however long it is.
bool holds_blocks(const xmlNode *element)
{
    static constexpr std::array<std::string_view, 20> containers = {
        "html",   "body",   "main",  "article", "section", "div", "aside",
        "header", "footer", "nav",   "form",    "center",  "ul",  "ol",
        "dl",     "table",  "thead", "tbody",   "tfoot",   "menu"};
    const std::string_view tag = dom::tag_of(element);
    return std::find(containers.begin(), containers.end(), tag) != containers.end();
}

bool is_blank_text(const xmlNode *node)
{
    if (node->type != XML_TEXT_NODE)
        return node->type == XML_COMMENT_NODE;
    return node->content == nullptr ||
           core::trim(reinterpret_cast<const char *>(node->content)).empty();
}

// A node that begins or ends a block of its own: text beside it is not part of the same paragraph.
bool is_block_node(const xmlNode *node)
{
    if (node == nullptr || node->type != XML_ELEMENT_NODE)
        return false;
    const std::string_view tag = dom::tag_of(node);
    return tag != "br" && dom::is_block_tag(tag);
}

// Whether the children of `element` before its last child end where a block ends.
bool cut_before_last_is_clean(const xmlNode *element)
{
    const xmlNode *last = element->last;
    if (last == nullptr || is_block_node(last))
        return true;
    const xmlNode *before = last->prev;
    while (before != nullptr && is_blank_text(before))
        before = before->prev;
    return before == nullptr || is_block_node(before);
}

SubtreePtr shallow_copy(const xmlNode *element)
{
    SubtreePtr copy(xmlDocCopyNode(const_cast<xmlNode *>(element), element->doc, 2));
    if (!copy)
        throw std::bad_alloc();
    return copy;
}

// Sets the start of `list`, a window's copy of `original` or `original` itself, after the
// items earlier windows took from the ordered list `original`.
void number_on(const xmlNode *original, xmlNode *list, const ItemsTaken &taken)
{
    const auto it = taken.find(original);
    if (it == taken.end() || it->second == 0)
        return;
    const std::string start = std::to_string(html::list_start(original) + it->second);
    xmlSetProp(list, reinterpret_cast<const xmlChar *>("start"),
               reinterpret_cast<const xmlChar *>(start.c_str()));
}

// Lists under `node` that earlier windows took items from and that have since finished: they
// go whole into this window, numbering on, and are forgotten (their nodes go with the window).
void finish_lists_in(xmlNode *node, ItemsTaken &taken)
{
    for (xmlNode *n = node; n != nullptr && !taken.empty(); n = dom::next_in_order(n, node))
        if (const auto it = taken.find(n); it != taken.end()) {
            number_on(n, n, taken);
            taken.erase(it);
        }
}

// Moves the children of `from` before `stop` (null: all of them) to the end of `to`. Ordered
// lists number on from the items earlier windows took of them.
void move_children(xmlNode *from, const xmlNode *stop, xmlNode *to, ItemsTaken &taken)
{
    const bool ordered = dom::tag_of(from) == "ol";
    number_on(from, to, taken);
    xmlNode *child = from->children;
    while (child != nullptr && child != stop) {
        xmlNode *const next = child->next;
        if (ordered && dom::tag_of(child) == "li")
            ++taken[from];
        finish_lists_in(child, taken);
        xmlUnlinkNode(child);
        xmlAddChild(to, child); // may merge a text node into the one before and free it
        child = next;
    }
}

} // namespace

void SubtreeFree::operator()(xmlNode *node) const
{
    html::free_subtree(node);
}

std::size_t splittable_end(const std::vector<xmlNode *> &open, std::size_t from)
{
    std::size_t end = from;
    while (end < open.size() && holds_blocks(open[end]) && cut_before_last_is_clean(open[end]))
        ++end;
    return end;
}

SubtreePtr take_finished(const std::vector<xmlNode *> &open, std::size_t from, std::size_t end,
                         ItemsTaken &taken)
{
    SubtreePtr root;
    xmlNode *parent = nullptr;
    for (std::size_t i = from; i < end; ++i) {
        SubtreePtr copy = shallow_copy(open[i]);
        xmlNode *const here = copy.get();
        if (parent == nullptr)
            root = std::move(copy);
        else
            xmlAddChild(parent, copy.release());
        move_children(open[i], open[i]->last, here, taken);
        parent = here;
    }
    return root;
}

SubtreePtr take_all(xmlNode *element, ItemsTaken &taken)
{
    SubtreePtr copy = shallow_copy(element);
    move_children(element, nullptr, copy.get(), taken);
    return copy;
}

} // namespace colophon::htmlstream
