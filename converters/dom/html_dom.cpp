#include "dom/html_dom.h"

#include <libxml/HTMLparser.h>

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <array>
#include <charconv>
#include <climits>
#include <cstring>
#include <unordered_set>

namespace colophon::dom {

namespace {

// The page handed to libxml2 a piece at a time: it keeps only what it has not parsed yet, where
// reading memory would copy the whole page first.
struct PageReader
{
    std::string_view rest;
};

int read_page(void* context, char* buffer, int len)
{
    auto* reader = static_cast<PageReader*>(context);
    const std::size_t n = std::min(reader->rest.size(), static_cast<std::size_t>(std::max(len, 0)));
    std::memcpy(buffer, reader->rest.data(), n);
    reader->rest.remove_prefix(n);
    return static_cast<int>(n);
}

int close_page(void*)
{
    return 0;
}

} // namespace

namespace {

// A child of <html> that belongs in <body>: any element but <head>. Bare text there is left
// alone: it is what the parser makes of markup it could not read (a huge attribute's value).
bool is_stray(const xmlNode *n)
{
    return n->type == XML_ELEMENT_NODE && tag_of(n) != "head" && tag_of(n) != "body";
}

} // namespace

xml::XmlDocPtr parse_html_utf8(std::string_view utf8, const std::string& url, int options)
{
    xml::init_secure_xml();
    const xml::HtmlParserCtxtPtr ctxt(htmlNewParserCtxt());
    if (!ctxt)
        return nullptr;
    // Read a piece at a time, the pieces are decoded as they come and dropped once parsed.
    PageReader reader{utf8};
    return xml::XmlDocPtr(htmlCtxtReadIO(ctxt.get(), read_page, close_page, &reader, url.c_str(), "UTF-8", options));
}

xmlNode *body_with_strays(xmlDoc *doc)
{
    xmlNode *root = xmlDocGetRootElement(doc);
    xmlNode *body = nullptr;
    for (xmlNode *n = root ? root->children : nullptr; n != nullptr && body == nullptr; n = n->next)
        if (tag_of(n) == "body")
            body = n;
    if (body == nullptr)
        return root;
    xmlNode *const first_in_body = body->children;
    bool after_body = false;
    auto adopt = [&](xmlNode *n) {
        xmlUnlinkNode(n);
        if (after_body || first_in_body == nullptr)
            xmlAddChild(body, n); // may merge a text node into its neighbour and free it
        else
            xmlAddPrevSibling(first_in_body, n);
    };
    for (xmlNode *n = root->children; n != nullptr;) {
        xmlNode *const next = n->next;
        if (n == body)
            after_body = true;
        else if (is_stray(n))
            adopt(n);
        n = next;
    }
    // A second <html> after the first one's end: two documents in one file, or the parser's
    // recovery starting over after markup it could not read (a huge attribute's value, whose
    // rest and the scripts after it it reads as text). The one showing more text is the page.
    int body_letters = -1; // read only when there is a second <html>
    for (xmlNode *top = root->next; top != nullptr; top = top->next) {
        if (top->type != XML_ELEMENT_NODE)
            continue;
        if (body_letters < 0)
            body_letters = letters_of(body);
        if (letters_of(top) <= body_letters)
            continue;
        for (xmlNode *n = top->children; n != nullptr;) {
            xmlNode *const next = n->next;
            if (tag_of(n) == "body") {
                for (xmlNode *c = n->children; c != nullptr;) {
                    xmlNode *const c_next = c->next;
                    adopt(c);
                    c = c_next;
                }
            } else if (is_stray(n)) {
                adopt(n);
            }
            n = next;
        }
    }
    return body;
}

std::string_view tag_of(const xmlNode* node)
{
    if (node == nullptr || node->type != XML_ELEMENT_NODE || node->name == nullptr)
        return {};
    return reinterpret_cast<const char*>(node->name);
}

bool is_element(const xmlNode* node, std::string_view name)
{
    return tag_of(node) == name;
}

int heading_level(const xmlNode* node)
{
    const std::string_view t = tag_of(node);
    if (t.size() == 2 && t[0] == 'h' && t[1] >= '1' && t[1] <= '6')
        return t[1] - '0';
    return 0;
}

bool is_heading(const xmlNode* node)
{
    return heading_level(node) != 0;
}

bool is_main_region(const xmlNode *node)
{
    return tag_of(node) == "main" || attr_view(node, "role") == "main";
}

std::string_view attr_view(const xmlNode* node, std::string_view name)
{
    if (node == nullptr || node->type != XML_ELEMENT_NODE)
        return {};
    for (const xmlAttr* a = node->properties; a != nullptr; a = a->next) {
        if (a->name == nullptr || name != reinterpret_cast<const char*>(a->name))
            continue;
        if (a->children != nullptr && a->children->content != nullptr)
            return reinterpret_cast<const char*>(a->children->content);
        return {};
    }
    return {};
}

bool has_attr(const xmlNode* node, std::string_view name)
{
    if (node == nullptr || node->type != XML_ELEMENT_NODE)
        return false;
    for (const xmlAttr* a = node->properties; a != nullptr; a = a->next)
        if (a->name != nullptr && name == reinterpret_cast<const char*>(a->name))
            return true;
    return false;
}

std::string class_and_id(const xmlNode* node)
{
    std::string s(attr_view(node, "class"));
    s += ' ';
    s += attr_view(node, "id");
    for (char& c : s)
        if (c >= 'A' && c <= 'Z')
            c = static_cast<char>(c - 'A' + 'a');
    return s;
}

bool is_block_tag(std::string_view t)
{
    static constexpr std::array<std::string_view, 44> blocks = {
        "address", "article", "aside",  "blockquote", "body",     "center", "dd",     "details",
        "dialog",  "dir",     "div",    "dl",         "dt",       "fieldset", "figcaption", "figure",
        "footer",  "form",    "h1",     "h2",         "h3",       "h4",     "h5",     "h6",
        "header",  "hgroup",  "hr",     "li",         "main",     "menu",   "nav",    "ol",
        "p",       "pre",     "section", "table",     "tbody",    "td",     "tfoot",  "th",
        "thead",   "tr",      "ul",     "br"};
    // hashed: asked for every element above every text node
    static const std::unordered_set<std::string_view> block_set(blocks.begin(), blocks.end());
    return block_set.contains(t);
}

xmlNode* next_in_order(xmlNode* node, const xmlNode* root)
{
    if (node->children != nullptr && node->type == XML_ELEMENT_NODE)
        return node->children;
    return next_skipping_children(node, root);
}

xmlNode* next_skipping_children(xmlNode* node, const xmlNode* root)
{
    while (node != nullptr && node != root) {
        if (node->next != nullptr)
            return node->next;
        node = node->parent;
    }
    return nullptr;
}

void append_raw_text(const xmlNode* node, std::string& out)
{
    if (node == nullptr)
        return;
    if (node->type == XML_TEXT_NODE || node->type == XML_CDATA_SECTION_NODE) {
        if (node->content != nullptr)
            out += reinterpret_cast<const char*>(node->content);
        return;
    }
    if (node->type != XML_ELEMENT_NODE)
        return;
    const xmlNode* root = node;
    xmlNode* cur = node->children;
    while (cur != nullptr) {
        if (cur->type == XML_TEXT_NODE || cur->type == XML_CDATA_SECTION_NODE) {
            if (cur->content != nullptr)
                out += reinterpret_cast<const char*>(cur->content);
        } else if (cur->type == XML_ELEMENT_NODE) {
            const std::string_view t = tag_of(cur);
            if (t == "br" || (is_block_tag(t) && t != "br"))
                out += ' ';
            if (t != "script" && t != "style" && cur->children != nullptr) {
                cur = cur->children;
                continue;
            }
        }
        cur = next_skipping_children(cur, root);
    }
}

std::string collapse_spaces(std::string_view raw, bool trim_ends)
{
    // ASCII and no-break spaces only: other Unicode spaces are rare in markup, and this runs
    // over every text node of the page.
    std::string out;
    out.reserve(raw.size());
    bool space = trim_ends;
    for (std::size_t i = 0; i < raw.size(); ++i) {
        const unsigned char c = static_cast<unsigned char>(raw[i]);
        const bool nbsp = c == 0xC2 && i + 1 < raw.size() && static_cast<unsigned char>(raw[i + 1]) == 0xA0;
        if (c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\f' || nbsp) {
            if (nbsp)
                ++i;
            if (!space)
                out += ' ';
            space = true;
            continue;
        }
        out += static_cast<char>(c);
        space = false;
    }
    if (trim_ends && !out.empty() && out.back() == ' ')
        out.pop_back();
    return out;
}

std::string text_of(const xmlNode* node)
{
    std::string raw;
    append_raw_text(node, raw);
    return collapse_spaces(raw, true);
}

int count_letters(std::string_view s)
{
    int n = 0;
    const auto* p = reinterpret_cast<const uint8_t*>(s.data());
    const auto len = static_cast<int32_t>(s.size());
    int32_t i = 0;
    while (i < len) {
        const uint8_t b = p[i];
        if (b < 0x80) {
            ++i;
            if ((b >= 'a' && b <= 'z') || (b >= 'A' && b <= 'Z') || (b >= '0' && b <= '9'))
                ++n;
            continue;
        }
        UChar32 c = 0;
        U8_NEXT(p, i, len, c);
        if (c > 0 && u_isalnum(c))
            ++n;
    }
    return n;
}

int letters_of(const xmlNode *node, int stop_after)
{
    // the text nodes append_raw_text reads; the spaces it adds between blocks are no letters
    const auto letters = [](const xmlNode *n) {
        const bool text = n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE;
        return text && n->content != nullptr
                   ? count_letters(reinterpret_cast<const char *>(n->content))
                   : 0;
    };
    if (node == nullptr || node->type != XML_ELEMENT_NODE)
        return node != nullptr ? letters(node) : 0;
    int n = 0;
    for (xmlNode *cur = node->children; cur != nullptr && n <= stop_after;) {
        n += letters(cur);
        const std::string_view t = tag_of(cur);
        if (cur->type == XML_ELEMENT_NODE && t != "script" && t != "style" &&
            cur->children != nullptr) {
            cur = cur->children;
            continue;
        }
        cur = next_skipping_children(cur, node);
    }
    return n;
}

namespace {

// The character `name` (between '&' and ';') refers to; negative when none.
UChar32 referenced_character(std::string_view name)
{
    if (name.size() > 1 && name[0] == '#') {
        const bool hex = name[1] == 'x' || name[1] == 'X';
        const std::string_view digits = name.substr(hex ? 2 : 1);
        UChar32 c = -1;
        const auto [end, ec] =
            std::from_chars(digits.data(), digits.data() + digits.size(), c, hex ? 16 : 10);
        const bool whole = ec == std::errc() && end == digits.data() + digits.size();
        return whole && c > 0 && c <= 0x10FFFF && !U_IS_SURROGATE(c) ? c : -1;
    }
    const std::string z(name);
    const htmlEntityDesc *e = htmlEntityLookup(reinterpret_cast<const xmlChar *>(z.c_str()));
    return e != nullptr ? static_cast<UChar32>(e->value) : -1;
}

} // namespace

std::string decode_character_references(std::string_view text)
{
    constexpr std::size_t longest_name = 32;
    std::string out;
    out.reserve(text.size());
    for (std::size_t i = 0; i < text.size();) {
        const std::size_t semi = text[i] == '&' ? text.find(';', i + 1) : std::string_view::npos;
        if (semi != std::string_view::npos && semi - i <= longest_name) {
            if (const UChar32 c = referenced_character(text.substr(i + 1, semi - i - 1)); c > 0) {
                char buf[U8_MAX_LENGTH];
                int32_t n = 0;
                U8_APPEND_UNSAFE(buf, n, c);
                out.append(buf, static_cast<std::size_t>(n));
                i = semi + 1;
                continue;
            }
        }
        out += text[i++];
    }
    return out;
}

bool is_ancestor(const xmlNode* ancestor, const xmlNode* node)
{
    for (const xmlNode* n = node; n != nullptr; n = n->parent)
        if (n == ancestor)
            return true;
    return false;
}

void remove_node(xmlNode* node)
{
    if (node == nullptr)
        return;
    xmlUnlinkNode(node);
    xmlFreeNode(node);
}

bool is_pure_wrapper(const xmlNode* node)
{
    int elements = 0;
    for (const xmlNode* c = node->children; c != nullptr; c = c->next) {
        if (c->type == XML_ELEMENT_NODE)
            ++elements;
        else if (c->type == XML_TEXT_NODE && c->content != nullptr)
            for (const xmlChar* p = c->content; *p != 0; ++p)
                if (*p != ' ' && *p != '\t' && *p != '\n' && *p != '\r' && *p != '\f')
                    return false;
    }
    return elements == 1;
}

xmlNode* first_element_child(const xmlNode* node)
{
    for (xmlNode* c = node->children; c != nullptr; c = c->next)
        if (c->type == XML_ELEMENT_NODE)
            return c;
    return nullptr;
}

} // namespace colophon::dom
