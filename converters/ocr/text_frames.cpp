#include "ocr/text_frames.h"

#include "ocr/leptonica_handles.h"

#include <algorithm>
#include <array>
#include <memory>
#include <vector>

namespace colophon::ocr {
namespace {

// Pale link-box colours come out light grey in a greyscale scan.
constexpr l_int32 ink_threshold = 215;
// A frame surrounds at least a small glyph and at most a couple of lines of text.
constexpr l_int32 min_width = 20;
constexpr l_int32 min_height = 30;
constexpr l_int32 max_height = 220;
// Depth of the band along each side in which the outline lies (a 1 pt rule at 300 dpi is about
// 4 px, plus blur and the residual skew over the frame's width).
constexpr l_int32 band = 7;
constexpr double min_side_cover = 0.85; // share of a side's length that has ink in its band
constexpr l_int32 max_rule_run = 10;   // thickest rule erased; text touching it keeps the rest
constexpr double min_thin_share = 0.5;  // share of a side where the rule has white behind it

struct BoxaDestroy
{
    void operator()(Boxa* b) const { boxaDestroy(&b); }
};
struct PixaDestroy
{
    void operator()(Pixa* p) const { pixaDestroy(&p); }
};

bool ink(const l_uint32* data, l_int32 wpl, l_int32 x, l_int32 y)
{
    return GET_DATA_BIT(data + static_cast<std::ptrdiff_t>(y) * wpl, x) != 0;
}

// One side of the outline as the first ink met coming in from that side, for every column (top,
// bottom) or row (left, right): where the rule starts and how thick it is there (-1: no ink).
struct Side
{
    std::vector<l_int32> start;
    std::vector<l_int32> run;
};

Side trace_side(Pix* m, bool horizontal, bool from_start)
{
    const l_int32 w = static_cast<l_int32>(pixGetWidth(m));
    const l_int32 h = static_cast<l_int32>(pixGetHeight(m));
    const l_int32 wpl = pixGetWpl(m);
    const l_uint32* data = pixGetData(m);
    const l_int32 length = horizontal ? w : h;
    const l_int32 across = horizontal ? h : w;
    const l_int32 depth = std::min(band, across / 3);
    Side side;
    side.start.assign(static_cast<std::size_t>(length), -1);
    side.run.assign(static_cast<std::size_t>(length), 0);
    const auto at = [&](l_int32 i, l_int32 d) {
        const l_int32 along = from_start ? d : across - 1 - d;
        return horizontal ? ink(data, wpl, i, along) : ink(data, wpl, along, i);
    };
    for (l_int32 i = 0; i < length; ++i) {
        for (l_int32 d = 0; d < depth; ++d) {
            if (!at(i, d))
                continue;
            l_int32 e = d;
            while (e + 1 < across / 2 && e - d < max_rule_run && at(i, e + 1))
                ++e;
            side.start[static_cast<std::size_t>(i)] = d;
            side.run[static_cast<std::size_t>(i)] = e - d + 1;
            break;
        }
    }
    return side;
}

// A side counts when it has ink along nearly all its length, that ink starts on one line (up to
// the residual skew and a few stray positions: corners, noise, text touching the rule) and is a
// thin rule with white behind it. Round letters ("o", "O", "0", "D") curve away from their box
// at the ends; solid strokes ("I", "l", "■") have no white behind.
bool straight(const Side& side)
{
    const auto length = static_cast<l_int32>(side.start.size());
    std::vector<l_int32> starts;
    int thin = 0, inner = 0;
    for (std::size_t i = 0; i < side.start.size(); ++i) {
        if (side.start[i] < 0)
            continue;
        starts.push_back(side.start[i]);
        // Near the corners the rule runs on along the perpendicular side.
        const auto at = static_cast<l_int32>(i);
        if (at < band || at >= length - band)
            continue;
        ++inner;
        thin += side.run[i] < max_rule_run ? 1 : 0;
    }
    const auto found = static_cast<l_int32>(starts.size());
    if (found < min_side_cover * length || thin < min_thin_share * inner)
        return false;
    std::sort(starts.begin(), starts.end());
    const l_int32 lo = starts[static_cast<std::size_t>(found / 10)];
    const l_int32 hi = starts[static_cast<std::size_t>(found - 1 - found / 10)];
    return hi - lo <= 2 + length / 100.0;
}

void whiten(Pix* gray, l_int32 x0, l_int32 y0, l_int32 x1, l_int32 y1)
{
    const l_int32 w = static_cast<l_int32>(pixGetWidth(gray));
    const l_int32 h = static_cast<l_int32>(pixGetHeight(gray));
    x0 = std::max(x0, 0);
    y0 = std::max(y0, 0);
    x1 = std::min(x1, w - 1);
    y1 = std::min(y1, h - 1);
    const l_int32 wpl = pixGetWpl(gray);
    l_uint32* data = pixGetData(gray);
    for (l_int32 yy = y0; yy <= y1; ++yy) {
        l_uint32* line = data + static_cast<std::ptrdiff_t>(yy) * wpl;
        for (l_int32 xx = x0; xx <= x1; ++xx)
            SET_DATA_BYTE(line, xx, 255);
    }
}

} // namespace

int erase_text_frames(Pix* gray)
{
    if (gray == nullptr || pixGetDepth(gray) != 8 || pixGetColormap(gray) != nullptr)
        return 0;
    const PixPtr binary(pixThresholdToBinary(gray, ink_threshold));
    // Closing mends the small breaks that noise leaves in a pale rule.
    const PixPtr closed(binary ? pixCloseBrick(nullptr, binary.get(), 3, 3) : nullptr);
    if (!closed)
        return 0;
    Pixa* raw_pixa = nullptr;
    const std::unique_ptr<Boxa, BoxaDestroy> boxes(pixConnComp(closed.get(), &raw_pixa, 8));
    const std::unique_ptr<Pixa, PixaDestroy> pixa(raw_pixa);
    if (!boxes || !pixa)
        return 0;
    int erased = 0;
    for (l_int32 c = 0; c < boxaGetCount(boxes.get()); ++c) {
        l_int32 x = 0, y = 0, w = 0, h = 0;
        boxaGetBoxGeometry(boxes.get(), c, &x, &y, &w, &h);
        if (w < min_width || h < min_height || h > max_height)
            continue;
        const PixPtr component(pixaGetPix(pixa.get(), c, L_CLONE));
        if (!component)
            continue;
        std::array<Side, 4> sides; // top, bottom, left, right
        bool frame = true;
        for (int k = 0; k < 4 && frame; ++k) {
            sides[static_cast<std::size_t>(k)] = trace_side(component.get(), k < 2, k % 2 == 0);
            frame = straight(sides[static_cast<std::size_t>(k)]);
        }
        if (!frame)
            continue;
        // Only the rules go, with a pixel of blur either side; framed text touching them keeps
        // what lies beyond the rule's usual thickness.
        for (int k = 0; k < 4; ++k) {
            const Side& side = sides[static_cast<std::size_t>(k)];
            std::vector<l_int32> runs;
            for (std::size_t j = 0; j < side.run.size(); ++j)
                if (side.start[j] >= 0)
                    runs.push_back(side.run[j]);
            std::nth_element(runs.begin(), runs.begin() + static_cast<std::ptrdiff_t>(runs.size() / 2), runs.end());
            const l_int32 thickness = runs[runs.size() / 2];
            const bool horizontal = k < 2;
            for (std::size_t j = 0; j < side.start.size(); ++j) {
                if (side.start[j] < 0)
                    continue;
                const l_int32 i = static_cast<l_int32>(j);
                const l_int32 d0 = side.start[j] - 1, d1 = side.start[j] + std::min(side.run[j], thickness);
                const l_int32 from = k % 2 == 0 ? d0 : (horizontal ? h : w) - 1 - d1;
                const l_int32 to = k % 2 == 0 ? d1 : (horizontal ? h : w) - 1 - d0;
                if (horizontal)
                    whiten(gray, x + i - 1, y + from, x + i + 1, y + to);
                else
                    whiten(gray, x + from, y + i - 1, x + to, y + i + 1);
            }
        }
        ++erased;
    }
    return erased;
}

} // namespace colophon::ocr
