#include "pagemeta/declared_metadata.h"

#include "core/bylines.h"
#include "core/text.h"
#include "dom/html_dom.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <map>
#include <unordered_map>

namespace colophon::pagemeta {

namespace {

using core::Author;
using nlohmann::json;

std::string lower_ascii(std::string_view s)
{
    std::string out(s);
    for (char &c : out)
        if (c >= 'A' && c <= 'Z')
            c = static_cast<char>(c - 'A' + 'a');
    return out;
}

void add(std::vector<SourcedValue> &v, std::string value, const char *source)
{
    value = core::clean_text(value);
    if (!value.empty())
        v.push_back({std::move(value), source});
}

bool is_url(std::string_view s)
{
    return s.starts_with("http://") || s.starts_with("https://") || s.starts_with("//") ||
           s.starts_with("/");
}

// ---- JSON-LD --------------------------------------------------------------------------------

std::string json_text(const json &j)
{
    if (j.is_string())
        return core::clean_text(j.get<std::string>());
    if (j.is_array() && !j.empty())
        return json_text(j.front());
    if (j.is_object()) {
        for (const char *k : {"name", "@value", "headline"})
            if (j.contains(k))
                return json_text(j[k]);
    }
    if (j.is_number_integer())
        return std::to_string(j.get<long long>());
    return {};
}

bool has_type(const json &obj, std::initializer_list<std::string_view> names)
{
    if (!obj.is_object() || !obj.contains("@type"))
        return false;
    const json &t = obj["@type"];
    auto match = [&](const json &x) {
        if (!x.is_string())
            return false;
        std::string s = x.get<std::string>();
        const auto colon = s.rfind('/');
        if (colon != std::string::npos)
            s = s.substr(colon + 1);
        return std::find(names.begin(), names.end(), s) != names.end();
    };
    if (t.is_array())
        return std::any_of(t.begin(), t.end(), match);
    return match(t);
}

bool is_article(const json &obj)
{
    return has_type(obj, {"Article", "NewsArticle", "ScholarlyArticle", "BlogPosting", "Report",
                          "TechArticle", "AnalysisNewsArticle", "OpinionNewsArticle",
                          "ReportageNewsArticle", "BackgroundNewsArticle", "Blog",
                          "LiveBlogPosting", "SocialMediaPosting", "Review",
                          "MedicalScholarlyArticle", "DiscussionForumPosting"});
}

void collect_objects(const json &j, std::vector<const json *> &out, int depth)
{
    if (depth > 8)
        return;
    if (j.is_array()) {
        for (const json &x : j)
            collect_objects(x, out, depth + 1);
    } else if (j.is_object()) {
        out.push_back(&j);
        if (j.contains("@graph"))
            collect_objects(j["@graph"], out, depth + 1);
        if (j.contains("mainEntity"))
            collect_objects(j["mainEntity"], out, depth + 1);
    }
}

const json &resolve_ref(const json &j, const std::unordered_map<std::string, const json *> &by_id)
{
    if (j.is_object() && j.contains("@id") && j.size() <= 2 && !j.contains("name")) {
        const json &id = j["@id"];
        if (id.is_string()) {
            const auto it = by_id.find(id.get<std::string>());
            if (it != by_id.end())
                return *it->second;
        }
    }
    return j;
}

void jsonld_authors(const json &a, const std::unordered_map<std::string, const json *> &by_id,
                    std::vector<Author> &out, int depth)
{
    if (depth > 4)
        return;
    if (a.is_array()) {
        for (const json &x : a)
            jsonld_authors(x, by_id, out, depth + 1);
        return;
    }
    const json &r = resolve_ref(a, by_id);
    if (r.is_string()) {
        const std::string s = core::clean_text(r.get<std::string>());
        if (!s.empty() && !is_url(s)) {
            const auto parsed = core::parse_byline(s);
            if (parsed.size() > 1)
                out.insert(out.end(), parsed.begin(), parsed.end());
            else
                out.push_back({s, {}, {}});
        }
        return;
    }
    if (!r.is_object() || has_type(r, {"Organization", "NewsMediaOrganization"}))
        return;
    Author au;
    au.name = json_text(r.value("name", json()));
    if (au.name.empty() && r.contains("givenName"))
        au.name = core::clean_text(json_text(r["givenName"]) + " " +
                                   json_text(r.value("familyName", json())));
    if (r.contains("affiliation"))
        au.affiliation = json_text(resolve_ref(r["affiliation"], by_id));
    if (r.contains("jobTitle") && au.role.empty())
        au.role = json_text(r["jobTitle"]);
    if (!au.name.empty() && !is_url(au.name))
        out.push_back(std::move(au));
}

void read_jsonld(const std::string &text, PageMeta &m, std::vector<SourcedValue> &titles,
                 std::vector<SourcedValue> &dates, std::vector<SourcedValue> &publishers,
                 std::vector<SourcedValue> &urls, std::vector<SourcedValue> &langs,
                 std::vector<Author> &authors)
{
    const json root = json::parse(text, nullptr, false);
    if (root.is_discarded())
        return;
    std::vector<const json *> objs;
    collect_objects(root, objs, 0);
    std::unordered_map<std::string, const json *> by_id;
    for (const json *o : objs)
        if (o->contains("@id") && (*o)["@id"].is_string())
            by_id.emplace((*o)["@id"].get<std::string>(), o);
    const json *article = nullptr;
    for (const json *o : objs)
        if (is_article(*o)) {
            article = o;
            break;
        }
    // a question-and-answer thread: the question is its post (an FAQ's questions are not)
    if (article == nullptr)
        for (const json *o : objs)
            if (has_type(*o, {"QAPage"}) && o->contains("mainEntity") &&
                has_type((*o)["mainEntity"], {"Question"})) {
                article = &(*o)["mainEntity"];
                break;
            }
    if (article == nullptr)
        for (const json *o : objs)
            if (has_type(*o, {"WebPage", "ItemPage"}) && o->contains("headline")) {
                article = o;
                break;
            }
    if (article == nullptr)
        return;
    const json &a = *article;
    m.has_article_jsonld = true;
    if (a.contains("headline"))
        add(titles, json_text(a["headline"]), "jsonld");
    else if (a.contains("name"))
        add(titles, json_text(a["name"]), "jsonld");
    if (a.contains("alternativeHeadline"))
        m.alternative_headline = json_text(a["alternativeHeadline"]);
    for (const char *k : {"datePublished", "dateCreated", "uploadDate"})
        if (a.contains(k)) {
            add(dates, json_text(a[k]), "jsonld");
            break;
        }
    if (a.contains("publisher"))
        add(publishers, json_text(resolve_ref(a["publisher"], by_id)), "jsonld");
    if (a.contains("url"))
        add(urls, json_text(a["url"]), "jsonld");
    else if (a.contains("mainEntityOfPage")) {
        const json &page = a["mainEntityOfPage"];
        add(urls, page.is_object() ? json_text(page.value("@id", json())) : json_text(page),
            "jsonld");
    }
    if (a.contains("inLanguage"))
        add(langs, json_text(a["inLanguage"]), "jsonld");
    if (a.contains("author"))
        jsonld_authors(a["author"], by_id, authors, 0);
    else if (a.contains("creator"))
        jsonld_authors(a["creator"], by_id, authors, 0);
    if (a.contains("keywords")) {
        const json &k = a["keywords"];
        if (k.is_array()) {
            for (const json &x : k)
                if (x.is_string())
                    m.keywords.push_back(core::clean_text(x.get<std::string>()));
        } else if (k.is_string()) {
            std::string s = k.get<std::string>();
            std::size_t i = 0;
            while (i <= s.size()) {
                const std::size_t j = std::min(s.find(',', i), s.size());
                std::string w = core::clean_text(s.substr(i, j - i));
                if (!w.empty())
                    m.keywords.push_back(std::move(w));
                i = j + 1;
            }
        }
    }
    if (a.contains("abstract") && m.abstract.empty())
        m.abstract = json_text(a["abstract"]);
    if (a.contains("description") && m.description.empty())
        m.description = json_text(a["description"]);
    if (a.contains("isPartOf") && m.journal.empty() && has_type(a, {"ScholarlyArticle"}))
        m.journal = json_text(resolve_ref(a["isPartOf"], by_id));
}

// ---- microdata ------------------------------------------------------------------------------

std::string itemprop_value(const xmlNode *n)
{
    for (const char *a : {"content", "datetime", "href", "src"})
        if (dom::has_attr(n, a))
            return core::clean_text(dom::attr_view(n, a));
    return dom::text_of(n);
}

void read_microdata(xmlNode *scope, std::vector<SourcedValue> &titles,
                    std::vector<SourcedValue> &dates, std::vector<Author> &authors)
{
    for (xmlNode *n = scope->children ? scope : nullptr; n != nullptr;
         n = dom::next_in_order(n, scope)) {
        if (n == scope || n->type != XML_ELEMENT_NODE)
            continue;
        const std::string_view prop = dom::attr_view(n, "itemprop");
        if (prop.empty())
            continue;
        if (prop == "headline" || (prop == "name" && titles.empty() &&
                                   dom::has_attr(n->parent, "itemscope") && n->parent == scope))
            add(titles, itemprop_value(n), "microdata");
        else if (prop == "datePublished")
            add(dates, itemprop_value(n), "microdata");
        else if (prop == "author" || prop == "creator") {
            Author au;
            if (dom::has_attr(n, "itemscope")) {
                for (xmlNode *k = n; k != nullptr; k = dom::next_in_order(k, n))
                    if (dom::attr_view(k, "itemprop") == "name") {
                        au.name = itemprop_value(k);
                        break;
                    }
            } else {
                au.name = itemprop_value(n);
            }
            au.name = core::clean_text(au.name);
            if (!au.name.empty() && !is_url(au.name) && au.name.size() < 120)
                authors.push_back(std::move(au));
        }
    }
}

} // namespace

std::string strip_site_suffix(const std::string &title, const std::string &site)
{
    static const char *seps[] = {" | ", " – ", " — ", " - ", " :: ", " · ", " » "};
    for (const char *sep : seps) {
        const auto pos = title.rfind(sep);
        if (pos == std::string::npos || pos == 0)
            continue;
        const std::string tail =
            core::clean_text(title.substr(pos + std::char_traits<char>::length(sep)));
        if (!site.empty() && core::to_lower(tail) == core::to_lower(site))
            return core::clean_text(title.substr(0, pos));
        const std::string head = core::clean_text(title.substr(0, pos));
        if (head.size() >= 2 * tail.size() && tail.size() < 40)
            return head;
    }
    return title;
}

namespace {

// Every declared value of the page, one list per source, so that merge_sources can order them by
// how far each source is trusted (citation tags first, then JSON-LD, microdata, Open Graph...).
struct MetaSources
{
    std::vector<SourcedValue> t_citation, t_jsonld, t_micro, t_og, t_twitter, t_dc;
    std::vector<SourcedValue> d_citation, d_jsonld, d_og, d_micro, d_dc, d_meta;
    std::vector<SourcedValue> p_og, p_jsonld, p_citation, p_dc, p_app;
    std::vector<SourcedValue> u_canon, u_og, u_jsonld, u_citation;
    std::vector<SourcedValue> l_html, l_meta, l_jsonld, l_citation, l_og;
    std::vector<Author> a_citation, a_jsonld, a_micro, a_meta, a_dc;
};

// A <meta> name that says it holds the publication date: a word of publishing ("published",
// "publish", "publication", "pub") and none of changing ("modified", "updated"), the date
// itself or its time named or implied ("published", "publish-date", "article.published",
// "original-publish-date", "publication_date", "datePublished").
bool names_publication_date(std::string_view key)
{
    std::vector<std::string> words;
    std::string w;
    for (const char c : key) {
        if (c == '-' || c == '_' || c == '.' || c == ':') {
            if (!w.empty())
                words.push_back(std::move(w));
            w.clear();
        } else {
            w += c;
        }
    }
    if (!w.empty())
        words.push_back(std::move(w));
    bool publishing = false;
    for (const std::string &word : words) {
        if (word == "modified" || word == "updated" || word == "expires" || word == "expiry")
            return false;
        publishing = publishing || word == "published" || word == "publish" ||
                     word == "publication" || word == "datepublished" || word == "publishdate";
    }
    return publishing && words.size() <= 4;
}

// "a, b; c" into `keywords`, each once.
void add_keywords(const std::string &v, std::vector<std::string> &keywords)
{
    std::size_t i = 0;
    while (i <= v.size()) {
        const std::size_t j = std::min(v.find_first_of(",;", i), v.size());
        std::string w = core::clean_text(v.substr(i, j - i));
        if (!w.empty() && std::find(keywords.begin(), keywords.end(), w) == keywords.end())
            keywords.push_back(std::move(w));
        i = j + 1;
    }
}

// One <meta> element: its key (property, name or itemprop) says which source list it joins.
void read_meta_tag(xmlNode *n, PageMeta &m, MetaSources &s)
{
    std::string key = lower_ascii(dom::attr_view(n, "property"));
    if (key.empty())
        key = lower_ascii(dom::attr_view(n, "name"));
    if (key.empty())
        key = lower_ascii(dom::attr_view(n, "itemprop"));
    const std::string http_equiv = lower_ascii(dom::attr_view(n, "http-equiv"));
    const std::string v = core::clean_text(dom::attr_view(n, "content"));
    if (v.empty())
        return;
    if (http_equiv == "content-language")
        add(s.l_meta, v, "meta");
    if (key == "citation_title")
        add(s.t_citation, v, "citation");
    else if (key == "og:title")
        add(s.t_og, v, "og");
    else if (key == "twitter:title")
        add(s.t_twitter, v, "twitter");
    else if (key == "dc.title" || key == "dcterms.title")
        add(s.t_dc, v, "dc");
    else if (key == "citation_author" || key == "dc.creator" || key == "dcterms.creator") {
        auto &target = key == "citation_author" ? s.a_citation : s.a_dc;
        std::string name = v;
        // Highwire writes "Last, First".
        const auto comma = name.find(", ");
        if (comma != std::string::npos && name.find(',', comma + 1) == std::string::npos &&
            name.size() - comma > 3)
            name = name.substr(comma + 2) + " " + name.substr(0, comma);
        target.push_back({name, {}, {}});
    } else if (key == "citation_author_institution" || key == "citation_author_affiliation") {
        if (!s.a_citation.empty() && s.a_citation.back().affiliation.empty())
            s.a_citation.back().affiliation = v;
    } else if (key == "author" || key == "article:author" || key == "parsely-author" ||
               key == "sailthru.author") {
        if (!is_url(v)) {
            auto parsed = core::parse_byline(v);
            if (parsed.empty())
                s.a_meta.push_back({v, {}, {}});
            else
                s.a_meta.insert(s.a_meta.end(), parsed.begin(), parsed.end());
        }
    } else if (key == "citation_publication_date" || key == "citation_date" ||
               key == "citation_online_date" || key == "citation_cover_date") {
        add(s.d_citation, v, "citation");
    } else if (key == "article:published_time" || key == "og:published_time" ||
               key == "og:article:published_time") {
        add(s.d_og, v, "og");
    } else if (key == "dc.date" || key == "dcterms.date" || key == "dcterms.issued" ||
               key == "dc.date.issued" || key == "dcterms.created" || key == "dc.date.created") {
        add(s.d_dc, v, "dc");
    } else if (key == "date" || key == "pubdate" || key == "sailthru.date" ||
               key == "parsely-pub-date" || names_publication_date(key)) {
        add(s.d_meta, v, "meta");
    } else if (key == "og:site_name") {
        add(s.p_og, v, "og");
    } else if (key == "citation_publisher" || key == "dc.publisher" || key == "dcterms.publisher") {
        add(key == "citation_publisher" ? s.p_citation : s.p_dc, v, "citation");
    } else if (key == "application-name") {
        add(s.p_app, v, "meta");
    } else if (key == "og:url") {
        add(s.u_og, v, "og");
    } else if (key == "citation_abstract_html_url" || key == "citation_public_url") {
        add(s.u_citation, v, "citation");
    } else if (key == "citation_language" || key == "dc.language" || key == "dcterms.language") {
        add(s.l_citation, v, "citation");
    } else if (key == "language" || key == "content-language") {
        add(s.l_meta, v, "meta");
    } else if (key == "og:locale") {
        add(s.l_og, v, "og");
    } else if (key == "citation_journal_title") {
        m.journal = v;
    } else if (key == "citation_volume") {
        m.volume = v;
    } else if (key == "citation_issue") {
        m.issue = v;
    } else if (key == "citation_abstract" || key == "dc.description" || key == "dcterms.abstract") {
        if (m.abstract.empty() && (key != "dc.description" || !s.a_citation.empty()))
            m.abstract = v;
    } else if (key == "description" || key == "og:description") {
        if (m.description.empty())
            m.description = v;
    } else if (key == "keywords" || key == "news_keywords" || key == "article:tag" ||
               key == "citation_keywords") {
        add_keywords(v, m.keywords);
    }
}

// One element of the page: <title>, <meta>, <link rel=canonical>, <base>, JSON-LD scripts,
// rel=author links, schema.org microdata items.
void read_element(xmlNode *n, PageMeta &m, MetaSources &s)
{
    const std::string_view t = dom::tag_of(n);
    if (t == "title" && m.title_tag.empty()) {
        m.title_tag = dom::text_of(n);
    } else if (t == "meta") {
        read_meta_tag(n, m, s);
    } else if (t == "link") {
        const std::string rel = lower_ascii(dom::attr_view(n, "rel"));
        if (rel == "canonical")
            add(s.u_canon, std::string(dom::attr_view(n, "href")), "canonical");
    } else if (t == "base" && m.base_href.empty()) {
        m.base_href = core::clean_text(dom::attr_view(n, "href"));
    } else if (t == "script") {
        const std::string type = lower_ascii(dom::attr_view(n, "type"));
        if (type.find("ld+json") != std::string::npos) {
            std::string text;
            dom::append_raw_text(n, text);
            read_jsonld(text, m, s.t_jsonld, s.d_jsonld, s.p_jsonld, s.u_jsonld, s.l_jsonld,
                        s.a_jsonld);
        }
    } else if (t == "a" &&
               lower_ascii(dom::attr_view(n, "rel")).find("author") != std::string::npos) {
        const std::string name = dom::text_of(n);
        if (core::looks_like_person_name(name))
            m.rel_author_names.push_back(name);
    }
    if (dom::has_attr(n, "itemscope")) {
        const std::string_view type = dom::attr_view(n, "itemtype");
        if (type.find("Article") != std::string_view::npos ||
            type.find("BlogPosting") != std::string_view::npos)
            read_microdata(n, s.t_micro, s.d_micro, s.a_micro);
    }
}

// The sources' values into `m` in order of trust; each source's authors as one set, each name once.
void merge_sources(MetaSources &s, PageMeta &m)
{
    auto cat = [](std::vector<SourcedValue> &into,
                  std::initializer_list<std::vector<SourcedValue> *> parts) {
        for (auto *p : parts)
            into.insert(into.end(), p->begin(), p->end());
    };
    cat(m.titles, {&s.t_citation, &s.t_jsonld, &s.t_micro, &s.t_og, &s.t_twitter, &s.t_dc});
    cat(m.dates, {&s.d_citation, &s.d_jsonld, &s.d_og, &s.d_micro, &s.d_dc, &s.d_meta});
    cat(m.publishers, {&s.p_og, &s.p_jsonld, &s.p_citation, &s.p_dc, &s.p_app});
    cat(m.urls, {&s.u_canon, &s.u_og, &s.u_jsonld, &s.u_citation});
    cat(m.languages, {&s.l_html, &s.l_meta, &s.l_citation, &s.l_jsonld, &s.l_og});
    for (auto *set : {&s.a_citation, &s.a_jsonld, &s.a_micro, &s.a_meta, &s.a_dc}) {
        // the same person named by two tags of one source ("author" and "sailthru.author")
        std::vector<Author> unique;
        for (const Author &a : *set)
            if (std::none_of(unique.begin(), unique.end(), [&](const Author &b) {
                    return core::to_lower(a.name) == core::to_lower(b.name);
                }))
                unique.push_back(a);
        if (!unique.empty())
            m.author_sets.push_back(std::move(unique));
    }
}

} // namespace

PageMeta collect_page_meta(xmlDoc *doc)
{
    PageMeta m;
    xmlNode *root = xmlDocGetRootElement(doc);
    if (root == nullptr)
        return m;
    MetaSources s;
    add(s.l_html, std::string(dom::attr_view(root, "lang")), "html");
    if (s.l_html.empty())
        add(s.l_html, std::string(dom::attr_view(root, "xml:lang")), "html");
    for (xmlNode *n = root; n != nullptr; n = dom::next_in_order(n, root))
        if (n->type == XML_ELEMENT_NODE)
            read_element(n, m, s);
    merge_sources(s, m);
    return m;
}

} // namespace colophon::pagemeta
