#pragma once
// A page's blocks of visible text in document order: every block element (dom::is_block_tag)
// with text of its own, outside the blocks nested in it ("<div>Intro <p>Body</p></div>" gives
// the div "Intro" and the p "Body"). Scripts and styles hold none.

#include <libxml/tree.h>

#include <string>
#include <vector>

namespace colophon::dom {

struct TextBlock
{
    xmlNode *element = nullptr;
    std::string text; // spaces collapsed, trimmed; never empty
};

std::vector<TextBlock> text_blocks(xmlNode *root);

} // namespace colophon::dom
