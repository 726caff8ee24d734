#include "front_matter.h"

#include "core/bylines.h"
#include "core/gcc_workarounds.h"
#include "core/text.h"
#include "dehyphenation.h"
#include "footnotes.h"
#include "front_matter_text.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <optional>
#include <string_view>
#include <utility>

namespace colophon::layout {

namespace {

// The title is the largest text in the upper part of the first page, set clearly larger than
// the body; lines within this many points of that size belong to it. (pdf-gen, pdf-gen2.)
constexpr double title_size_ratio = 1.15;
constexpr double title_zone_fraction = 0.5;
constexpr double title_size_tolerance = 0.6;
constexpr int title_min_letters = 3;
// A line under the title set at body size, nearly as wide as its frame, upright and long is
// the body's first line: the front matter ends there.
constexpr double wide_body_size_ratio = 1.05;
constexpr double wide_body_width = 0.8;
constexpr std::size_t wide_body_words = 12;
// A subtitle is set larger than the body (or in italics right under the title).
constexpr double subtitle_ratio = 1.08;
// Size step over the body that makes the line under the title a subtitle on OCR pages.
constexpr double ocr_subtitle_ratio = 1.04;
// Two lines are set in one style when their sizes are this close (points; for OCR, whose sizes
// come from line heights, this share of the size) and bold and italic agree.
constexpr double same_size_points = 0.6;
constexpr double ocr_same_size_share = 0.08;
// An affiliation under the byline is a short line that does not end a sentence.
constexpr double affiliation_max_width = 0.75;
constexpr std::size_t affiliation_max_words = 12;
// An affiliation's second line follows its first closely: the gap between them is under this
// share of the font size (a new block of the title page is set further apart).
constexpr double continuation_gap_share = 0.8;
// Superscript marks the line builder set apart (they rise above their line): a line of at most
// this many marks, smaller than the body.
constexpr std::size_t marks_line_max_words = 8;
// Parts of one running header line are set this many font sizes apart ("Series | Paper No. 5"
// at the left, the short title at the right).
constexpr double header_part_gap_sizes = 2.0;
// A lede is running text: at least this many words, in a paragraph or two (a column or page
// break may split it), ending a sentence (an address or an affiliation set in italics does not).
constexpr std::ptrdiff_t lede_min_words = 8;
constexpr std::size_t lede_max_paragraphs = 2;
// A paragraph this long that opens "Originally published in" is text, not a provenance line.
constexpr std::size_t provenance_max_words = 40;

// An organisation's name capitalises most of its words (more than this share); running text
// does not.
constexpr double name_capitalised_share = 0.5;

// Words that open the text after the front matter ("Abstract", "ABSTRACT:", "Keywords"): the
// title page's blocks end there. Lower case, in the languages colophon reads most.
constexpr std::array section_openings{"abstract",     "summary",   "keywords", "key words",
                                      "introduction", "résumé",    "resumen",  "zusammenfassung",
                                      "sommario",     "аннотация", "анатацыя", "реферат"};

// Pieces of one line cut apart by the column analysis: on one baseline (within this share of
// the size), at most this many sizes apart (a word space, never a column gutter), among the
// next few lines in reading order.
constexpr double rejoin_baseline_share = 0.25;
constexpr double rejoin_gap_sizes = 0.8;
constexpr std::size_t rejoin_max_lines_apart = 8;
// OCR reads specks as short lines of marks and stray letters: fewer letters and digits than
// this. (pdf-gen2 scans: "ee", "oe", "Se", "|", "_ _".)
constexpr int speck_line_max_chars = 3;

// What one line under the title turned out to be.
enum class Verdict
{
    Taken,
    Skipped,
    End
};

struct LineStyle
{
    double size = 0;
    bool bold = false, italic = false;
};

LineStyle style_of(const TextLine &l)
{
    return {l.size, l.bold, l.italic};
}

bool same_style(const LineStyle &a, const LineStyle &b, bool ocr_text)
{
    const double tolerance =
        ocr_text ? std::max(same_size_points, ocr_same_size_share * a.size) : same_size_points;
    return std::abs(a.size - b.size) <= tolerance && a.bold == b.bold && a.italic == b.italic;
}

std::string strip_sup_words(const TextLine &l,
                            std::vector<std::pair<std::string, std::string>> *marks_after = nullptr)
{
    std::string s;
    std::string last_word;
    for (const LineWord &w : l.words) {
        if (w.superscript) {
            if (marks_after)
                marks_after->push_back({last_word, w.text});
            continue;
        }
        if (!s.empty() && w.space_before)
            s += ' ';
        s += w.text;
        last_word = s;
    }
    return s;
}

std::string words_text(const std::vector<LineWord> &words, std::size_t from, std::size_t to)
{
    std::string s;
    for (std::size_t k = from; k < to; ++k)
        s += (s.empty() || !words[k].space_before ? "" : " ") + words[k].text;
    return core::clean_text(s);
}

// A line of marks only ("1 1", "*"), smaller than the body: superscripts of the line it overlaps.
bool is_marks_line(const TextLine &l, double body)
{
    if (l.words.empty() || l.words.size() > marks_line_max_words ||
        l.size >= note_size_ratio * body)
        return false;
    return std::all_of(l.words.begin(), l.words.end(), [](const LineWord &w) {
        return !note_label_of(w.text).empty() || w.text == ",";
    });
}

// `line` with the marks of `marks` put back where they stand, as superscripts.
TextLine with_marks(const TextLine &marks, const TextLine &line)
{
    TextLine out = line;
    for (LineWord w : marks.words) {
        if (w.text == ",")
            continue;
        w.superscript = true;
        w.space_before = false;
        out.words.push_back(std::move(w));
    }
    std::stable_sort(out.words.begin(), out.words.end(),
                     [](const LineWord &a, const LineWord &b) { return a.box.x0 < b.box.x0; });
    out.box.x0 = std::min(out.box.x0, marks.box.x0);
    out.box.x1 = std::max(out.box.x1, marks.box.x1);
    return out;
}

std::vector<TextLine> without_edge_specks(const std::vector<TextLine> &lines)
{
    std::vector<TextLine> out = lines;
    for (TextLine &l : out)
        trim_edge_specks(l);
    return out;
}

// On an OCR page, a line of specks only ("ee", ":", "oe"): fewer letters and digits than a word.
bool is_speck_line(const TextLine &l)
{
    const core::TextStats st = core::text_stats(l.text());
    return st.letters + st.digits < speck_line_max_chars;
}

// Most words capitalised: "University of Estmark, Department of Economics", not "the lane was
// meant to".
bool reads_as_name(const std::string &text)
{
    const std::vector<std::string> words = core::split_words(text);
    const auto capitalised = std::count_if(words.begin(), words.end(),
                                           [](const std::string &w) { return starts_upper(w); });
    return !words.empty() && static_cast<double>(capitalised) >
                                 name_capitalised_share * static_cast<double>(words.size());
}

// "Abstract", "ABSTRACT: Lupeol (1) ...", "Keywords: ...".
bool opens_section(const std::string &text)
{
    const std::string low = core::to_lower(text);
    for (std::string_view opening : section_openings) {
        if (!low.starts_with(opening))
            continue;
        const std::string_view after = std::string_view(low).substr(opening.size());
        if (after.empty() || after.front() == ':' || after.front() == '.' || after.front() == ' ')
            return true;
    }
    return false;
}

// "1", "2,3", "1*": the affiliation marks a name carries include `label`.
bool carries_label(const std::string &marks, const std::string &label)
{
    std::size_t from = 0;
    while (from <= marks.size()) {
        const std::size_t comma = std::min(marks.find(',', from), marks.size());
        std::string part = marks.substr(from, comma - from);
        while (!part.empty() && is_symbol_mark(part.substr(part.size() - 1)))
            part.pop_back(); // "1*": the star marks the corresponding author
        if (note_label_of(part) == label ||
            note_label_of(marks.substr(from, comma - from)) == label)
            return true;
        from = comma + 1;
    }
    return false;
}

// `prev` runs on to `next`: it ends with a comma or a word that cannot end a name ("of",
// "and"), or the first word of `next` would not have fitted after it in its column.
bool runs_on(const TextLine &prev, const TextLine &next)
{
    static constexpr std::array open_endings{",", " of", " and", " for", " de", " &", " the"};
    const std::string text = core::clean_text(strip_sup_words(prev));
    for (std::string_view e : open_endings)
        if (text.ends_with(e))
            return true;
    if (next.words.empty())
        return false;
    const double first_word = next.words.front().box.width() + 0.25 * next.size; // with its space
    return prev.frame.x1 - prev.box.x1 < first_word;
}

// A list of names that runs on to the next line: "A, B," or "A and".
bool ends_name_list(const std::string &text)
{
    return text.ends_with(",") || text.ends_with(" and") || text.ends_with(" &");
}

// The parts of a line set far apart ("Series | Paper No. 5" ... "Short title").
std::vector<std::string> line_parts(const TextLine &l)
{
    std::vector<std::string> parts;
    std::size_t from = 0;
    for (std::size_t k = 1; k <= l.words.size(); ++k) {
        if (k == l.words.size() ||
            l.words[k].box.x0 - l.words[k - 1].box.x1 > header_part_gap_sizes * l.size) {
            parts.push_back(words_text(l.words, from, k));
            from = k;
        }
    }
    return parts;
}

// Reads the first page from the top down into `meta` and the byline's authors, marking the
// lines it uses as Role::Front.
class FrontMatterReader
{
  public:
    FrontMatterReader(const PageLines &page, double body, std::vector<Role> &role,
                      core::Metadata &meta)
        : page_(page), lines_(page.from_ocr ? without_edge_specks(page.lines) : page.lines),
          body_(body), ocr_(page.from_ocr), role_(role), meta_(meta)
    {
        for (const TextLine &l : lines_)
            widest_frame_ = std::max(widest_frame_, l.frame.width());
        rejoin_split_lines();
    }

    std::vector<core::Author> read()
    {
        // 1. the title: the largest text in the upper half
        const auto [t0, t1] = find_title();
        if (t0 >= lines_.size())
            return {};
        take_title(t0, t1);
        // 2. kicker, series, date and provenance above it
        for (std::size_t i = 0; i < t0; ++i)
            read_line_above_title(i);
        // 3. subtitle, bylines, affiliations, dates, provenance and series below it
        for (std::size_t i = t1; i < lines_.size(); ++i)
            if (read_line_below_title(i, t1) == Verdict::End)
                break;
        // 4. series, publisher and date of the running header, where the page showed none
        read_running_header(lines_[t0].box.y0);
        return std::move(authors_);
    }

  private:
    // [first, last) of the title's lines; first == lines.size() when the page has none.
    std::pair<std::size_t, std::size_t> find_title() const;
    void take_title(std::size_t t0, std::size_t t1);
    void read_line_above_title(std::size_t i);
    Verdict read_line_below_title(std::size_t i, std::size_t t1);
    void read_running_header(double title_top);

    // Each rule takes line i (returns true; the caller marks it Front) or leaves it.
    bool take_marks_line(std::size_t i);
    bool take_subtitle(std::size_t i, std::size_t t1, const TextLine &l, const std::string &plain,
                       const std::string &text);
    bool take_provenance_line(const TextLine &l);
    bool take_series_line(const std::string &text);
    bool take_date_line(const std::string &text);
    bool take_name_affiliation(const std::string &plain);
    bool take_numbered_affiliation(std::size_t i, const TextLine &l);
    bool take_byline(std::size_t i, const TextLine &l, const std::string &plain,
                     const std::vector<std::pair<std::string, std::string>> &marks);
    bool take_more_authors(const TextLine &l, const std::string &plain,
                           const std::vector<std::pair<std::string, std::string>> &marks);
    void add_authors(std::vector<core::Author> found,
                     const std::vector<std::pair<std::string, std::string>> &marks);
    bool take_affiliation_line(std::size_t i, const TextLine &l, const std::string &plain,
                               const std::string &text);

    bool is_wide_body_line(const TextLine &l, const std::string &text) const;
    bool one_author_per_line(std::size_t i, const std::string &plain) const;
    bool continues_affiliation(std::size_t i, const TextLine &l) const;
    std::size_t next_body_line(std::size_t i) const;
    void rejoin_split_lines();
    bool is_author(const std::string &name) const;
    const TextLine &line(std::size_t i) const
    {
        return merged_ && merged_at_ == i ? *merged_ : lines_[i];
    }

    const PageLines &page_;
    std::vector<TextLine> lines_; // the page's; on OCR pages without specks at their ends
    std::vector<bool> absorbed_;  // the rest of a line set before it (rejoin_split_lines)
    const double body_;
    const bool ocr_;
    double widest_frame_ = 0; // the body's measure: front-matter blocks may sit in narrow frames
    std::vector<Role> &role_;
    core::Metadata &meta_;
    std::vector<core::Author> authors_;
    std::vector<std::pair<std::string, std::string>> author_marks_; // name -> mark
    std::optional<LineStyle> subtitle_style_;
    bool subtitle_open_ = true;
    std::optional<LineStyle> byline_style_;
    bool byline_per_line_ = false; // "Name, Affiliation" for each author on a line of its own
    bool byline_open_ = false;     // the last byline line ended "A," or "A and": more names follow
    bool byline_closed_ = false;   // a byline line listed two names or more and did not run on:
                                   // the list is complete ("By A and B" over "Some Forum")
    // the last affiliation line taken and the authors it went to, for a second line
    std::size_t affiliation_line_ = std::string::npos;
    std::vector<std::size_t> affiliation_authors_;
    // a line with the marks the line builder set apart put back
    std::optional<TextLine> merged_;
    std::size_t merged_at_ = 0;
};

std::pair<std::size_t, std::size_t> FrontMatterReader::find_title() const
{
    const double zone = title_zone_fraction * page_.height;
    double max_size = 0;
    for (std::size_t i = 0; i < lines_.size(); ++i)
        if (role_[i] == Role::Body && lines_[i].box.y0 < zone &&
            core::text_stats(lines_[i].text()).letters >= title_min_letters)
            max_size = std::max(max_size, lines_[i].size);
    std::size_t t0 = lines_.size(), t1 = lines_.size();
    if (max_size < title_size_ratio * body_)
        return {t0, t1};
    for (std::size_t i = 0; i < lines_.size(); ++i) {
        if (role_[i] != Role::Body || absorbed_[i] || (ocr_ && is_speck_line(lines_[i])))
            continue;
        if (std::abs(lines_[i].size - max_size) < title_size_tolerance && lines_[i].box.y0 < zone) {
            if (t0 == lines_.size())
                t0 = i;
            t1 = i + 1;
        } else if (t0 != lines_.size()) {
            break;
        }
    }
    return {t0, t1};
}

void FrontMatterReader::take_title(std::size_t t0, std::size_t t1)
{
    std::string title;
    for (std::size_t i = t0; i < t1; ++i) {
        if (role_[i] != Role::Body)
            continue;
        if (!(ocr_ && is_speck_line(lines_[i]))) {
            COLOPHON_GCC12_RESTRICT_FALSE_POSITIVE_BEGIN // see core/gcc_workarounds.h
            title += (title.empty() ? "" : " ") + strip_sup_words(lines_[i]);
            COLOPHON_GCC12_RESTRICT_FALSE_POSITIVE_END
        }
        role_[i] = Role::Front;
    }
    meta_.title = core::clean_text(title);
}

// Kicker, series, date, provenance: whatever stands above the title is front matter.
void FrontMatterReader::read_line_above_title(std::size_t i)
{
    if (role_[i] != Role::Body)
        return;
    if (absorbed_[i]) {
        role_[i] = Role::Front;
        return;
    }
    if (!take_provenance_line(lines_[i]))
        for (const std::string &part : line_parts(lines_[i]))
            if (!take_series_line(part))
                take_date_line(part);
    role_[i] = Role::Front;
}

Verdict FrontMatterReader::read_line_below_title(std::size_t i, std::size_t t1)
{
    if (role_[i] == Role::Furniture)
        return Verdict::Skipped;
    if (role_[i] != Role::Body)
        return Verdict::End;
    if (absorbed_[i] || (ocr_ && is_speck_line(line(i)) && !is_marks_line(line(i), body_))) {
        role_[i] = Role::Front;
        return Verdict::Skipped;
    }
    const TextLine &l = line(i);
    std::vector<std::pair<std::string, std::string>> marks;
    const std::string plain = core::clean_text(strip_sup_words(l, &marks));
    const std::string text = core::clean_text(l.text());
    if ((is_wide_body_line(l, text) && !core::has_byline_prefix(text)) || opens_section(text))
        return Verdict::End;
    // 1. the subtitle, while nothing else has come between it and the title
    bool taken = take_marks_line(i) || take_subtitle(i, t1, l, plain, text);
    subtitle_open_ = subtitle_open_ && taken;
    // 2. everything else the front matter holds, in this order
    taken = taken || take_provenance_line(l) || take_date_line(text) || take_series_line(text) ||
            take_numbered_affiliation(i, l) || take_name_affiliation(plain) ||
            take_byline(i, l, plain, marks) || take_more_authors(l, plain, marks) ||
            take_affiliation_line(i, l, plain, text);
    if (!taken)
        return Verdict::End;
    role_[i] = Role::Front;
    return Verdict::Taken;
}

bool FrontMatterReader::is_wide_body_line(const TextLine &l, const std::string &text) const
{
    return l.size < wide_body_size_ratio * body_ &&
           l.box.width() > wide_body_width * l.frame.width() && !l.italic &&
           core::split_words(text).size() > wide_body_words;
}

// A line of the title block that the column analysis cut in two (specks of a scan, or a short
// line beside it, open a narrow vertical gap): a piece on the same baseline, in the same style,
// a word space to the right of another in a different frame is its rest.
void FrontMatterReader::rejoin_split_lines()
{
    absorbed_.assign(lines_.size(), false);
    const double zone = title_zone_fraction * page_.height;
    for (std::size_t i = 0; i < lines_.size(); ++i) {
        TextLine &l = lines_[i];
        if (role_[i] != Role::Body || absorbed_[i] || l.words.empty() || l.box.y0 >= zone)
            continue;
        for (std::size_t j = i + 1; j < lines_.size() && j <= i + rejoin_max_lines_apart; ++j) {
            const TextLine &r = lines_[j];
            const double gap = r.box.x0 - l.box.x1;
            const bool same_baseline =
                std::abs(r.box.y1 - l.box.y1) < rejoin_baseline_share * l.size;
            if (role_[j] != Role::Body || absorbed_[j] || r.words.empty() ||
                r.frame_id == l.frame_id || !same_baseline || gap < 0 ||
                gap > rejoin_gap_sizes * l.size || !same_style(style_of(l), style_of(r), ocr_))
                continue;
            std::vector<LineWord> rest = r.words;
            rest.front().space_before = true;
            l.words.insert(l.words.end(), rest.begin(), rest.end());
            l.box.x1 = r.box.x1;
            absorbed_[j] = true;
        }
    }
}

std::size_t FrontMatterReader::next_body_line(std::size_t i) const
{
    for (std::size_t j = i + 1; j < lines_.size(); ++j) {
        if (role_[j] == Role::Furniture)
            continue;
        return role_[j] == Role::Body ? j : lines_.size();
    }
    return lines_.size();
}

bool FrontMatterReader::is_author(const std::string &name) const
{
    return std::any_of(authors_.begin(), authors_.end(),
                       [&](const core::Author &a) { return a.name == name; });
}

// Marks the line builder set apart from the line they belong to go back onto it.
bool FrontMatterReader::take_marks_line(std::size_t i)
{
    const std::size_t j = next_body_line(i);
    if (j >= lines_.size() || !is_marks_line(lines_[i], body_))
        return false;
    const TextLine &next = lines_[j];
    const bool overlaps = lines_[i].box.y1 > next.box.y0 && lines_[i].box.y0 < next.box.y1;
    if (!overlaps)
        return false;
    merged_ = with_marks(lines_[i], next);
    merged_at_ = j;
    return true;
}

bool FrontMatterReader::take_subtitle(std::size_t i, std::size_t t1, const TextLine &l,
                                      const std::string &plain, const std::string &text)
{
    // a byline set large is no subtitle: "By ...", two names or more (or, on OCR pages, any name)
    const std::size_t names = core::parse_byline(plain, ocr_).size();
    if (!subtitle_open_ || core::has_byline_prefix(text) || names >= 2 || (ocr_ && names > 0))
        return false;
    if (subtitle_style_) {
        // one subtitle is one run of one style: a line set otherwise (the byline in italics,
        // the lede) is not part of it
        if (!same_style(style_of(l), *subtitle_style_, ocr_))
            return false;
    } else {
        // OCR sizes come from line heights and wander by a few percent, and OCR reports no
        // italics, so a line right under the title needs less of a size step there. A name
        // alone in italics right under the title is the byline, not a subtitle.
        const double ratio = ocr_ && i == t1 ? ocr_subtitle_ratio : subtitle_ratio;
        const bool larger = l.size >= ratio * body_;
        const bool italic_under_title =
            l.italic && i == t1 && core::parse_byline(plain, ocr_).empty();
        if (!larger && !italic_under_title)
            return false;
        subtitle_style_ = style_of(l);
    }
    meta_.subtitle = core::clean_text(meta_.subtitle + " " + plain);
    return true;
}

// "Originally published in the <Series>", alone or after the date; the series' link target
// is the annotation over its words.
bool FrontMatterReader::take_provenance_line(const TextLine &l)
{
    const std::vector<LineWord> &words = l.words;
    for (std::size_t k = 0; k < words.size(); ++k) {
        const std::string rest = words_text(words, k, words.size());
        if (!is_provenance_line(rest))
            continue;
        core::PublicationDate d;
        const std::string before = words_text(words, 0, k);
        if (k > 0 && !is_date_line(before, d, meta_.language))
            return false;
        if (k > 0 && meta_.date.iso.empty())
            meta_.date = d;
        meta_.original_source = parse_provenance(rest);
        for (std::size_t w = k; w < words.size() && meta_.original_source.url.empty(); ++w)
            meta_.original_source.url = words[w].uri;
        return true;
    }
    return false;
}

bool FrontMatterReader::take_series_line(const std::string &text)
{
    // "Jane Doe | Some Institute" is a byline; "Some Institute | Policy Brief No. 37" is not
    if (!is_series_line(text) || core::has_byline_prefix(text) ||
        core::split_name_affiliation(text, ocr_))
        return false;
    const SeriesLine s = read_series_line(text);
    if (meta_.series.empty())
        meta_.series = s.series;
    if (meta_.publisher.empty())
        meta_.publisher = s.publisher;
    return true;
}

bool FrontMatterReader::take_date_line(const std::string &text)
{
    core::PublicationDate d;
    if (!meta_.date.iso.empty() || !is_date_line(text, d, meta_.language))
        return false;
    meta_.date = d;
    return true;
}

// "Jane Doe, Some Institute" / "Jane Doe | Some Institute" under the byline.
bool FrontMatterReader::take_name_affiliation(const std::string &plain)
{
    bool named = false;
    for (auto &a : authors_) {
        if (a.affiliation.empty() && plain.size() > a.name.size() + 2 &&
            plain.starts_with(a.name)) {
            const std::string rest = core::clean_text(plain.substr(a.name.size()));
            if (!rest.empty() && (rest[0] == ',' || rest[0] == '|' || rest[0] == '(')) {
                std::string aff = core::clean_text(rest.substr(1));
                if (!aff.empty() && aff.back() == ')')
                    aff.pop_back();
                a.affiliation = aff;
                named = true;
            }
        }
    }
    return named;
}

// "1 Some Institute": the affiliation of the authors whose names carry mark 1.
bool FrontMatterReader::take_numbered_affiliation(std::size_t i, const TextLine &l)
{
    const std::string label = note_start_label(l);
    if (label.empty() || author_marks_.empty())
        return false;
    std::vector<Tok> toks;
    append_line(toks, l, Vocabulary{}, 1);
    const std::string aff = core::clean_text(tokens_text(toks));
    affiliation_authors_.clear();
    for (auto &[name, mark] : author_marks_)
        for (std::size_t k = 0; k < authors_.size(); ++k)
            if (authors_[k].name == name && carries_label(mark, label) &&
                authors_[k].affiliation.empty()) {
                authors_[k].affiliation = aff;
                affiliation_authors_.push_back(k);
            }
    affiliation_line_ = i;
    return true;
}

// "Ewa Lindholm, Meridian Policy Forum" over "Marcus Okafor, Meridian Policy Forum": each line
// one author and an affiliation, though the first alone could be read as two names. Not when
// either line joins names with "and" or lists more names after the first.
bool FrontMatterReader::one_author_per_line(std::size_t i, const std::string &plain) const
{
    const auto name_and_affiliation = [&](const std::string &text) -> std::optional<core::Author> {
        if (core::has_byline_prefix(text) || text.find(" and ") != std::string::npos ||
            text.find(" & ") != std::string::npos)
            return std::nullopt;
        auto a = core::split_name_affiliation(text, ocr_);
        if (!a || core::parse_byline(a->affiliation, ocr_).size() >= 2)
            return std::nullopt;
        return a;
    };
    const auto first = name_and_affiliation(plain);
    const std::size_t j = next_body_line(i);
    if (!first || j >= lines_.size())
        return false;
    const auto second = name_and_affiliation(core::clean_text(strip_sup_words(lines_[j])));
    return second && second->name != first->name;
}

// The byline: "By A and B", "A, B and C", a name alone, "Name | Affiliation". Remembers which
// superscript mark follows which name for the numbered affiliations below it.
bool FrontMatterReader::take_byline(std::size_t i, const TextLine &l, const std::string &plain,
                                    const std::vector<std::pair<std::string, std::string>> &marks)
{
    if (!authors_.empty())
        return false;
    std::vector<core::Author> found;
    byline_per_line_ = one_author_per_line(i, plain);
    if (!byline_per_line_)
        found = core::parse_byline(plain, ocr_);
    if (found.empty())
        if (auto a = core::split_name_affiliation(plain, ocr_))
            found.push_back(std::move(*a));
    if (found.empty())
        return false;
    byline_open_ = ends_name_list(plain);
    byline_closed_ = found.size() >= 2 && !byline_open_;
    add_authors(std::move(found), marks);
    byline_style_ = style_of(l);
    return true;
}

// Adds `found` to the authors, remembering which superscript mark follows which name.
void FrontMatterReader::add_authors(std::vector<core::Author> found,
                                    const std::vector<std::pair<std::string, std::string>> &marks)
{
    for (const auto &[before, mark] : marks) {
        const std::string b = core::clean_text(before);
        for (const auto &a : found)
            if (b.ends_with(a.name) || b.ends_with(a.name + " ,") || b.ends_with(a.name + ","))
                author_marks_.push_back({a.name, mark});
    }
    for (auto &a : found) {
        if (!author_marks_.empty())
            a.affiliation.clear();
        authors_.push_back(std::move(a));
    }
}

// After the byline: the next author's line, one per author ("Name, Affiliation"), the byline
// running on ("A, B," over "C and D"), or a name set as the first one was (authors side by side
// in columns, each over an affiliation).
bool FrontMatterReader::take_more_authors(
    const TextLine &l, const std::string &plain,
    const std::vector<std::pair<std::string, std::string>> &marks)
{
    if (authors_.empty() || !byline_style_)
        return false;
    if (byline_per_line_) {
        auto a = core::split_name_affiliation(plain, ocr_);
        if (!a || is_author(a->name))
            return false;
        authors_.push_back(std::move(*a));
        return true;
    }
    if (!byline_open_ && (byline_closed_ || !same_style(style_of(l), *byline_style_, ocr_)))
        return false;
    std::vector<core::Author> found = core::parse_byline(plain, ocr_);
    const bool names_only =
        !found.empty() && std::all_of(found.begin(), found.end(), [&](const core::Author &a) {
            return a.affiliation.empty() && !is_author(a.name);
        });
    if (!names_only)
        return false;
    byline_open_ = ends_name_list(plain);
    byline_closed_ = found.size() >= 2 && !byline_open_;
    add_authors(std::move(found), marks);
    return true;
}

// An affiliation's second line: right under its first, in the same column and style.
bool FrontMatterReader::continues_affiliation(std::size_t i, const TextLine &l) const
{
    if (affiliation_line_ == std::string::npos || affiliation_authors_.empty() ||
        next_body_line(affiliation_line_) != i)
        return false;
    const TextLine &prev = lines_[affiliation_line_];
    return prev.frame_id == l.frame_id && same_style(style_of(prev), style_of(l), ocr_) &&
           l.box.y0 - prev.box.y1 < continuation_gap_share * l.size &&
           reads_as_name(strip_sup_words(l)) && runs_on(prev, l);
}

// An affiliation line under the byline: short, not a sentence.
bool FrontMatterReader::take_affiliation_line(std::size_t i, const TextLine &l,
                                              const std::string &plain, const std::string &text)
{
    if (authors_.empty() || ends_sentence(text) ||
        core::split_words(text).size() > affiliation_max_words)
        return false;
    // short in its column; or, in a narrow block of its own (authors side by side), short
    // against the page's widest column and capitalised like a name, not running text
    std::vector<std::size_t> to;
    for (std::size_t k = 0; k < authors_.size(); ++k)
        if (authors_[k].affiliation.empty())
            to.push_back(k);
    const bool continues = continues_affiliation(i, l);
    const bool short_in_frame = l.box.width() < affiliation_max_width * l.frame.width();
    const bool name_in_narrow_block = (!to.empty() || continues) &&
                                      l.box.width() < affiliation_max_width * widest_frame_ &&
                                      reads_as_name(plain);
    if (!short_in_frame && !name_in_narrow_block)
        return false;
    if (continues) {
        for (std::size_t k : affiliation_authors_)
            authors_[k].affiliation = core::clean_text(authors_[k].affiliation + " " + plain);
        to = affiliation_authors_;
    } else {
        for (std::size_t k : to)
            authors_[k].affiliation = plain;
    }
    affiliation_line_ = i;
    affiliation_authors_ = std::move(to);
    return true;
}

// The running header above the title names the series (and its publisher) and sometimes the
// date: used where the title page itself shows none.
void FrontMatterReader::read_running_header(double title_top)
{
    for (std::size_t i = 0; i < lines_.size(); ++i) {
        if (role_[i] != Role::Furniture || lines_[i].box.y1 > title_top)
            continue;
        for (const std::string &part : line_parts(lines_[i])) {
            if (!take_series_line(part) && meta_.date.iso.empty())
                take_date_line(part);
        }
    }
}

} // namespace

std::vector<core::Author> read_front_matter(const PageLines &page, double body,
                                            std::vector<Role> &role, core::Metadata &meta)
{
    if (page.lines.empty())
        return {};
    return FrontMatterReader(page, body, role, meta).read();
}

std::size_t lede_paragraphs(const ParagraphBuilder &paras, std::size_t end, double body)
{
    const auto all_italic = [](const Para &p) {
        return !p.heading && std::all_of(p.toks.begin(), p.toks.end(), [](const Tok &t) {
            return t.italic || t.sup || core::text_stats(t.text).letters == 0;
        });
    };
    const auto words = [](const Para &p) {
        return std::count_if(p.toks.begin(), p.toks.end(), [](const Tok &t) {
            return !t.sup && core::text_stats(t.text).letters > 0;
        });
    };
    // 1. set in italics, the paragraph after it upright
    std::size_t k = 0;
    std::ptrdiff_t italic_words = 0;
    for (; k < end && k <= lede_max_paragraphs; ++k) {
        const Para p = paras.para(k);
        if (!all_italic(p))
            break;
        italic_words += words(p);
    }
    if (k > 0 && k <= lede_max_paragraphs && italic_words >= lede_min_words &&
        ends_sentence(tokens_text(paras.para(k - 1).toks)))
        return k;
    // 2. set larger than the body and than the paragraph after it
    if (end == 0 || paras.heading(0) || paras.font_size(0) < heading_size_ratio * body ||
        (end > 1 && paras.font_size(1) >= paras.font_size(0)))
        return 0;
    const Para first = paras.para(0);
    return words(first) >= lede_min_words && ends_sentence(tokens_text(first.toks)) ? 1 : 0;
}

bool take_provenance(const Para &para, core::Metadata &meta)
{
    const std::string text = tokens_text(para.toks);
    if (para.heading || !is_provenance_line(text) ||
        core::split_words(text).size() >= provenance_max_words)
        return false;
    meta.original_source = parse_provenance(text);
    for (const Tok &t : para.toks)
        if (meta.original_source.url.empty() && !t.uri.empty())
            meta.original_source.url = t.uri;
    return true;
}

bool is_ocr_noise(const Para &para)
{
    const core::TextStats st = core::text_stats(tokens_text(para.toks));
    return st.letters + st.digits == 0;
}

} // namespace colophon::layout
