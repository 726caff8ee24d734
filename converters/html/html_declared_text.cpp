#include "html/html_declared_text.h"

#include "core/text.h"
#include "dom/html_dom.h"

#include <libxml/HTMLparser.h>

#include <cctype>
#include <unordered_set>

namespace colophon::html {

namespace {

// Fewer words than this say too little to be worth adding (a product's one-line tagline).
constexpr std::size_t min_description_words = 15;
// The body already holds the description when it holds this share of its words. On wcxb-dev's
// product pages with a declared description, our bodies hold 0-50% of it on 8 of 39 (6 of them
// pages whose ground truth holds it all) and over 50% on the rest.
constexpr double held_share = 0.5;

// A word as compared: lower case, without the ASCII punctuation around it ("Warm," = "warm").
std::string word_key(std::string_view w)
{
    const auto punct = [](char c) {
        return c > 0 && c < 0x7F && !std::isalnum(static_cast<unsigned char>(c));
    };
    while (!w.empty() && punct(w.front()))
        w.remove_prefix(1);
    while (!w.empty() && punct(w.back()))
        w.remove_suffix(1);
    return core::to_lower(w);
}

// The description's text: HTML in JSON-LD ("<p>Light and <b>warm</b></p>") read as a page would be.
std::string plain_description(const std::string &description)
{
    if (description.find('<') == std::string::npos)
        return description;
    const xml::XmlDocPtr fragment = dom::parse_html_utf8(
        description, "description.html",
        HTML_PARSE_RECOVER | HTML_PARSE_NONET | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING);
    xmlNode *root = fragment ? xmlDocGetRootElement(fragment.get()) : nullptr;
    return root ? dom::text_of(root) : std::string();
}

} // namespace

std::vector<core::Block> lines_as_paragraphs(std::string_view text)
{
    std::vector<core::Block> blocks;
    while (!text.empty()) {
        const auto nl = text.find('\n');
        const std::string line = core::clean_text(text.substr(0, nl));
        text = nl == std::string_view::npos ? std::string_view() : text.substr(nl + 1);
        if (line.empty())
            continue;
        core::Block p;
        p.kind = core::BlockKind::Paragraph;
        p.content.push_back(core::Inline::make_text(line));
        blocks.push_back(std::move(p));
    }
    return blocks;
}

bool add_declared_description(core::Document &doc, const std::string &description)
{
    const std::string text = plain_description(description);
    const std::vector<std::string> words = core::split_words(text);
    if (words.size() < min_description_words)
        return false;
    std::unordered_set<std::string> body_words;
    for (const core::Block &b : doc.body)
        for (const std::string &w : core::split_words(core::plain_text(b)))
            body_words.insert(word_key(w));
    std::size_t held = 0;
    for (const std::string &w : words)
        held += body_words.count(word_key(w));
    if (static_cast<double>(held) >= held_share * static_cast<double>(words.size()))
        return false;
    std::vector<core::Block> paragraphs = lines_as_paragraphs(text);
    doc.body.insert(doc.body.begin(), std::make_move_iterator(paragraphs.begin()),
                    std::make_move_iterator(paragraphs.end()));
    return true;
}

} // namespace colophon::html
