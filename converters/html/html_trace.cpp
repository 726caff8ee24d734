#include "html/html_trace.h"

#include "core/kept_text.h"
#include "core/text.h"
#include "dom/html_dom.h"
#include "dom/text_blocks.h"

namespace colophon::html {

namespace {

constexpr std::size_t shown_bytes = 240; // text shown for a block

core::HtmlTraceBlock judge(FactsTable &facts, const dom::TextBlock &tb, const xmlNode *content,
                           const core::KeptText &kept)
{
    core::HtmlTraceBlock block{std::string(dom::tag_of(tb.element)),
                               core::cut_utf8(tb.text, shown_bytes), core::BlockVerdict::Kept,
                               "body", 0};
    const long line = xmlGetLineNo(tb.element);
    block.line = line > 0 && line < 100'000'000 ? static_cast<int>(line) : 0;
    bool metadata = false;
    for (const xmlNode *n = tb.element; n != nullptr && n->type == XML_ELEMENT_NODE;
         n = n->parent) {
        const NodeFacts &f = facts[n];
        metadata = metadata || f.metadata;
        if (f.excluded) {
            block.verdict = core::BlockVerdict::Furniture;
            block.reason = f.excluded_by != nullptr ? f.excluded_by : "boilerplate";
            return block;
        }
    }
    if (kept.holds(tb.text)) {
        block.reason = metadata ? "metadata" : "body";
    } else if (metadata || kept.names_metadata(tb.text)) {
        block.reason = "metadata (byline, date)";
    } else {
        block.verdict = core::BlockVerdict::Dropped;
        const bool inside =
            content != nullptr && (tb.element == content || dom::is_ancestor(content, tb.element));
        block.reason = inside ? "body clean-up" : "outside the main content";
    }
    return block;
}

} // namespace

std::vector<core::HtmlTraceBlock> trace_html_blocks(FactsTable &facts, xmlNode *body,
                                                    const xmlNode *content,
                                                    const core::Document &doc)
{
    std::vector<core::HtmlTraceBlock> blocks;
    if (body == nullptr)
        return blocks;
    const core::KeptText kept(doc);
    for (const dom::TextBlock &tb : dom::text_blocks(body))
        blocks.push_back(judge(facts, tb, content, kept));
    return blocks;
}

} // namespace colophon::html
