#include "text_lines.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <numeric>

namespace colophon::layout {

namespace {

struct Item
{
    std::size_t word = 0;
    core::Box box;  // the word's box
    double cy0 = 0; // core band used for horizontal projection (host's band for superscripts)
    double cy1 = 0;
    double size = 0;
};

struct Leaf
{
    std::vector<std::size_t> items;
    core::Box frame;
    int frame_id = 0;
};

struct Gap
{
    double lo = 0, hi = 0;
    double width() const { return hi - lo; }
};

core::Box bbox_of(const std::vector<Item>& items, const std::vector<std::size_t>& ids)
{
    core::Box b{1e9, 1e9, -1e9, -1e9};
    for (std::size_t i : ids) {
        b.x0 = std::min(b.x0, items[i].box.x0);
        b.y0 = std::min(b.y0, items[i].box.y0);
        b.x1 = std::max(b.x1, items[i].box.x1);
        b.y1 = std::max(b.y1, items[i].box.y1);
    }
    return b;
}

// Gaps between the merged intervals [lo, hi) of the items, in ascending order. The intervals
// are copied out and sorted by value: sorting the ids through the items costs a cache miss per
// comparison, and this runs at every node of the XY-cut.
template <typename Lo, typename Hi>
std::vector<Gap> gaps_of(const std::vector<Item>& items, const std::vector<std::size_t>& ids, Lo lo, Hi hi)
{
    std::vector<std::pair<double, double>> spans;
    spans.reserve(ids.size());
    for (std::size_t i : ids)
        spans.emplace_back(lo(items[i]), hi(items[i]));
    std::sort(spans.begin(), spans.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
    std::vector<Gap> out;
    double end = -1e18;
    bool first = true;
    for (const auto& [l, h] : spans) {
        if (!first && l > end)
            out.push_back({end, l});
        end = first ? h : std::max(end, h);
        first = false;
    }
    return out;
}

int count_rows(const std::vector<Item>& items, const std::vector<std::size_t>& ids)
{
    if (ids.empty())
        return 0;
    return static_cast<int>(gaps_of(items, ids, [](const Item& it) { return it.cy0; }, [](const Item& it) { return it.cy1; })
                                .size()) +
           1;
}

// x-ranges that no word crosses while several lines of text stand on either side: column
// gutters. Scanned line by line, and the two sides are counted separately, because the two
// columns of a page need not share baselines. Word spaces that line up in a justified column
// do so for two lines, rarely three, and never with text on both sides of them for long.
std::vector<Gap> find_gutters(const std::vector<Item>& items, double page_width, double body_size)
{
    if (items.empty() || page_width <= 0)
        return {};
    // wider than word spaces could line up to (OCR boxes leave the whole space between words);
    // whole bins of one point, so a 10pt gutter keeps 8 clear ones
    const double min_gutter_width = std::max(5.0, std::floor(0.7 * body_size));
    // a line's core band is 0.4 em tall: one scanline in each at least
    const double step = std::max(0.5, 0.3 * body_size);
    constexpr int min_lines = 3; // on each side
    std::vector<std::size_t> ids(items.size());
    std::iota(ids.begin(), ids.end(), 0);
    std::sort(ids.begin(), ids.end(), [&](std::size_t a, std::size_t b) { return items[a].cy0 < items[b].cy0; });
    double max_band = 0, y_end = -1e18;
    for (const Item& it : items) {
        max_band = std::max(max_band, it.cy1 - it.cy0);
        y_end = std::max(y_end, it.cy1);
    }
    // Gutters lie between words, so bins past the rightmost word are never needed: a hostile
    // MediaBox of 10^9 points must not allocate gigabytes. Words spread beyond any real page
    // (the PDF maximum is 14,400 points) get no gutter search at all: the bins and the scanlines
    // would be counted in billions.
    double x_end = 0;
    for (const Item& it : items)
        x_end = std::max(x_end, it.box.x1);
    constexpr double max_extent = 100'000;
    if (x_end > max_extent || y_end - items[ids.front()].cy0 > max_extent)
        return {};
    page_width = std::min(page_width, x_end + 1);
    const int bins = static_cast<int>(std::ceil(page_width)) + 1;
    const auto nb = static_cast<std::size_t>(bins);
    constexpr std::size_t none = static_cast<std::size_t>(-1);
    // per bin: lines seen on each side since the bin was last covered (a line is counted once,
    // by the word nearest to the bin on that side)
    std::vector<int> left(nb, 0), right(nb, 0), best(nb, 0);
    std::vector<std::size_t> last_left(nb, none), last_right(nb, none), near_left(nb), near_right(nb);
    std::vector<unsigned char> covered(nb);
    std::vector<int> covered_before(nb + 1);
    const auto strip = static_cast<std::size_t>(std::ceil(min_gutter_width));
    std::size_t lo = 0;
    std::vector<std::size_t> active, last_active;
    for (double y = items[ids.front()].cy0; y <= y_end && nb > strip; y += step) {
        while (lo < ids.size() && items[ids[lo]].cy0 < y - max_band)
            ++lo;
        active.clear();
        for (std::size_t k = lo; k < ids.size() && items[ids[k]].cy0 <= y; ++k)
            if (items[ids[k]].cy1 >= y)
                active.push_back(ids[k]);
        if (active.empty())
            continue; // between lines
        // the same words as on the scanline before change nothing: every count below is
        // already where they leave it
        if (active == last_active)
            continue;
        last_active = active;
        std::fill(covered.begin(), covered.end(), 0);
        std::fill(near_left.begin(), near_left.end(), none);
        std::fill(near_right.begin(), near_right.end(), none);
        for (std::size_t i : active) {
            const int b0 = std::max(0, static_cast<int>(items[i].box.x0));
            const int b1 = std::min(bins - 1, static_cast<int>(items[i].box.x1));
            for (int b = b0; b <= b1; ++b)
                covered[static_cast<std::size_t>(b)] = 1;
            // the word is the nearest on the left of bins after it, on the right of bins before it
            if (b1 + 1 < bins && (near_left[static_cast<std::size_t>(b1 + 1)] == none ||
                                  items[near_left[static_cast<std::size_t>(b1 + 1)]].box.x1 < items[i].box.x1))
                near_left[static_cast<std::size_t>(b1 + 1)] = i;
            if (b0 > 0 && (near_right[static_cast<std::size_t>(b0 - 1)] == none ||
                           items[near_right[static_cast<std::size_t>(b0 - 1)]].box.x0 > items[i].box.x0))
                near_right[static_cast<std::size_t>(b0 - 1)] = i;
        }
        for (std::size_t b = 1; b < nb; ++b)
            if (near_left[b] == none)
                near_left[b] = near_left[b - 1];
        for (std::size_t b = nb - 1; b-- > 0;)
            if (near_right[b] == none)
                near_right[b] = near_right[b + 1];
        // bin b stands for the strip [b, b + width): it must be clear as a whole
        covered_before[0] = 0;
        for (std::size_t b = 0; b < nb; ++b)
            covered_before[b + 1] = covered_before[b] + (covered[b] ? 1 : 0);
        for (std::size_t b = 0; b + strip <= nb; ++b) {
            if (covered_before[b + strip] != covered_before[b]) {
                left[b] = right[b] = 0;
                last_left[b] = last_right[b] = none;
                continue;
            }
            const std::size_t l = near_left[b], r = near_right[b + strip - 1];
            if (l != none && l != last_left[b]) {
                ++left[b];
                last_left[b] = l;
            }
            if (r != none && r != last_right[b]) {
                ++right[b];
                last_right[b] = r;
            }
            best[b] = std::max(best[b], std::min(left[b], right[b]));
        }
    }
    std::vector<Gap> out;
    const double w = static_cast<double>(strip);
    for (int b = 0; b < bins; ++b) {
        if (best[static_cast<std::size_t>(b)] < min_lines)
            continue;
        if (!out.empty() && out.back().hi >= b)
            out.back().hi = b + w;
        else
            out.push_back({static_cast<double>(b), b + w});
    }
    return out;
}

class XyCut
{
public:
    XyCut(const std::vector<Item>& items, double body_size, std::vector<Gap> gutters)
        : items_(items), body_size_(body_size), gutters_(std::move(gutters))
    {
    }

    std::vector<Leaf> run(std::vector<std::size_t> ids)
    {
        const core::Box frame = bbox_of(items_, ids);
        cut(std::move(ids), frame, 0);
        return std::move(leaves_);
    }

private:
    const std::vector<Item>& items_;
    double body_size_;
    std::vector<Gap> gutters_;
    std::vector<Leaf> leaves_;

    bool on_gutter(const Gap& g) const
    {
        // the gap must clear a good part of the gutter: a word space that happens to fall
        // inside a gutter (in a title spanning both columns) is no cut
        for (const Gap& k : gutters_) {
            const double overlap = std::min(k.hi, g.hi) - std::max(k.lo, g.lo);
            if (overlap > 0 && overlap >= std::min(0.5 * k.width(), 8.0))
                return true;
        }
        return false;
    }
    int next_frame_ = 1;

    void cut(std::vector<std::size_t> ids, const core::Box& frame, int frame_id)
    {
        if (ids.empty())
            return;
        // 1. a column gutter, or a very wide vertical gap with rows on either side
        const double min_gutter = std::max(3.0, 0.3 * body_size_);
        auto vgaps = gaps_of(items_, ids, [](const Item& it) { return it.box.x0; }, [](const Item& it) { return it.box.x1; });
        std::sort(vgaps.begin(), vgaps.end(), [](const Gap& a, const Gap& b) { return a.width() > b.width(); });
        int rows = -1; // of all of ids, counted once and only when needed
        for (const Gap& g : vgaps) {
            if (g.width() < min_gutter)
                break;
            // the cheap test first: most gaps here are word spaces, no gutter and narrow
            if (!on_gutter(g) && g.width() < 3 * body_size_)
                continue;
            const double x = (g.lo + g.hi) / 2;
            std::vector<std::size_t> left, right;
            for (std::size_t i : ids)
                (items_[i].box.x1 <= x ? left : right).push_back(i);
            if (left.empty() || right.empty())
                continue;
            if (rows < 0)
                rows = count_rows(items_, ids);
            if (rows < 2 || count_rows(items_, left) < 2 || count_rows(items_, right) < 2)
                continue;
            const core::Box lf = bbox_of(items_, left), rf = bbox_of(items_, right);
            const int lid = next_frame_++, rid = next_frame_++;
            cut(std::move(left), lf, lid);
            cut(std::move(right), rf, rid);
            return;
        }
        // 2. the widest horizontal gap
        auto hgaps = gaps_of(items_, ids, [](const Item& it) { return it.cy0; }, [](const Item& it) { return it.cy1; });
        if (!hgaps.empty()) {
            const Gap g = *std::max_element(hgaps.begin(), hgaps.end(),
                                            [](const Gap& a, const Gap& b) { return a.width() < b.width(); });
            const double y = (g.lo + g.hi) / 2;
            std::vector<std::size_t> top, bottom;
            for (std::size_t i : ids)
                (items_[i].cy1 <= y ? top : bottom).push_back(i);
            cut(std::move(top), frame, frame_id);
            cut(std::move(bottom), frame, frame_id);
            return;
        }
        // 3. one row
        leaves_.push_back({std::move(ids), frame, frame_id});
    }
};

double median(std::vector<double> v)
{
    if (v.empty())
        return 0;
    std::nth_element(v.begin(), v.begin() + static_cast<long>(v.size() / 2), v.end());
    return v[v.size() / 2];
}

} // namespace

std::string TextLine::text() const
{
    std::string out;
    for (const LineWord& w : words) {
        if (!out.empty() && w.space_before)
            out += ' ';
        out += w.text;
    }
    return out;
}

std::vector<TextLine> build_lines(const PageWords& page)
{
    const auto& words = page.words;
    std::vector<Item> items(words.size());
    std::vector<double> sizes;
    for (std::size_t i = 0; i < words.size(); ++i) {
        const Word& w = words[i];
        const double size = w.size > 0 ? w.size : std::max(1.0, w.box.height());
        items[i] = {i, w.box, 0, 0, size};
        sizes.push_back(size);
    }
    const double body_size = std::max(4.0, median(sizes));

    // Superscripts (note marks, ordinal suffixes) take their host's band so they stay on its row.
    std::vector<bool> sup(words.size(), false);
    auto core_band = [](const core::Box& b, double size, double& y0, double& y1) {
        const double c = (b.y0 + b.y1) / 2, half = 0.2 * std::min(b.height(), size);
        y0 = c - half;
        y1 = c + half;
    };
    for (std::size_t i = 0; i < words.size(); ++i)
        core_band(words[i].box, items[i].size, items[i].cy0, items[i].cy1);
    for (std::size_t i = 0; i < words.size(); ++i) {
        const Word& w = words[i];
        for (int d : {-1, 1}) {
            if ((d < 0 && i == 0) || (d > 0 && i + 1 >= words.size()))
                continue;
            const Word& h = words[static_cast<std::size_t>(static_cast<long>(i) + d)];
            const double hs = h.size > 0 ? h.size : h.box.height();
            const double ws = items[i].size;
            if (ws > 0.85 * hs)
                continue;
            const double gap = d < 0 ? w.box.x0 - h.box.x1 : h.box.x0 - w.box.x1;
            if (gap < -0.5 || gap > (d < 0 ? 0.3 : 0.6) * hs)
                continue;
            const double wc = (w.box.y0 + w.box.y1) / 2, hc = (h.box.y0 + h.box.y1) / 2;
            const bool overlaps = w.box.y1 > h.box.y0 && w.box.y0 < h.box.y1;
            if (!overlaps || hc - wc < 0.1 * hs)
                continue;
            sup[i] = true;
            items[i].cy0 = items[static_cast<std::size_t>(static_cast<long>(i) + d)].cy0;
            items[i].cy1 = items[static_cast<std::size_t>(static_cast<long>(i) + d)].cy1;
            break;
        }
    }

    std::vector<std::size_t> ids(words.size());
    std::iota(ids.begin(), ids.end(), 0);
    XyCut xy(items, body_size, find_gutters(items, page.width > 0 ? page.width : 1000, body_size));
    std::vector<Leaf> leaves = xy.run(std::move(ids));

    std::vector<TextLine> lines;
    for (Leaf& leaf : leaves) {
        std::sort(leaf.items.begin(), leaf.items.end(),
                  [&](std::size_t a, std::size_t b) { return words[a].box.x0 < words[b].box.x0; });
        TextLine line;
        line.page = page.page;
        line.frame = leaf.frame;
        line.frame_id = leaf.frame_id;
        line.box = bbox_of(items, leaf.items);
        std::map<double, double> size_weight;
        int normal = 0, bold = 0, italic = 0;
        double prev_x1 = -1e9;
        for (std::size_t i : leaf.items) {
            const Word& w = words[i];
            LineWord lw;
            lw.text = w.text;
            lw.box = w.box;
            lw.size = items[i].size;
            lw.bold = w.bold;
            lw.italic = w.italic;
            lw.superscript = sup[i];
            // OCR words are Tesseract's: it has already found the spaces, also the narrow ones of
            // tight justified lines that the text-layer threshold would close ("ofpractical").
            // Raised marks keep the geometric rule, and marks split off a word stay glued to it.
            const bool wide_gap = w.box.x0 - prev_x1 > 0.12 * lw.size;
            lw.space_before = page.from_ocr && !sup[i] ? !w.glued : wide_gap && !w.glued;
            prev_x1 = w.box.x1;
            const double cx = (w.box.x0 + w.box.x1) / 2, cy = (w.box.y0 + w.box.y1) / 2;
            for (const LinkArea& l : page.links) {
                if (cx >= l.box.x0 - 1 && cx <= l.box.x1 + 1 && cy >= l.box.y0 - 1 && cy <= l.box.y1 + 1) {
                    lw.uri = l.uri;
                    lw.dest_page = l.dest_page;
                    lw.dest_y = l.dest_y;
                    break;
                }
            }
            if (!lw.superscript) {
                size_weight[std::round(lw.size * 10) / 10] += static_cast<double>(w.text.size());
                ++normal;
                bold += w.bold;
                italic += w.italic;
            }
            line.words.push_back(std::move(lw));
        }
        if (!line.words.empty())
            line.words.front().space_before = false;
        double best = 0;
        for (const auto& [s, wgt] : size_weight) {
            if (wgt > best) {
                best = wgt;
                line.size = s;
            }
        }
        if (normal == 0) {
            line.size = line.words.empty() ? 0 : line.words.front().size;
            for (LineWord& lw : line.words)
                lw.superscript = false;
        }
        line.bold = normal > 0 && bold == normal;
        line.italic = normal > 0 && italic == normal;
        lines.push_back(std::move(line));
    }
    return lines;
}

} // namespace colophon::layout
