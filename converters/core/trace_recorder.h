#pragma once
// Builds a paged document's ConversionTrace as layout analysis decides (layout::LayoutBuilder
// feeds it when tracing is on). Furniture, note and front-matter lines are boxes at once; body
// lines wait until the end, when it is known which paragraph each opened or ran on and what that
// paragraph became (heading, paragraph, abstract, provenance, an author's bio, noise).

#include "core/trace.h"

#include <memory>
#include <string>
#include <vector>

namespace colophon::core {

class PageTraceRecorder
{
  public:
    PageTraceRecorder() : trace_(std::make_shared<ConversionTrace>()) {}

    void add_page(const TracePage &page) { trace_->pages.push_back(page); }
    // A line whose role is known now; the text is shortened for the page.
    void add_box(int page, const Box &box, TraceRole role, const std::string &text);
    // A body line, in the order the paragraph builder reads them.
    void add_body_line(int page, const Box &box, const std::string &text);
    // Paragraph `para` (in reading order) starts with the body line on `page` at `first_box`.
    void set_paragraph(std::size_t para, int page, const Box &first_box, TraceRole role);
    void set_paragraph_role(std::size_t para, TraceRole role);
    // Body lines get the role of the paragraph they belong to; returns the trace.
    std::shared_ptr<ConversionTrace> finish();

  private:
    struct Start
    {
        int page = 0;
        Box box;
        TraceRole role = TraceRole::Paragraph;
    };
    std::shared_ptr<ConversionTrace> trace_;
    std::vector<TraceBox> body_lines_;
    std::vector<Start> paragraphs_;
};

// Which front-matter field a line's text went to, by the fields' values: the first of title,
// subtitle, date, provenance, series/publisher and an author's name or affiliation that holds it.
TraceRole front_line_role(const std::string &text, const Metadata &meta,
                          const std::vector<Author> &authors);

} // namespace colophon::core
