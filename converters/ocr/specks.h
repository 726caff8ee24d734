#pragma once
// Salt-and-pepper specks of a scan (threshold jitter of a bilevel scanner, dust): Tesseract reads
// them as marks and stray letters around and inside the lines ("ee", "oe", "|", "PriyaQuiroga'"),
// and they make it split and join lines wrongly. A speck is a connected blob of ink smaller than
// any glyph part a reader can see: at 300 dpi at most 3 pixels, where the dot of a period in
// 6 pt type has about 9. Such blobs are erased, with the faint grey a renderer put around them.

#include <leptonica/allheaders.h>

namespace colophon::ocr {

// Erases every speck of the 8-bit grey `gray` scanned at `dpi`, in place, to white; returns how
// many. About 30 ms for an A4 page at 300 dpi.
int erase_specks(Pix *gray, double dpi);

} // namespace colophon::ocr
