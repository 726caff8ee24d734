#pragma once
// Publication dates in the forms publishers print them, normalised to ISO 8601.

#include "document.h"

#include <optional>
#include <string_view>

namespace colophon::core {

// Parses text that is (almost) only a date: "16.03.2023", "16/03/2023", "March 16, 2023",
// "16 March 2023", "2023-03-16T10:00:00Z", "16 марта 2023 г.", "March 2023".
// `language` (BCP 47, may be empty) decides the day-month order of ambiguous numeric dates:
// US English reads 03/04/2023 as March 4, every other language as 3 April. A value that
// cannot be a month (13..31) decides by itself. `text` of the result is the input, trimmed.
std::optional<PublicationDate> parse_date(std::string_view text, std::string_view language = {});

// Finds the first date inside a longer line ("Published on 16 March 2023 | 5 min read").
std::optional<PublicationDate> find_date(std::string_view text, std::string_view language = {});

} // namespace colophon::core
