#include "html/html_trace.h"

#include "core/text.h"
#include "dom/html_dom.h"

namespace colophon::html {

namespace {

// A block's text is looked up in what was kept by its first characters: the body writer may
// join, split or reflow a block, but it keeps how it starts.
constexpr std::size_t match_prefix_bytes = 60;
// Text shown for a block.
constexpr std::size_t shown_bytes = 240;

std::string cut_utf8(const std::string &s, std::size_t n)
{
    if (s.size() <= n)
        return s;
    while (n > 0 && (static_cast<unsigned char>(s[n]) & 0xC0) == 0x80)
        --n;
    return s.substr(0, n);
}

// The text of `node` outside the blocks nested in it.
void own_text(const xmlNode *node, std::string &out)
{
    for (const xmlNode *c = node->children; c != nullptr; c = c->next) {
        if (c->type == XML_TEXT_NODE && c->content != nullptr) {
            out += reinterpret_cast<const char *>(c->content);
        } else if (c->type == XML_ELEMENT_NODE) {
            const std::string_view tag = dom::tag_of(c);
            if (tag == "br")
                out += ' ';
            else if (!dom::is_block_tag(tag) && tag != "script" && tag != "style")
                own_text(c, out);
        }
    }
}

// Everything the conversion kept, lower-cased with spaces collapsed, as one string to search.
std::string kept_text(const core::Document &doc)
{
    std::string all = doc.meta.title + "\n" + doc.meta.subtitle + "\n" + doc.meta.date.text + "\n" +
                      doc.meta.original_source.text + "\n" + core::plain_text(doc.meta.abstract) +
                      "\n";
    for (const core::Author &a : doc.meta.authors)
        all += a.name + "\n" + a.affiliation + "\n";
    for (const core::Block &b : doc.body)
        all += core::plain_text(b) + "\n";
    for (const core::Note &n : doc.notes)
        for (const core::Block &b : n.blocks)
            all += core::plain_text(b) + "\n";
    return core::to_lower(core::clean_text(all));
}

const NodeFacts *excluding(FactsTable &facts, const xmlNode *node, bool &metadata)
{
    for (const xmlNode *n = node; n != nullptr && n->type == XML_ELEMENT_NODE; n = n->parent) {
        const NodeFacts &f = facts[n];
        metadata = metadata || f.metadata;
        if (f.excluded)
            return &f;
    }
    return nullptr;
}

// A byline or dateline: it names an author or shows the date the metadata holds.
bool names_metadata(const std::string &low_text, const core::Metadata &meta)
{
    for (const core::Author &a : meta.authors)
        if (a.name.size() > 3 && low_text.find(core::to_lower(a.name)) != std::string::npos)
            return true;
    return meta.date.text.size() > 3 &&
           low_text.find(core::to_lower(meta.date.text)) != std::string::npos;
}

core::HtmlTraceBlock judge(FactsTable &facts, const xmlNode *node, const xmlNode *content,
                           std::string text, const std::string &kept, const core::Metadata &meta)
{
    core::HtmlTraceBlock block;
    block.tag = std::string(dom::tag_of(node));
    const long line = xmlGetLineNo(node);
    block.line = line > 0 && line < 100'000'000 ? static_cast<int>(line) : 0;
    bool metadata = false;
    const NodeFacts *excluded = excluding(facts, node, metadata);
    const std::string key = cut_utf8(core::to_lower(text), match_prefix_bytes);
    if (excluded != nullptr) {
        block.verdict = core::BlockVerdict::Furniture;
        block.reason = excluded->excluded_by != nullptr ? excluded->excluded_by : "boilerplate";
    } else if (kept.find(key) != std::string::npos) {
        block.verdict = core::BlockVerdict::Kept;
        block.reason = metadata ? "metadata" : "body";
    } else if (metadata || names_metadata(core::to_lower(text), meta)) {
        block.verdict = core::BlockVerdict::Kept;
        block.reason = "metadata (byline, date)";
    } else {
        block.verdict = core::BlockVerdict::Dropped;
        const bool inside =
            content != nullptr && (node == content || dom::is_ancestor(content, node));
        block.reason = inside ? "body clean-up" : "outside the main content";
    }
    block.text = cut_utf8(text, shown_bytes);
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
    const std::string kept = kept_text(doc);
    for (xmlNode *e = body; e != nullptr; e = dom::next_in_order(e, body)) {
        if (e->type != XML_ELEMENT_NODE || !dom::is_block_tag(dom::tag_of(e)))
            continue;
        std::string raw;
        own_text(e, raw);
        std::string text = core::clean_text(raw);
        if (!text.empty())
            blocks.push_back(judge(facts, e, content, std::move(text), kept, doc.meta));
    }
    return blocks;
}

} // namespace colophon::html
