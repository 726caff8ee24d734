#pragma once
// A page too large to hold as one tree (libxml2's tree is about seven times the page), converted
// window by window as it is parsed: the first window as a whole page (declared metadata, page
// type, main content, title, byline), then the main content's further children a window at a
// time, each freed once converted. What lies outside the main content after the first window
// (the page's footer, a long comment thread) is never parsed.

#include "core/converter.h"

#include <string>

namespace colophon::htmlstream {

// `utf8` is the whole page; Document::rest carries the windows after the first (its body and
// notes are the first window's). Throws ConversionError.
core::Document convert_in_windows(std::string utf8, const std::string &url,
                                  const core::ConvertOptions &options, core::Diagnostics &diags);

} // namespace colophon::htmlstream
