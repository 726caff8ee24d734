#include "batch/output_names.h"

#include "batch/content_hash.h"

#include <unicode/normalizer2.h>
#include <unicode/unistr.h>

#include <algorithm>
#include <stdexcept>

namespace colophon::batch {

std::string output_stem_for(const std::string &key, const std::set<std::string> &reserved)
{
    const std::string first = key.substr(0, key.find('/'));
    // Escaping with a leading '_' is one-to-one: names that already start with '_' get another.
    if (first.starts_with("_") || first == ".colophon" || reserved.count(first))
        return "_" + key;
    return key;
}

std::set<std::string> reserved_output_names(const std::vector<std::string> &batch_files)
{
    // A document's outputs are its stem plus one of these (packages: plus nothing for a folder).
    static const char *const extensions[] = {"", ".tei.xml", ".txt", ".json", ".tar.gz", ".zip"};
    std::set<std::string> stems;
    for (const std::string &file : batch_files) {
        for (const char *ext : extensions) {
            const std::string e(ext);
            if (file.size() > e.size() && file.ends_with(e))
                stems.insert(file.substr(0, file.size() - e.size()));
        }
    }
    return stems;
}

std::string folded_name(std::string_view name)
{
    if (std::all_of(name.begin(), name.end(),
                    [](char c) { return static_cast<unsigned char>(c) < 0x80; })) {
        std::string out(name); // ASCII folds to lower case and nothing else
        std::transform(out.begin(), out.end(), out.begin(),
                       [](char c) { return c >= 'A' && c <= 'Z' ? c + 32 : c; });
        return out;
    }
    UErrorCode status = U_ZERO_ERROR;
    const icu::Normalizer2 *fold = icu::Normalizer2::getNFKCCasefoldInstance(status);
    if (U_FAILURE(status))
        throw std::runtime_error(std::string("ICU has no NFKC case folding: ") +
                                 u_errorName(status));
    const icu::UnicodeString in = icu::UnicodeString::fromUTF8(
        icu::StringPiece(name.data(), static_cast<int32_t>(name.size())));
    const icu::UnicodeString folded = fold->normalize(in, status);
    if (U_FAILURE(status))
        throw std::runtime_error(std::string("cannot fold the name '") + std::string(name) +
                                 "': " + u_errorName(status));
    std::string out;
    folded.toUTF8String(out);
    return out;
}

std::vector<bool> keeps_stem(const std::vector<StemClaim> &group)
{
    std::vector<bool> keep(group.size(), false);
    bool any_owned = false;
    for (std::size_t i = 0; i < group.size(); ++i)
        if (group[i].owns_stem)
            keep[i] = any_owned = true;
    if (any_owned || group.empty())
        return keep;
    // The claim already in folded form, else the smallest key.
    const auto plain = [](const StemClaim &c) { return c.stem == folded_name(c.stem); };
    const auto first = std::find_if(group.begin(), group.end(), plain);
    const auto winner = first != group.end()
                            ? first
                            : std::min_element(group.begin(), group.end(),
                                               [](const StemClaim &a, const StemClaim &b) {
                                                   return a.key < b.key;
                                               });
    keep[static_cast<std::size_t>(winner - group.begin())] = true;
    return keep;
}

std::string disambiguated_stem(const std::string &stem, const std::string &key)
{
    return stem + "~" + sha256_hex(key).substr(0, 12);
}

} // namespace colophon::batch
