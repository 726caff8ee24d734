#pragma once
// Reads one page into words::PageWords: the text layer's words with boxes and typography, and
// the page's link areas (poppler-glib).

#include "words/page_words.h"
#include "text_layer.h"

#include <poppler.h>

namespace colophon::pdf {

// `text` reads the same document as `doc`; `page` is its page `page_no` (1-based).
words::PageWords read_page_words(const TextLayer& text, PopplerDocument* doc, PopplerPage* page, int page_no);

} // namespace colophon::pdf
