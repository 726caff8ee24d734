#include "html/html_fallback.h"

#include "core/text.h"
#include "dom/html_dom.h"
#include "html/html_body_tidy.h"
#include "html/html_declared_text.h"
#include "html/html_main_text.h"

#include <string_view>

namespace colophon::html {

namespace {

// A body with fewer letters than this is no reading of a page: a heading, a date, a label.
// (wcxb-dev: pages whose main pass kept nothing but such scraps)
constexpr int nearly_empty_letters = 100;
// A fallback step counts only when it finds at least this many letters.
constexpr int rescue_min_letters = 100;

int letters_of(const std::vector<core::Block> &blocks)
{
    int n = 0;
    for (const core::Block &b : blocks)
        n += dom::count_letters(core::plain_text(b));
    return n;
}

bool in_chrome_element(const xmlNode *n, const xmlNode *body)
{
    for (const xmlNode *p = n; p != nullptr && p != body; p = p->parent) {
        const std::string_view t = dom::tag_of(p);
        if (t == "nav" || t == "header" || t == "footer" || t == "aside" || t == "menu")
            return true;
    }
    return false;
}

// 1. the main region (or the body), every block of it, chrome marks respected
std::vector<core::Block> wider_reading(FactsTable &facts, xmlNode *body, BlockContext ctx)
{
    ctx.filter_chrome = false;
    std::vector<core::Block> blocks = build_blocks(find_main_region(facts, body), ctx);
    drop_ui_paragraphs(blocks);
    return blocks;
}

// 2. the articleBody the page declares, one paragraph per line
std::vector<core::Block> declared_reading(const PageSignals &signals)
{
    return lines_as_paragraphs(signals.article_body);
}

// 3. every paragraph outside navigation, header, footer and asides, whatever its class says
std::vector<core::Block> visible_paragraphs(FactsTable &facts, xmlNode *body, BlockContext ctx)
{
    ctx.filter_chrome = false;
    std::vector<core::Block> blocks;
    for (xmlNode *e : facts.elements()) {
        if (dom::tag_of(e) != "p" || in_chrome_element(e, body))
            continue;
        core::Block p;
        p.kind = core::BlockKind::Paragraph;
        // exclusion marks are ignored here: read the text as it stands
        p.content.push_back(core::Inline::make_text(dom::text_of(e)));
        if (dom::count_letters(core::plain_text(p)) > 0)
            blocks.push_back(std::move(p));
    }
    return blocks;
}

bool holds_a_block(const xmlNode *e)
{
    for (const xmlNode *c = e->children; c != nullptr;
         c = dom::next_in_order(const_cast<xmlNode *>(c), e))
        if (c->type == XML_ELEMENT_NODE && dom::is_block_tag(dom::tag_of(c)) &&
            dom::tag_of(c) != "br")
            return true;
    return false;
}

// 4. on a page of cards and rows without paragraphs: the text of every innermost block (a card's
// title, its price, a row's cells) outside navigation, header, footer and asides
std::vector<core::Block> visible_text(FactsTable &facts, xmlNode *body)
{
    std::vector<core::Block> blocks;
    for (xmlNode *e : facts.elements()) {
        if (!dom::is_block_tag(dom::tag_of(e)) || holds_a_block(e) || in_chrome_element(e, body))
            continue;
        std::string text = dom::text_of(e);
        if (dom::count_letters(text) == 0)
            continue;
        core::Block p;
        p.kind = core::BlockKind::Paragraph;
        p.content.push_back(core::Inline::make_text(std::move(text)));
        blocks.push_back(std::move(p));
    }
    return blocks;
}

} // namespace

bool body_is_nearly_empty(const core::Document &doc)
{
    return letters_of(doc.body) + dom::count_letters(core::plain_text(doc.meta.abstract)) <
           nearly_empty_letters;
}

void rescue_nearly_empty_body(core::Document &doc, FactsTable &facts, xmlNode *body,
                              const PageSignals &signals, BlockContext ctx)
{
    const int have = letters_of(doc.body);
    auto take = [&](std::vector<core::Block> blocks, const char *method) {
        if (letters_of(blocks) < rescue_min_letters || letters_of(blocks) <= have)
            return false;
        doc.body = std::move(blocks);
        doc.extraction.method = method;
        return true;
    };
    if (take(wider_reading(facts, body, ctx), "html-wider"))
        return;
    if (take(declared_reading(signals), "html-schema-article-body"))
        return;
    if (take(visible_paragraphs(facts, body, ctx), "html-visible-paragraphs"))
        return;
    take(visible_text(facts, body), "html-visible-text");
}

} // namespace colophon::html
