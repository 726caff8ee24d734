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

// Gaps between the merged intervals [lo, hi) of the items, in ascending order.
template <typename Lo, typename Hi>
std::vector<Gap> gaps_of(const std::vector<Item>& items, std::vector<std::size_t>& ids, Lo lo, Hi hi)
{
    std::sort(ids.begin(), ids.end(), [&](std::size_t a, std::size_t b) { return lo(items[a]) < lo(items[b]); });
    std::vector<Gap> out;
    double end = -1e18;
    bool first = true;
    for (std::size_t i : ids) {
        const double l = lo(items[i]), h = hi(items[i]);
        if (!first && l > end)
            out.push_back({end, l});
        end = first ? h : std::max(end, h);
        first = false;
    }
    return out;
}

int count_rows(const std::vector<Item>& items, std::vector<std::size_t> ids)
{
    if (ids.empty())
        return 0;
    return static_cast<int>(gaps_of(items, ids, [](const Item& it) { return it.cy0; }, [](const Item& it) { return it.cy1; })
                                .size()) +
           1;
}

// x-ranges that are empty between words on many consecutive rows: column gutters. Aligned
// word spaces in a justified column line up for two or three rows, never for five.
std::vector<Gap> find_gutters(const std::vector<Item>& items, double page_width)
{
    constexpr int min_rows = 5;
    if (items.empty() || page_width <= 0)
        return {};
    std::vector<std::size_t> ids(items.size());
    std::iota(ids.begin(), ids.end(), 0);
    std::sort(ids.begin(), ids.end(), [&](std::size_t a, std::size_t b) { return items[a].cy0 < items[b].cy0; });
    // rows: runs of overlapping core bands
    std::vector<std::vector<std::size_t>> rows;
    double end = -1e18;
    for (std::size_t i : ids) {
        if (rows.empty() || items[i].cy0 > end) {
            rows.emplace_back();
            end = items[i].cy1;
        }
        end = std::max(end, items[i].cy1);
        rows.back().push_back(i);
    }
    // One bin per point, except on absurd page sizes (a hostile MediaBox of 10^9 points would
    // otherwise allocate gigabytes): only the extent the words reach matters, and past the PDF
    // maximum page size (14,400 points) the bins widen instead of multiplying.
    double extent = 0;
    for (const Item& it : items)
        extent = std::max(extent, it.box.x1);
    extent = std::min(page_width, extent);
    constexpr double max_bins = 16384;
    const double scale = std::max(1.0, extent / max_bins);
    const int bins = static_cast<int>(std::ceil(std::max(0.0, extent) / scale)) + 1;
    const auto bin_of = [scale, bins](double x) { return static_cast<int>(std::clamp(x / scale, 0.0, double(bins))); };
    std::vector<int> run(static_cast<std::size_t>(bins), 0), best(static_cast<std::size_t>(bins), 0);
    std::vector<signed char> state(static_cast<std::size_t>(bins));
    for (auto& row : rows) {
        std::sort(row.begin(), row.end(), [&](std::size_t a, std::size_t b) { return items[a].box.x0 < items[b].box.x0; });
        // 0 = outside the row (neutral), 1 = bracketed empty, -1 = covered
        std::fill(state.begin(), state.end(), 0);
        double row_x0 = 1e18, row_x1 = -1e18;
        for (std::size_t i : row) {
            row_x0 = std::min(row_x0, items[i].box.x0);
            row_x1 = std::max(row_x1, items[i].box.x1);
        }
        for (int b = bin_of(row_x0); b < bins && b <= bin_of(row_x1); ++b)
            state[static_cast<std::size_t>(b)] = 1;
        for (std::size_t i : row)
            for (int b = bin_of(items[i].box.x0); b < bins && b <= bin_of(items[i].box.x1); ++b)
                state[static_cast<std::size_t>(b)] = -1;
        for (std::size_t b = 0; b < state.size(); ++b) {
            if (state[b] == 1)
                best[b] = std::max(best[b], ++run[b]);
            else if (state[b] == -1)
                run[b] = 0;
        }
    }
    std::vector<Gap> out;
    for (int b = 0; b < bins; ++b) {
        if (best[static_cast<std::size_t>(b)] < min_rows)
            continue;
        if (!out.empty() && out.back().hi >= (b - 1) * scale)
            out.back().hi = (b + 1) * scale;
        else
            out.push_back({b * scale, (b + 1) * scale});
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
        for (const Gap& k : gutters_)
            if (k.lo < g.hi && k.hi > g.lo)
                return true;
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
        for (const Gap& g : vgaps) {
            if (g.width() < min_gutter)
                break;
            const double x = (g.lo + g.hi) / 2;
            std::vector<std::size_t> left, right;
            for (std::size_t i : ids)
                (items_[i].box.x1 <= x ? left : right).push_back(i);
            if (left.empty() || right.empty() || count_rows(items_, ids) < 2)
                continue;
            if (!on_gutter(g) && (g.width() < 3 * body_size_ || count_rows(items_, left) < 2 || count_rows(items_, right) < 2))
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
    XyCut xy(items, body_size, find_gutters(items, page.width > 0 ? page.width : 1000));
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
            lw.space_before = w.box.x0 - prev_x1 > 0.12 * lw.size;
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
