#include "dates.h"

#include "text.h"

#include <array>
#include <cctype>
#include <cstdio>
#include <regex>
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
    std::string w = to_lower(word);
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

// Any run of non-space, non-digit characters; month_from_name() decides whether it is a month.
const std::string month_word = R"(([^\s\d,]+))";

std::optional<Found> search_all(const std::string& s, std::string_view language)
{
    std::optional<Found> best;
    auto consider = [&](std::size_t pos, std::size_t len, int y, int m, int d) {
        if (!plausible(y, m, d))
            return;
        if (!best || pos < best->position)
            best = Found{iso(y, m, d), pos, len};
    };
    std::smatch mt;

    // ISO 8601: 2023-03-16, 2023-03-16T10:00:00+02:00, 2023/03/16
    static const std::regex iso_re(R"((\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?!\d))");
    if (std::regex_search(s, mt, iso_re))
        consider(static_cast<std::size_t>(mt.position(0)), static_cast<std::size_t>(mt.length(0)),
                 std::stoi(mt[1]), std::stoi(mt[2]), std::stoi(mt[3]));

    // Numeric day-month order: 16.03.2023, 16/03/2023, 03/16/2023, 16-03-2023
    static const std::regex num_re(R"((?:^|[^\d])(\d{1,2})([./-])(\d{1,2})\2(\d{4})(?!\d))");
    if (std::regex_search(s, mt, num_re)) {
        const int a = std::stoi(mt[1]), b = std::stoi(mt[3]), y = std::stoi(mt[4]);
        int day = a, month = b;
        if (a > 12)
            day = a, month = b;
        else if (b > 12)
            day = b, month = a;
        else if (mt[2] == "/" && month_first_language(language))
            day = b, month = a; // US convention: 03/04/2023 is March 4
        const auto start = static_cast<std::size_t>(mt.position(1));
        consider(start, static_cast<std::size_t>(mt.position(0) + mt.length(0)) - start, y, month, day);
    }

    // Month name first: March 16, 2023 / Mar. 16th 2023 / March 2023
    static const std::regex mdy_re(month_word + R"(\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})(?!\d))");
    for (auto it = std::sregex_iterator(s.begin(), s.end(), mdy_re); it != std::sregex_iterator(); ++it) {
        const int m = month_from_name((*it)[1].str());
        if (m) {
            consider(static_cast<std::size_t>(it->position(0)), static_cast<std::size_t>(it->length(0)),
                     std::stoi((*it)[3]), m, std::stoi((*it)[2]));
            break;
        }
    }
    // Day first: 16 March 2023 / 16. März 2023 / 16th of March, 2023 / 16 марта 2023 г.
    static const std::regex dmy_re(R"((\d{1,2})(?:st|nd|rd|th)?\.?\s+(?:of\s+)?)" + month_word + R"(,?\s+(\d{4})(?!\d))");
    for (auto it = std::sregex_iterator(s.begin(), s.end(), dmy_re); it != std::sregex_iterator(); ++it) {
        const int m = month_from_name((*it)[2].str());
        if (m) {
            consider(static_cast<std::size_t>(it->position(0)), static_cast<std::size_t>(it->length(0)),
                     std::stoi((*it)[3]), m, std::stoi((*it)[1]));
            break;
        }
    }
    // Month and year only: March 2023 (lower precision, used only when nothing else matched).
    if (!best) {
        static const std::regex my_re(month_word + R"(,?\s+(\d{4})(?!\d))");
        for (auto it = std::sregex_iterator(s.begin(), s.end(), my_re); it != std::sregex_iterator(); ++it) {
            const int m = month_from_name((*it)[1].str());
            if (m) {
                consider(static_cast<std::size_t>(it->position(0)), static_cast<std::size_t>(it->length(0)),
                         std::stoi((*it)[2]), m, 0);
                break;
            }
        }
    }
    return best;
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
    // Most of the text must be the date itself; "Updated 3 times since 2019" is not a date.
    if (found->length * 2 < s.size() && s.size() > 30)
        return std::nullopt;
    return PublicationDate{found->iso, s};
}

} // namespace colophon::core
