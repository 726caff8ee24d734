#include "tei/text_writer.h"

#include "core/text.h"

namespace colophon::tei {

namespace {

// Inline text with note marks kept as "[1]" so notes stay connected to their place.
void append_inlines(const std::vector<core::Inline>& inlines, std::string& out)
{
    for (const core::Inline& in : inlines) {
        switch (in.kind) {
        case core::InlineKind::Text:
        case core::InlineKind::Code:
            out += in.text;
            break;
        case core::InlineKind::NoteRef:
            out += "[" + in.text + "]";
            break;
        case core::InlineKind::LineBreak:
            out += '\n';
            break;
        default:
            append_inlines(in.children, out);
        }
    }
}

std::string inline_text(const std::vector<core::Inline>& inlines)
{
    std::string raw;
    append_inlines(inlines, raw);
    // Keep explicit line breaks, collapse every other run of whitespace.
    std::string out;
    std::size_t start = 0;
    while (start <= raw.size()) {
        auto end = raw.find('\n', start);
        if (end == std::string::npos)
            end = raw.size();
        const std::string line = core::clean_text(std::string_view(raw).substr(start, end - start));
        if (!line.empty()) {
            if (!out.empty())
                out += '\n';
            out += line;
        }
        start = end + 1;
    }
    return out;
}

void add_paragraph(std::string& out, const std::string& text)
{
    if (text.empty())
        return;
    if (!out.empty())
        out += "\n\n";
    out += text;
}

void append_block(const core::Block& b, std::string& out, const std::string& prefix = {})
{
    using core::BlockKind;
    switch (b.kind) {
    case BlockKind::List: {
        int n = b.start - 1;
        for (const core::Block& item : b.children) {
            ++n;
            const std::string mark = b.ordered ? std::to_string(n) + ". " : "- ";
            add_paragraph(out, prefix + mark + inline_text(item.content));
            for (const core::Block& child : item.children)
                append_block(child, out, prefix + "  ");
        }
        break;
    }
    case BlockKind::Quote:
    case BlockKind::Item:
        add_paragraph(out, prefix + inline_text(b.content));
        for (const core::Block& child : b.children)
            append_block(child, out, prefix);
        break;
    case BlockKind::Table: {
        std::string table;
        for (const core::Block& row : b.children) {
            std::string line;
            for (const core::Block& cell : row.children) {
                if (!line.empty())
                    line += '\t';
                line += inline_text(cell.content);
            }
            if (!table.empty())
                table += '\n';
            table += line;
        }
        add_paragraph(out, table);
        break;
    }
    default:
        add_paragraph(out, prefix + inline_text(b.content));
    }
}

} // namespace

std::string body_text(const core::Document& doc)
{
    std::string out;
    add_paragraph(out, inline_text(doc.meta.abstract));
    for (const core::Block& b : doc.body)
        append_block(b, out);
    return core::to_nfc(out);
}

std::string notes_text(const std::vector<core::Note> &notes)
{
    if (notes.empty())
        return {};
    std::string out = "\nNotes\n";
    for (const core::Note &n : notes) {
        std::string text;
        for (const core::Block &b : n.blocks)
            append_block(b, text);
        out += "\n[" + n.label + "] " + text + "\n";
    }
    return core::to_nfc(out);
}

std::string write_text(const core::Document& doc)
{
    const core::Metadata& m = doc.meta;
    std::string head;
    auto line = [&head](const std::string& s) {
        if (!s.empty())
            head += core::clean_text(s) + "\n";
    };
    line(m.title);
    line(m.subtitle);
    std::string byline;
    for (const core::Author& a : m.authors) {
        if (!byline.empty())
            byline += ", ";
        byline += a.name;
        if (!a.affiliation.empty())
            byline += " (" + a.affiliation + ")";
    }
    if (!byline.empty())
        line("By " + byline);
    line(m.date.iso);
    if (!m.original_source.title.empty())
        line("Originally published in " + m.original_source.title);

    std::string out = head;
    const std::string body = body_text(doc);
    if (!body.empty()) {
        if (!out.empty())
            out += '\n';
        out += body + "\n";
    }
    out += notes_text(doc.notes);
    return core::to_nfc(out);
}

} // namespace colophon::tei
