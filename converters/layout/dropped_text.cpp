#include "dropped_text.h"

#include "core/text.h"

#include <unordered_set>

namespace colophon::layout {

namespace {

// A front line counts as kept when this share of its words is in the metadata.
constexpr double min_kept_word_share = 0.5;
// Dropped front lines are reported when they hold running text: a line of this many words, or
// a sentence. Kickers, mastheads and the navigation bar of a printed web page ("The Estmark
// Observer", "WORLD · ECONOMY · TRADE") are boilerplate, left out on purpose (pdf-gen2: up to 5
// words each); a table cell read as the title takes the body lines above it with it.
constexpr int running_line_words = 8;
constexpr int sentence_words = 4;
constexpr int min_lost_words = running_line_words; // one running line is a loss

std::vector<std::string> lower_words(const std::string& text)
{
    std::vector<std::string> out;
    for (const std::string& w : core::split_words(text)) {
        const core::TextStats st = core::text_stats(w);
        if (st.letters + st.digits == 0)
            continue; // "·", "|", "—": separators, not words
        out.push_back(letters_only_lower(w));
    }
    return out;
}

} // namespace

DroppedText front_text_not_kept(const PageLines& page, const std::vector<Role>& role, const core::Metadata& meta,
                                const std::vector<core::Author>& authors)
{
    std::unordered_set<std::string> kept;
    auto keep = [&](const std::string& text) {
        for (std::string& w : lower_words(text))
            kept.insert(std::move(w));
    };
    keep(meta.title);
    keep(meta.subtitle);
    keep(meta.date.text);
    keep(meta.series);
    keep(meta.publisher);
    keep(meta.original_source.text);
    keep(meta.original_source.title);
    keep(core::plain_text(meta.abstract));
    for (const auto* list : {&meta.authors, &authors})
        for (const core::Author& a : *list) {
            keep(a.name);
            keep(a.affiliation);
        }
    DroppedText out;
    for (std::size_t i = 0; i < page.lines.size() && i < role.size(); ++i) {
        if (role[i] != Role::Front)
            continue;
        const std::string text = page.lines[i].text();
        const std::vector<std::string> words = lower_words(text);
        if (words.empty())
            continue;
        std::size_t found = 0;
        for (const std::string& w : words)
            found += kept.count(w);
        if (static_cast<double>(found) >= min_kept_word_share * static_cast<double>(words.size()))
            continue;
        const int n = static_cast<int>(words.size());
        if (n < running_line_words && !(n >= sentence_words && ends_sentence(text)))
            continue; // a label or a menu, not running text
        ++out.lines;
        out.words += static_cast<int>(words.size());
        if (out.first.empty())
            out.first = core::clean_text(text);
    }
    return out;
}

bool is_text_loss(const DroppedText& dropped) { return dropped.words >= min_lost_words; }

} // namespace colophon::layout
