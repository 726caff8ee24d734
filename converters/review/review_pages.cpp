#include "review/review_html.h"
#include "review/review_sections.h"

#include <algorithm>
#include <array>
#include <map>

namespace colophon::review {

namespace {

constexpr std::array<core::TraceRole, 15> all_roles{
    core::TraceRole::Title,         core::TraceRole::Subtitle,   core::TraceRole::Byline,
    core::TraceRole::Date,          core::TraceRole::Provenance, core::TraceRole::Series,
    core::TraceRole::FrontOther,    core::TraceRole::Abstract,   core::TraceRole::Heading,
    core::TraceRole::Paragraph,     core::TraceRole::Footnote,   core::TraceRole::RunningHeader,
    core::TraceRole::RunningFooter, core::TraceRole::PageNumber, core::TraceRole::Dropped};

const core::OcrPage *ocr_page(const core::Document &doc, int page)
{
    for (const core::OcrPage &p : doc.extraction.ocr_pages)
        if (p.page == page)
            return &p;
    return nullptr;
}

void write_box(std::string &out, const core::TraceBox &b, const core::TracePage &page)
{
    const std::string role(core::trace_role_name(b.role));
    out += "<div class=\"box r-" + role + "\" data-role=\"" + role +
           "\" style=\"left:" + percent(100 * b.box.x0 / page.width) +
           "%;top:" + percent(100 * b.box.y0 / page.height) +
           "%;width:" + percent(100 * b.box.width() / page.width) +
           "%;height:" + percent(100 * b.box.height() / page.height) + "%\" title=\"" +
           escape(role + ": " + b.text) + "\"></div>";
}

void write_caption(std::string &out, const core::Document &doc, int page_no, std::size_t boxes)
{
    out += "<figcaption>Page " + std::to_string(page_no) + " · " + std::to_string(boxes) + " boxes";
    if (const core::OcrPage *ocr = ocr_page(doc, page_no)) {
        out += " · <span class=\"ocr" + std::string(ocr->low_confidence ? " ocr-low" : "") +
               "\" data-ocr-confidence=\"" + percent(ocr->mean_confidence) +
               "\">OCR, mean confidence " + percent(ocr->mean_confidence) +
               (ocr->low_confidence ? " (low)" : "") + "</span>";
    }
    out += "</figcaption>";
}

void write_one_page(std::string &out, const core::Document &doc, int page_no,
                    const core::PagePreview *image, const core::TracePage *page)
{
    out +=
        "<figure class=\"page\" id=\"page-" + std::to_string(page_no) + "\"><div class=\"sheet\"";
    if (image == nullptr && page != nullptr)
        out += " style=\"aspect-ratio:" + percent(page->width) + "/" + percent(page->height) + "\"";
    out += ">";
    if (image != nullptr)
        out += "<img alt=\"page " + std::to_string(page_no) + "\" width=\"" +
               std::to_string(image->width_px) + "\" height=\"" + std::to_string(image->height_px) +
               "\" src=\"data:image/png;base64," + base64(image->png) + "\">";
    std::size_t boxes = 0;
    if (page != nullptr && page->width > 0 && page->height > 0 && doc.trace)
        for (const core::TraceBox &b : doc.trace->boxes)
            if (b.page == page_no) {
                write_box(out, b, *page);
                ++boxes;
            }
    out += "</div>";
    write_caption(out, doc, page_no, boxes);
    out += "</figure>\n";
}

} // namespace

void write_legend(std::string &out)
{
    out += "<div class=\"legend\">";
    for (const core::TraceRole r : all_roles) {
        const std::string role(core::trace_role_name(r));
        out += "<span class=\"r-" + role + "\">" + role + "</span>";
    }
    out += "</div>\n";
}

void write_page_images(std::string &out, const core::Document &doc,
                       const std::vector<core::PagePreview> &pages)
{
    std::map<int, const core::TracePage *> traced;
    if (doc.trace)
        for (const core::TracePage &p : doc.trace->pages)
            traced.emplace(p.page, &p);
    std::map<int, const core::PagePreview *> drawn;
    for (const core::PagePreview &p : pages)
        drawn.emplace(p.page, &p);
    std::vector<int> numbers;
    for (const auto &[n, p] : drawn)
        numbers.push_back(n);
    for (const auto &[n, p] : traced)
        if (!drawn.contains(n))
            numbers.push_back(n);
    std::sort(numbers.begin(), numbers.end());
    out += "<section class=\"original\"><h2>The original, with what layout analysis found</h2>\n";
    write_legend(out);
    out += "<div class=\"pages\">\n";
    for (const int n : numbers) {
        const auto img = drawn.find(n);
        const auto page = traced.find(n);
        write_one_page(out, doc, n, img == drawn.end() ? nullptr : img->second,
                       page == traced.end() ? nullptr : page->second);
    }
    if (numbers.empty())
        out += "<p class=\"empty\">No page could be drawn.</p>";
    out += "</div></section>\n";
}

void write_html_blocks(std::string &out, const core::Document &doc)
{
    const core::Extraction &ex = doc.extraction;
    out += "<section class=\"original\"><h2>The page's text, block by block</h2>\n<p>Page type <b "
           "data-page-type=\"" +
           escape(ex.page_type) + "\">" + escape(ex.page_type.empty() ? "unknown" : ex.page_type) +
           "</b> · extraction <b data-method=\"" + escape(ex.method) + "\">" + escape(ex.method) +
           "</b>" +
           (ex.method != "html" && ex.method.starts_with("html") ? " (fallback step)"
                                                                 : " (no fallback needed)") +
           "</p>\n";
    std::map<core::BlockVerdict, int> counts;
    if (doc.trace)
        for (const core::HtmlTraceBlock &b : doc.trace->html_blocks)
            ++counts[b.verdict];
    out += "<p>" + std::to_string(counts[core::BlockVerdict::Kept]) + " kept · " +
           std::to_string(counts[core::BlockVerdict::Dropped]) + " dropped · " +
           std::to_string(counts[core::BlockVerdict::Furniture]) +
           " furniture</p>\n<ol class=\"blocks\">\n";
    if (doc.trace)
        for (const core::HtmlTraceBlock &b : doc.trace->html_blocks) {
            const std::string verdict(core::block_verdict_name(b.verdict));
            out += "<li class=\"v-" + verdict + "\" data-verdict=\"" + verdict +
                   "\" data-reason=\"" + escape(b.reason) + "\"><span class=\"tag\">&lt;" +
                   escape(b.tag) + "&gt;" + (b.line > 0 ? " line " + std::to_string(b.line) : "") +
                   "</span>" + escape(b.text) + "<span class=\"why\">" +
                   escape(verdict + (b.reason.empty() ? "" : ": " + b.reason)) + "</span></li>\n";
        }
    out += "</ol></section>\n";
}

} // namespace colophon::review
