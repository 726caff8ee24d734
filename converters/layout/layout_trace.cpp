#include "layout_trace.h"

#include "core/text.h"

namespace colophon::layout {

namespace {

// Text shown for a box: enough to recognise the line, never the whole page.
constexpr std::size_t trace_text_bytes = 160;

std::string short_text(const std::string &text)
{
    std::string s = core::clean_text(text);
    if (s.size() <= trace_text_bytes)
        return s;
    std::size_t cut = trace_text_bytes;
    while (cut > 0 && (static_cast<unsigned char>(s[cut]) & 0xC0) == 0x80)
        --cut; // never inside a UTF-8 sequence
    return s.substr(0, cut) + "…";
}

bool holds(const std::string &field, const std::string &low_line)
{
    return !field.empty() && !low_line.empty() &&
           core::to_lower(core::clean_text(field)).find(low_line) != std::string::npos;
}

core::TraceRole furniture_role(const PageLines &page, const TextLine &line)
{
    if (looks_like_page_number(line.text(), page.from_ocr))
        return core::TraceRole::PageNumber;
    return line.box.y0 < page.height / 2 ? core::TraceRole::RunningHeader
                                         : core::TraceRole::RunningFooter;
}

} // namespace

core::TraceRole front_line_role(const std::string &text, const core::Metadata &meta,
                                const std::vector<core::Author> &authors)
{
    const std::string low = core::to_lower(core::clean_text(text));
    if (holds(meta.title, low))
        return core::TraceRole::Title;
    if (holds(meta.subtitle, low))
        return core::TraceRole::Subtitle;
    if (!meta.date.text.empty() && low.find(core::to_lower(meta.date.text)) != std::string::npos)
        return core::TraceRole::Date;
    if (holds(meta.original_source.text, low))
        return core::TraceRole::Provenance;
    if (holds(meta.series, low) || holds(meta.publisher, low))
        return core::TraceRole::Series;
    for (const core::Author &a : authors) {
        const std::string name = core::to_lower(a.name);
        if ((!name.empty() && low.find(name) != std::string::npos) || holds(a.affiliation, low))
            return core::TraceRole::Byline;
    }
    return core::TraceRole::FrontOther;
}

void LayoutTrace::add_page(const PageLines &page)
{
    trace_->pages.push_back({page.page, page.width, page.height, page.from_ocr});
}

void LayoutTrace::add_lines(const PageLines &page, const std::vector<Role> &role,
                            const core::Metadata &meta, const std::vector<core::Author> &authors)
{
    for (std::size_t i = 0; i < page.lines.size() && i < role.size(); ++i) {
        const TextLine &line = page.lines[i];
        const std::string text = line.text();
        switch (role[i]) {
        case Role::Body:
            body_lines_.push_back({page.page, line.box, short_text(text)});
            continue;
        case Role::Furniture:
            trace_->boxes.push_back(
                {page.page, line.box, furniture_role(page, line), short_text(text)});
            break;
        case Role::Note:
            trace_->boxes.push_back(
                {page.page, line.box, core::TraceRole::Footnote, short_text(text)});
            break;
        case Role::Front:
            trace_->boxes.push_back(
                {page.page, line.box, front_line_role(text, meta, authors), short_text(text)});
            break;
        case Role::Gone:
            trace_->boxes.push_back(
                {page.page, line.box, core::TraceRole::Dropped, short_text(text)});
            break;
        }
    }
}

void LayoutTrace::set_paragraph_role(std::size_t para, core::TraceRole role)
{
    if (para_roles_.size() <= para)
        para_roles_.resize(para + 1, core::TraceRole::Paragraph);
    para_roles_[para] = role;
}

std::shared_ptr<core::ConversionTrace>
LayoutTrace::finish(const std::vector<std::pair<int, core::Box>> &para_starts)
{
    // Body lines arrive in the order the paragraph builder read them, so each paragraph's first
    // line comes up in turn; the lines after it, up to the next one, ran on it.
    std::size_t next = 0;
    core::TraceRole current = core::TraceRole::Dropped; // lines before any paragraph (endnotes)
    for (const BodyLine &line : body_lines_) {
        if (next < para_starts.size() && para_starts[next].first == line.page &&
            para_starts[next].second.x0 == line.box.x0 &&
            para_starts[next].second.y0 == line.box.y0) {
            current = next < para_roles_.size() ? para_roles_[next] : core::TraceRole::Paragraph;
            ++next;
        }
        trace_->boxes.push_back({line.page, line.box, current, line.text});
    }
    body_lines_.clear();
    return std::move(trace_);
}

} // namespace colophon::layout
