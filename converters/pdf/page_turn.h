#pragma once
// The frame a page's text is read in. Poppler reports each word's direction as quarter turns
// (0 left to right, 1 top to bottom, 2 upside down, 3 bottom to top) and its glyph boxes on the
// page as shown (after the page's /Rotate). Layout analysis expects lines that run left to
// right and follow each other downwards, so every box is turned into the frame in which the
// page's dominant text direction is upright: a landscape table set sideways, a page scanned
// upside down or shown turned by its viewer reads like any other page.

#include "core/document.h"

#include <array>

namespace colophon::pdf {

struct PageTurn
{
    int quarter = 0;   // Poppler's rotation of the text made upright (0..3)
    double width = 0;  // the page as shown, points
    double height = 0;

    // `box` (page as shown, origin top-left) in the upright frame.
    core::Box upright(const core::Box& box) const;
    // The page's size in the upright frame.
    double upright_width() const { return quarter % 2 == 0 ? width : height; }
    double upright_height() const { return quarter % 2 == 0 ? height : width; }
};

// The rotation most of a page's characters have (ties: the lower one, so upright text wins);
// `chars` counts characters per rotation 0..3.
int dominant_quarter(const std::array<int, 4>& chars);

} // namespace colophon::pdf
