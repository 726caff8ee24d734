#include "front_matter.h"

#include "core/bylines.h"
#include "core/dates.h"
#include "core/text.h"
#include "dehyphenation.h"
#include "footnotes.h"

#include <algorithm>
#include <cmath>
#include <regex>
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
// An affiliation under the byline is a short line that does not end a sentence.
constexpr double affiliation_max_width = 0.75;
constexpr std::size_t affiliation_max_words = 12;

// Size step over the body that makes the line under the title a subtitle on OCR pages.
constexpr double ocr_subtitle_ratio = 1.04;
// A series line ("Volume 20, Issue 45") and a date line are short; a sentence that mentions
// an issue or a date is not front matter.
constexpr std::size_t series_max_words = 16;
constexpr std::size_t date_line_max_words = 10;
// "Originally published in ..." opens its line; a paragraph this long that starts so is text.
constexpr std::size_t provenance_prefix_chars = 60;
constexpr std::size_t provenance_max_words = 40;

bool is_series_line(const std::string& text)
{
    static const std::regex series(R"((\b(volume|vol\.|issue|no\.|number|nr\.)\s*\d+))", std::regex::icase);
    return std::regex_search(text, series) && core::split_words(text).size() <= series_max_words;
}

bool is_date_line(const std::string& text, core::PublicationDate& out, const std::string& lang)
{
    if (core::split_words(text).size() > date_line_max_words)
        return false;
    if (auto d = core::parse_date(text, lang)) {
        out = *d;
        return true;
    }
    if (auto d = core::find_date(text, lang)) {
        out = *d;
        return true;
    }
    return false;
}

std::string strip_sup_words(const TextLine& l, std::vector<std::pair<std::string, std::string>>* marks_after = nullptr)
{
    std::string s;
    std::string last_word;
    for (const LineWord& w : l.words) {
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

} // namespace

bool is_provenance_line(const std::string& text)
{
    const std::string low = core::to_lower(text.substr(0, std::min(text.size(), provenance_prefix_chars)));
    return low.starts_with("originally published") || low.starts_with("first published") ||
           low.starts_with("this article was originally") || low.starts_with("this article first appeared") ||
           low.starts_with("reprinted from");
}

core::OriginalSource parse_provenance(const std::string& text)
{
    core::OriginalSource src;
    src.text = core::clean_text(text);
    static const std::regex in_rx(R"(\b(?:in|by|on)\s+(?:the\s+)?(.+?)(?:\s+on\s+.*|\s*,.*|\.?\s*)$)", std::regex::icase);
    std::smatch m;
    if (std::regex_search(src.text, m, in_rx))
        src.title = core::clean_text(m[1].str());
    static const std::regex url_rx(R"((https?://\S+))");
    if (std::regex_search(src.text, m, url_rx))
        src.url = strip_trailing_punct(m[1].str());
    return src;
}

std::vector<core::Author> parse_bio(const std::string& text, bool ocr_text)
{
    std::vector<core::Author> out;
    static const std::regex sentence(R"(([^.]*?(?:\.[^ ][^.]*?)*)\.(?:\s+|$))");
    std::string rest = core::clean_text(text);
    if (ocr_text) {
        // OCR drops the space after a stray dot or comma between words ("fellow.at the").
        for (std::size_t i = 1; i + 1 < rest.size(); ++i)
            if ((rest[i] == '.' || rest[i] == ',') && rest[i - 1] >= 'a' && rest[i - 1] <= 'z' && rest[i + 1] >= 'a' &&
                rest[i + 1] <= 'z')
                rest[i] = ' ';
    }
    // split into sentences at ". " followed by an upper-case letter
    std::vector<std::string> sentences;
    std::size_t start = 0;
    for (std::size_t i = 0; i + 1 < rest.size(); ++i) {
        // OCR may read the next sentence's capital I as l ("Institute. lsabel Marquez is")
        const bool ocr_capital = ocr_text && i + 3 < rest.size() && rest[i + 2] == 'l' && rest[i + 3] >= 'a' && rest[i + 3] <= 'z';
        if (rest[i] == '.' && rest[i + 1] == ' ' && i + 2 < rest.size() &&
            (starts_upper(std::string_view(rest).substr(i + 2)) || ocr_capital)) {
            sentences.push_back(rest.substr(start, i - start));
            start = i + 2;
        }
    }
    sentences.push_back(rest.substr(start));
    for (std::string s : sentences) {
        s = core::clean_text(s);
        if (!s.empty() && s.back() == '.')
            s.pop_back();
        const auto is_pos = s.find(" is ");
        if (is_pos == std::string::npos)
            return {};
        std::string name = s.substr(0, is_pos);
        if (!core::looks_like_person_name(name)) {
            if (!ocr_text || !core::looks_like_person_name(core::repair_ocr_name(name)))
                return {};
            name = core::repair_ocr_name(name);
        }
        core::Author a;
        a.name = name;
        for (std::string_view prep : {" at ", " of ", " with "}) {
            const auto p = s.rfind(prep);
            if (p != std::string::npos && p > is_pos) {
                a.affiliation = core::clean_text(s.substr(p + prep.size()));
                break;
            }
        }
        out.push_back(std::move(a));
    }
    return out;
}

namespace {

// What one line under the title turned out to be.
enum class Verdict { Taken, Skipped, End };

// Reads the first page from the top down into `meta` and the byline's authors, marking the
// lines it uses as Role::Front.
class FrontMatterReader
{
  public:
    FrontMatterReader(const PageLines& page, double body, std::vector<Role>& role, core::Metadata& meta)
        : page_(page), lines_(page.lines), body_(body), role_(role), meta_(meta)
    {
    }

    std::vector<core::Author> read()
    {
        // 1. the title: the largest text in the upper half
        const auto [t0, t1] = find_title();
        if (t0 >= lines_.size())
            return {};
        take_title(t0, t1);
        // 2. kicker, series and date above it
        for (std::size_t i = 0; i < t0; ++i)
            read_line_above_title(i);
        // 3. subtitle, bylines, affiliations, provenance, series and date below it
        for (std::size_t i = t1; i < lines_.size(); ++i)
            if (read_line_below_title(i, t1) == Verdict::End)
                break;
        return std::move(authors_);
    }

  private:
    // [first, last) of the title's lines; first == lines.size() when the page has none.
    std::pair<std::size_t, std::size_t> find_title() const;
    void take_title(std::size_t t0, std::size_t t1);
    void read_line_above_title(std::size_t i);
    Verdict read_line_below_title(std::size_t i, std::size_t t1);

    // Each rule takes line i (returns true and marks it Front) or leaves it.
    bool take_subtitle(std::size_t i, std::size_t t1, const std::string& plain, const std::string& text);
    bool take_name_affiliation(const std::string& plain);
    bool take_numbered_affiliation(const TextLine& l);
    bool take_provenance_line(const std::string& text);
    bool take_series_line(const std::string& text);
    bool take_date_line(const std::string& text);
    bool take_byline(const std::string& plain, const std::vector<std::pair<std::string, std::string>>& marks);
    bool take_affiliation_line(const TextLine& l, const std::string& plain, const std::string& text);
    bool is_wide_body_line(const TextLine& l, const std::string& text) const;

    const PageLines& page_;
    const std::vector<TextLine>& lines_;
    const double body_;
    std::vector<Role>& role_;
    core::Metadata& meta_;
    std::vector<core::Author> authors_;
    std::vector<std::pair<std::string, std::string>> author_marks_; // name -> mark
    bool subtitle_open_ = true;
};

std::pair<std::size_t, std::size_t> FrontMatterReader::find_title() const
{
    const double zone = title_zone_fraction * page_.height;
    double max_size = 0;
    for (std::size_t i = 0; i < lines_.size(); ++i)
        if (role_[i] == Role::Body && lines_[i].box.y0 < zone && core::text_stats(lines_[i].text()).letters >= title_min_letters)
            max_size = std::max(max_size, lines_[i].size);
    std::size_t t0 = lines_.size(), t1 = lines_.size();
    if (max_size < title_size_ratio * body_)
        return {t0, t1};
    for (std::size_t i = 0; i < lines_.size(); ++i) {
        if (role_[i] != Role::Body)
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
        title += (title.empty() ? "" : " ") + strip_sup_words(lines_[i]);
        role_[i] = Role::Front;
    }
    meta_.title = core::clean_text(title);
}

void FrontMatterReader::read_line_above_title(std::size_t i)
{
    if (role_[i] != Role::Body)
        return;
    const std::string text = lines_[i].text();
    core::PublicationDate d;
    if (is_series_line(text) && meta_.series.empty())
        meta_.series = core::clean_text(text);
    else if (meta_.date.iso.empty() && is_date_line(text, d, meta_.language))
        meta_.date = d;
    role_[i] = Role::Front;
}

Verdict FrontMatterReader::read_line_below_title(std::size_t i, std::size_t t1)
{
    if (role_[i] == Role::Furniture)
        return Verdict::Skipped;
    if (role_[i] != Role::Body)
        return Verdict::End;
    const TextLine& l = lines_[i];
    std::vector<std::pair<std::string, std::string>> marks;
    const std::string plain = core::clean_text(strip_sup_words(l, &marks));
    const std::string text = core::clean_text(l.text());
    if (is_wide_body_line(l, text) && !core::has_byline_prefix(text))
        return Verdict::End;
    // 1. the subtitle, while nothing else has come between it and the title
    bool taken = take_subtitle(i, t1, plain, text);
    subtitle_open_ = subtitle_open_ && taken;
    // 2. everything else the front matter holds, in this order
    taken = taken || take_name_affiliation(plain) || take_numbered_affiliation(l) || take_provenance_line(text) ||
            take_series_line(text) || take_date_line(text) || take_byline(plain, marks) ||
            take_affiliation_line(l, plain, text);
    if (!taken)
        return Verdict::End;
    role_[i] = Role::Front;
    return Verdict::Taken;
}

bool FrontMatterReader::is_wide_body_line(const TextLine& l, const std::string& text) const
{
    return l.size < wide_body_size_ratio * body_ && l.box.width() > wide_body_width * l.frame.width() && !l.italic &&
           core::split_words(text).size() > wide_body_words;
}

bool FrontMatterReader::take_subtitle(std::size_t i, std::size_t t1, const std::string& plain, const std::string& text)
{
    // OCR sizes come from line heights and wander by a few percent, and OCR reports no
    // italics, so a line right under the title needs less of a size step there.
    const bool ocr_text = page_.from_ocr;
    const TextLine& l = lines_[i];
    const double ratio = ocr_text && i == t1 ? ocr_subtitle_ratio : subtitle_ratio;
    if (!subtitle_open_ || !(l.size >= ratio * body_ || (l.italic && i == t1)) || core::has_byline_prefix(text) ||
        (ocr_text && !core::parse_byline(plain, true).empty()))
        return false;
    meta_.subtitle = core::clean_text(meta_.subtitle + " " + plain);
    return true;
}

// "Jane Doe, Some Institute" / "Jane Doe | Some Institute" under the byline.
bool FrontMatterReader::take_name_affiliation(const std::string& plain)
{
    bool named = false;
    for (auto& a : authors_) {
        if (a.affiliation.empty() && plain.size() > a.name.size() + 2 && plain.starts_with(a.name)) {
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
bool FrontMatterReader::take_numbered_affiliation(const TextLine& l)
{
    const std::string label = note_start_label(l);
    if (label.empty() || author_marks_.empty())
        return false;
    std::vector<Tok> toks;
    append_line(toks, l, Vocabulary{}, 1);
    const std::string aff = core::clean_text(tokens_text(toks));
    for (auto& [name, mark] : author_marks_)
        for (auto& a : authors_)
            if (a.name == name && note_label_of(mark) == label && a.affiliation.empty())
                a.affiliation = aff;
    return true;
}

bool FrontMatterReader::take_provenance_line(const std::string& text)
{
    if (!is_provenance_line(text))
        return false;
    meta_.original_source = parse_provenance(text);
    return true;
}

bool FrontMatterReader::take_series_line(const std::string& text)
{
    if (!is_series_line(text) || core::has_byline_prefix(text) || text.find('|') != std::string::npos)
        return false;
    meta_.series = text;
    return true;
}

bool FrontMatterReader::take_date_line(const std::string& text)
{
    core::PublicationDate d;
    if (!meta_.date.iso.empty() || !is_date_line(text, d, meta_.language))
        return false;
    meta_.date = d;
    return true;
}

// The byline: "By A and B", "A, B and C", or (before any author) "Name | Affiliation". Remembers
// which superscript mark follows which name for the numbered affiliations below it.
bool FrontMatterReader::take_byline(const std::string& plain, const std::vector<std::pair<std::string, std::string>>& marks)
{
    if (!authors_.empty())
        return false;
    const bool ocr_text = page_.from_ocr;
    std::vector<core::Author> found = core::parse_byline(plain, ocr_text);
    if (found.empty())
        if (auto a = core::split_name_affiliation(plain, ocr_text))
            found.push_back(std::move(*a));
    if (found.empty())
        return false;
    for (const auto& [before, mark] : marks) {
        const std::string b = core::clean_text(before);
        for (const auto& a : found)
            if (b.ends_with(a.name) || b.ends_with(a.name + " ,") || b.ends_with(a.name + ","))
                author_marks_.push_back({a.name, mark});
    }
    for (auto& a : found) {
        if (!author_marks_.empty())
            a.affiliation.clear();
        authors_.push_back(a);
    }
    return true;
}

// An affiliation line under the byline: short, not a sentence.
bool FrontMatterReader::take_affiliation_line(const TextLine& l, const std::string& plain, const std::string& text)
{
    if (authors_.empty() || l.box.width() >= affiliation_max_width * l.frame.width() || ends_sentence(text) ||
        core::split_words(text).size() > affiliation_max_words)
        return false;
    for (auto& a : authors_)
        if (a.affiliation.empty())
            a.affiliation = plain;
    return true;
}

} // namespace

std::vector<core::Author> read_front_matter(const PageLines& page, double body, std::vector<Role>& role,
                                            core::Metadata& meta)
{
    if (page.lines.empty())
        return {};
    return FrontMatterReader(page, body, role, meta).read();
}

bool take_author_note(const Para& para, std::vector<core::Author>& authors_front, bool ocr_text)
{
    if (para.heading)
        return false;
    const auto bio = parse_bio(tokens_text(para.toks), ocr_text);
    if (bio.empty())
        return false;
    if (authors_front.empty()) {
        authors_front = bio;
    } else {
        for (auto& a : authors_front)
            for (const auto& b : bio)
                if (a.name == b.name && a.affiliation.empty())
                    a.affiliation = b.affiliation;
    }
    return true;
}

bool take_provenance(const Para& para, core::Metadata& meta)
{
    const std::string text = tokens_text(para.toks);
    if (para.heading || !is_provenance_line(text) || core::split_words(text).size() >= provenance_max_words)
        return false;
    meta.original_source = parse_provenance(text);
    return true;
}

bool is_ocr_noise(const Para& para)
{
    const core::TextStats st = core::text_stats(tokens_text(para.toks));
    return st.letters + st.digits == 0;
}

} // namespace colophon::layout
