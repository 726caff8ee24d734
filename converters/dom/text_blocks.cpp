#include "dom/text_blocks.h"

#include "dom/html_dom.h"

namespace colophon::dom {

namespace {

void own_text(const xmlNode *node, std::string &out)
{
    for (const xmlNode *c = node->children; c != nullptr; c = c->next) {
        if (c->type == XML_TEXT_NODE && c->content != nullptr) {
            out += reinterpret_cast<const char *>(c->content);
        } else if (c->type == XML_ELEMENT_NODE) {
            const std::string_view tag = tag_of(c);
            if (tag == "br")
                out += ' ';
            else if (!is_block_tag(tag) && tag != "script" && tag != "style")
                own_text(c, out);
        }
    }
}

} // namespace

std::vector<TextBlock> text_blocks(xmlNode *root)
{
    std::vector<TextBlock> blocks;
    for (xmlNode *e = root; e != nullptr; e = next_in_order(e, root)) {
        if (e->type != XML_ELEMENT_NODE || !is_block_tag(tag_of(e)))
            continue;
        std::string raw;
        own_text(e, raw);
        std::string text = collapse_spaces(raw, true);
        if (!text.empty())
            blocks.push_back({e, std::move(text)});
    }
    return blocks;
}

} // namespace colophon::dom
