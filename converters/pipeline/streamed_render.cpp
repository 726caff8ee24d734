// DocumentConverter::render_streamed: a body read window by window is written window by window.
// TEI: the first window's document is rendered and validated whole; each later window is
// rendered and validated as a document of its own (the same header, its blocks, its notes) and
// only its body's divisions are written; the notes of every window close the text. The body of
// every rendering is a run of <div>s, so the run of them is a valid body too.

#include "pipeline/convert.h"

#include "core/text.h"
#include "tei/json_writer.h"
#include "tei/text_writer.h"

#include <stdexcept>

namespace colophon::pipeline {

namespace {

constexpr std::string_view body_open = "<body>";
constexpr std::string_view body_close = "</body>";

std::size_t find_tag(const std::string &tei, std::string_view tag, bool last)
{
    const std::size_t at = last ? tei.rfind(tag) : tei.find(tag);
    if (at == std::string::npos)
        throw std::logic_error("rendered TEI has no " + std::string(tag));
    return at;
}

// Where the white space before `at` begins (the serialiser indents the closing tag).
std::size_t before_space(const std::string &tei, std::size_t at)
{
    while (at > 0 && (tei[at - 1] == ' ' || tei[at - 1] == '\n'))
        --at;
    return at;
}

// The header of every window's rendering: the document's own, without body or notes.
core::Document header_only(const core::Document &doc)
{
    core::Document copy;
    copy.meta = doc.meta;
    copy.extraction = doc.extraction;
    return copy;
}

void stream_tei(core::Document &&doc, core::Diagnostics &diags,
                const std::function<void(std::string_view)> &write)
{
    const std::shared_ptr<core::BodyStream> rest = std::move(doc.rest);
    core::Document window = header_only(doc);
    std::vector<core::Note> notes = doc.notes;
    {
        const std::string first = DocumentConverter::render_tei(doc, diags);
        doc = core::Document{};
        write(std::string_view(first).substr(
            0, before_space(first, find_tag(first, body_close, true))));
    }
    while (std::optional<core::BodyPart> part = rest->next(diags)) {
        window.body = std::move(part->blocks);
        window.notes = std::move(part->notes);
        const std::string tei = DocumentConverter::render_tei(window, diags);
        const std::size_t from = find_tag(tei, body_open, false) + body_open.size();
        write(std::string_view(tei).substr(
            from, before_space(tei, find_tag(tei, body_close, true)) - from));
        std::move(window.notes.begin(), window.notes.end(), std::back_inserter(notes));
    }
    // the notes of all windows, rendered (and validated) with a body of their own
    window.body.clear();
    window.notes = std::move(notes);
    const std::string last = DocumentConverter::render_tei(window, diags);
    write(std::string_view(last).substr(before_space(last, find_tag(last, body_close, true))));
}

void stream_text(core::Document &&doc, core::Diagnostics &diags,
                 const std::function<void(std::string_view)> &write)
{
    const std::shared_ptr<core::BodyStream> rest = std::move(doc.rest);
    std::vector<core::Note> notes = std::move(doc.notes);
    doc.notes.clear();
    write(tei::write_text(doc));
    doc = core::Document{};
    while (std::optional<core::BodyPart> part = rest->next(diags)) {
        core::Document window;
        window.body = std::move(part->blocks);
        if (const std::string text = tei::body_text(window); !text.empty())
            write(core::to_nfc("\n" + text + "\n"));
        std::move(part->notes.begin(), part->notes.end(), std::back_inserter(notes));
    }
    write(tei::notes_text(notes));
}

} // namespace

void DocumentConverter::render_streamed(core::Document &&doc, OutputFormat format,
                                        core::Diagnostics &diags,
                                        const std::function<void(std::string_view)> &write)
{
    if (doc.rest && format == OutputFormat::Tei)
        return stream_tei(std::move(doc), diags, write);
    if (doc.rest && format == OutputFormat::Text)
        return stream_text(std::move(doc), diags, write);
    core::read_whole_body(doc, diags);
    write(render(std::move(doc), format, diags));
}

} // namespace colophon::pipeline
