#pragma once
// Reads one Poppler page into layout::PageWords: words with boxes and typography, link areas.

#include "layout/page_words.h"

#include <poppler.h>

namespace colophon::pdf {

// Words are split at white space and wherever the font or size changes inside a run of
// characters, so a superscript note mark glued to its word ("own.1") becomes its own Word.
layout::PageWords read_page_words(PopplerDocument* doc, PopplerPage* page, int page_no);

} // namespace colophon::pdf
