#include "html/html_converter.h"

#include "core/bylines.h"
#include "core/dates.h"
#include "core/language.h"
#include "core/text.h"
#include "html/html_blocks.h"
#include "html/html_byline.h"
#include "html/html_charset.h"
#include "html/html_cleaning.h"
#include "html/html_dom.h"
#include "html/html_facts.h"
#include "html/html_links.h"
#include "html/html_main_text.h"
#include "html/html_metadata.h"
#include "html/html_notes.h"
#include "xml/xml_handles.h"

#include <algorithm>
#include <array>
#include <climits>

// Metadata merge order (first non-empty wins unless said otherwise):
//   title     visible <h1> when it agrees with a declared title; else citation_title, JSON-LD
//             headline, microdata headline, og:title, twitter:title, DC.title, <title> without
//             the site-name suffix. A subtitle shown as its own heading splits off.
//   authors   citation_author (+ institution), JSON-LD author, microdata author, <meta name=author>/
//             article:author, DC.creator, rel=author, visible bylines; a closing author bio adds the
//             affiliation to the author it names.
//   date      ISO from citation_*date, JSON-LD datePublished, article:published_time, microdata,
//             DC.date, <meta name=date>, then the visible date; the printed text is the visible date
//             when it agrees with the ISO date.
//   publisher og:site_name, JSON-LD publisher, citation_publisher, DC.publisher, application-name.
//   URL       <link rel=canonical>, og:url, JSON-LD url, citation_abstract_html_url.
//   language  <html lang>, Content-Language, citation/DC language, JSON-LD inLanguage, og:locale.
//   source    a visible "Originally published in X" line (X and its link).

namespace colophon::html {

namespace {

using core::ConversionError;

bool looks_binary(std::string_view bytes)
{
    const std::size_t n = std::min<std::size_t>(bytes.size(), 4096);
    std::size_t bad = 0;
    for (std::size_t i = 0; i < n; ++i) {
        const auto c = static_cast<unsigned char>(bytes[i]);
        if (c == 0 || (c < 0x20 && c != '\n' && c != '\r' && c != '\t' && c != '\f'))
            ++bad;
    }
    return n > 0 && bad * 10 > n;
}

xml::XmlDocPtr parse_html(std::string_view utf8, const std::string& url)
{
    const int opts = HTML_PARSE_RECOVER | HTML_PARSE_NONET | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING |
                     HTML_PARSE_IGNORE_ENC | HTML_PARSE_COMPACT | XML_PARSE_HUGE | XML_PARSE_BIG_LINES;
    return parse_html_utf8(utf8, url, opts);
}

xmlNode* find_body(xmlDoc* doc)
{
    xmlNode* root = xmlDocGetRootElement(doc);
    for (xmlNode* n = root ? root->children : nullptr; n != nullptr; n = n->next)
        if (tag_of(n) == "body")
            return n;
    return root;
}

std::string first_value(const std::vector<SourcedValue>& v)
{
    return v.empty() ? std::string() : v.front().value;
}

// A page URL worth keeping: absolute http(s), or a path to resolve; never text that merely sits
// in a url slot (damaged bytes, quotes, spaces).
std::string first_page_url(const std::vector<SourcedValue>& v)
{
    for (const SourcedValue& candidate : v) {
        const std::string url = core::clean_text(candidate.value);
        const bool absolute = url.starts_with("http://") || url.starts_with("https://");
        const bool junk = url.find_first_of(" \"<>") != std::string::npos || url.find("\xEF\xBF\xBD") != std::string::npos;
        if ((absolute || url.starts_with("/")) && !junk)
            return url;
    }
    return {};
}

bool same_name(const std::string& a, const std::string& b)
{
    return core::to_lower(a) == core::to_lower(b);
}

void merge_authors(std::vector<core::Author>& into, const std::vector<core::Author>& more)
{
    for (const core::Author& m : more) {
        auto it = std::find_if(into.begin(), into.end(), [&](const core::Author& a) { return same_name(a.name, m.name); });
        if (it == into.end())
            continue;
        if (it->affiliation.empty())
            it->affiliation = m.affiliation;
        if (it->role.empty())
            it->role = m.role;
    }
}

std::string block_text(const core::Block& b)
{
    return core::clean_text(core::plain_text(b));
}

// Text that is page furniture rather than prose: counters ("1.2K"), separators, a bare URL, or a
// one- or two-word interface label ("Caption", "Close", "Read more").
// A CMS shortcode the site never rendered ("[button link=\"/x\" type=\"big\"] Send us your
// review[/button]"): an opening tag with attributes and its closing tag around a few words. Note
// marks ("[1]") and editorial brackets ("[sic]") have neither.
bool is_shortcode_element(const std::string& t)
{
    if (t.size() < 3 || t.front() != '[' || !std::isalpha(static_cast<unsigned char>(t[1])))
        return false;
    std::size_t name_end = 1;
    while (name_end < t.size() && (std::isalnum(static_cast<unsigned char>(t[name_end])) || t[name_end] == '_' || t[name_end] == '-'))
        ++name_end;
    const std::string name = t.substr(1, name_end - 1);
    const auto open_end = t.find(']', name_end);
    if (open_end == std::string::npos || t.find('=', name_end) > open_end)
        return false;
    return t.find("[/" + name + "]", open_end) != std::string::npos && t.size() < 400;
}

bool is_ui_text(const std::string& t)
{
    const int letters = count_letters(t);
    int digits = 0;
    for (const char c : t)
        digits += c >= '0' && c <= '9';
    if (letters == 0 || (t.size() < 12 && letters - digits < 3))
        return true;
    if (t.find(' ') == std::string::npos && (t.starts_with("http://") || t.starts_with("https://") || t.starts_with("www.")))
        return true;
    if (is_shortcode_element(t))
        return true;
    if (t.size() > 30)
        return false;
    // "Image 2 of 5", "1 of 12": gallery counters
    {
        const auto of = t.find(" of ");
        if (of != std::string::npos && of > 0 && std::isdigit(static_cast<unsigned char>(t[of - 1])) &&
            of + 4 < t.size() && std::isdigit(static_cast<unsigned char>(t[of + 4])) && t.size() < 20)
            return true;
    }
    std::string key = core::to_lower(t);
    while (!key.empty() && (key.back() == ':' || key.back() == '.' || key.back() == '>' || key.back() == ' '))
        key.pop_back();
    static const char* labels[] = {"caption", "close", "published", "updated", "advertisement", "share", "print",
                                   "email", "comments", "tweet", "subscribe", "loading", "read more",
                                   "continue reading", "skip", "menu", "search", "back to top", "related", "photo",
                                   "video", "share this", "share this article", "toggle caption", "hide caption",
                                   "enlarge this image", "image", "listen", "save", "follow", "sponsored",
                                   "advertisement - scroll to continue", "ad", "advert", "ads", "key points", "related tags",
                                   "tags", "topics", "more", "next", "previous", "print this page", "font size", "story continues below advertisement"};
    return std::any_of(std::begin(labels), std::end(labels), [&](const char* l) { return key == l; });
}

} // namespace

bool HtmlConverter::accepts(const core::Input& input) const
{
    return input.type == core::MediaType::Html;
}

std::size_t parse_only(const std::string& bytes)
{
    const DecodedHtml decoded = decode_html(bytes);
    const xml::XmlDocPtr doc = parse_html(decoded.utf8(), "input.html");
    std::size_t n = 0;
    xmlNode* root = doc ? xmlDocGetRootElement(doc.get()) : nullptr;
    for (xmlNode* e = root; e != nullptr; e = next_in_order(e, root))
        ++n;
    return n;
}

core::Document HtmlConverter::convert(const core::Input& input, const core::ConvertOptions& options,
                                      core::Diagnostics& diags)
{
    core::Document doc;
    doc.extraction.method = "html";
    doc.extraction.source_format = "text/html";
    // 1. bytes -> UTF-8
    if (input.bytes.size() > options.limits.max_input_bytes)
        throw ConversionError("input.too-large", input.display_name, "the page is larger than the input limit");
    if (core::trim(input.bytes).empty())
        throw ConversionError("html.empty", input.display_name, "the file is empty");
    if (looks_binary(input.bytes))
        throw ConversionError("html.binary", input.display_name, "the file is binary data, not an HTML page");
    // 2. parse; a converted copy of the page goes as soon as the tree is built
    xml::XmlDocPtr tree;
    {
        const DecodedHtml decoded = decode_html(input.bytes);
        diags.info("html.charset", "read as " + decoded.charset + " (" + decoded.how + ")");
        if (decoded.repaired)
            diags.warn("html.invalid-encoding", "invalid " + decoded.charset + " byte sequences were replaced");
        tree = parse_html(decoded.utf8(), input.display_name.empty() ? "input.html" : input.display_name);
    }
    if (!tree || xmlDocGetRootElement(tree.get()) == nullptr)
        throw ConversionError("html.unparsable", input.display_name, "no HTML element could be read");
    xmlNode* root = xmlDocGetRootElement(tree.get());

    // 3. metadata the page declares (before cleaning: JSON-LD lives in scripts)
    const PageMeta pm = collect_page_meta(tree.get());
    std::string language;
    for (const SourcedValue& v : pm.languages)
        if (!(language = core::normalise_language_tag(v.value)).empty())
            break;
    doc.meta.language = language;
    doc.meta.canonical_url = first_page_url(pm.urls);
    if (!doc.meta.canonical_url.empty() && !options.base_url.empty())
        doc.meta.canonical_url = resolve_link(doc.meta.canonical_url, options.base_url);
    std::string base = options.base_url;
    if (!doc.meta.canonical_url.empty() && doc.meta.canonical_url.find("://") != std::string::npos)
        base = doc.meta.canonical_url;
    if (!pm.base_href.empty())
        base = base.empty() ? pm.base_href : resolve_link(pm.base_href, base);
    doc.meta.publisher = first_value(pm.publishers);
    doc.meta.keywords = pm.keywords;

    // 4. clean
    xmlNode* body = find_body(tree.get());
    const CleaningReport cleaning = remove_never_content(root, options.limits.max_nesting_depth);
    if (cleaning.flattened)
        diags.warn("html.too-deep", "elements nested deeper than " + std::to_string(options.limits.max_nesting_depth) +
                                        " levels were flattened into text");
    body = find_body(tree.get());
    FactsTable facts;
    facts.index(body);
    compute_text_stats(facts, body, false);
    mark_boilerplate(facts, body);
    compute_text_stats(facts, body, true);

    // 5. main content
    xmlNode* content = find_main_content(facts, body);

    // 6. what the page shows about the article
    std::vector<std::string> declared;
    for (const SourcedValue& v : pm.titles)
        declared.push_back(v.value);
    const std::string tag_title = strip_site_suffix(pm.title_tag, doc.meta.publisher);
    if (!tag_title.empty())
        declared.push_back(tag_title);
    const VisibleTitle vt = find_visible_title(facts, content, declared);
    xmlNode* region = article_region(content, vt.title);

    BlockContext ctx;
    ctx.facts = &facts;
    ctx.base_url = base;
    ctx.page_url = doc.meta.canonical_url;
    ctx.max_depth = options.limits.max_nesting_depth;

    if (vt.title != nullptr) {
        doc.meta.title = text_of(vt.title);
        if (vt.subtitle != nullptr)
            doc.meta.subtitle = text_of(vt.subtitle);
    } else if (!declared.empty()) {
        doc.meta.title = declared.front();
    }
    if (doc.meta.subtitle.empty() && !pm.alternative_headline.empty() &&
        !same_name(pm.alternative_headline, doc.meta.title))
        doc.meta.subtitle = pm.alternative_headline;

    if (auto src = extract_provenance(facts, region, ctx))
        doc.meta.original_source = *src;
    const auto visible_authors = extract_visible_bylines(facts, region, content);
    const auto visible_date = extract_visible_date(facts, region, language);

    // authors: the first declared source that names anyone, else what the page shows
    for (const auto& set : pm.author_sets)
        if (!set.empty()) {
            doc.meta.authors = set;
            break;
        }
    if (doc.meta.authors.empty())
        for (const std::string& n : pm.rel_author_names)
            if (std::none_of(doc.meta.authors.begin(), doc.meta.authors.end(),
                             [&](const core::Author& a) { return same_name(a.name, n); }))
                doc.meta.authors.push_back({n, {}, {}});
    if (doc.meta.authors.empty())
        doc.meta.authors = visible_authors;
    for (const auto& set : pm.author_sets)
        merge_authors(doc.meta.authors, set);
    merge_authors(doc.meta.authors, visible_authors);

    // date: declared ISO, printed text when the page shows the same day
    std::optional<core::PublicationDate> declared_date;
    for (const SourcedValue& v : pm.dates)
        if ((declared_date = core::parse_date(v.value, language)))
            break;
    if (declared_date && visible_date && visible_date->iso.starts_with(declared_date->iso.substr(0, 10)))
        doc.meta.date = {declared_date->iso.size() >= visible_date->iso.size() ? declared_date->iso : visible_date->iso,
                         visible_date->text};
    else if (declared_date)
        doc.meta.date = *declared_date;
    else if (visible_date)
        doc.meta.date = *visible_date;
    if (doc.meta.date.iso.size() > 10)
        doc.meta.date.iso = doc.meta.date.iso.substr(0, 10);

    // a lede marked as such
    if (xmlNode* lede = find_marked_lede(facts, region, content)) {
        // an abstract section with its own heading: only its paragraphs
        std::vector<xmlNode*> paras;
        for (xmlNode* c = lede->children; c != nullptr; c = c->next)
            if (tag_of(c) == "p")
                paras.push_back(c);
        if (paras.empty()) {
            doc.meta.abstract = build_inlines(lede, ctx);
        } else {
            for (xmlNode* p : paras) {
                auto more = build_inlines(p, ctx);
                if (!doc.meta.abstract.empty() && !more.empty())
                    doc.meta.abstract.push_back(core::Inline::make_text(" "));
                doc.meta.abstract.insert(doc.meta.abstract.end(), more.begin(), more.end());
            }
        }
        facts[lede].metadata = true;
    }

    // 7. notes, then the body
    doc.notes = extract_notes(content, body, ctx);
    doc.body = build_blocks(content, ctx);

    // 8. clean-up of the body: title repeated inside it, closing bio, set-off lede
    std::erase_if(doc.body, [&](const core::Block& b) {
        return b.kind == core::BlockKind::Heading && !doc.meta.title.empty() && same_name(block_text(b), doc.meta.title);
    });
    // a heading before any text that repeats a declared title, or an <h1>, is the title again
    while (!doc.body.empty() && doc.body.front().kind == core::BlockKind::Heading) {
        const std::string h = core::to_lower(block_text(doc.body.front()));
        const bool declared_title = std::any_of(declared.begin(), declared.end(), [&](const std::string& d) {
            const std::string l = core::to_lower(d);
            return !h.empty() && (l.find(h) != std::string::npos || h.find(l) != std::string::npos);
        });
        if (!declared_title && doc.body.front().level != 1)
            break;
        doc.body.erase(doc.body.begin());
    }
    // counters, stray marks, bare URLs and interface labels are not paragraphs
    std::erase_if(doc.body, [](const core::Block& b) { return b.kind == core::BlockKind::Paragraph && is_ui_text(block_text(b)); });
    // headings left with nothing under them at the end (their lists were chrome)
    while (!doc.body.empty() && doc.body.back().kind == core::BlockKind::Heading)
        doc.body.pop_back();
    // a dateline or byline left at the top of the text ("Posted Nov 18, 8:19 PM")
    for (int k = 0; k < 3 && static_cast<std::size_t>(k) < doc.body.size();) {
        const core::Block& b = doc.body[static_cast<std::size_t>(k)];
        const std::string t = block_text(b);
        const bool meta_line = b.kind == core::BlockKind::Paragraph && !t.empty() && t.size() < 100 &&
                               t.back() != '.' && t.back() != '!' && t.back() != '?' && t.back() != '"' &&
                               (core::has_byline_prefix(t) || core::find_date(t, language) ||
                                (t.size() < 60 && (t.starts_with("Updated") || t.starts_with("Published") ||
                                                   t.starts_with("Posted") || t.starts_with("Last updated"))));
        if (!meta_line) {
            ++k;
            continue;
        }
        if (doc.meta.date.iso.empty())
            if (auto d = core::find_date(t, language))
                doc.meta.date = *d;
        doc.body.erase(doc.body.begin() + k);
    }
    take_end_bio(doc.body, doc.meta.authors);
    // contact and promotion lines closing the text ("Email X at x@y.com or follow him @x",
    // "Subscribe to our newsletter", "X contributed to this report"), before and after a closing
    // note about the author
    auto drop_promotion = [&] {
        for (int k = 0; k < 3 && !doc.body.empty(); ++k) {
            const core::Block& b = doc.body.back();
            const std::string t = core::to_lower(block_text(b));
            static constexpr std::array cues{"subscribe",      "newsletter",      "sign up",
                                             "follow us",      "follow me",       "if you enjoyed",
                                             "like this story", "contributed to this report",
                                             "contributed to this article"};
            // "Citation: <title> (2019, November 18) retrieved 20 November 2019 from https://..."
            const bool how_to_cite = t.starts_with("citation:") || t.starts_with("cite this") ||
                                     (t.find(" retrieved ") != std::string::npos && t.find(" from http") != std::string::npos);
            const bool promo = b.kind == core::BlockKind::Paragraph && t.size() < 300 &&
                               (t.find('@') != std::string::npos || how_to_cite ||
                                std::any_of(cues.begin(), cues.end(), [&](const char* c) { return t.find(c) != std::string::npos; }));
            if (!promo)
                break;
            doc.body.pop_back();
        }
    };
    drop_promotion();
    if (take_author_notes(doc.body, doc.meta))
        drop_promotion();
    if (doc.meta.abstract.empty() && !doc.body.empty() && doc.body.front().kind == core::BlockKind::Paragraph &&
        is_all_italic(doc.body.front().content) && block_text(doc.body.front()).size() >= 60 && doc.body.size() > 1) {
        doc.meta.abstract = std::move(doc.body.front().content);
        doc.body.erase(doc.body.begin());
        // the italics only set the lede off; the abstract itself is plain
        if (doc.meta.abstract.size() == 1 && doc.meta.abstract.front().kind == core::InlineKind::Italic)
            doc.meta.abstract = std::vector<core::Inline>(doc.meta.abstract.front().children);
    }
    if (doc.meta.abstract.empty() && !pm.abstract.empty())
        doc.meta.abstract.push_back(core::Inline::make_text(pm.abstract));
    // a "lede" that introduces the author is the author's bio
    if (take_author_note(core::plain_text(doc.meta.abstract), doc.meta.authors))
        doc.meta.abstract.clear();
    if (!pm.journal.empty()) {
        doc.meta.series = pm.journal;
        if (!pm.volume.empty())
            doc.meta.series += ", Volume " + pm.volume;
        if (!pm.issue.empty())
            doc.meta.series += ", Issue " + pm.issue;
    }
    if (doc.body.empty() && doc.meta.abstract.empty())
        diags.warn("html.no-text", "no article text was found on the page");
    return doc;
}

} // namespace colophon::html
