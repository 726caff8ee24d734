#include "dehyphenation.h"

#include "core/text.h"
#include "lexicon/spelling.h"

#include <unicode/uchar.h>
#include <unicode/ulocdata.h>
#include <unicode/uset.h>
#include <unicode/uscript.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <cctype>
#include <map>
#include <memory>

namespace colophon::layout {

namespace {

// Real compounds split at their own hyphen across a line end ("all-" / "weather").
bool compound_first_part(const std::string& lower)
{
    static const std::unordered_set<std::string> parts{
        "all", "self", "well", "ex", "half", "cross", "multi", "non", "long", "short", "high", "low", "full",
        "far", "mid", "one", "two", "three", "four", "five", "ten", "year", "day", "state", "time", "cost",
        "large", "small", "medium", "world", "better", "best", "top", "case", "need", "risk", "first",
        "second", "third", "ill", "right", "left", "hard", "soft", "fast", "slow", "old", "new", "free",
        "open", "wide", "much", "little", "ever", "low", "lower", "higher", "upper", "decision", "rule",
        "market", "trade", "policy", "follow", "build", "cut", "run", "start"};
    return parts.count(lower) > 0;
}

// Words of the document its language is told by when it declares none: enough for the letters
// that tell Russian from Ukrainian or English from German to show up.
constexpr std::size_t dictionary_sample_words = 2000;

struct SetClose
{
    void operator()(USet* s) const { uset_close(s); }
};
struct LocaleDataClose
{
    void operator()(ULocaleData* d) const { ulocdata_close(d); }
};

// A language's alphabet fits a text that has at most this share of letters outside it: names
// and loanwords bring a few (an English text about "José Sánchez"), while German has about 2%
// umlauts and ß, French 3% accents, Belarusian 5% і and ў. (Measured on pdf-gen and the
// samples/scripts texts.)
constexpr double max_letters_outside_alphabet = 0.01;

// The first language among `candidates` (they come in order of how widely they are written)
// whose alphabet (ICU's exemplar characters) fits the letters of `words`; when none fits, the
// one that misses fewest. Empty without candidates.
std::string language_by_alphabet(const std::vector<std::string>& words, const std::vector<std::string>& candidates)
{
    std::string best;
    long best_missed = -1;
    for (const std::string& lang : candidates) {
        UErrorCode err = U_ZERO_ERROR;
        const std::unique_ptr<ULocaleData, LocaleDataClose> data(ulocdata_open(lang.c_str(), &err));
        const std::unique_ptr<USet, SetClose> alphabet(
            U_SUCCESS(err) ? ulocdata_getExemplarSet(data.get(), nullptr, USET_ADD_CASE_MAPPINGS, ULOCDATA_ES_STANDARD, &err)
                           : nullptr);
        if (U_FAILURE(err) || !alphabet)
            continue;
        long missed = 0, letters = 0;
        for (const std::string& w : words) {
            const auto* p = reinterpret_cast<const uint8_t*>(w.data());
            const auto n = static_cast<int32_t>(w.size());
            int32_t i = 0;
            while (i < n) {
                UChar32 c = 0;
                U8_NEXT(p, i, n, c);
                if (c > 0 && u_isalpha(c)) {
                    ++letters;
                    missed += uset_contains(alphabet.get(), c) ? 0 : 1;
                }
            }
        }
        if (static_cast<double>(missed) <= max_letters_outside_alphabet * static_cast<double>(letters))
            return lang;
        if (best_missed < 0 || missed < best_missed) {
            best = lang;
            best_missed = missed;
        }
    }
    return best;
}

UScriptCode first_letter_script(std::string_view w)
{
    const auto* p = reinterpret_cast<const uint8_t*>(w.data());
    const auto n = static_cast<int32_t>(w.size());
    int32_t i = 0;
    while (i < n) {
        UChar32 c = 0;
        U8_NEXT(p, i, n, c);
        if (c > 0 && u_isalpha(c)) {
            UErrorCode err = U_ZERO_ERROR;
            return uscript_getScript(c, &err);
        }
    }
    return USCRIPT_COMMON;
}

// The byte offset of the first code point of `w` that `wanted` accepts; w.size() when none.
template <typename Pred> int32_t first_code_point(std::string_view w, Pred wanted)
{
    const auto* p = reinterpret_cast<const uint8_t*>(w.data());
    const auto n = static_cast<int32_t>(w.size());
    int32_t b = 0;
    while (b < n) {
        int32_t next = b;
        UChar32 c = 0;
        U8_NEXT(p, next, n, c);
        if (c > 0 && wanted(c))
            break;
        b = next;
    }
    return b;
}

// The word without the punctuation around it, its case kept ("«белорусско" -> "белорусско").
std::string word_letters(std::string_view w)
{
    const auto *p = reinterpret_cast<const uint8_t *>(w.data());
    const int32_t b = first_code_point(w, [](UChar32 c) { return u_isalpha(c) != 0; });
    int32_t e = static_cast<int32_t>(w.size());
    while (e > b) {
        int32_t prev = e;
        UChar32 c = 0;
        U8_PREV(p, 0, prev, c);
        if (c > 0 && u_isalpha(c))
            break;
        e = prev;
    }
    return std::string(w.substr(static_cast<std::size_t>(b), static_cast<std::size_t>(e - b)));
}

// Bytes before the first letter or digit of the rest of a word broken across the line end: a
// soft hyphen joins the word's parts, so a mark there ("incom-" / "‘plete", "corri-" / "_dor")
// is a speck OCR read, never text.
std::size_t leading_marks(std::string_view w)
{
    const auto b =
        static_cast<std::size_t>(first_code_point(w, [](UChar32 c) { return u_isalnum(c) != 0; }));
    return b == w.size() ? 0 : b;
}

} // namespace

const lexicon::SpellingDictionary* Vocabulary::dictionary() const
{
    if (dictionary_chosen_)
        return dictionary_;
    dictionary_chosen_ = true;
    if (!language_.empty()) {
        dictionary_ = lexicon::SpellingDictionary::for_language(language_);
        return dictionary_;
    }
    // 1. the document's script, by its words
    std::map<int, int> scripts;
    for (const std::string& w : plain_)
        ++scripts[first_letter_script(w)];
    int script = USCRIPT_COMMON, most = 0;
    for (const auto& [s, n] : scripts)
        if (n > most && s != USCRIPT_COMMON) {
            most = n;
            script = s;
        }
    // 2. of that script's languages with a dictionary, the one whose alphabet holds the
    // document's letters (Belarusian has ў and і, Russian ы and э, German ä and ß); only its
    // dictionary is loaded
    std::vector<std::string> sample;
    for (const std::string& w : plain_)
        if (first_letter_script(w) == script)
            sample.push_back(w);
    std::sort(sample.begin(), sample.end());
    if (sample.size() > dictionary_sample_words)
        sample.resize(dictionary_sample_words);
    const std::string lang = language_by_alphabet(sample, lexicon::SpellingDictionary::installed_for_script(script));
    dictionary_ = lang.empty() ? nullptr : lexicon::SpellingDictionary::for_language(lang);
    return dictionary_;
}

void Vocabulary::add_line(const TextLine& l)
{
    const bool after_hyphen = prev_hyphen_;
    prev_hyphen_ = !l.words.empty() && ends_with_hyphen(l.words.back().text);
    for (std::size_t i = 0; i < l.words.size(); ++i) {
        const bool last = i + 1 == l.words.size();
        const std::string w = letters_only_lower(l.words[i].text);
        if (w.empty() || (last && ends_with_hyphen(l.words[i].text)) || (i == 0 && after_hyphen))
            continue;
        if (w.find('-') == std::string::npos) { // most words: the word is its only part
            plain_.insert(w);
            whole_.insert(w);
            continue;
        }
        hyphenated_.insert(w);
        std::size_t start = 0;
        while (start <= w.size()) {
            auto end = w.find('-', start);
            if (end == std::string::npos)
                end = w.size();
            if (end > start)
                plain_.insert(w.substr(start, end - start));
            start = end + 1;
        }
        std::string joined;
        for (char c : w)
            if (c != '-')
                joined += c;
        whole_.insert(joined);
    }
}

bool Vocabulary::keep_hyphen(const std::string& left, const std::string& right) const
{
    if (left.empty() || right.empty())
        return true;
    // what follows opens with a digit or punctuation ("pre-" "2020", "tax-" "(VAT)"): kept; but
    // '_', '~' and '|' open no printed word, they are specks OCR read
    const unsigned char r0 = static_cast<unsigned char>(right.front());
    if (r0 < 0x80 && !std::isalpha(r0) && r0 != '_' && r0 != '~' && r0 != '|')
        return true;
    const std::string l = letters_only_lower(left), r = letters_only_lower(right);
    const std::string joined = l + r, hyph = l + "-" + r;
    const bool joined_seen = plain_.count(joined) > 0;
    if (hyphenated_.count(hyph) && !joined_seen)
        return true;
    if (joined_seen)
        return false;
    // The document does not say: the language's dictionary does. A word it knows joined was
    // broken to fit the line ("семина-" "ры"); a second part it knows as a word of its own,
    // while the joined form is none, makes a compound ("белорусско-" "китайскими").
    if (const lexicon::SpellingDictionary* dict = dictionary()) {
        const std::string lw = word_letters(left), rw = word_letters(right);
        if (!lw.empty() && !rw.empty()) {
            const auto [it, fresh] = dictionary_says_.try_emplace(lw + '\x1F' + rw, 2);
            if (fresh)
                it->second = dict->knows(lw + rw) ? 0 : (dict->knows(rw) ? 1 : 2);
            if (it->second != 2)
                return it->second == 1;
        }
    }
    if (starts_upper(left) && starts_upper(right))
        return true;
    const auto last_dash = l.rfind('-');
    if (last_dash != std::string::npos) // "cross-border-" style chains keep their hyphens
        return true;
    // two words the document uses on their own, never the joined form: "trusted-" + "trader"
    // (but English closes compounds on these: "under-" + "standing" is "understanding")
    static const std::unordered_set<std::string> closing_prefixes{
        "under", "over", "out", "up", "down", "back", "some", "any", "every", "with", "there",
        "where", "here", "in", "on", "off", "after", "fore", "be", "for", "to", "no", "what", "when"};
    if (l.size() >= 3 && r.size() >= 3 && plain_.count(l) && plain_.count(r) && !closing_prefixes.count(l))
        return true;
    return compound_first_part(l);
}

bool Vocabulary::split_by_ocr(const std::string& left, const std::string& right) const
{
    // both plain letters where they meet: no punctuation, no digits, the right part lower case
    if (left.empty() || right.empty() || word_letters(left) != left || word_letters(right) != right ||
        starts_upper(right))
        return false;
    const std::string joined = letters_only_lower(left + right);
    if (joined.find('-') != std::string::npos || !plain_.count(joined))
        return false;
    const lexicon::SpellingDictionary* dict = dictionary();
    return dict && !dict->knows(right) && dict->knows(left + right);
}

void mend_ocr_splits(std::vector<Tok>& toks, const Vocabulary& vocab)
{
    for (std::size_t k = 1; k < toks.size(); ++k) {
        Tok& left = toks[k - 1];
        const Tok& right = toks[k];
        if (!right.space_before || left.sup || right.sup || left.uri != right.uri || !vocab.split_by_ocr(left.text, right.text))
            continue;
        left.text += right.text;
        toks.erase(toks.begin() + static_cast<std::ptrdiff_t>(k));
        --k;
    }
}

std::string mend_ocr_splits(const std::string& text, const Vocabulary& vocab)
{
    std::vector<std::string> words;
    for (std::size_t at = 0; at <= text.size();) {
        std::size_t sp = text.find(' ', at);
        if (sp == std::string::npos)
            sp = text.size();
        std::string w = text.substr(at, sp - at);
        if (!words.empty() && !w.empty() && !words.back().empty() && vocab.split_by_ocr(words.back(), w))
            words.back() += w;
        else
            words.push_back(std::move(w));
        at = sp + 1;
    }
    std::string out;
    for (std::size_t i = 0; i < words.size(); ++i)
        out += (i ? " " : "") + words[i];
    return out;
}

namespace {

// The hyphen a layout engine adds when it breaks a word can come as a glyph run of its own
// (WeasyPrint's CSS hyphenation sets U+2010 after "incom"): set flush against the word, it is
// that word's line-end hyphen, so it is folded into it before the join is decided.
void fold_detached_hyphen(std::vector<Tok>& toks, const std::vector<PendingHyphen>* pending)
{
    if (toks.size() < 2 || toks.back().space_before || toks.back().sup)
        return;
    const std::string& h = toks.back().text;
    if (h != "-" && h != "\u2010" && h != "\u00ad")
        return;
    if (pending && !pending->empty() && pending->back().tok + 1 >= toks.size())
        return; // the hyphen or its word is a join still to settle: leave the offsets as they are
    Tok& word = toks[toks.size() - 2];
    if (word.sup || word.text.empty() || ends_with_hyphen(word.text))
        return;
    word.text += h;
    toks.pop_back();
}

// `vocab` decides at once; without it the join is recorded in `pending`.
void append_words(std::vector<Tok>& toks, const TextLine& line, const Vocabulary* vocab, std::vector<PendingHyphen>* pending,
                  std::size_t skip_words)
{
    for (std::size_t i = skip_words; i < line.words.size(); ++i) {
        Tok t = tok_of(line.words[i], line.page);
        if (i == skip_words && !toks.empty()) {
            fold_detached_hyphen(toks, pending);
            Tok& prev = toks.back();
            if (!prev.sup && ends_with_hyphen(prev.text) && !t.sup) {
                const std::string left = drop_hyphen(prev.text);
                if (vocab) {
                    if (vocab->keep_hyphen(left, strip_trailing_punct(t.text)))
                        prev.text += t.text;
                    else
                        prev.text = left + t.text.substr(leading_marks(t.text));
                } else {
                    pending->push_back({toks.size() - 1, left.size(), prev.text.size() - left.size(), t.text.size()});
                    prev.text += t.text;
                }
                if (prev.uri.empty())
                    prev.uri = t.uri;
                continue;
            }
            // A URL broken across the line end, in one link annotation or bare.
            const bool same_link = !prev.uri.empty() && prev.uri == t.uri && url_like(prev.text);
            const bool bare_url_rest = prev.uri.empty() && url_like(prev.text) && t.uri.empty() &&
                                       (prev.text.back() == '/' || prev.text.back() == '-' || prev.text.back() == '_' ||
                                        prev.text.back() == '.' || prev.text.back() == '=') &&
                                       !starts_upper(t.text);
            if (same_link || bare_url_rest) {
                prev.text += t.text;
                continue;
            }
            t.space_before = true;
        } else if (i == skip_words) {
            t.space_before = false;
        }
        toks.push_back(std::move(t));
    }
}

} // namespace

void append_line(std::vector<Tok>& toks, const TextLine& line, const Vocabulary& vocab, std::size_t skip_words)
{
    append_words(toks, line, &vocab, nullptr, skip_words);
}

void append_line(std::vector<Tok>& toks, const TextLine& line, std::vector<PendingHyphen>& pending, std::size_t skip_words)
{
    append_words(toks, line, nullptr, &pending, skip_words);
}

void settle_hyphens(std::vector<Tok>& toks, std::vector<PendingHyphen>& pending, const Vocabulary& vocab)
{
    // A token joined more than once ("inter-" "na-" "tional") shifts left by each hyphen dropped.
    std::size_t tok = static_cast<std::size_t>(-1), dropped = 0;
    for (const PendingHyphen& j : pending) {
        if (j.tok != tok) {
            tok = j.tok;
            dropped = 0;
        }
        std::string& text = toks[j.tok].text;
        const std::size_t at = j.hyphen - dropped;
        const std::string right = text.substr(at + j.hyphen_len, j.right_len);
        if (!vocab.keep_hyphen(text.substr(0, at), strip_trailing_punct(right))) {
            const std::size_t gone = j.hyphen_len + leading_marks(right);
            text.erase(at, gone);
            dropped += gone;
        }
    }
    pending.clear();
}

} // namespace colophon::layout
