#include "tei/json_writer.h"

#include "core/text.h"
#include "core/version.h"
#include "tei/text_writer.h"

#include <nlohmann/json.hpp>

namespace colophon::tei {

namespace {

using nlohmann::json;

std::string clean(const std::vector<core::Inline>& inlines)
{
    return core::to_nfc(core::clean_text(core::plain_text(inlines)));
}

void collect_links(const std::vector<core::Inline>& inlines, json& links)
{
    for (const core::Inline& in : inlines) {
        if (in.kind == core::InlineKind::Link)
            links.push_back({{"text", clean(in.children)}, {"url", in.target}});
        else
            collect_links(in.children, links);
    }
}

void collect_block_links(const core::Block& b, json& links)
{
    collect_links(b.content, links);
    for (const core::Block& child : b.children)
        collect_block_links(child, links);
}

// Body stream in reading order: headings and paragraph-like blocks (list items, quotes and
// table rows become paragraphs of their own).
void add_blocks(const core::Block& b, json& blocks)
{
    using core::BlockKind;
    switch (b.kind) {
    case BlockKind::Heading:
        blocks.push_back({{"type", "heading"}, {"level", b.level}, {"text", clean(b.content)}});
        return;
    case BlockKind::List:
    case BlockKind::Quote:
    case BlockKind::Table:
        for (const core::Block& child : b.children)
            add_blocks(child, blocks);
        if (!b.content.empty())
            blocks.push_back({{"type", "paragraph"}, {"text", clean(b.content)}});
        return;
    case BlockKind::Item:
        if (!b.content.empty())
            blocks.push_back({{"type", "paragraph"}, {"text", clean(b.content)}});
        for (const core::Block& child : b.children)
            add_blocks(child, blocks);
        return;
    case BlockKind::Row:
        blocks.push_back({{"type", "paragraph"}, {"text", core::to_nfc(core::clean_text(core::plain_text(b)))}});
        return;
    default: {
        const std::string text = clean(b.content);
        if (!text.empty())
            blocks.push_back({{"type", "paragraph"}, {"text", text}});
    }
    }
}

} // namespace

json build_json(const core::Document& doc)
{
    const core::Metadata& m = doc.meta;
    json authors = json::array();
    for (const core::Author& a : m.authors) {
        json author = {{"name", a.name}, {"affiliation", a.affiliation}};
        if (!a.role.empty())
            author["role"] = a.role;
        authors.push_back(std::move(author));
    }

    json blocks = json::array();
    if (!m.abstract.empty())
        blocks.push_back({{"type", "paragraph"}, {"text", clean(m.abstract)}, {"role", "abstract"}});
    for (const core::Block& b : doc.body)
        add_blocks(b, blocks);

    // Every hyperlink of the article: the "originally published in" link first, then the text's.
    json links = json::array();
    if (!m.original_source.url.empty())
        links.push_back({{"text", m.original_source.title}, {"url", m.original_source.url}});
    collect_links(m.abstract, links);
    for (const core::Block& b : doc.body)
        collect_block_links(b, links);

    json notes = json::array();
    for (const core::Note& n : doc.notes) {
        std::string text;
        for (const core::Block& b : n.blocks) {
            if (!text.empty())
                text += "\n\n";
            text += core::clean_text(core::plain_text(b));
        }
        notes.push_back({{"id", n.id},
                         {"label", n.label},
                         {"place", n.place == core::NotePlace::End ? "end" : "foot"},
                         {"text", core::to_nfc(text)}});
        for (const core::Block& b : n.blocks)
            collect_block_links(b, links);
    }

    json ocr_pages = json::array();
    for (const core::OcrPage& p : doc.extraction.ocr_pages)
        ocr_pages.push_back({{"page", p.page}, {"mean_confidence", p.mean_confidence}, {"low_confidence", p.low_confidence}});

    // Key names are those of schemas/colophon-document.schema.json, shared with the corpus lines.
    return {
        {"title", m.title},
        {"subtitle", m.subtitle},
        {"authors", std::move(authors)},
        {"date", m.date.iso},
        {"date_text", m.date.text},
        {"language", m.language},
        {"publisher", m.publisher},
        {"series", m.series},
        {"url", m.canonical_url},
        {"originally_published_in", {{"title", m.original_source.title}, {"url", m.original_source.url},
                                     {"text", m.original_source.text}}},
        {"collection", m.collection},
        {"rights", m.rights},
        {"keywords", m.keywords},
        {"abstract", clean(m.abstract)},
        {"text", body_text(doc)},
        {"blocks", std::move(blocks)},
        {"notes", std::move(notes)},
        {"links", std::move(links)},
        {"extraction", {{"software", std::string("colophon ") + core::version},
                        {"method", doc.extraction.method},
                        {"page_type", doc.extraction.page_type},
                        {"source_format", doc.extraction.source_format},
                        {"pages", doc.extraction.page_count},
                        {"ocr_engine", doc.extraction.ocr_engine},
                        {"ocr_languages", doc.extraction.ocr_languages},
                        {"ocr_pages", std::move(ocr_pages)}}},
    };
}

json build_corpus_record(const core::Document& doc, const std::string& id, const std::string& key)
{
    json record = build_json(doc);
    // The text stands for the blocks; how it was extracted stays with the document's own JSON.
    record.erase("blocks");
    record.erase("extraction");
    record["id"] = id;
    record["key"] = key;
    return record;
}

std::string write_json(const core::Document& doc)
{
    // Invalid UTF-8 would make nlohmann throw; models hold repaired text, but replace to be safe.
    return build_json(doc).dump(1, ' ', false, json::error_handler_t::replace) + "\n";
}

} // namespace colophon::tei
