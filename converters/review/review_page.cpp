#include "review/review_page.h"
#include <stdexcept>

#include "review/review_html.h"
#include "review/review_sections.h"

namespace colophon::review {

std::string build_review_page(const ReviewInput &input)
{
    if (input.doc == nullptr)
        throw std::invalid_argument("build_review_page: no document");
    const core::Document &doc = *input.doc;
    std::string out;
    out.reserve(64 * 1024);
    out += "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
           "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
           "<title>Review: " +
           escape(input.id) + "</title><style>";
    out += review_css();
    out += "</style></head>\n<body>\n<header class=\"top\"><h1>" + escape(input.id) + "</h1><p>" +
           escape(input.source_name) + " · " + escape(doc.extraction.method) + " · " +
           std::to_string(doc.body.size()) + " blocks · " + std::to_string(doc.notes.size()) +
           " notes" +
           (doc.extraction.page_count > 0
                ? " · " + std::to_string(doc.extraction.page_count) + " pages"
                : "") +
           "</p></header>\n<div class=\"layout\"><div class=\"main\">\n";
    const bool paged = !input.pages.empty() || (doc.trace && !doc.trace->pages.empty());
    if (paged)
        write_page_images(out, doc, input.pages);
    else
        write_html_blocks(out, doc);
    write_kept_blocks(out, doc);
    out += "</div>\n";
    write_record(out, input);
    out += "</div>\n</body></html>\n";
    return out;
}

} // namespace colophon::review
