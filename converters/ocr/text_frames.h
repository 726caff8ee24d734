#pragma once
// Thin rectangular frames drawn around words (PDF link boxes and boxed note marks rendered into
// a scan, ruled form fields) are read by Tesseract as "]", "|" or ")" beside the framed text.
// A frame is one connected component (found at a light threshold, small breaks mended) whose
// four sides are each a thin straight rule with white behind it along most of its length: round
// letters curve away from their box, solid shapes and strokes have no white behind, and letters
// such as "H" or "E" lack a side. Only the rules are erased, so framed text touching them stays.

#include <leptonica/allheaders.h>

namespace colophon::ocr {

// Erases every such frame from the 8-bit grey `gray`, in place, to white; returns how many.
// The threshold is light since link boxes are drawn in pale colours. About 50 ms for an A4 page
// at 300 dpi, 1% of its recognition.
int erase_text_frames(Pix* gray);

} // namespace colophon::ocr
