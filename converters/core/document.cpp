#include "document.h"

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

} // namespace colophon::core
