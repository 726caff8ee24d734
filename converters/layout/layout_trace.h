#pragma once
// The review page's view of layout analysis (core::ConversionTrace): every line of every page
// with the role the layout steps gave it. Furniture, note and front-matter lines are recorded as
// each page is finished; body lines wait until the end, when it is known which paragraph each
// opened or ran on and what that paragraph became (heading, paragraph, abstract, provenance, an
// author's bio, noise). Only built when ConvertOptions::trace asks (LayoutBuilder::enable_trace).

#include "core/trace.h"
#include "furniture.h"
#include "layout_internal.h"

#include <memory>
#include <vector>

namespace colophon::layout {

class LayoutTrace
{
  public:
    LayoutTrace() : trace_(std::make_shared<core::ConversionTrace>()) {}

    void add_page(const PageLines &page);
    // The lines of a finished page; `meta` and `authors` tell which field a front line went to.
    void add_lines(const PageLines &page, const std::vector<Role> &role, const core::Metadata &meta,
                   const std::vector<core::Author> &authors);
    // What paragraph i became, for every paragraph in reading order: paragraphs are matched to
    // the body lines they start with by their page and first box.
    void set_paragraph_role(std::size_t para, core::TraceRole role);
    // After the last paragraph's role: the body lines get their roles; returns the trace.
    std::shared_ptr<core::ConversionTrace>
    finish(const std::vector<std::pair<int, core::Box>> &para_starts);

  private:
    struct BodyLine
    {
        int page = 0;
        core::Box box;
        std::string text;
    };
    std::shared_ptr<core::ConversionTrace> trace_;
    std::vector<BodyLine> body_lines_;
    std::vector<core::TraceRole> para_roles_;
};

// Which front-matter field a line's text went to, by the fields' values.
core::TraceRole front_line_role(const std::string &text, const core::Metadata &meta,
                                const std::vector<core::Author> &authors);

} // namespace colophon::layout
