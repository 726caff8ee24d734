#include "page_turn.h"

namespace colophon::pdf {

core::Box PageTurn::upright(const core::Box& b) const
{
    switch (quarter & 3) {
    case 1: // reading downwards, glyph tops to the right: the first line is the rightmost
        return {b.y0, width - b.x1, b.y1, width - b.x0};
    case 2: // upside down
        return {width - b.x1, height - b.y1, width - b.x0, height - b.y0};
    case 3: // reading upwards, glyph tops to the left: the first line is the leftmost
        return {height - b.y1, b.x0, height - b.y0, b.x1};
    default:
        return b;
    }
}

int dominant_quarter(const std::array<int, 4>& chars)
{
    int best = 0;
    for (int q = 1; q < 4; ++q)
        if (chars[static_cast<std::size_t>(q)] > chars[static_cast<std::size_t>(best)])
            best = q;
    return best;
}

} // namespace colophon::pdf
