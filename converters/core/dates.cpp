#include "dates.h"

#include "text.h"

#include <algorithm>
#include <cctype>
#include <cstdio>
#include <optional>
#include <vector>
#include <string>

namespace colophon::core {

namespace {

struct MonthName
{
    const char* name; // lower case, UTF-8
    int month;
};

// Full names and common abbreviations in the languages of the collections we archive.
constexpr MonthName month_names[] = {
    {"january", 1},   {"february", 2},   {"march", 3},     {"april", 4},     {"may", 5},
    {"june", 6},               {"july", 7},       {"august", 8},    {"september", 9}, {"october", 10},
    {"november", 11},          {"december", 12},  {"jan", 1},       {"feb", 2},       {"mar", 3},
    {"apr", 4},                {"jun", 6},        {"jul", 7},       {"aug", 8},       {"sep", 9},
    {"sept", 9},               {"oct", 10},       {"nov", 11},      {"dec", 12},
    // Russian (genitive and nominative)
    {"января", 1},             {"февраля", 2},    {"марта", 3},     {"апреля", 4},    {"мая", 5},
    {"июня", 6},               {"июля", 7},       {"августа", 8},   {"сентября", 9},  {"октября", 10},
    {"ноября", 11},            {"декабря", 12},   {"январь", 1},    {"февраль", 2},   {"март", 3},
    {"апрель", 4},             {"май", 5},        {"июнь", 6},      {"июль", 7},      {"август", 8},
    {"сентябрь", 9},           {"октябрь", 10},   {"ноябрь", 11},   {"декабрь", 12},
    // Belarusian (genitive)
    {"студзеня", 1},           {"лютага", 2},     {"сакавіка", 3},  {"красавіка", 4}, {"траўня", 5},
    {"чэрвеня", 6},            {"ліпеня", 7},     {"жніўня", 8},    {"верасня", 9},   {"кастрычніка", 10},
    {"лістапада", 11},         {"снежня", 12},
    // German, French, Spanish, Polish (the most frequent forms)
    {"januar", 1},             {"februar", 2},    {"märz", 3},      {"mai", 5},       {"juni", 6},
    {"juli", 7},               {"oktober", 10},   {"dezember", 12}, {"janvier", 1},   {"février", 2},
    {"mars", 3},               {"avril", 4},      {"juin", 6},      {"juillet", 7},   {"août", 8},
    {"septembre", 9},          {"octobre", 10},   {"novembre", 11}, {"décembre", 12}, {"enero", 1},
    {"febrero", 2},            {"marzo", 3},      {"abril", 4},     {"mayo", 5},      {"junio", 6},
    {"julio", 7},              {"agosto", 8},     {"septiembre", 9}, {"octubre", 10}, {"noviembre", 11},
    {"diciembre", 12},         {"stycznia", 1},   {"lutego", 2},    {"marca", 3},     {"kwietnia", 4},
    {"maja", 5},               {"czerwca", 6},    {"lipca", 7},     {"sierpnia", 8},  {"września", 9},
    {"października", 10},      {"listopada", 11}, {"grudnia", 12},
};

int month_from_name(std::string_view word)
{
    if (word.size() < 3 || word.size() > 24)
        return 0;
    const bool ascii = std::all_of(word.begin(), word.end(), [](char c) { return static_cast<unsigned char>(c) < 0x80; });
    std::string w;
    if (ascii) {
        w.resize(word.size());
        std::transform(word.begin(), word.end(), w.begin(), [](char c) { return static_cast<char>(std::tolower(static_cast<unsigned char>(c))); });
    } else {
        w = to_lower(word);
    }
    while (!w.empty() && (w.back() == '.' || w.back() == ','))
        w.pop_back();
    for (const MonthName& m : month_names) {
        if (w == m.name)
            return m.month;
    }
    return 0;
}

bool month_first_language(std::string_view language)
{
    const std::string lang = to_lower(language);
    return lang == "en" || lang == "en-us" || lang == "en_us" || lang.empty();
}

int days_in_month(int year, int month)
{
    static constexpr int days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (month == 2 && ((year % 4 == 0 && year % 100 != 0) || year % 400 == 0))
        return 29;
    return days[month - 1];
}

bool plausible(int year, int month, int day)
{
    if (year < 1800 || year > 2200 || month < 1 || month > 12)
        return false;
    return day == 0 || (day >= 1 && day <= days_in_month(year, month));
}

std::string iso(int year, int month, int day)
{
    char buf[48];
    if (month == 0)
        std::snprintf(buf, sizeof buf, "%04d", year);
    else if (day == 0)
        std::snprintf(buf, sizeof buf, "%04d-%02d", year, month);
    else
        std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", year, month, day);
    return buf;
}

struct Found
{
    std::string iso;
    std::size_t position = std::string::npos;
    std::size_t length = 0;
};

// A date is a short run of tokens; a small tokenizer is much faster than std::regex, and the
// HTML converter asks about many candidate strings per page.
struct Token
{
    enum Kind { Number, Word, Punct } kind;
    std::string_view text;
    std::size_t pos;
    bool space_before;
};

std::vector<Token> tokenize(std::string_view s)
{
    std::vector<Token> out;
    std::size_t i = 0;
    bool space = false;
    auto is_letter = [](unsigned char c) { return std::isalpha(c) || c >= 0x80; };
    while (i < s.size()) {
        const auto c = static_cast<unsigned char>(s[i]);
        if (c == ' ') {
            space = true;
            ++i;
            continue;
        }
        std::size_t j = i + 1;
        Token::Kind kind = Token::Punct;
        if (std::isdigit(c)) {
            kind = Token::Number;
            while (j < s.size() && std::isdigit(static_cast<unsigned char>(s[j])))
                ++j;
        } else if (is_letter(c)) {
            kind = Token::Word;
            while (j < s.size() && is_letter(static_cast<unsigned char>(s[j])))
                ++j;
        }
        out.push_back({kind, s.substr(i, j - i), i, space});
        space = false;
        i = j;
    }
    return out;
}

int number_of(const Token& t, std::size_t min_digits, std::size_t max_digits)
{
    if (t.kind != Token::Number || t.text.size() < min_digits || t.text.size() > max_digits)
        return -1;
    int v = 0;
    for (char c : t.text)
        v = v * 10 + (c - '0');
    return v;
}

bool is_ordinal_suffix(const Token& t)
{
    return t.kind == Token::Word && !t.space_before &&
           (t.text == "st" || t.text == "nd" || t.text == "rd" || t.text == "th");
}

bool is_punct(const Token& t, char c) { return t.kind == Token::Punct && t.text.size() == 1 && t.text[0] == c; }

std::optional<Found> search_all(const std::string& s, std::string_view language)
{
    const std::vector<Token> tokens = tokenize(s);
    const std::size_t n = tokens.size();
    std::optional<Found> month_year; // lowest precision, used only when nothing else matched
    auto found = [&](std::size_t first, std::size_t last, int y, int m, int d) -> std::optional<Found> {
        if (!plausible(y, m, d))
            return std::nullopt;
        const std::size_t end = tokens[last].pos + tokens[last].text.size();
        return Found{iso(y, m, d), tokens[first].pos, end - tokens[first].pos};
    };
    auto at = [&](std::size_t k) -> const Token* { return k < n ? &tokens[k] : nullptr; };

    for (std::size_t i = 0; i < n; ++i) {
        const Token& t = tokens[i];
        if (t.kind == Token::Number) {
            // ISO: 2023-03-16, 2023/03/16, 2023.03.16 (a time may follow)
            if (const int y = number_of(t, 4, 4); y >= 0 && at(i + 4)) {
                const Token &s1 = tokens[i + 1], &s2 = tokens[i + 3];
                if (s1.kind == Token::Punct && s1.text == s2.text && (is_punct(s1, '-') || is_punct(s1, '/') || is_punct(s1, '.'))) {
                    const int m = number_of(tokens[i + 2], 1, 2), d = number_of(tokens[i + 4], 1, 2);
                    if (m > 0 && d > 0)
                        if (auto f = found(i, i + 4, y, m, d))
                            return f;
                }
            }
            // Year first with the month's name: 2023 Jan 7, 2023, January 7th
            if (const int y = number_of(t, 4, 4); y >= 0) {
                std::size_t k = i + 1;
                if (at(k) && is_punct(tokens[k], ','))
                    ++k;
                if (at(k) && tokens[k].kind == Token::Word)
                    if (const int m = month_from_name(tokens[k].text); m > 0) {
                        std::size_t d = k + 1;
                        if (at(d) && is_punct(tokens[d], '.'))
                            ++d;
                        if (at(d) && number_of(tokens[d], 1, 2) > 0)
                            if (auto f = found(i, d, y, m, number_of(tokens[d], 1, 2)))
                                return f;
                    }
            }
            const int a = number_of(t, 1, 2);
            if (a < 0)
                continue;
            // Numeric: 16.03.2023, 16/03/2023, 03/16/2023, 16-03-2023
            if (at(i + 4)) {
                const Token &s1 = tokens[i + 1], &s2 = tokens[i + 3];
                const int b = number_of(tokens[i + 2], 1, 2), y = number_of(tokens[i + 4], 4, 4);
                if (b >= 0 && y >= 0 && s1.kind == Token::Punct && s1.text == s2.text &&
                    (is_punct(s1, '.') || is_punct(s1, '/') || is_punct(s1, '-'))) {
                    int day = a, month = b;
                    if (a <= 12 && b > 12)
                        day = b, month = a;
                    else if (a <= 12 && b <= 12 && is_punct(s1, '/') && month_first_language(language))
                        day = b, month = a; // US convention: 03/04/2023 is March 4
                    if (auto f = found(i, i + 4, y, month, day))
                        return f;
                }
            }
            // Day first: 16 March 2023 / 16. März 2023 / 16th of March, 2023 / 16 марта 2023
            std::size_t k = i + 1;
            if (at(k) && is_ordinal_suffix(tokens[k]))
                ++k;
            if (at(k) && is_punct(tokens[k], '.'))
                ++k;
            if (at(k) && tokens[k].kind == Token::Word && tokens[k].text == "of")
                ++k;
            if (at(k) && tokens[k].kind == Token::Word) {
                if (const int m = month_from_name(tokens[k].text); m > 0) {
                    std::size_t y = k + 1;
                    if (at(y) && is_punct(tokens[y], '.'))
                        ++y;
                    if (at(y) && is_punct(tokens[y], ','))
                        ++y;
                    if (at(y) && number_of(tokens[y], 4, 4) >= 0)
                        if (auto f = found(i, y, number_of(tokens[y], 4, 4), m, a))
                            return f;
                }
            }
        } else if (t.kind == Token::Word) {
            const int m = month_from_name(t.text);
            if (m == 0)
                continue;
            // Month first: March 16, 2023 / Mar. 16th 2023; or month and year: March 2023
            std::size_t k = i + 1;
            if (at(k) && is_punct(tokens[k], '.'))
                ++k;
            if (at(k) && number_of(tokens[k], 1, 2) > 0) {
                const int d = number_of(tokens[k], 1, 2);
                std::size_t y = k + 1;
                if (at(y) && is_ordinal_suffix(tokens[y]))
                    ++y;
                if (at(y) && is_punct(tokens[y], ','))
                    ++y;
                if (at(y) && number_of(tokens[y], 4, 4) >= 0)
                    if (auto f = found(i, y, number_of(tokens[y], 4, 4), m, d))
                        return f;
            }
            std::size_t y = k;
            if (at(y) && is_punct(tokens[y], ','))
                ++y;
            if (!month_year && at(y) && number_of(tokens[y], 4, 4) >= 0)
                month_year = found(i, y, number_of(tokens[y], 4, 4), m, 0);
        }
    }
    return month_year;
}

} // namespace

std::optional<PublicationDate> find_date(std::string_view text, std::string_view language)
{
    // Regexes over very long strings are slow and never needed: dates sit in short lines.
    const std::string s = clean_text(text.substr(0, 400));
    if (s.empty())
        return std::nullopt;
    const auto found = search_all(s, language);
    if (!found)
        return std::nullopt;
    return PublicationDate{found->iso, s.substr(found->position, found->length)};
}

std::optional<PublicationDate> parse_date(std::string_view text, std::string_view language)
{
    const std::string s = clean_text(text.substr(0, 400));
    if (s.empty() || s.size() > 80)
        return std::nullopt;
    const auto found = search_all(s, language);
    if (!found)
        return std::nullopt;
    // Most of the text must be the date itself; "Updated 3 times since 2019" is not a date. A
    // timestamp is: its time, fractions and offset follow the day
    // ("2025-09-09T13:00:54.304727-04:00").
    const bool timestamp =
        found->position == 0 && found->length < s.size() && s[found->length] == 'T';
    if (found->length * 2 < s.size() && s.size() > 30 && !timestamp)
        return std::nullopt;
    return PublicationDate{found->iso, s};
}

} // namespace colophon::core
