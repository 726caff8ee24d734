#include "tei/tei_repair.h"

#include <cstring>
#include <set>
#include <string>

namespace colophon::tei {

namespace {

bool named(const xmlNode *n, const char *name)
{
    return n->type == XML_ELEMENT_NODE &&
           std::strcmp(reinterpret_cast<const char *>(n->name), name) == 0;
}

// The element a schema error is about: itself, or the element holding the attribute.
xmlNode *element_of(xmlNode *n)
{
    if (n != nullptr && n->type == XML_ATTRIBUTE_NODE)
        n = n->parent;
    return n != nullptr && n->type == XML_ELEMENT_NODE ? n : nullptr;
}

// Inside <TEI><text>, strictly below one of its divisions: unwrapping never removes the text's
// own frame.
bool unwrappable(const xmlNode *e)
{
    if (named(e, "text") || named(e, "body") || named(e, "front") || named(e, "back"))
        return false;
    for (const xmlNode *p = e->parent; p != nullptr && p->type == XML_ELEMENT_NODE; p = p->parent)
        if (named(p, "text"))
            return p->parent != nullptr && named(p->parent, "TEI");
    return false;
}

// "<ref target="http://https://x">" as the warning shows it (values cut at 80 bytes).
std::string describe(const xmlNode *e)
{
    std::string out = "<" + std::string(reinterpret_cast<const char *>(e->name));
    for (const xmlAttr *a = e->properties; a != nullptr; a = a->next) {
        xmlChar *v = xmlNodeGetContent(reinterpret_cast<const xmlNode *>(a));
        std::string value = v ? reinterpret_cast<const char *>(v) : "";
        xmlFree(v);
        if (value.size() > 80)
            value = value.substr(0, 80) + "...";
        out += " " + std::string(reinterpret_cast<const char *>(a->name)) + "=\"" + value + "\"";
    }
    return out + ">";
}

void unwrap(xmlNode *e)
{
    while (xmlNode *c = e->children) {
        xmlUnlinkNode(c);
        xmlAddPrevSibling(e, c);
    }
    xmlUnlinkNode(e);
    xmlFreeNode(e);
}

} // namespace

bool unwrap_refused_elements(const std::vector<xmlNode *> &nodes, core::Diagnostics &diags)
{
    std::vector<xmlNode *> elements;
    std::set<xmlNode *> seen;
    for (xmlNode *n : nodes) {
        xmlNode *e = element_of(n);
        if (e == nullptr || !unwrappable(e))
            return false;
        if (seen.insert(e).second)
            elements.push_back(e);
    }
    for (xmlNode *e : elements) {
        diags.warn("tei.element-unwrapped",
                   describe(e) + " does not match the schema; its text is kept without it");
        unwrap(e); // children move up, so the other elements listed stay valid pointers
    }
    return !elements.empty();
}

} // namespace colophon::tei
