#include "core/language.h"

#include "core/text.h"

#include <algorithm>
#include <cctype>
#include <vector>

namespace colophon::core {

namespace {

bool all_of_class(std::string_view s, int (*pred)(int))
{
    return std::all_of(s.begin(), s.end(), [pred](char c) { return pred(static_cast<unsigned char>(c)) != 0; });
}

} // namespace

std::string normalise_language_tag(std::string_view declared)
{
    std::string tag = clean_text(declared);
    // Lists ("ru-RU, en") and quality values ("en;q=0.8") declare the first language first.
    if (const auto end = tag.find_first_of(",; "); end != std::string::npos)
        tag.resize(end);
    std::replace(tag.begin(), tag.end(), '_', '-');
    if (tag.empty() || tag.size() > 35)
        return {};

    std::vector<std::string> subtags;
    std::size_t start = 0;
    for (;;) {
        const auto dash = tag.find('-', start);
        subtags.push_back(tag.substr(start, dash == std::string::npos ? std::string::npos : dash - start));
        if (dash == std::string::npos)
            break;
        start = dash + 1;
    }
    for (const auto& s : subtags)
        if (s.empty() || s.size() > 8 || !all_of_class(s, std::isalnum))
            return {};
    // The primary subtag is a language (2-8 letters) or a private-use "x-..." / irregular "i-..." prefix.
    const std::string& primary = subtags.front();
    const bool prefix_only = primary.size() == 1 && (primary == "x" || primary == "i" || primary == "X" || primary == "I");
    if (!all_of_class(primary, std::isalpha) || (primary.size() == 1 && !(prefix_only && subtags.size() > 1)))
        return {};

    // Case by convention: language lower, script title ("Hant"), region upper ("BR", "419").
    std::string out;
    for (std::size_t i = 0; i < subtags.size(); ++i) {
        std::string s = subtags[i];
        for (auto& c : s)
            c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        if (i > 0 && s.size() == 2 && all_of_class(s, std::isalpha))
            for (auto& c : s)
                c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
        else if (i > 0 && s.size() == 4 && all_of_class(s, std::isalpha))
            s[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(s[0])));
        out += (i > 0 ? "-" : "") + s;
    }
    return out;
}

} // namespace colophon::core
