#include "html/html_converter.h"

#include "core/bylines.h"
#include "core/dates.h"
#include "core/language.h"
#include "core/text.h"
#include "dom/html_charset.h"
#include "dom/html_dom.h"
#include "html/html_blocks.h"
#include "html/html_body_tidy.h"
#include "html/html_byline.h"
#include "html/html_cleaning.h"
#include "html/html_declared_text.h"
#include "html/html_facts.h"
#include "html/html_fallback.h"
#include "html/html_links.h"
#include "html/html_main_text.h"
#include "html/html_notes.h"
#include "html/html_page_features.h"
#include "html/html_page_model.h"
#include "html/html_trace.h"
#include "pagemeta/author_names.h"
#include "pagemeta/date_order.h"
#include "pagemeta/site_heading.h"
#include "pagemeta/title_choice.h"
#include "pagemeta/title_words.h"
#include "pagemeta/visible_byline.h"
#include "pagemeta/visible_date.h"
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

using pagemeta::PageMeta;
using pagemeta::SourcedValue;

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
    return dom::parse_html_utf8(utf8, url, page_parse_options());
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

} // namespace

int page_parse_options()
{
    return HTML_PARSE_RECOVER | HTML_PARSE_NONET | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING |
           HTML_PARSE_IGNORE_ENC | HTML_PARSE_COMPACT | XML_PARSE_HUGE | XML_PARSE_BIG_LINES;
}

// 1. The page's bytes as UTF-8; refuses what cannot be an HTML page.
dom::DecodedHtml read_page_text(const core::Input &input, const core::ConvertOptions &options,
                                core::Diagnostics &diags)
{
    if (input.bytes.size() > options.limits.max_input_bytes)
        throw ConversionError("input.too-large", input.display_name, "the page is larger than the input limit");
    if (core::trim(input.bytes).empty())
        throw ConversionError("html.empty", input.display_name, "the file is empty");
    if (looks_binary(input.bytes))
        throw ConversionError("html.binary", input.display_name, "the file is binary data, not an HTML page");
    dom::DecodedHtml decoded = dom::decode_html(input.bytes);
    diags.info("html.charset", "read as " + decoded.charset + " (" + decoded.how + ")");
    if (decoded.repaired)
        diags.warn("html.invalid-encoding", "invalid " + decoded.charset + " byte sequences were replaced");
    return decoded;
}

namespace {

// 2. The parsed tree; refuses a page without any element.
xml::XmlDocPtr parse_page(std::string_view utf8, const core::Input& input)
{
    xml::XmlDocPtr tree = parse_html(utf8, input.display_name.empty() ? "input.html" : input.display_name);
    if (!tree || xmlDocGetRootElement(tree.get()) == nullptr)
        throw ConversionError("html.unparsable", input.display_name, "no HTML element could be read");
    return tree;
}

// 3. Language, address, publisher and keywords the page declares; returns the base links resolve against.
std::string take_declared_metadata(const PageMeta& pm, const core::ConvertOptions& options, core::Metadata& meta)
{
    for (const SourcedValue& v : pm.languages)
        if (!(meta.language = core::normalise_language_tag(v.value)).empty())
            break;
    meta.canonical_url = first_page_url(pm.urls);
    if (!meta.canonical_url.empty() && !options.base_url.empty())
        meta.canonical_url = resolve_link(meta.canonical_url, options.base_url);
    std::string base = options.base_url;
    if (!meta.canonical_url.empty() && meta.canonical_url.find("://") != std::string::npos)
        base = meta.canonical_url;
    if (!pm.base_href.empty())
        base = base.empty() ? pm.base_href : resolve_link(pm.base_href, base);
    meta.publisher = first_value(pm.publishers);
    meta.keywords = pm.keywords;
    return base;
}

// 4. Removes what is never content, marks chrome and scores every element; returns the body.
xmlNode *clean_and_score(xmlDoc *tree, FactsTable &facts, int max_depth,
                         const hints::HintContext &hints, core::Diagnostics &diags)
{
    const CleaningReport cleaning = remove_never_content(xmlDocGetRootElement(tree), max_depth);
    if (cleaning.flattened)
        diags.warn("html.too-deep",
                   "elements nested deeper than " + std::to_string(max_depth) + " levels were flattened into text");
    xmlNode *body = dom::body_with_strays(tree);
    facts.index(body);
    compute_text_stats(facts, body, false);
    mark_boilerplate(facts, body, hints);
    compute_text_stats(facts, body, true);
    return body;
}

// The page's address as declared (canonical, og:url, ...), else the base URL given.
std::string page_address(const PageMeta& pm, const core::ConvertOptions& options)
{
    const std::string url = first_page_url(pm.urls);
    return url.empty() ? options.base_url : url;
}

// Titles the page declares, in precedence order, the <title> without its site-name suffix last.
std::vector<std::string> declared_titles(const PageMeta& pm, const std::string& publisher)
{
    std::vector<std::string> declared;
    for (const SourcedValue& v : pm.titles)
        declared.push_back(v.value);
    const std::string tag_title = pagemeta::strip_site_suffix(pm.title_tag, publisher);
    if (!tag_title.empty())
        declared.push_back(tag_title);
    return declared;
}

// What the title is chosen from: the declared titles (the <title> as it stands, site name
// and all), the site's names, and the <h1> headings outside boilerplate.
pagemeta::TitleEvidence title_evidence(const PageMeta &pm, FactsTable &facts, xmlNode *body,
                                       const std::string &address)
{
    pagemeta::TitleEvidence e;
    for (const SourcedValue &v : pm.titles)
        e.declared.push_back(v.value);
    if (const std::string tag = core::clean_text(pm.title_tag); !tag.empty())
        e.declared.push_back(tag);
    for (const SourcedValue &v : pm.publishers)
        e.site_names.push_back(v.value);
    e.address = address;
    for (xmlNode *h : facts.elements()) {
        bool chrome = false;
        for (const xmlNode *p = h; p != nullptr && p != body && !chrome; p = p->parent)
            chrome = facts[p].excluded;
        if (dom::tag_of(h) != "h1" || chrome)
            continue;
        // the site's name linked home is the site's, not the page's
        if (pagemeta::heading_links_home(h))
            e.site_names.push_back(dom::text_of(h));
        else
            e.headings.push_back(dom::text_of(h));
    }
    return e;
}

// The first <h1> outside boilerplate, where a page without a recognised title heading shows
// its byline and date.
xmlNode *first_heading(FactsTable &facts, xmlNode *body)
{
    for (xmlNode *h : facts.elements()) {
        bool chrome = false;
        for (const xmlNode *p = h; p != nullptr && p != body && !chrome; p = p->parent)
            chrome = facts[p].excluded;
        if (dom::tag_of(h) == "h1" && !chrome && dom::letters_of(h, 0) > 0)
            return h;
    }
    return nullptr;
}

// 6a. Title and subtitle: the heading weighed against the declared titles; the subtitle shown
// under the visible title when that is the title chosen.
void take_title(const VisibleTitle &vt, const pagemeta::TitleEvidence &evidence, const PageMeta &pm,
                core::Metadata &meta)
{
    meta.title = pagemeta::choose_title(evidence);
    if (meta.title.empty() && vt.title != nullptr)
        meta.title = dom::text_of(vt.title);
    if (vt.title != nullptr && vt.subtitle != nullptr &&
        pagemeta::same_words(dom::text_of(vt.title), meta.title))
        meta.subtitle = dom::text_of(vt.subtitle);
    if (meta.subtitle.empty() && !pm.alternative_headline.empty() && !same_name(pm.alternative_headline, meta.title))
        meta.subtitle = pm.alternative_headline;
}

// Each author's name cleaned (pagemeta::clean_author_name), those that name no one dropped,
// each name once.
void clean_authors(const pagemeta::AuthorContext &context, std::vector<core::Author> &authors)
{
    std::vector<core::Author> kept;
    for (core::Author &a : authors) {
        const auto name = pagemeta::clean_author_name(a.name, context);
        if (!name || std::any_of(kept.begin(), kept.end(),
                                 [&](const core::Author &k) { return same_name(k.name, *name); }))
            continue;
        a.name = *name;
        kept.push_back(std::move(a));
    }
    authors = std::move(kept);
}

// 6b. Authors: the first declared source that names anyone, else what the page shows; every
// source then completes affiliations and roles.
void take_authors(const PageMeta& pm, const std::vector<core::Author>& visible, core::Metadata& meta)
{
    for (const auto& set : pm.author_sets)
        if (!set.empty()) {
            meta.authors = set;
            break;
        }
    if (meta.authors.empty())
        for (const std::string& n : pm.rel_author_names)
            if (std::none_of(meta.authors.begin(), meta.authors.end(),
                             [&](const core::Author& a) { return same_name(a.name, n); }))
                meta.authors.push_back({n, {}, {}});
    if (meta.authors.empty())
        meta.authors = visible;
    for (const auto& set : pm.author_sets)
        merge_authors(meta.authors, set);
    merge_authors(meta.authors, visible);
}

// 6c. Date: the declared ISO date, with the printed text when the page shows the same day.
void take_date(const PageMeta &pm, const std::optional<core::PublicationDate> &visible,
               const std::string &language, core::Metadata &meta)
{
    std::optional<core::PublicationDate> declared;
    for (const SourcedValue& v : pm.dates)
        if ((declared = core::parse_date(v.value, language)))
            break;
    if (declared && visible && visible->iso.starts_with(declared->iso.substr(0, 10)))
        meta.date = {declared->iso.size() >= visible->iso.size() ? declared->iso : visible->iso, visible->text};
    else if (declared)
        meta.date = *declared;
    else if (visible)
        meta.date = *visible;
    if (meta.date.iso.size() > 10)
        meta.date.iso = meta.date.iso.substr(0, 10);
}

// 6d. A lede marked as such becomes the abstract (an abstract section with its own heading:
// only its paragraphs) and leaves the body.
void take_marked_lede(FactsTable& facts, xmlNode* region, xmlNode* content, BlockContext& ctx, core::Metadata& meta)
{
    xmlNode* lede = find_marked_lede(facts, region, content);
    if (lede == nullptr)
        return;
    std::vector<xmlNode*> paras;
    for (xmlNode* c = lede->children; c != nullptr; c = c->next)
        if (dom::tag_of(c) == "p")
            paras.push_back(c);
    if (paras.empty()) {
        meta.abstract = build_inlines(lede, ctx);
    } else {
        for (xmlNode* p : paras) {
            auto more = build_inlines(p, ctx);
            if (!meta.abstract.empty() && !more.empty())
                meta.abstract.push_back(core::Inline::make_text(" "));
            meta.abstract.insert(meta.abstract.end(), more.begin(), more.end());
        }
    }
    facts[lede].metadata = true;
}

// 9. What only the declarations give once the body is known: an abstract when the page shows
// none (unless it is the author's bio) and the journal line.
void take_declared_abstract_and_series(const PageMeta& pm, core::Metadata& meta)
{
    if (meta.abstract.empty() && !pm.abstract.empty())
        meta.abstract.push_back(core::Inline::make_text(pm.abstract));
    if (take_author_note(core::plain_text(meta.abstract), meta.authors))
        meta.abstract.clear();
    if (!pm.journal.empty()) {
        meta.series = pm.journal;
        if (!pm.volume.empty())
            meta.series += ", Volume " + pm.volume;
        if (!pm.issue.empty())
            meta.series += ", Issue " + pm.issue;
    }
}

} // namespace

bool HtmlConverter::accepts(const core::Input& input) const
{
    return input.type == core::MediaType::Html;
}

std::size_t parse_only(const std::string& bytes)
{
    const dom::DecodedHtml decoded = dom::decode_html(bytes);
    const xml::XmlDocPtr doc = parse_html(decoded.utf8(), "input.html");
    std::size_t n = 0;
    xmlNode* root = doc ? xmlDocGetRootElement(doc.get()) : nullptr;
    for (xmlNode *e = root; e != nullptr; e = dom::next_in_order(e, root))
        ++n;
    return n;
}

hints::HintContext hints_for(const PageProfile &profile)
{
    hints::HintContext hints;
    hints.comments_are_content = profile.comments_are_content;
    hints.reviews_are_chrome = profile.reviews_are_chrome;
    hints.metadata_is_content = profile.cards;
    return hints;
}

ScoredPage score_tree(xml::XmlDocPtr tree, const core::ConvertOptions &options,
                      core::Diagnostics &diags)
{
    ScoredPage page;
    page.tree = std::move(tree);
    // 3. metadata the page declares (before cleaning: JSON-LD lives in scripts), the kind of page
    page.declared = pagemeta::collect_page_meta(page.tree.get());
    page.signals = read_page_signals(page.tree.get());
    page.address = page_address(page.declared, options);
    page.kind_features = page_features(page.tree.get(), page.signals, page.address);
    page.profile = options.page_type.empty() ? &classify_page(page.kind_features, page.signals, page.address)
                                             : &page_profile(options.page_type);
    // 4. clean and score
    page.body = clean_and_score(page.tree.get(), page.facts, options.limits.max_nesting_depth,
                                hints_for(*page.profile), diags);
    return page;
}

ScoredPage read_scored_page(const core::Input &input, const core::ConvertOptions &options,
                            core::Diagnostics &diags)
{
    // 1.-2. bytes -> UTF-8 -> tree; a converted copy of the page goes as soon as the tree is built
    xml::XmlDocPtr tree;
    {
        const dom::DecodedHtml decoded = read_page_text(input, options, diags);
        tree = parse_page(decoded.utf8(), input);
    }
    return score_tree(std::move(tree), options, diags);
}

core::Document HtmlConverter::convert(const core::Input& input, const core::ConvertOptions& options,
                                      core::Diagnostics& diags)
{
    // 1.-4. bytes -> UTF-8, parse, what the page declares, clean and score
    ScoredPage page = read_scored_page(input, options, diags);
    return convert_scored(page, options, diags, nullptr);
}

core::Document convert_scored(ScoredPage &page, const core::ConvertOptions &options,
                              core::Diagnostics &diags, const PageWindowing *windowing)
{
    core::Document doc;
    doc.extraction.method = "html";
    doc.extraction.source_format = "text/html";
    const PageMeta& pm = page.declared;
    FactsTable& facts = page.facts;
    xmlNode* body = page.body;
    const std::string base = take_declared_metadata(pm, options, doc.meta);
    doc.extraction.page_type = page.profile->type;
    // 5. main content: the densest article-like element, the page's declared main, or the whole
    // main region on pages of cards and rows
    const ContentExtent extent = page.profile->extent;
    xmlNode *content = find_content(facts, body, extent);
    BlockContext ctx;
    ctx.facts = &facts;
    ctx.base_url = base;
    ctx.page_url = doc.meta.canonical_url;
    ctx.max_depth = options.limits.max_nesting_depth;
    ctx.filter_chrome = extent != ContentExtent::whole_region;
    const bool body_continues = windowing != nullptr && windowing->content_found(content, ctx);
    // 6. what the page shows about the article
    const std::vector<std::string> declared = declared_titles(pm, doc.meta.publisher);
    const VisibleTitle vt = find_visible_title(facts, content, declared);
    xmlNode *region = article_region(content, vt.title);
    pagemeta::TitleEvidence evidence = title_evidence(pm, facts, body, page.address);
    if (vt.title != nullptr && !pagemeta::heading_links_home(vt.title))
        evidence.main_heading = dom::text_of(vt.title);
    evidence.slogan_headings = page.profile->slogan_headings;
    take_title(vt, evidence, pm, doc.meta);
    if (auto src = extract_provenance(facts, region, ctx))
        doc.meta.original_source = *src;
    // a page of cards has no byline of its own: the first card's is that card's
    const bool cards = page.profile->cards;
    const auto visible_authors =
        cards ? std::vector<core::Author>() : extract_visible_bylines(facts, region, content);
    const std::string date_language = pagemeta::date_language(doc.meta.language, page.address);
    auto visible_date = cards ? std::nullopt : extract_visible_date(facts, region, date_language);
    xmlNode *heading = vt.title != nullptr ? vt.title : first_heading(facts, body);
    if (!visible_date)
        visible_date = pagemeta::find_date_after_heading(heading, body, date_language);
    take_authors(pm, visible_authors, doc.meta);
    if (doc.meta.authors.empty())
        doc.meta.authors = page.profile->handles_are_authors
                               ? extract_first_poster(facts, region)
                               : pagemeta::find_byline_after_heading(heading, body);
    clean_authors({evidence.site_names, page.address, page.profile->handles_are_authors},
                  doc.meta.authors);
    take_date(pm, visible_date, date_language, doc.meta);
    take_marked_lede(facts, region, content, ctx, doc.meta);
    // 7. notes, then the body
    doc.notes = extract_notes(content, body, ctx);
    doc.body = build_blocks(content, ctx);
    // 8. clean-up of the body: title repeated inside it, furniture, closing bio, set-off lede
    tidy_body(
        doc, declared, doc.meta.language,
        {.leading_meta = !cards, .closing_promotion = page.profile->has_byline && !body_continues});
    // 9. declared abstract and series; a product's declared description the body lacks
    take_declared_abstract_and_series(pm, doc.meta);
    if (page.profile->declared_description &&
        add_declared_description(doc, page.signals.product_description))
        diags.info("html.declared-description",
                   "the body lacked most of the product description the page declares: added");
    // 10. the fallback chain, when the main pass left (almost) nothing
    if (body_is_nearly_empty(doc) && !body_continues)
        rescue_nearly_empty_body(doc, facts, body, page.signals, ctx);
    if (doc.body.empty() && doc.meta.abstract.empty() && !body_continues)
        diags.warn("html.no-text", "no article text was found on the page");
    // 11. kinds of page that carry no byline keep no author or date found on them
    if (!page.profile->has_byline) {
        doc.meta.authors.clear();
        doc.meta.date = {};
    }
    // 12. for the review page: every block of visible text and what became of it
    if (options.trace) {
        doc.trace = std::make_shared<core::ConversionTrace>();
        doc.trace->html_blocks = trace_html_blocks(facts, body, content, doc);
    }
    return doc;
}

} // namespace colophon::html
