#include "ocr/ocr_languages.h"

#include <unicode/uscript.h>

#include <algorithm>
#include <array>
#include <filesystem>
#include <utility>
#include <vector>

namespace colophon::ocr {

namespace {

bool installed(const std::string& pack, const std::string& tessdata_dir)
{
    std::error_code ec;
    return std::filesystem::is_regular_file(std::filesystem::path(tessdata_dir) / (pack + ".traineddata"), ec);
}

std::vector<std::string> split(std::string_view langs)
{
    std::vector<std::string> out;
    while (!langs.empty()) {
        const auto plus = langs.find('+');
        if (plus != 0)
            out.emplace_back(langs.substr(0, plus));
        langs = plus == std::string_view::npos ? std::string_view() : langs.substr(plus + 1);
    }
    return out;
}

} // namespace

std::string pack_for_script(int script, bool kana)
{
    // One row per script colophon reads; Latin is English, the language of most Latin pages in
    // the catalogues it is for (other Latin packs read English words badly, eng reads theirs well).
    static const std::array<std::pair<int, const char*>, 14> table{{
        {USCRIPT_LATIN, "eng"},        {USCRIPT_CYRILLIC, "rus"},  {USCRIPT_GREEK, "ell"},
        {USCRIPT_HAN, "chi_sim"},      {USCRIPT_HIRAGANA, "jpn"},  {USCRIPT_KATAKANA, "jpn"},
        {USCRIPT_HANGUL, "kor"},       {USCRIPT_HEBREW, "heb"},    {USCRIPT_ARABIC, "ara"},
        {USCRIPT_DEVANAGARI, "hin"},   {USCRIPT_THAI, "tha"},      {USCRIPT_ARMENIAN, "hye"},
        {USCRIPT_GEORGIAN, "kat"},     {USCRIPT_BENGALI, "ben"},
    }};
    if (script == USCRIPT_HAN && kana)
        return "jpn";
    for (const auto& [s, pack] : table)
        if (s == script)
            return pack;
    return {};
}

bool reads_latin(const std::string& pack)
{
    for (const int script : {USCRIPT_CYRILLIC, USCRIPT_GREEK, USCRIPT_HAN, USCRIPT_HIRAGANA, USCRIPT_HANGUL, USCRIPT_HEBREW,
                             USCRIPT_ARABIC, USCRIPT_DEVANAGARI, USCRIPT_THAI, USCRIPT_ARMENIAN, USCRIPT_GEORGIAN,
                             USCRIPT_BENGALI})
        if (!pack.empty() && pack == pack_for_script(script))
            return false;
    return pack != "bel" && pack != "ukr" && pack != "chi_tra";
}

std::string pack_for_osd_script(std::string_view name)
{
    // OSD's own names for scripts ICU calls otherwise.
    if (name == "Japanese" || name == "Hiragana" || name == "Katakana")
        return "jpn";
    if (name == "Han" || name == "HanS")
        return "chi_sim";
    if (name == "HanT")
        return "chi_tra";
    if (name == "Korean" || name == "Hangul")
        return "kor";
    UScriptCode code[1];
    UErrorCode err = U_ZERO_ERROR;
    const std::string n(name);
    if (uscript_getCode(n.c_str(), code, 1, &err) == 1 && U_SUCCESS(err))
        return pack_for_script(code[0]);
    return {};
}

std::string languages_with_english(const std::string& pack, const std::string& tessdata_dir, std::string* missing)
{
    if (pack.empty() || pack == "eng")
        return "eng";
    if (!installed(pack, tessdata_dir)) {
        if (missing != nullptr)
            *missing = pack;
        return "eng";
    }
    return installed("eng", tessdata_dir) ? pack + "+eng" : pack;
}

std::string merge_languages(std::string_view a, std::string_view b)
{
    std::vector<std::string> all = split(a);
    for (std::string& l : split(b))
        if (std::find(all.begin(), all.end(), l) == all.end())
            all.push_back(std::move(l));
    std::string out;
    for (const std::string& l : all)
        out += (out.empty() ? "" : "+") + l;
    return out;
}

} // namespace colophon::ocr
