#pragma once
// The small pieces of HTML the review page is written with: escaping and base64 data.

#include <string>
#include <string_view>

namespace colophon::review {

// Text for an element or a double-quoted attribute: & < > " ' escaped.
std::string escape(std::string_view text);

// RFC 4648 base64, for data: URIs.
std::string base64(std::string_view bytes);

// "12.5" with at most 2 decimals, for CSS percentages.
std::string percent(double value);

} // namespace colophon::review
