#pragma once
// Bylines and author lines as publishers print them, shared by the HTML and PDF converters.

#include "document.h"

#include <string_view>
#include <vector>

namespace colophon::core {

// True for text that reads as a person's name: two to five capitalised words (particles such as
// "van", "de", "al-" allowed), no digits, no sentence punctuation.
bool looks_like_person_name(std::string_view text);

// "By Jane Doe and John Smith", "Jane Doe, John Smith & Ann Lee", "Автор: Иван Петров",
// "Jane Doe | Senior Fellow, Some Institute", "Jane Doe (Some University)".
// Returns the authors named, with an affiliation when the line carries one; empty when the
// text does not read as a byline.
std::vector<Author> parse_byline(std::string_view text);

// True when the line starts like a byline ("By ", "Written by", "Author:", "Автор:").
bool has_byline_prefix(std::string_view text);

} // namespace colophon::core
