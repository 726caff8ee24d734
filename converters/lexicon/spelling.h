#pragma once
// Spelling dictionaries (Hunspell, Debian's hunspell-* packages)
// for deciding line-end hyphens: whether "семина-" + "ры" is one word and "белорусско-" +
// "китайскими" two. A dictionary is loaded on first use only, once per process, so documents
// without undecided hyphens pay nothing for it.

#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace colophon::lexicon {

class SpellingDictionary
{
public:
    // The installed dictionary for a BCP 47 language ("ru", "en-GB", "pt-BR"), loaded now if it
    // was not; nullptr when none is installed. Thread-safe; the dictionary lives until exit.
    static const SpellingDictionary* for_language(std::string_view language);

    // Languages whose dictionaries are installed, written in `script` (an ICU UScriptCode), in a
    // stable order; for choosing one by the words of a document that declares no language.
    static std::vector<std::string> installed_for_script(int script);

    // Whether the dictionary accepts `word` (UTF-8, as printed: "Paris", "семинары").
    bool knows(std::string_view word) const;

    const std::string& language() const { return language_; }

    ~SpellingDictionary();
    SpellingDictionary(const SpellingDictionary&) = delete;
    SpellingDictionary& operator=(const SpellingDictionary&) = delete;

private:
    struct Impl;
    SpellingDictionary(std::string language, std::unique_ptr<Impl> impl);

    std::string language_;
    std::unique_ptr<Impl> impl_;
};

} // namespace colophon::lexicon
