#include "text_lines.h"

#include "line_bidi.h"

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

// Calls `sink` with each gap between the merged intervals [lo, hi) of the items, in ascending
// order; `ids` must be sorted by lo.
template <typename Lo, typename Hi, typename Sink>
void for_each_gap(const std::vector<Item>& items, const std::vector<std::size_t>& ids, Lo lo, Hi hi, Sink sink)
{
    double end = -1e18;
    bool first = true;
    for (std::size_t i : ids) {
        const double l = lo(items[i]), h = hi(items[i]);
        if (!first && l > end)
            sink(Gap{end, l});
        end = first ? h : std::max(end, h);
        first = false;
    }
}

double band_top(const Item& it) { return it.cy0; }
double band_bottom(const Item& it) { return it.cy1; }
double box_left(const Item& it) { return it.box.x0; }
double box_right(const Item& it) { return it.box.x1; }

// Rows of text among `by_y` (ids sorted by band top): one more than the horizontal gaps.
int count_rows(const std::vector<Item>& items, const std::vector<std::size_t>& by_y)
{
    if (by_y.empty())
        return 0;
    int rows = 1;
    for_each_gap(items, by_y, band_top, band_bottom, [&](const Gap&) { ++rows; });
    return rows;
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
    const auto strip = static_cast<std::size_t>(std::ceil(min_gutter_width));
    if (nb <= strip)
        return {};
    const std::size_t starts = nb - strip + 1; // bin b stands for the strip [b, b + strip)
    constexpr std::size_t none = static_cast<std::size_t>(-1);
    // per strip: lines seen on each side since the strip was last covered (a line is counted
    // once, by the word nearest to the strip on that side)
    std::vector<int> left(starts, 0), right(starts, 0), best(starts, 0);
    std::vector<std::size_t> last_left(starts, none), last_right(starts, none);
    auto reset = [&](std::size_t from, std::size_t to) { // [from, to)
        to = std::min(to, starts);
        if (from >= to)
            return;
        std::fill(left.begin() + static_cast<long>(from), left.begin() + static_cast<long>(to), 0);
        std::fill(right.begin() + static_cast<long>(from), right.begin() + static_cast<long>(to), 0);
        std::fill(last_left.begin() + static_cast<long>(from), last_left.begin() + static_cast<long>(to), none);
        std::fill(last_right.begin() + static_cast<long>(from), last_right.begin() + static_cast<long>(to), none);
    };
    auto bin_of = [&](double x) -> std::size_t { // NaN and off-page coordinates land on an edge bin
        if (!(x >= 0))
            return 0;
        return x >= static_cast<double>(bins - 1) ? nb - 1 : static_cast<std::size_t>(x);
    };

    struct Span
    {
        std::size_t b0, b1; // bins covered, inclusive
        std::size_t word;
    };
    std::vector<Span> spans;
    std::size_t lo = 0;
    std::vector<std::size_t> active, last_active;
    for (double y = items[ids.front()].cy0; y <= y_end; y += step) {
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

        // The words' bins, merged into covered runs; between them, the free runs. A strip
        // inside a free run has as its neighbours the word ending where the run starts
        // (the rightmost such) and the word starting where it ends (the leftmost such).
        spans.clear();
        for (std::size_t i : active) {
            const std::size_t b0 = bin_of(items[i].box.x0);
            spans.push_back({b0, std::max(b0, bin_of(items[i].box.x1)), i});
        }
        std::stable_sort(spans.begin(), spans.end(), [](const Span& a, const Span& b) { return a.b0 < b.b0; });
        std::size_t free_from = 0;      // first bin of the current free run
        std::size_t left_word = none;   // the word just before it
        std::size_t done = 0;           // strips before this one are settled
        for (std::size_t k = 0; k <= spans.size(); ++k) {
            const bool at_end = k == spans.size();
            const std::size_t free_to = at_end ? nb : spans[k].b0; // exclusive
            if (free_to >= free_from + strip) {
                std::size_t right_word = none;
                for (std::size_t j = k; j < spans.size() && spans[j].b0 == free_to; ++j)
                    if (right_word == none || items[spans[j].word].box.x0 < items[right_word].box.x0)
                        right_word = spans[j].word;
                reset(done, free_from);
                for (std::size_t b = free_from; b + strip <= free_to; ++b) {
                    if (left_word != none && left_word != last_left[b]) {
                        ++left[b];
                        last_left[b] = left_word;
                    }
                    if (right_word != none && right_word != last_right[b]) {
                        ++right[b];
                        last_right[b] = right_word;
                    }
                    best[b] = std::max(best[b], std::min(left[b], right[b]));
                }
                done = free_to - strip + 1;
            }
            if (at_end)
                break;
            // extend the covered run over every span that touches or overlaps it
            const std::size_t run_from = k;
            std::size_t run_end = spans[k].b1;
            while (k + 1 < spans.size() && spans[k + 1].b0 <= run_end + 1) {
                ++k;
                run_end = std::max(run_end, spans[k].b1);
            }
            free_from = run_end + 1;
            left_word = none;
            for (std::size_t j = run_from; j <= k; ++j)
                if (spans[j].b1 == run_end &&
                    (left_word == none || items[left_word].box.x1 < items[spans[j].word].box.x1))
                    left_word = spans[j].word;
        }
        reset(done, starts);
    }
    std::vector<Gap> out;
    const double w = static_cast<double>(strip);
    for (std::size_t b = 0; b < starts; ++b) {
        if (best[b] < min_lines)
            continue;
        if (!out.empty() && out.back().hi >= b)
            out.back().hi = b + w;
        else
            out.push_back({static_cast<double>(b), b + w});
    }
    return out;
}

// The widest of the gaps (in ascending order); among gaps as wide as it (the even leading of a
// column of text), the middle one. Any of them is an equally good cut, and the middle one keeps
// the recursion balanced: cutting a column of L lines one line at a time costs L passes over it.
Gap widest_middle_gap(const std::vector<Gap>& gaps)
{
    constexpr double same_width = 0.01; // points: rounding in the boxes, not a different leading
    double widest = 0;
    for (const Gap& g : gaps)
        widest = std::max(widest, g.width());
    std::vector<std::size_t> widest_ones;
    for (std::size_t i = 0; i < gaps.size(); ++i)
        if (gaps[i].width() >= widest - same_width)
            widest_ones.push_back(i);
    return gaps[widest_ones[widest_ones.size() / 2]];
}

// A set of words seen in two orders, by band top and by left edge. Splitting a node keeps both
// orders, so no node sorts again: the cut stays linear per level however deep it recurses.
struct Node
{
    std::vector<std::size_t> by_y, by_x;

    template <typename Pred>
    std::pair<Node, Node> split(Pred goes_first) const
    {
        std::pair<Node, Node> out;
        for (Node* half : {&out.first, &out.second}) {
            half->by_y.reserve(by_y.size());
            half->by_x.reserve(by_x.size());
        }
        for (std::size_t i : by_y)
            (goes_first(i) ? out.first.by_y : out.second.by_y).push_back(i);
        for (std::size_t i : by_x)
            (goes_first(i) ? out.first.by_x : out.second.by_x).push_back(i);
        return out;
    }
};

class XyCut
{
public:
    XyCut(const std::vector<Item>& items, double body_size, std::vector<Gap> gutters)
        : items_(items), body_size_(body_size), gutters_(std::move(gutters))
    {
    }

    std::vector<Leaf> run()
    {
        Node root;
        root.by_y.resize(items_.size());
        std::iota(root.by_y.begin(), root.by_y.end(), 0);
        root.by_x = root.by_y;
        std::stable_sort(root.by_y.begin(), root.by_y.end(),
                         [&](std::size_t a, std::size_t b) { return items_[a].cy0 < items_[b].cy0; });
        std::stable_sort(root.by_x.begin(), root.by_x.end(),
                         [&](std::size_t a, std::size_t b) { return items_[a].box.x0 < items_[b].box.x0; });
        const core::Box frame = bbox_of(items_, root.by_y);
        cut(root, frame, 0);
        return std::move(leaves_);
    }

private:
    const std::vector<Item>& items_;
    double body_size_;
    std::vector<Gap> gutters_;
    std::vector<Leaf> leaves_;
    int next_frame_ = 1;

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

    void cut(const Node& node, const core::Box& frame, int frame_id)
    {
        if (node.by_y.empty())
            return;
        // 1. a column gutter, or a very wide vertical gap with rows on either side
        const double min_gutter = std::max(3.0, 0.3 * body_size_);
        // most gaps here are word spaces, no gutter and narrow: only the others are tried,
        // widest first
        std::vector<Gap> vgaps;
        for_each_gap(items_, node.by_x, box_left, box_right, [&](const Gap& g) {
            if (g.width() >= min_gutter && (g.width() >= 3 * body_size_ || on_gutter(g)))
                vgaps.push_back(g);
        });
        std::sort(vgaps.begin(), vgaps.end(), [](const Gap& a, const Gap& b) { return a.width() > b.width(); });
        int rows = -1; // of the whole node, counted once and only when needed
        for (const Gap& g : vgaps) {
            const double x = (g.lo + g.hi) / 2;
            auto [left, right] = node.split([&](std::size_t i) { return items_[i].box.x1 <= x; });
            if (left.by_y.empty() || right.by_y.empty())
                continue;
            if (rows < 0)
                rows = count_rows(items_, node.by_y);
            if (rows < 2 || count_rows(items_, left.by_y) < 2 || count_rows(items_, right.by_y) < 2)
                continue;
            const core::Box lf = bbox_of(items_, left.by_y), rf = bbox_of(items_, right.by_y);
            const int lid = next_frame_++, rid = next_frame_++;
            cut(left, lf, lid);
            cut(right, rf, rid);
            return;
        }
        // 2. the widest horizontal gap
        std::vector<Gap> hgaps;
        for_each_gap(items_, node.by_y, band_top, band_bottom, [&](const Gap& g) { hgaps.push_back(g); });
        if (!hgaps.empty()) {
            const Gap g = widest_middle_gap(hgaps);
            const double y = (g.lo + g.hi) / 2;
            const auto [top, bottom] = node.split([&](std::size_t i) { return items_[i].cy1 <= y; });
            cut(top, frame, frame_id);
            cut(bottom, frame, frame_id);
            return;
        }
        // 3. one row, its words from left to right
        leaves_.push_back({node.by_x, frame, frame_id});
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

    XyCut xy(items, body_size, find_gutters(items, page.width > 0 ? page.width : 1000, body_size));
    std::vector<Leaf> leaves = xy.run();

    std::vector<TextLine> lines;
    for (Leaf& leaf : leaves) {
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
        put_in_logical_order(line, !page.from_ocr);
        lines.push_back(std::move(line));
    }
    return lines;
}

} // namespace colophon::layout
