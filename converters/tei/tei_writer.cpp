#include "tei/tei_writer.h"

#include "core/text.h"
#include "core/uri.h"
#include "core/version.h"

#include <libxml/dict.h>

#include <cctype>
#include <string_view>

namespace colophon::tei {

namespace {

using xml::to_xml;

// Scheme of the page-type classCode: colophon's own list of web page kinds (README, TEI mapping).
constexpr const char* page_type_scheme = "https://colophon/page-type";

// Thin helpers over the libxml2 tree API; every node belongs to the document once linked.
class TeiBuilder
{
public:
    explicit TeiBuilder(xmlDoc* doc) : doc_(doc) {}

    xmlNode* element(xmlNode* parent, const char* name)
    {
        return xmlNewChild(parent, ns_, to_xml(name), nullptr);
    }

    xmlNode* text_element(xmlNode* parent, const char* name, const std::string& text)
    {
        xmlNode* node = element(parent, name);
        add_text(node, text);
        return node;
    }

    void add_text(xmlNode* parent, const std::string& text)
    {
        if (text.empty())
            return;
        const std::string safe = core::repair_utf8(text);
        xmlAddChild(parent, xmlNewDocTextLen(doc_, to_xml(safe), static_cast<int>(safe.size())));
    }

    static void set(xmlNode* node, const char* name, const std::string& value)
    {
        xmlSetProp(node, to_xml(name), to_xml(core::repair_utf8(value)));
    }

    void set_xml_attr(xmlNode* node, const char* name, const std::string& value)
    {
        xmlSetNsProp(node, xml_ns(node), to_xml(name), to_xml(core::repair_utf8(value)));
    }

    xmlNode* make_root()
    {
        xmlNode* root = xmlNewDocNode(doc_, nullptr, to_xml("TEI"), nullptr);
        ns_ = xmlNewNs(root, to_xml(tei_namespace), nullptr);
        xmlSetNs(root, ns_);
        xmlDocSetRootElement(doc_, root);
        return root;
    }

    void inlines(xmlNode* parent, const std::vector<core::Inline>& content);
    void block(xmlNode* parent, const core::Block& b);

private:
    xmlNs* xml_ns(xmlNode* node) { return xmlSearchNsByHref(doc_, node, XML_XML_NAMESPACE); }

    xmlDoc* doc_;
    xmlNs* ns_ = nullptr;
};

const char* rend_of(core::InlineKind kind)
{
    switch (kind) {
    case core::InlineKind::Italic:
        return "italic";
    case core::InlineKind::Bold:
        return "bold";
    case core::InlineKind::Superscript:
        return "superscript";
    case core::InlineKind::Subscript:
        return "subscript";
    default:
        return nullptr;
    }
}

void TeiBuilder::inlines(xmlNode* parent, const std::vector<core::Inline>& content)
{
    for (const core::Inline& in : content) {
        switch (in.kind) {
        case core::InlineKind::Text:
            add_text(parent, in.text);
            break;
        case core::InlineKind::LineBreak:
            element(parent, "lb");
            break;
        case core::InlineKind::Code:
            add_text(element(parent, "code"), in.text);
            break;
        case core::InlineKind::Link: {
            xmlNode* ref = element(parent, "ref");
            set(ref, "target", core::escape_uri(in.target));
            inlines(ref, in.children);
            break;
        }
        case core::InlineKind::NoteRef: {
            xmlNode* ref = element(parent, "ref");
            set(ref, "type", "noteref");
            set(ref, "target", "#" + in.target);
            add_text(ref, in.text);
            break;
        }
        default: {
            xmlNode* hi = element(parent, "hi");
            set(hi, "rend", rend_of(in.kind));
            inlines(hi, in.children);
        }
        }
    }
}

void TeiBuilder::block(xmlNode* parent, const core::Block& b)
{
    using core::BlockKind;
    switch (b.kind) {
    case BlockKind::Heading:
        // Headings open divisions (see build_body); one met inside a quote or note is a paragraph.
    case BlockKind::Paragraph: {
        xmlNode* p = element(parent, "p");
        inlines(p, b.content);
        break;
    }
    case BlockKind::List: {
        xmlNode* list = element(parent, "list");
        set(list, "rend", b.ordered ? "numbered" : "bulleted");
        int n = b.start;
        for (const core::Block &item : b.children) {
            block(list, item);
            // a numbered list that does not start at 1 numbers its items
            if (b.ordered && b.start != 1)
                set(list->last, "n", std::to_string(n++));
        }
        break;
    }
    case BlockKind::Item: {
        xmlNode* item = element(parent, "item");
        inlines(item, b.content);
        for (const core::Block& child : b.children)
            block(item, child);
        break;
    }
    case BlockKind::Quote: {
        xmlNode* quote = element(parent, "quote");
        for (const core::Block& child : b.children)
            block(quote, child);
        if (!b.content.empty()) {
            xmlNode* p = element(quote, "p");
            inlines(p, b.content);
        }
        break;
    }
    case BlockKind::Table: {
        xmlNode* table = element(parent, "table");
        for (const core::Block& row : b.children)
            block(table, row);
        break;
    }
    case BlockKind::Row: {
        xmlNode* row = element(parent, "row");
        for (const core::Block& cell : b.children)
            block(row, cell);
        break;
    }
    case BlockKind::Cell: {
        xmlNode* cell = element(parent, "cell");
        if (b.header)
            set(cell, "role", "label");
        inlines(cell, b.content);
        break;
    }
    case BlockKind::Figure: {
        xmlNode* figure = element(parent, "figure");
        if (!b.target.empty())
            set(element(figure, "graphic"), "url", core::escape_uri(b.target));
        if (!b.content.empty())
            inlines(element(figure, "head"), b.content);
        break;
    }
    case BlockKind::Code: {
        xmlNode* eg = element(parent, "eg");
        inlines(eg, b.content);
        break;
    }
    }
}

// Nests divisions by heading level: a heading closes every open division of its level or
// deeper and opens a new one; content before the first heading sits in a leading division.
void build_body(TeiBuilder& tb, xmlNode* body, const std::vector<core::Block>& blocks)
{
    struct Open
    {
        int level;
        xmlNode* div;
    };
    std::vector<Open> stack;
    auto current = [&]() -> xmlNode* {
        if (stack.empty())
            stack.push_back({0, tb.element(body, "div")});
        return stack.back().div;
    };
    for (const core::Block& b : blocks) {
        if (b.kind == core::BlockKind::Heading) {
            const int level = b.level > 0 ? b.level : 1;
            while (!stack.empty() && (stack.back().level >= level || stack.back().level == 0))
                stack.pop_back();
            xmlNode* parent = stack.empty() ? body : stack.back().div;
            xmlNode* div = tb.element(parent, "div");
            xmlNode* head = tb.element(div, "head");
            tb.inlines(head, b.content);
            stack.push_back({level, div});
            continue;
        }
        tb.block(current(), b);
    }
    if (blocks.empty())
        current();
}

// An author with the role the page gives and the affiliation printed with the name.
void build_author(TeiBuilder& tb, xmlNode* parent, const core::Author& a)
{
    xmlNode* author = tb.element(parent, "author");
    if (!a.role.empty())
        tb.set(author, "role", a.role);
    tb.text_element(author, "persName", a.name);
    if (!a.affiliation.empty())
        tb.text_element(author, "affiliation", a.affiliation);
}

// titleStmt: the work's title and authors, as the electronic file is titled after it.
void build_title_stmt(TeiBuilder& tb, xmlNode* file_desc, const core::Metadata& m)
{
    xmlNode* title_stmt = tb.element(file_desc, "titleStmt");
    tb.set(tb.text_element(title_stmt, "title", m.title), "type", "main");
    if (!m.subtitle.empty())
        tb.set(tb.text_element(title_stmt, "title", m.subtitle), "type", "sub");
    for (const core::Author& a : m.authors)
        build_author(tb, title_stmt, a);
}

// publicationStmt: the archival copy, not the original (that is sourceDesc). It is not published;
// who holds it is not known to the converter (an empty authority), its licence is the
// catalogue's rights statement.
void build_publication_stmt(TeiBuilder& tb, xmlNode* file_desc, const core::Metadata& m)
{
    xmlNode* pub = tb.element(file_desc, "publicationStmt");
    tb.element(pub, "authority");
    if (!m.rights.empty())
        tb.text_element(tb.element(pub, "availability"), "licence", m.rights);
}

// seriesStmt: the library collection the archival copy belongs to (from the catalogue).
void build_series_stmt(TeiBuilder& tb, xmlNode* file_desc, const core::Metadata& m)
{
    if (!m.collection.empty())
        tb.text_element(tb.element(file_desc, "seriesStmt"), "title", m.collection);
}

// sourceDesc/biblStruct: the original as published. analytic = the article (title, authors with
// affiliations), monogr = where it appeared (URL, publisher or site, date), series = the series
// line, relatedItem = "originally published in".
void build_source_desc(TeiBuilder& tb, xmlNode* file_desc, const core::Metadata& m)
{
    xmlNode* bibl = tb.element(tb.element(file_desc, "sourceDesc"), "biblStruct");

    xmlNode* analytic = tb.element(bibl, "analytic");
    xmlNode* title = tb.text_element(analytic, "title", m.title);
    tb.set(title, "level", "a");
    tb.set(title, "type", "main");
    if (!m.subtitle.empty()) {
        xmlNode* sub = tb.text_element(analytic, "title", m.subtitle);
        tb.set(sub, "level", "a");
        tb.set(sub, "type", "sub");
    }
    for (const core::Author& a : m.authors)
        build_author(tb, analytic, a);

    // monogr: a publisher (possibly unknown, hence empty) keeps the imprint non-empty.
    xmlNode* monogr = tb.element(bibl, "monogr");
    if (!m.canonical_url.empty())
        tb.set(tb.text_element(monogr, "idno", core::escape_uri(m.canonical_url)), "type", "URL");
    xmlNode* imprint = tb.element(monogr, "imprint");
    tb.text_element(imprint, "publisher", m.publisher);
    if (!m.date.iso.empty()) {
        xmlNode* date = tb.text_element(imprint, "date", m.date.text.empty() ? m.date.iso : m.date.text);
        tb.set(date, "when", m.date.iso);
    }

    if (!m.series.empty())
        tb.set(tb.text_element(tb.element(bibl, "series"), "title", m.series), "level", "s");

    const core::OriginalSource& src = m.original_source;
    if (!src.title.empty()) {
        xmlNode* related = tb.element(bibl, "relatedItem");
        tb.set(related, "type", "originallyPublishedIn");
        xmlNode* earlier = tb.element(related, "bibl");
        // Keep the line as printed ("Originally published in the <title>X</title>").
        if (const auto at = src.text.find(src.title); at != std::string::npos && at > 0)
            tb.add_text(earlier, src.text.substr(0, at));
        tb.set(tb.text_element(earlier, "title", src.title), "level", "j");
        if (!src.url.empty())
            tb.set(tb.element(earlier, "ptr"), "target", core::escape_uri(src.url));
    }
}

// application/@version must be a TEI version number ("5.3.0", not "Tesseract 5.3.0"): the first
// run of digits and dots in the engine's version string, or "0" when it has none.
std::string tei_version_number(const std::string& text)
{
    const auto start = text.find_first_of("0123456789");
    if (start == std::string::npos)
        return "0";
    auto end = start;
    int dots = 0;
    while (end < text.size() && (std::isdigit(static_cast<unsigned char>(text[end])) ||
                                 (text[end] == '.' && dots < 3 && end + 1 < text.size() &&
                                  std::isdigit(static_cast<unsigned char>(text[end + 1]))))) {
        dots += text[end] == '.';
        ++end;
    }
    return text.substr(start, end - start);
}

void build_encoding_desc(TeiBuilder& tb, xmlNode* header, const core::Document& doc)
{
    xmlNode* encoding = tb.element(header, "encodingDesc");
    xmlNode* app_info = tb.element(encoding, "appInfo");
    xmlNode* app = tb.element(app_info, "application");
    tb.set(app, "ident", "colophon");
    tb.set(app, "version", tei_version_number(core::version));
    tb.text_element(app, "label", "colophon");
    const std::string method = doc.extraction.method.empty() ? std::string("unknown") : doc.extraction.method;
    const std::string format =
        doc.extraction.source_format.empty() ? std::string() : "; original: " + doc.extraction.source_format;
    tb.text_element(app, "desc", "Extraction method: " + method + format + ".");
    if (!doc.extraction.ocr_engine.empty()) {
        xmlNode* ocr = tb.element(app_info, "application");
        tb.set(ocr, "ident", "ocr");
        tb.set(ocr, "version", tei_version_number(doc.extraction.ocr_engine));
        tb.text_element(ocr, "label", doc.extraction.ocr_engine);
        tb.text_element(ocr, "desc", "Optical character recognition, languages " + doc.extraction.ocr_languages + ".");
        for (const core::OcrPage& page : doc.extraction.ocr_pages) {
            char conf[32];
            std::snprintf(conf, sizeof conf, "%.1f", page.mean_confidence);
            xmlNode* desc = tb.text_element(ocr, "desc", "Page " + std::to_string(page.page) +
                                                             ": mean word confidence " + conf +
                                                             (page.low_confidence ? " (low confidence)" : "") + ".");
            tb.set(desc, "type", page.low_confidence ? "ocr-page-low-confidence" : "ocr-page");
        }
    }
}

// The description of the text: abstract, language, keywords and the kind of page it was read from.
void build_profile_desc(TeiBuilder& tb, xmlNode* header, const core::Document& doc)
{
    const core::Metadata& m = doc.meta;
    const bool has_profile =
        !m.abstract.empty() || !m.language.empty() || !m.keywords.empty() || !doc.extraction.page_type.empty();
    if (!has_profile)
        return;
    xmlNode* profile = tb.element(header, "profileDesc");
    if (!m.abstract.empty())
        tb.inlines(tb.element(tb.element(profile, "abstract"), "p"), m.abstract);
    if (!m.language.empty())
        tb.set(tb.element(tb.element(profile, "langUsage"), "language"), "ident", m.language);
    if (m.keywords.empty() && doc.extraction.page_type.empty())
        return;
    xmlNode* text_class = tb.element(profile, "textClass");
    if (!m.keywords.empty()) {
        xmlNode* keywords = tb.element(text_class, "keywords");
        for (const std::string& k : m.keywords)
            tb.text_element(keywords, "term", k);
    }
    // The kind of page the text was read from, in colophon's own scheme (see README, TEI mapping).
    if (!doc.extraction.page_type.empty())
        tb.set(tb.text_element(text_class, "classCode", doc.extraction.page_type), "scheme", page_type_scheme);
}

void build_header(TeiBuilder& tb, xmlNode* tei, const core::Document& doc)
{
    xmlNode* header = tb.element(tei, "teiHeader");
    xmlNode* file_desc = tb.element(header, "fileDesc");
    build_title_stmt(tb, file_desc, doc.meta);
    build_publication_stmt(tb, file_desc, doc.meta);
    build_series_stmt(tb, file_desc, doc.meta);
    build_source_desc(tb, file_desc, doc.meta);
    build_encoding_desc(tb, header, doc);
    build_profile_desc(tb, header, doc);
}

void build_notes(TeiBuilder& tb, xmlNode* text, const std::vector<core::Note>& notes)
{
    if (notes.empty())
        return;
    xmlNode* div = tb.element(tb.element(text, "back"), "div");
    tb.set(div, "type", "notes");
    for (const core::Note& n : notes) {
        xmlNode* note = tb.element(div, "note");
        tb.set(note, "n", n.label);
        tb.set_xml_attr(note, "id", n.id);
        tb.set(note, "place", n.place == core::NotePlace::End ? "end" : "foot");
        for (const core::Block& b : n.blocks)
            tb.block(note, b);
        if (n.blocks.empty())
            tb.element(note, "p");
    }
}

} // namespace

xml::XmlDocPtr build_tei(const core::Document& doc)
{
    xml::XmlDocPtr tree(xmlNewDoc(to_xml("1.0")));
    // Element and attribute names interned once (xmlFreeDoc frees the dictionary), not copied
    // into every node: a large document has hundreds of thousands of nodes.
    tree->dict = xmlDictCreate();
    TeiBuilder tb(tree.get());
    xmlNode* tei = tb.make_root();
    if (!doc.meta.language.empty())
        tb.set_xml_attr(tei, "lang", doc.meta.language);
    build_header(tb, tei, doc);
    xmlNode* text = tb.element(tei, "text");
    build_body(tb, tb.element(text, "body"), doc.body);
    build_notes(tb, text, doc.notes);
    return tree;
}

std::string write_tei(const xmlDoc* tei)
{
    return xml::serialize(tei);
}

} // namespace colophon::tei
