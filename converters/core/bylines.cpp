#include "bylines.h"

#include "text.h"

#include <unicode/uchar.h>
#include <unicode/unistr.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <string>

namespace colophon::core {

namespace {

constexpr std::array byline_prefixes{
    "by ", "written by ", "words by ", "author: ", "authors: ", "author ", "автор: ", "авторы: ",
    "автор ", "аўтар: ", "von ", "par ", "por ",
};

// A word of a name ending in a full stop is an initial or an abbreviation ("J.", "Md.", "Jr.")
// up to this many bytes with its stop; OCR puts specks after longer ones.
constexpr std::size_t ocr_abbreviation_max_bytes = 3;

constexpr std::array name_particles{
    "van", "von", "der", "den", "de", "del", "della", "di", "da", "du", "la", "le", "bin", "ibn", "al", "el", "y",
};

bool is_particle(const std::string& lower_word)
{
    for (const char* p : name_particles) {
        if (lower_word == p)
            return true;
    }
    return lower_word.starts_with("al-") || lower_word.starts_with("el-");
}

// Removes a leading byline word ("By ") and returns the rest.
std::string_view strip_prefix(std::string_view text)
{
    const std::string lower = to_lower(text.substr(0, 40));
    for (const char* p : byline_prefixes) {
        const std::string_view prefix(p);
        if (lower.starts_with(prefix)) {
            // Lower-casing keeps byte lengths for these prefixes (ASCII and two-byte Cyrillic).
            return trim(text.substr(prefix.size()));
        }
    }
    return text;
}

std::vector<std::string> split_names(std::string_view list)
{
    // Normalise the conjunctions to commas, then split.
    std::string s(list);
    for (std::string_view conj : {" and ", " & ", " и ", " і ", " und ", " et ", " y ", "; "}) {
        std::size_t pos = 0;
        while ((pos = s.find(conj, pos)) != std::string::npos) {
            s.replace(pos, conj.size(), ", ");
            pos += 2;
        }
    }
    std::vector<std::string> out;
    std::size_t start = 0;
    while (start <= s.size()) {
        auto end = s.find(',', start);
        if (end == std::string::npos)
            end = s.size();
        std::string part = clean_text(std::string_view(s).substr(start, end - start));
        if (!part.empty())
            out.push_back(std::move(part));
        start = end + 1;
    }
    return out;
}

// The name as it should be recorded, when `text` reads as a person's name (after OCR repair
// for OCR text).
std::optional<std::string> person_name(std::string_view text, bool ocr_text)
{
    std::string name = clean_text(text);
    if (ocr_text) {
        std::string repaired = repair_ocr_name(name);
        if (looks_like_person_name(repaired))
            return repaired;
    }
    if (looks_like_person_name(name))
        return name;
    return std::nullopt;
}

// What follows a name as its affiliation: an organisation's name, capitalised, short, no
// sentence and no digits (a date or a phone number is not an affiliation).
bool looks_like_affiliation(const std::string& text)
{
    const std::vector<std::string> words = split_words(text);
    if (words.empty() || words.size() > 12 || text.back() == '.' || text.back() == ':')
        return false;
    const icu::UnicodeString first = icu::UnicodeString::fromUTF8(words.front());
    if (!u_isupper(first.char32At(0)))
        return false;
    for (const std::string& w : words) {
        const icu::UnicodeString u = icu::UnicodeString::fromUTF8(w);
        for (int32_t i = 0; i < u.length(); ++i)
            if (u_isdigit(u.char32At(i)) || u.char32At(i) == '@' || u.char32At(i) == '|')
                return false;
    }
    return true;
}

// A byline block often runs on into the dateline ("By Jane Doe, IGN Staff Updated: 18 Nov 2019
// 9:38 pm"): what follows a dateline word is no part of the affiliation.
std::string cut_dateline(std::string affiliation)
{
    for (std::string_view marker : {"Updated", "Posted", "Published", "Last updated", "Modified"}) {
        std::size_t p = 0;
        while ((p = affiliation.find(marker, p)) != std::string::npos) {
            const bool word_start = p == 0 || affiliation[p - 1] == ' ';
            const std::size_t after = p + marker.size();
            const bool word_end = after == affiliation.size() || affiliation[after] == ' ' || affiliation[after] == ':';
            if (word_start && word_end) {
                affiliation.resize(p);
                break;
            }
            p = after;
        }
    }
    while (!affiliation.empty() && std::string_view(" ,;|-:").find(affiliation.back()) != std::string_view::npos)
        affiliation.pop_back();
    return affiliation;
}

} // namespace

std::string repair_ocr_name(std::string_view name)
{
    std::string out;
    const std::vector<std::string> words = split_words(clean_text(name));
    for (std::size_t k = 0; k < words.size(); ++k) {
        std::string w = words[k];
        const bool misread_capital = w.size() >= 2 && w[0] == 'l' && w[1] >= 'a' && w[1] <= 'z';
        if ((misread_capital && !is_particle(to_lower(w))) || w == "l.")
            w[0] = 'I';
        // a speck read as a full stop after a given name ("Ewa. Achterberg"); initials and
        // short abbreviations ("J.", "Md.", "St.") keep theirs
        if (k + 1 < words.size() && w.size() > ocr_abbreviation_max_bytes && w.back() == '.')
            w.pop_back();
        out += (out.empty() ? "" : " ") + w;
    }
    return out;
}

std::optional<Author> split_name_affiliation(std::string_view text, bool ocr_text)
{
    const std::string line = clean_text(text);
    for (std::string_view sep : {"|", ", ", " — ", " – "}) {
        const auto pos = line.find(sep);
        if (pos == std::string::npos)
            continue;
        // OCR puts specks beside a bar ("Jane Doe |. Some Institute"): punctuation after the
        // separator is not part of the organisation's name.
        std::string_view tail = std::string_view(line).substr(pos + sep.size());
        while (!tail.empty() && (tail.front() == ' ' || tail.front() == '.' || tail.front() == ',' ||
                                 tail.front() == ':' || tail.front() == '|'))
            tail.remove_prefix(1);
        const std::string affiliation = clean_text(tail);
        if (!looks_like_affiliation(affiliation))
            continue;
        if (auto name = person_name(std::string_view(line).substr(0, pos), ocr_text))
            return Author{*name, affiliation, {}};
    }
    return std::nullopt;
}

bool has_byline_prefix(std::string_view text)
{
    return strip_prefix(trim(text)).size() != trim(text).size();
}

bool looks_like_person_name(std::string_view text)
{
    const std::string cleaned = clean_text(text);
    if (cleaned.size() < 4 || cleaned.size() > 60)
        return false;
    const std::vector<std::string> words = split_words(cleaned);
    if (words.size() < 2 || words.size() > 5)
        return false;
    int capitalised = 0;
    for (const std::string& w : words) {
        const icu::UnicodeString u = icu::UnicodeString::fromUTF8(w);
        bool has_letter = false;
        for (int32_t i = 0; i < u.length(); ++i) {
            const UChar32 c = u.char32At(i);
            if (u_isdigit(c) || c == '@' || c == '/' || c == ':' || c == '!' || c == '?' || c == '|')
                return false;
            has_letter = has_letter || u_isalpha(c);
        }
        if (!has_letter)
            return false;
        const std::string lower = to_lower(w);
        if (is_particle(lower))
            continue;
        if (u_isupper(u.char32At(0)) || u_istitle(u.char32At(0)))
            ++capitalised;
        else
            return false;
    }
    return capitalised >= 2;
}

std::vector<Author> parse_byline(std::string_view text) { return parse_byline(text, false); }

std::vector<Author> parse_byline(std::string_view text, bool ocr_text)
{
    std::string line = clean_text(text);
    std::string_view rest = strip_prefix(line);
    const bool prefixed = rest.size() != line.size();
    std::vector<Author> authors;

    // "Name | Affiliation" and "Name — Affiliation"
    for (std::string_view sep : {" | ", " — ", " – "}) {
        const auto pos = rest.find(sep);
        if (pos != std::string_view::npos) {
            if (const auto name = person_name(rest.substr(0, pos), ocr_text)) {
                authors.push_back({*name, cut_dateline(clean_text(rest.substr(pos + sep.size()))), {}});
                return authors;
            }
        }
    }
    // "Name (Affiliation)"
    if (const auto open = rest.find(" ("); open != std::string_view::npos && rest.back() == ')') {
        if (const auto name = person_name(rest.substr(0, open), ocr_text)) {
            authors.push_back({*name, clean_text(rest.substr(open + 2, rest.size() - open - 3)), {}});
            return authors;
        }
    }
    for (const std::string& part : split_names(rest)) {
        if (const auto name = person_name(part, ocr_text)) {
            authors.push_back({*name, {}, {}});
        } else if (!authors.empty() && !prefixed) {
            // "Jane Doe, Senior Fellow" without a "By": the rest is an affiliation, not a name.
            return {};
        } else if (!authors.empty()) {
            // "By Jane Doe, Senior Fellow at X": attach the tail to the last author.
            Author& last = authors.back();
            last.affiliation += (last.affiliation.empty() ? "" : ", ") + part;
        } else {
            return {};
        }
    }
    for (Author& a : authors)
        a.affiliation = cut_dateline(std::move(a.affiliation));
    return authors;
}

std::optional<IntroducedSubject> introduced_subject(std::string_view text)
{
    const std::string t = clean_text(text);
    // the first sentence: up to ". " before a capital, or the whole text
    std::size_t end = t.size();
    for (std::size_t i = 0; i + 2 < t.size(); ++i)
        if (t[i] == '.' && t[i + 1] == ' ' && std::isupper(static_cast<unsigned char>(t[i + 2]))) {
            end = i;
            break;
        }
    std::string_view first = std::string_view(t).substr(0, end);
    if (!first.empty() && first.back() == '.')
        first.remove_suffix(1);
    std::size_t verb = std::string_view::npos, verb_len = 0;
    for (std::string_view v : {" is ", " was "}) {
        const auto p = first.find(v);
        if (p != std::string_view::npos && p < verb) {
            verb = p;
            verb_len = v.size();
        }
    }
    if (verb == std::string_view::npos || verb == 0)
        return std::nullopt;
    std::string_view subject = first.substr(0, verb);
    // "Jeff Foust (jeff@example.org) is": the parenthesis is contact detail, not the name
    if (const auto open = subject.find(" ("); open != std::string_view::npos && subject.back() == ')')
        subject = subject.substr(0, open);
    const std::vector<std::string> words = split_words(subject);
    if (words.empty() || words.size() > 6)
        return std::nullopt;
    // pronouns and determiners start sentences about anything ("It is", "The plan is")
    static constexpr std::array function_words{"it",   "this", "that", "there", "here", "he",    "she",
                                               "they", "we",   "i",    "you",   "the",  "a",     "an",
                                               "these", "those", "what", "which", "who", "such", "our"};
    const std::string head = to_lower(words.front());
    if (std::find(function_words.begin(), function_words.end(), head) != function_words.end())
        return std::nullopt;
    for (const std::string& w : words) {
        const icu::UnicodeString u = icu::UnicodeString::fromUTF8(w);
        const UChar32 c = u.char32At(0);
        if (!(u_isupper(c) || u_istitle(c) || u_isdigit(c)) && !is_particle(to_lower(w)))
            return std::nullopt;
    }
    IntroducedSubject out;
    out.subject = std::string(subject);
    const std::string_view predicate = first.substr(verb + verb_len);
    for (std::string_view prep : {" at ", " of ", " with "}) {
        const auto p = predicate.rfind(prep);
        if (p == std::string_view::npos)
            continue;
        const std::string aff = clean_text(predicate.substr(p + prep.size()));
        if (!aff.empty() && aff.size() <= 100 && split_words(aff).size() <= 12)
            out.affiliation = aff;
        break;
    }
    return out;
}

} // namespace colophon::core
