#include "document.h"

#include <iterator>

namespace colophon::core {

namespace {

void append_text(const std::vector<Inline>& inlines, std::string& out)
{
    for (const Inline& in : inlines) {
        switch (in.kind) {
        case InlineKind::Text:
        case InlineKind::Code:
            out += in.text;
            break;
        case InlineKind::NoteRef:
            break;
        case InlineKind::LineBreak:
            out += ' ';
            break;
        default:
            append_text(in.children, out);
        }
    }
}

} // namespace

std::string plain_text(const std::vector<Inline>& inlines)
{
    std::string out;
    append_text(inlines, out);
    return out;
}

std::string plain_text(const Block& block)
{
    std::string out = plain_text(block.content);
    for (const Block& child : block.children) {
        std::string text = plain_text(child);
        if (text.empty())
            continue;
        if (!out.empty())
            out += block.kind == BlockKind::Row ? "\t" : "\n\n";
        out += text;
    }
    return out;
}

void read_whole_body(Document &doc, Diagnostics &diags)
{
    const std::shared_ptr<BodyStream> rest = std::move(doc.rest);
    if (!rest)
        return;
    while (std::optional<BodyPart> part = rest->next(diags)) {
        std::move(part->blocks.begin(), part->blocks.end(), std::back_inserter(doc.body));
        std::move(part->notes.begin(), part->notes.end(), std::back_inserter(doc.notes));
    }
}

} // namespace colophon::core
