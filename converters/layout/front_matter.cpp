#include "front_matter.h"

#include "core/bylines.h"
#include "core/dates.h"
#include "core/gcc_workarounds.h"
#include "core/text.h"
#include "dehyphenation.h"
#include "footnotes.h"

#include <algorithm>
#include <cmath>
#include <regex>
#include <utility>

namespace colophon::layout {

namespace {

// Size step over the body that makes the line under the title a subtitle on OCR pages.
constexpr double ocr_subtitle_ratio = 1.04;

bool is_series_line(const std::string& text)
{
    static const std::regex series(R"((\b(volume|vol\.|issue|no\.|number|nr\.)\s*\d+))", std::regex::icase);
    return std::regex_search(text, series) && core::split_words(text).size() <= 16;
}

bool is_date_line(const std::string& text, core::PublicationDate& out, const std::string& lang)
{
    if (core::split_words(text).size() > 10)
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
    const std::string low = core::to_lower(text.substr(0, std::min<std::size_t>(text.size(), 60)));
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

std::vector<core::Author> read_front_matter(const PageLines& page, double body, std::vector<Role>& role,
                                            core::Metadata& meta)
{
    std::vector<core::Author> authors_front;
    std::vector<std::pair<std::string, std::string>> author_marks; // name -> mark
    if (!page.lines.empty()) {
        const auto& lines = page.lines;
        const bool ocr_text = page.from_ocr;
        auto& r = role;
        const double h = page.height;
        // title: the largest text in the upper part of the page
        double max_size = 0;
        for (std::size_t i = 0; i < lines.size(); ++i)
            if (r[i] == Role::Body && lines[i].box.y0 < 0.5 * h && core::text_stats(lines[i].text()).letters >= 3)
                max_size = std::max(max_size, lines[i].size);
        std::size_t t0 = lines.size(), t1 = lines.size();
        if (max_size >= 1.15 * body) {
            for (std::size_t i = 0; i < lines.size(); ++i) {
                if (r[i] != Role::Body)
                    continue;
                if (std::abs(lines[i].size - max_size) < 0.6 && lines[i].box.y0 < 0.5 * h) {
                    if (t0 == lines.size())
                        t0 = i;
                    t1 = i + 1;
                } else if (t0 != lines.size()) {
                    break;
                }
            }
        }
        if (t0 < lines.size()) {
            std::string title;
            for (std::size_t i = t0; i < t1; ++i) {
                if (r[i] != Role::Body)
                    continue;
                COLOPHON_GCC12_RESTRICT_FALSE_POSITIVE_BEGIN // see core/gcc_workarounds.h
                title += (title.empty() ? "" : " ") + strip_sup_words(lines[i]);
                COLOPHON_GCC12_RESTRICT_FALSE_POSITIVE_END
                r[i] = Role::Front;
            }
            meta.title = core::clean_text(title);
            // lines before the title: kicker, series, date
            for (std::size_t i = 0; i < t0; ++i) {
                if (r[i] != Role::Body)
                    continue;
                const std::string text = lines[i].text();
                core::PublicationDate d;
                if (is_series_line(text) && meta.series.empty())
                    meta.series = core::clean_text(text);
                else if (meta.date.iso.empty() && is_date_line(text, d, meta.language))
                    meta.date = d;
                r[i] = Role::Front;
            }
            // lines after the title
            bool subtitle_open = true;
            for (std::size_t i = t1; i < lines.size(); ++i) {
                if (r[i] == Role::Furniture)
                    continue;
                if (r[i] != Role::Body)
                    break;
                const TextLine& l = lines[i];
                std::vector<std::pair<std::string, std::string>> marks;
                const std::string plain = core::clean_text(strip_sup_words(l, &marks));
                const std::string text = core::clean_text(l.text());
                core::PublicationDate d;
                const bool wide_body = l.size < 1.05 * body && l.box.width() > 0.8 * l.frame.width() && !l.italic &&
                                       core::split_words(text).size() > 12;
                if (wide_body && !core::has_byline_prefix(text))
                    break;
                // OCR sizes come from line heights and wander by a few percent, and OCR reports
                // no italics, so a line right under the title needs less of a size step there.
                const double subtitle_ratio = ocr_text && i == t1 ? ocr_subtitle_ratio : 1.08;
                if (subtitle_open && (l.size >= subtitle_ratio * body || (l.italic && i == t1)) &&
                    !core::has_byline_prefix(text) && !(ocr_text && core::parse_byline(plain, true).size() > 0)) {
                    meta.subtitle = core::clean_text(meta.subtitle + " " + plain);
                    r[i] = Role::Front;
                    continue;
                }
                subtitle_open = false;
                // "Jane Doe, Some Institute" / "Jane Doe | Some Institute" under the byline
                bool named = false;
                for (auto& a : authors_front) {
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
                if (named) {
                    r[i] = Role::Front;
                    continue;
                }
                const std::string label = note_start_label(l);
                if (!label.empty() && !author_marks.empty()) {
                    // "1 Some Institute": affiliation by mark
                    const std::string aff = core::clean_text(tokens_text([&] {
                        std::vector<Tok> t;
                        append_line(t, l, Vocabulary{}, 1);
                        return t;
                    }()));
                    for (auto& [name, mark] : author_marks)
                        for (auto& a : authors_front)
                            if (a.name == name && note_label_of(mark) == label && a.affiliation.empty())
                                a.affiliation = aff;
                    r[i] = Role::Front;
                    continue;
                }
                if (is_provenance_line(text)) {
                    meta.original_source = parse_provenance(text);
                    r[i] = Role::Front;
                    continue;
                }
                if (is_series_line(text) && !core::has_byline_prefix(text) && text.find('|') == std::string::npos) {
                    meta.series = text;
                    r[i] = Role::Front;
                    continue;
                }
                if (meta.date.iso.empty() && is_date_line(text, d, meta.language)) {
                    meta.date = d;
                    r[i] = Role::Front;
                    continue;
                }
                std::vector<core::Author> found = core::parse_byline(plain, ocr_text);
                if (found.empty() && authors_front.empty()) {
                    // "Name | Affiliation", "Name, Affiliation"
                    if (auto a = core::split_name_affiliation(plain, ocr_text))
                        found.push_back(std::move(*a));
                }
                if (!found.empty() && authors_front.empty()) {
                    // remember which mark follows which name
                    for (const auto& [before, mark] : marks) {
                        for (const auto& a : found)
                            if (core::clean_text(before).ends_with(a.name) || core::clean_text(before).ends_with(a.name + " ,") ||
                                core::clean_text(before).ends_with(a.name + ","))
                                author_marks.push_back({a.name, mark});
                    }
                    for (auto& a : found) {
                        if (!author_marks.empty())
                            a.affiliation.clear();
                        authors_front.push_back(a);
                    }
                    r[i] = Role::Front;
                    continue;
                }
                if (!authors_front.empty() && l.box.width() < 0.75 * l.frame.width() && !ends_sentence(text) &&
                    core::split_words(text).size() <= 12) {
                    // an affiliation line under the byline
                    for (auto& a : authors_front)
                        if (a.affiliation.empty())
                            a.affiliation = plain;
                    r[i] = Role::Front;
                    continue;
                }
                break;
            }
        }
    }
    return authors_front;
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
    if (para.heading || !is_provenance_line(text) || core::split_words(text).size() >= 40)
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
