#include "core/trace_recorder.h"

#include "core/text.h"

namespace colophon::core {

namespace {

// Text shown for a box: enough to recognise the line, never the whole page.
constexpr std::size_t trace_text_bytes = 160;

std::string short_text(const std::string &text)
{
    const std::string s = clean_text(text);
    return s.size() <= trace_text_bytes ? s : cut_utf8(s, trace_text_bytes) + "…";
}

bool holds(const std::string &field, const std::string &low_line)
{
    return !field.empty() && !low_line.empty() &&
           to_lower(clean_text(field)).find(low_line) != std::string::npos;
}

} // namespace

void PageTraceRecorder::add_box(int page, const Box &box, TraceRole role, const std::string &text)
{
    trace_->boxes.push_back({page, box, role, short_text(text)});
}

void PageTraceRecorder::add_body_line(int page, const Box &box, const std::string &text)
{
    body_lines_.push_back({page, box, TraceRole::Dropped, short_text(text)});
}

void PageTraceRecorder::set_paragraph(std::size_t para, int page, const Box &first_box,
                                      TraceRole role)
{
    if (paragraphs_.size() <= para)
        paragraphs_.resize(para + 1);
    paragraphs_[para] = {page, first_box, role};
}

void PageTraceRecorder::set_paragraph_role(std::size_t para, TraceRole role)
{
    if (para < paragraphs_.size())
        paragraphs_[para].role = role;
}

std::shared_ptr<ConversionTrace> PageTraceRecorder::finish()
{
    // Each paragraph's first line comes up in turn; the lines after it, up to the next one, ran
    // on it. Lines before any paragraph (under an endnotes heading) stay Dropped.
    std::size_t next = 0;
    TraceRole current = TraceRole::Dropped;
    for (TraceBox &line : body_lines_) {
        if (next < paragraphs_.size() && paragraphs_[next].page == line.page &&
            paragraphs_[next].box.x0 == line.box.x0 && paragraphs_[next].box.y0 == line.box.y0)
            current = paragraphs_[next++].role;
        line.role = current;
        trace_->boxes.push_back(std::move(line));
    }
    body_lines_.clear();
    return std::move(trace_);
}

TraceRole front_line_role(const std::string &text, const Metadata &meta,
                          const std::vector<Author> &authors)
{
    const std::string low = to_lower(clean_text(text));
    if (holds(meta.title, low))
        return TraceRole::Title;
    if (holds(meta.subtitle, low))
        return TraceRole::Subtitle;
    if (!meta.date.text.empty() && low.find(to_lower(meta.date.text)) != std::string::npos)
        return TraceRole::Date;
    if (holds(meta.original_source.text, low))
        return TraceRole::Provenance;
    if (holds(meta.series, low) || holds(meta.publisher, low))
        return TraceRole::Series;
    for (const Author &a : authors) {
        const std::string name = to_lower(a.name);
        if ((!name.empty() && low.find(name) != std::string::npos) || holds(a.affiliation, low))
            return TraceRole::Byline;
    }
    return TraceRole::FrontOther;
}

} // namespace colophon::core
