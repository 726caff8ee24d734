#include "review/review_html.h"
#include "review/review_sections.h"

#include <array>
#include <cctype>
#include <cstdio>

namespace colophon::review {

namespace {

std::string_view block_role(core::BlockKind kind)
{
    switch (kind) {
    case core::BlockKind::Heading:
        return "heading";
    case core::BlockKind::Paragraph:
        return "paragraph";
    case core::BlockKind::List:
        return "list";
    case core::BlockKind::Item:
        return "item";
    case core::BlockKind::Quote:
        return "quote";
    case core::BlockKind::Table:
        return "table";
    case core::BlockKind::Row:
        return "row";
    case core::BlockKind::Cell:
        return "cell";
    case core::BlockKind::Figure:
        return "figure";
    case core::BlockKind::Code:
        return "code";
    }
    return "block";
}

// For a data: URI.
std::string url_encode(std::string_view s)
{
    std::string out;
    for (const char c : s) {
        const auto u = static_cast<unsigned char>(c);
        if (std::isalnum(u) || c == '-' || c == '_' || c == '.' || c == '~') {
            out += c;
        } else {
            std::array<char, 4> hex{};
            std::snprintf(hex.data(), hex.size(), "%%%02X", u);
            out += hex.data();
        }
    }
    return out;
}

void field(std::string &out, std::string_view label, std::string_view role,
           const std::string &value)
{
    out += "<dt>" + std::string(label) + "</dt><dd data-field=\"" + std::string(role) + "\">";
    out += value.empty() ? "<span class=\"empty\">none found</span>" : escape(value);
    out += "</dd>";
}

void write_metadata(std::string &out, const core::Document &doc)
{
    const core::Metadata &m = doc.meta;
    out += "<h2>Metadata</h2><dl class=\"meta\">";
    field(out, "Title", "title", m.title);
    field(out, "Subtitle", "subtitle", m.subtitle);
    out += "<dt>Authors</dt><dd data-field=\"authors\">";
    if (m.authors.empty())
        out += "<span class=\"empty\">none found</span>";
    for (const core::Author &a : m.authors)
        out += "<div data-field=\"author\">" + escape(a.name) +
               (a.role.empty() ? "" : " (" + escape(a.role) + ")") +
               (a.affiliation.empty() ? "" : " — <i>" + escape(a.affiliation) + "</i>") + "</div>";
    out += "</dd>";
    field(out, "Date", "date",
          m.date.iso.empty()
              ? m.date.text
              : m.date.iso + (m.date.text.empty() ? "" : " (\"" + m.date.text + "\")"));
    field(out, "Publisher", "publisher", m.publisher);
    field(out, "Series", "series", m.series);
    field(out, "Provenance", "provenance",
          m.original_source.text.empty()
              ? m.original_source.title
              : m.original_source.text +
                    (m.original_source.url.empty() ? "" : " → " + m.original_source.url));
    field(out, "URL", "url", m.canonical_url);
    field(out, "Language", "language", m.language);
    field(out, "Abstract", "abstract", core::plain_text(m.abstract));
    const core::Extraction &ex = doc.extraction;
    field(out, "Method", "method",
          ex.method + (ex.page_type.empty() ? "" : ", page type " + ex.page_type));
    if (!ex.ocr_engine.empty())
        field(out, "OCR", "ocr", ex.ocr_engine + " (" + ex.ocr_languages + ")");
    out += "</dl>\n";
}

void write_warnings(std::string &out, const std::vector<core::Diagnostic> &diagnostics)
{
    out += "<h2>Warnings</h2>";
    std::string items;
    for (const core::Diagnostic &d : diagnostics) {
        if (d.severity == core::Severity::Info)
            continue;
        items += "<li data-code=\"" + escape(d.code) + "\">" +
                 (d.page ? "page " + std::to_string(*d.page) + ": " : "") + escape(d.message) +
                 " <code>" + escape(d.code) + "</code></li>";
    }
    out +=
        items.empty() ? "<p class=\"empty\">none</p>" : "<ul class=\"warnings\">" + items + "</ul>";
    out += "\n";
}

void write_verdict(std::string &out, const std::string &id)
{
    out += "<div class=\"verdict\"><h2>Verdict</h2><p>Record it in the batch's state "
           "database:</p><p><code>colophon "
           "review --mark " +
           escape(id) +
           " accepted|rejected \"note\" --batch OUT</code></p><p>or keep a verdict file:</p>";
    for (const char *v : {"accepted", "rejected"})
        out += "<a download=\"" + escape(id) + "." + v +
               ".tsv\" href=\"data:text/tab-separated-values;charset=utf-8," +
               url_encode(id + "\t" + v + "\t\n") + "\">" + v + "</a>";
    out += "</div>\n";
}

void write_block(std::string &out, const core::Block &b)
{
    const std::string role(block_role(b.kind));
    out += "<div class=\"blk r-" + role + "\" data-role=\"" + role + "\"";
    if (b.source.page)
        out += " data-page=\"" + std::to_string(*b.source.page) + "\"";
    out += "><span class=\"role\">" + role +
           (b.kind == core::BlockKind::Heading ? " " + std::to_string(b.level) : "") + "</span>" +
           escape(core::plain_text(b.content));
    for (const core::Block &c : b.children)
        write_block(out, c);
    out += "</div>\n";
}

} // namespace

void write_record(std::string &out, const ReviewInput &input)
{
    out += "<aside class=\"record\">";
    write_metadata(out, *input.doc);
    write_warnings(out, input.diagnostics);
    write_verdict(out, input.id);
    out += "</aside>\n";
}

void write_kept_blocks(std::string &out, const core::Document &doc)
{
    out += "<section class=\"kept\"><h2>What colophon kept (" + std::to_string(doc.body.size()) +
           " blocks, " + std::to_string(doc.notes.size()) + " notes)</h2>\n";
    if (!doc.meta.title.empty())
        out += "<div class=\"blk r-title\" data-role=\"title\"><span class=\"role\">title</span>" +
               escape(doc.meta.title) + "</div>\n";
    if (!doc.meta.abstract.empty())
        out += "<div class=\"blk r-abstract\" data-role=\"abstract\"><span "
               "class=\"role\">abstract</span>" +
               escape(core::plain_text(doc.meta.abstract)) + "</div>\n";
    for (const core::Block &b : doc.body)
        write_block(out, b);
    for (const core::Note &n : doc.notes) {
        out += "<div class=\"blk r-footnote\" data-role=\"footnote\" data-note=\"" + escape(n.id) +
               "\"><span class=\"role\">note " + escape(n.label) + "</span>";
        for (const core::Block &b : n.blocks)
            out += escape(core::plain_text(b)) + " ";
        out += "</div>\n";
    }
    out += "</section>\n";
}

} // namespace colophon::review
