#include "text_lines.h"

#include "line_bidi.h"

#include "core/text.h"

#include <algorithm>
#include <array>
#include <string_view>
#include <cmath>
#include <map>
#include <numeric>
#include <optional>

namespace colophon::layout {

namespace {

// A vertical gap on a column gutter is a cut when it clears a good part of the gutter (a word
// space that happens to fall inside a gutter, in a title spanning both columns, is no cut), or
// when it lies wholly within the gutter and is wider than any word space: two-column LaTeX
// classes (memoir) leave only 0.65 em clear once hyphens hang into the gutter. (pdf-gen2 tx02;
// pdf-gen, pdf-gen2 and pdf-real otherwise unchanged.)
constexpr double gutter_cut_share = 0.5;
constexpr double gutter_cut_points = 8.0;
constexpr double narrow_gutter_cut_em = 0.6;
constexpr double narrow_gutter_inside = 0.9;
// ... and only between columns of text: a column of reference numbers beside their entries
// lines up as well (pdf-real cermine_test1), and so do the word spaces of a two-line caption
// (pdf-real grobid_sample).
constexpr double narrow_gutter_min_column_em = 10;
constexpr int narrow_gutter_min_rows = 3;
// A page number set in the gutter under two columns keeps them from being cut apart: a lone row
// at the top or bottom of a block, at most this share of its width, is cut off first when the
// rest then splits into columns (pdf-gen2 tx02). A wider row may be the last lines of both
// columns side by side (pdf-gen lo02).
constexpr double edge_row_max_share = 0.3;

// A superscript is smaller than its host and raised against it; CSS "font-size: smaller" on a
// raised word (WeasyPrint, browsers) keeps 0.86 of the host's size, so a word raised by a
// quarter em may be that large. (pdf-gen, pdf-gen2, pdf-real; samples/pdf/weasyprint-*.)
constexpr double sup_max_size = 0.85;
constexpr double sup_max_size_raised = 0.9;
constexpr double sup_min_raise = 0.1;
constexpr double sup_well_raised = 0.25;
// A host found by geometry alone (not emitted next to the mark) must share this much of its
// height with the mark: a letter-spaced kicker just above a title touches its words too.
// (pdf-gen lo02.)
constexpr double sup_min_overlap_geometric = 0.25;

// List bullets: a column of them beside the items is no text column of its own.
constexpr std::array<std::string_view, 10> bullet_glyphs{"\u2022", "\u25e6", "\u25aa", "\u25cf", "\u25cb",
                                                         "\u25a0", "\u2023", "\u2043", "\u2013", "-"};

bool is_bullet(std::string_view text)
{
    return std::find(bullet_glyphs.begin(), bullet_glyphs.end(), text) != bullet_glyphs.end();
}

struct Item
{
    std::size_t word = 0;
    core::Box box;  // the word's box
    double cy0 = 0; // core band used for horizontal projection (host's band for superscripts)
    double cy1 = 0;
    double size = 0;
    bool bullet = false; // a list bullet standing alone
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

// Per strip of the minimum gutter width (strip b covers bins [b, b + strip)): the lines seen on
// each side of it since a word last covered it, and the most seen on both sides at once. A line
// is counted once on a side, by the word nearest to the strip there.
class StripCounts
{
public:
    static constexpr std::size_t none = static_cast<std::size_t>(-1);

    StripCounts(const std::vector<Item>& items, std::size_t bins, std::size_t strip)
        : items_(items), nb_(bins), strip_(strip), starts_(bins - strip + 1), left_(starts_, 0), right_(starts_, 0),
          best_(starts_, 0), last_left_(starts_, none), last_right_(starts_, none)
    {
    }

    // One scanline: the words crossing it, by index.
    void scan(const std::vector<std::size_t>& active)
    {
        // The words' bins, merged into covered runs; between them, the free runs. A strip
        // inside a free run has as its neighbours the word ending where the run starts
        // (the rightmost such) and the word starting where it ends (the leftmost such).
        spans_.clear();
        for (std::size_t i : active) {
            const std::size_t b0 = bin_of(items_[i].box.x0);
            spans_.push_back({b0, std::max(b0, bin_of(items_[i].box.x1)), i});
        }
        std::stable_sort(spans_.begin(), spans_.end(), [](const Span& a, const Span& b) { return a.b0 < b.b0; });
        std::size_t free_from = 0;    // first bin of the current free run
        std::size_t left_word = none; // the word just before it
        std::size_t done = 0;         // strips before this one are settled
        for (std::size_t k = 0; k <= spans_.size(); ++k) {
            const bool at_end = k == spans_.size();
            const std::size_t free_to = at_end ? nb_ : spans_[k].b0; // exclusive
            if (free_to >= free_from + strip_) {
                reset(done, free_from);
                count_free_run(free_from, free_to, left_word, right_word_at(k, free_to));
                done = free_to - strip_ + 1;
            }
            if (at_end)
                break;
            // extend the covered run over every span that touches or overlaps it
            const std::size_t run_from = k;
            std::size_t run_end = spans_[k].b1;
            while (k + 1 < spans_.size() && spans_[k + 1].b0 <= run_end + 1) {
                ++k;
                run_end = std::max(run_end, spans_[k].b1);
            }
            free_from = run_end + 1;
            left_word = none;
            for (std::size_t j = run_from; j <= k; ++j)
                if (spans_[j].b1 == run_end &&
                    (left_word == none || items_[left_word].box.x1 < items_[spans_[j].word].box.x1))
                    left_word = spans_[j].word;
        }
        reset(done, starts_);
    }

    // Runs of strips with at least `min_lines` lines on both sides at once.
    std::vector<Gap> gutters(int min_lines) const
    {
        std::vector<Gap> out;
        const double w = static_cast<double>(strip_);
        for (std::size_t b = 0; b < starts_; ++b) {
            if (best_[b] < min_lines)
                continue;
            if (!out.empty() && out.back().hi >= b)
                out.back().hi = b + w;
            else
                out.push_back({static_cast<double>(b), b + w});
        }
        return out;
    }

private:
    struct Span
    {
        std::size_t b0, b1; // bins covered, inclusive
        std::size_t word;
    };

    std::size_t bin_of(double x) const // NaN and off-page coordinates land on an edge bin
    {
        if (!(x >= 0))
            return 0;
        return x >= static_cast<double>(nb_ - 1) ? nb_ - 1 : static_cast<std::size_t>(x);
    }

    // the leftmost word starting at bin `at`, among the spans from k on
    std::size_t right_word_at(std::size_t k, std::size_t at) const
    {
        std::size_t right_word = none;
        for (std::size_t j = k; j < spans_.size() && spans_[j].b0 == at; ++j)
            if (right_word == none || items_[spans_[j].word].box.x0 < items_[right_word].box.x0)
                right_word = spans_[j].word;
        return right_word;
    }

    void count_free_run(std::size_t free_from, std::size_t free_to, std::size_t left_word, std::size_t right_word)
    {
        for (std::size_t b = free_from; b + strip_ <= free_to; ++b) {
            if (left_word != none && left_word != last_left_[b]) {
                ++left_[b];
                last_left_[b] = left_word;
            }
            if (right_word != none && right_word != last_right_[b]) {
                ++right_[b];
                last_right_[b] = right_word;
            }
            best_[b] = std::max(best_[b], std::min(left_[b], right_[b]));
        }
    }

    void reset(std::size_t from, std::size_t to) // [from, to)
    {
        to = std::min(to, starts_);
        if (from >= to)
            return;
        const auto f = static_cast<long>(from), t = static_cast<long>(to);
        std::fill(left_.begin() + f, left_.begin() + t, 0);
        std::fill(right_.begin() + f, right_.begin() + t, 0);
        std::fill(last_left_.begin() + f, last_left_.begin() + t, none);
        std::fill(last_right_.begin() + f, last_right_.begin() + t, none);
    }

    const std::vector<Item>& items_;
    std::size_t nb_, strip_, starts_;
    std::vector<int> left_, right_, best_;
    std::vector<std::size_t> last_left_, last_right_;
    std::vector<Span> spans_;
};

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
    const auto nb = static_cast<std::size_t>(static_cast<int>(std::ceil(page_width)) + 1);
    const auto strip = static_cast<std::size_t>(std::ceil(min_gutter_width));
    if (nb <= strip)
        return {};
    StripCounts counts(items, nb, strip);
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
        // the same words as on the scanline before change nothing: every count is already
        // where they leave it
        if (active == last_active)
            continue;
        last_active = active;
        counts.scan(active);
    }
    return counts.gutters(min_lines);
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

    enum class GutterFit { None, Wide, Narrow };

    GutterFit on_gutter(const Gap& g) const
    {
        GutterFit fit = GutterFit::None;
        for (const Gap& k : gutters_) {
            const double overlap = std::min(k.hi, g.hi) - std::max(k.lo, g.lo);
            if (overlap <= 0)
                continue;
            if (overlap >= std::min(gutter_cut_share * k.width(), gutter_cut_points))
                return GutterFit::Wide;
            if (overlap >= narrow_gutter_inside * g.width() && g.width() >= narrow_gutter_cut_em * body_size_)
                fit = GutterFit::Narrow;
        }
        return fit;
    }

    // The halves of `node` either side of a column gutter (or of a very wide vertical gap with
    // rows on either side), when it has one.
    std::optional<std::pair<Node, Node>> column_split(const Node& node) const
    {
        const double min_gutter = std::max(3.0, 0.3 * body_size_);
        // most gaps here are word spaces, no gutter and narrow: only the others are tried,
        // widest first
        std::vector<Gap> vgaps;
        for_each_gap(items_, node.by_x, box_left, box_right, [&](const Gap& g) {
            if (g.width() >= min_gutter && (g.width() >= 3 * body_size_ || on_gutter(g) != GutterFit::None))
                vgaps.push_back(g);
        });
        std::sort(vgaps.begin(), vgaps.end(), [](const Gap& a, const Gap& b) { return a.width() > b.width(); });
        int rows = -1; // of the whole node, counted once and only when needed
        for (const Gap& g : vgaps) {
            const double x = (g.lo + g.hi) / 2;
            auto halves = node.split([&](std::size_t i) { return items_[i].box.x1 <= x; });
            const Node& left = halves.first;
            const Node& right = halves.second;
            if (left.by_y.empty() || right.by_y.empty())
                continue;
            // bullets beside their items stay on the items' lines
            if (std::all_of(left.by_y.begin(), left.by_y.end(), [&](std::size_t i) { return items_[i].bullet; }))
                continue;
            if (rows < 0)
                rows = count_rows(items_, node.by_y);
            if (rows < 2 || count_rows(items_, left.by_y) < 2 || count_rows(items_, right.by_y) < 2)
                continue;
            const core::Box lf = bbox_of(items_, left.by_y), rf = bbox_of(items_, right.by_y);
            const double min_column = narrow_gutter_min_column_em * body_size_;
            if (g.width() < 3 * body_size_ && on_gutter(g) == GutterFit::Narrow &&
                (lf.width() < min_column || rf.width() < min_column ||
                 count_rows(items_, left.by_y) < narrow_gutter_min_rows ||
                 count_rows(items_, right.by_y) < narrow_gutter_min_rows))
                continue;
            return halves;
        }
        return std::nullopt;
    }

    // A short lone row at the top or bottom of `node` (a page number sitting in the gutter) that keeps the rest from being cut into its columns: the gap that sets
    // it apart, when there is one.
    std::optional<Gap> edge_row_over_columns(const Node& node, const std::vector<Gap>& hgaps) const
    {
        if (hgaps.size() < 2)
            return std::nullopt;
        for (const bool at_bottom : {true, false}) {
            const Gap& g = at_bottom ? hgaps.back() : hgaps.front();
            const double y = (g.lo + g.hi) / 2;
            const auto [top, bottom] = node.split([&](std::size_t i) { return items_[i].cy1 <= y; });
            const Node& edge = at_bottom ? bottom : top;
            const Node& rest = at_bottom ? top : bottom;
            if (count_rows(items_, edge.by_y) != 1 ||
                bbox_of(items_, edge.by_y).width() > edge_row_max_share * bbox_of(items_, node.by_y).width())
                continue;
            // into columns of text, not a column of numbers beside their entries
            const auto halves = column_split(rest);
            const double min_column = narrow_gutter_min_column_em * body_size_;
            if (halves && bbox_of(items_, halves->first.by_y).width() >= min_column &&
                bbox_of(items_, halves->second.by_y).width() >= min_column)
                return g;
        }
        return std::nullopt;
    }

    void cut(const Node& node, const core::Box& frame, int frame_id)
    {
        if (node.by_y.empty())
            return;
        // 1. a column gutter, or a very wide vertical gap with rows on either side
        if (auto halves = column_split(node)) {
            const core::Box lf = bbox_of(items_, halves->first.by_y), rf = bbox_of(items_, halves->second.by_y);
            const int lid = next_frame_++, rid = next_frame_++;
            cut(halves->first, lf, lid);
            cut(halves->second, rf, rid);
            return;
        }
        // 2. a lone row at the edge that spans the gutter, else the widest horizontal gap
        std::vector<Gap> hgaps;
        for_each_gap(items_, node.by_y, band_top, band_bottom, [&](const Gap& g) { hgaps.push_back(g); });
        if (!hgaps.empty()) {
            const Gap g = edge_row_over_columns(node, hgaps).value_or(widest_middle_gap(hgaps));
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

// An item's core band: the middle 0.4 em of its box, where the words of one row overlap.
void set_core_band(Item& it)
{
    const double c = (it.box.y0 + it.box.y1) / 2, half = 0.2 * std::min(it.box.height(), it.size);
    it.cy0 = c - half;
    it.cy1 = c + half;
}

// True when word `w` (item `wi`) is a superscript of host `h`: smaller, raised against it and
// touching it, after it (`host_before`) or before it (a footnote's label before its text).
bool raised_against(const words::Word& w, const Item& wi, const words::Word& h, bool host_before, double min_overlap = 0)
{
    const double hs = h.size > 0 ? h.size : h.box.height();
    const double ws = wi.size;
    const double wc = (w.box.y0 + w.box.y1) / 2, hc = (h.box.y0 + h.box.y1) / 2;
    const bool well_raised = hc - wc >= sup_well_raised * hs;
    if (ws > (well_raised ? sup_max_size_raised : sup_max_size) * hs)
        return false;
    const double gap = host_before ? w.box.x0 - h.box.x1 : h.box.x0 - w.box.x1;
    if (gap < -0.5 || gap > (host_before ? 0.3 : 0.6) * hs)
        return false;
    const bool overlaps = w.box.y1 > h.box.y0 && w.box.y0 < h.box.y1 &&
                          std::min(w.box.y1, h.box.y1) - std::max(w.box.y0, h.box.y0) >= min_overlap * hs;
    return overlaps && hc - wc >= sup_min_raise * hs;
}

// Flags the superscripts among `words` and gives each its host's core band. The host is looked
// for first among the words emitted next to it, then, for words smaller than the page's text,
// among all words touching it: LaTeX emits a page's footnote labels one after the other before
// their texts (pdf-gen2 tx02).
std::vector<bool> find_superscripts(const std::vector<words::Word>& words, std::vector<Item>& items, double body_size)
{
    std::vector<bool> sup(words.size(), false);
    auto take_band = [&](std::size_t i, std::size_t host) {
        sup[i] = true;
        items[i].cy0 = items[host].cy0;
        items[i].cy1 = items[host].cy1;
    };
    std::vector<std::size_t> unhosted;
    for (std::size_t i = 0; i < words.size(); ++i) {
        if (i > 0 && raised_against(words[i], items[i], words[i - 1], true))
            take_band(i, i - 1);
        else if (i + 1 < words.size() && raised_against(words[i], items[i], words[i + 1], false))
            take_band(i, i + 1);
        else if (items[i].size <= sup_max_size_raised * body_size)
            unhosted.push_back(i);
    }
    if (unhosted.empty())
        return sup;
    // hosts by left edge (a label before its text) and by right edge (a mark after its word)
    std::vector<std::size_t> by_x0(words.size()), by_x1(words.size());
    std::iota(by_x0.begin(), by_x0.end(), 0);
    std::iota(by_x1.begin(), by_x1.end(), 0);
    std::sort(by_x0.begin(), by_x0.end(), [&](std::size_t a, std::size_t b) { return words[a].box.x0 < words[b].box.x0; });
    std::sort(by_x1.begin(), by_x1.end(), [&](std::size_t a, std::size_t b) { return words[a].box.x1 < words[b].box.x1; });
    for (std::size_t i : unhosted) {
        const words::Word& w = words[i];
        const double reach = 2 * items[i].size; // beyond any gap raised_against allows
        bool found = false;
        auto from = std::lower_bound(by_x1.begin(), by_x1.end(), w.box.x0 - reach,
                                     [&](std::size_t k, double x) { return words[k].box.x1 < x; });
        for (auto it = from; it != by_x1.end() && words[*it].box.x1 <= w.box.x0 + 0.5 && !found; ++it)
            if (*it != i && raised_against(w, items[i], words[*it], true, sup_min_overlap_geometric)) {
                take_band(i, *it);
                found = true;
            }
        from = std::lower_bound(by_x0.begin(), by_x0.end(), w.box.x1 - 0.5,
                                [&](std::size_t k, double x) { return words[k].box.x0 < x; });
        for (auto it = from; it != by_x0.end() && words[*it].box.x0 <= w.box.x1 + reach && !found; ++it)
            if (*it != i && raised_against(w, items[i], words[*it], false, sup_min_overlap_geometric)) {
                take_band(i, *it);
                found = true;
            }
    }
    return sup;
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

std::vector<TextLine> build_lines(const words::PageWords& page)
{
    const auto& words = page.words;
    std::vector<Item> items(words.size());
    std::vector<double> sizes;
    for (std::size_t i = 0; i < words.size(); ++i) {
        const words::Word& w = words[i];
        const double size = w.size > 0 ? w.size : std::max(1.0, w.box.height());
        items[i] = {i, w.box, 0, 0, size, is_bullet(w.text)};
        sizes.push_back(size);
    }
    const double body_size = std::max(4.0, median(sizes));

    // Superscripts (note marks, ordinal suffixes) take their host's band so they stay on its row.
    for (std::size_t i = 0; i < words.size(); ++i)
        set_core_band(items[i]);
    const std::vector<bool> sup = find_superscripts(words, items, body_size);

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
            const words::Word& w = words[i];
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
            for (const words::LinkArea& l : page.links) {
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

namespace {

bool is_speck_word(const LineWord& w)
{
    const core::TextStats st = core::text_stats(w.text);
    return st.letters + st.digits == 0;
}

} // namespace

bool trim_edge_specks(TextLine& l)
{
    while (!l.words.empty() && is_speck_word(l.words.back()))
        l.words.pop_back();
    std::size_t lead = 0;
    while (lead < l.words.size() && is_speck_word(l.words[lead]))
        ++lead;
    l.words.erase(l.words.begin(), l.words.begin() + static_cast<std::ptrdiff_t>(lead));
    if (l.words.empty())
        return false;
    l.words.front().space_before = false;
    l.box.x0 = l.words.front().box.x0;
    l.box.x1 = l.words.back().box.x1;
    return true;
}

} // namespace colophon::layout
