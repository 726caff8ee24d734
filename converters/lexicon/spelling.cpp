#include "lexicon/spelling.h"

#include <hunspell.hxx>
#include <unicode/ucnv.h>
#include <unicode/uscript.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <map>
#include <mutex>

namespace colophon::lexicon {

namespace {

// Where Debian's hunspell-* packages put their dictionaries; DICPATH (Hunspell's own variable)
// is searched first.
constexpr const char* debian_dictionaries = "/usr/share/hunspell";

std::vector<std::filesystem::path> dictionary_dirs()
{
    std::vector<std::filesystem::path> dirs;
    if (const char* env = std::getenv("DICPATH"); env != nullptr && *env != '\0') {
        std::string_view rest(env);
        while (!rest.empty()) {
            const auto colon = rest.find(':');
            dirs.emplace_back(std::string(rest.substr(0, colon)));
            rest = colon == std::string_view::npos ? std::string_view() : rest.substr(colon + 1);
        }
    }
    dirs.emplace_back(debian_dictionaries);
    return dirs;
}

// "pt-BR" -> pt_BR.dic, then pt.dic, then pt_PT.dic (the language's own country), then any pt_*.
std::filesystem::path find_dictionary(std::string_view language)
{
    std::string tag(language);
    std::replace(tag.begin(), tag.end(), '-', '_');
    const std::string lang = tag.substr(0, tag.find('_'));
    if (lang.size() < 2 || lang.size() > 3 ||
        !std::all_of(lang.begin(), lang.end(), [](char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }))
        return {};
    std::string upper = lang;
    for (char& c : upper)
        c = static_cast<char>(c >= 'a' && c <= 'z' ? c - 'a' + 'A' : c);
    std::vector<std::string> names{tag, lang, lang + "_" + upper};
    for (const auto& dir : dictionary_dirs()) {
        for (const std::string& name : names) {
            std::error_code ec;
            const auto dic = dir / (name + ".dic");
            if (std::filesystem::is_regular_file(dic, ec) &&
                std::filesystem::is_regular_file(dir / (name + ".aff"), ec))
                return dic;
        }
        std::vector<std::filesystem::path> any;
        std::error_code ec;
        for (const auto& entry : std::filesystem::directory_iterator(dir, ec)) {
            const std::string file = entry.path().filename().string();
            if (file.starts_with(lang + "_") && file.ends_with(".dic"))
                any.push_back(entry.path());
        }
        std::sort(any.begin(), any.end());
        for (const auto& dic : any) {
            std::filesystem::path aff = dic;
            aff.replace_extension(".aff");
            if (std::filesystem::is_regular_file(aff, ec))
                return dic;
        }
    }
    return {};
}

struct ConverterClose
{
    void operator()(UConverter* c) const { ucnv_close(c); }
};

} // namespace

struct SpellingDictionary::Impl
{
    std::unique_ptr<Hunspell> hunspell;
    std::unique_ptr<UConverter, ConverterClose> to_dict; // null for UTF-8 dictionaries
    std::mutex mutex; // Hunspell keeps state between calls

    // `word` in the dictionary's encoding; empty when it has no such letters.
    std::string encode(std::string_view word)
    {
        if (!to_dict)
            return std::string(word);
        UErrorCode err = U_ZERO_ERROR;
        std::u16string u(word.size(), u'\0');
        UConverter* utf8 = ucnv_open("UTF-8", &err);
        const int32_t n16 = ucnv_toUChars(utf8, u.data(), static_cast<int32_t>(u.size()), word.data(),
                                          static_cast<int32_t>(word.size()), &err);
        ucnv_close(utf8);
        if (U_FAILURE(err))
            return {};
        std::string out(static_cast<std::size_t>(n16) * 4 + 4, '\0');
        ucnv_setFromUCallBack(to_dict.get(), UCNV_FROM_U_CALLBACK_STOP, nullptr, nullptr, nullptr, &err);
        const int32_t n = ucnv_fromUChars(to_dict.get(), out.data(), static_cast<int32_t>(out.size()), u.data(), n16, &err);
        if (U_FAILURE(err))
            return {};
        out.resize(static_cast<std::size_t>(n));
        return out;
    }
};

SpellingDictionary::SpellingDictionary(std::string language, std::unique_ptr<Impl> impl)
    : language_(std::move(language)), impl_(std::move(impl))
{
}

SpellingDictionary::~SpellingDictionary() = default;

const SpellingDictionary* SpellingDictionary::for_language(std::string_view language)
{
    static std::mutex mutex;
    static std::map<std::string, std::unique_ptr<SpellingDictionary>, std::less<>> loaded;
    const std::lock_guard<std::mutex> lock(mutex);
    if (const auto it = loaded.find(language); it != loaded.end())
        return it->second.get();
    std::unique_ptr<SpellingDictionary>& slot = loaded[std::string(language)];
    const std::filesystem::path dic = find_dictionary(language);
    if (dic.empty())
        return nullptr;
    std::filesystem::path aff = dic;
    aff.replace_extension(".aff");
    auto impl = std::make_unique<Impl>();
    impl->hunspell = std::make_unique<Hunspell>(aff.c_str(), dic.c_str());
    const std::string encoding = impl->hunspell->get_dict_encoding();
    if (encoding != "UTF-8" && encoding != "utf-8") {
        UErrorCode err = U_ZERO_ERROR;
        impl->to_dict.reset(ucnv_open(encoding.c_str(), &err));
        if (U_FAILURE(err))
            return nullptr; // an encoding ICU does not know: no dictionary rather than a wrong one
    }
    slot.reset(new SpellingDictionary(std::string(language), std::move(impl)));
    return slot.get();
}

std::vector<std::string> SpellingDictionary::installed_for_script(int script)
{
    // The languages colophon knows dictionaries for, by script; only installed ones are kept.
    static const std::map<int, std::vector<std::string>> by_script{
        {USCRIPT_LATIN, {"en", "de", "fr", "es", "it", "pt", "nl", "pl", "cs", "sv", "da", "nb", "fi", "hu", "ro", "tr"}},
        {USCRIPT_CYRILLIC, {"ru", "uk", "be", "bg", "sr", "mk"}},
        {USCRIPT_GREEK, {"el"}},
    };
    std::vector<std::string> out;
    const auto it = by_script.find(script);
    if (it == by_script.end())
        return out;
    for (const std::string& lang : it->second)
        if (!find_dictionary(lang).empty())
            out.push_back(lang);
    return out;
}

bool SpellingDictionary::knows(std::string_view word) const
{
    const std::lock_guard<std::mutex> lock(impl_->mutex);
    const std::string w = impl_->encode(word);
    return !w.empty() && impl_->hunspell->spell(w);
}

} // namespace colophon::lexicon
