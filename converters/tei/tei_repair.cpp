#include "tei/tei_repair.h"

#include "xml/xml_handles.h"

#include <set>
#include <string>

namespace colophon::tei {

namespace {

// A refused attribute value (a hostile page's link) is shown this far in the warning.
constexpr std::size_t max_shown_value_bytes = 80;

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
    const std::string_view name = xml::local_name(e);
    if (name == "text" || name == "body" || name == "front" || name == "back")
        return false;
    for (const xmlNode *p = e->parent; p != nullptr && p->type == XML_ELEMENT_NODE; p = p->parent)
        if (xml::local_name(p) == "text")
            return xml::local_name(p->parent) == "TEI";
    return false;
}

// "<ref target="http://https://x">" as the warning shows it.
std::string describe(const xmlNode *e)
{
    std::string out = "<" + std::string(xml::local_name(e));
    for (const xmlAttr *a = e->properties; a != nullptr; a = a->next) {
        std::string value = xml::node_text(reinterpret_cast<const xmlNode *>(a));
        if (value.size() > max_shown_value_bytes)
            value = value.substr(0, max_shown_value_bytes) + "...";
        out += " " + std::string(xml::from_xml(a->name)) + "=\"" + value + "\"";
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
