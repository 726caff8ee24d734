#pragma once
// The sections review_page.cpp assembles (internal to the review module).

#include "review/review_page.h"

#include <string>
#include <string_view>

namespace colophon::review {

// The page's whole stylesheet: two columns from 1,000 px, one on a phone, print without colours
// lost.
std::string_view review_css();

// review_pages.cpp: each page drawn with its boxes, and the legend of the roles' colours.
void write_page_images(std::string &out, const core::Document &doc,
                       const std::vector<core::PagePreview> &pages);
void write_legend(std::string &out);
// review_pages.cpp: an HTML page's text blocks with their verdicts.
void write_html_blocks(std::string &out, const core::Document &doc);

// review_record.cpp: metadata, warnings, how to record a verdict.
void write_record(std::string &out, const ReviewInput &input);
// review_record.cpp: every block of the document as kept, with its role.
void write_kept_blocks(std::string &out, const core::Document &doc);

} // namespace colophon::review
