#include "xml/xml_handles.h"

#include <libxml/catalog.h>
#include <libxml/xmlIO.h>
#include <libxml/xmlsave.h>

#include <mutex>

namespace colophon::xml {

namespace {

// Every external resource (DTD, entity, XInclude, schema import by URL) resolves here. Only
// local files are allowed: our own schemas import each other by relative path.
xmlParserInputPtr no_network_loader(const char* url, const char* id, xmlParserCtxtPtr ctxt)
{
    if (url != nullptr) {
        const std::string_view u(url);
        if (u.starts_with("http:") || u.starts_with("https:") || u.starts_with("ftp:")) {
            // A loaded XML catalog may map the URL to a local copy (schemas importing xml.xsd
            // or xlink.xsd by URL); only such local copies are loaded.
            XmlCharPtr local(xmlCatalogResolveURI(to_xml(url)));
            if (!local)
                local.reset(xmlCatalogResolveSystem(to_xml(url)));
            const std::string_view l = local ? from_xml(local.get()) : "";
            if (l.empty() || l.starts_with("http:") || l.starts_with("https:") || l.starts_with("ftp:"))
                return nullptr;
            return xmlNoNetExternalEntityLoader(from_xml(local.get()), id, ctxt);
        }
    }
    return xmlNoNetExternalEntityLoader(url, id, ctxt);
}

} // namespace

void init_secure_xml()
{
    static std::once_flag once;
    std::call_once(once, [] {
        xmlInitParser();
        xmlSetExternalEntityLoader(no_network_loader);
    });
}

XmlDocPtr parse_xml(std::string_view bytes, const std::string& url)
{
    init_secure_xml();
    // XML_PARSE_NOENT is deliberately absent: entities stay unexpanded references, and
    // libxml2's own amplification guard stops billion-laughs documents.
    return XmlDocPtr(xmlReadMemory(bytes.data(), static_cast<int>(bytes.size()), url.c_str(), nullptr,
                                   XML_PARSE_NONET | XML_PARSE_NOWARNING | XML_PARSE_NOERROR));
}

namespace {

int append_to_string(void* context, const char* bytes, int len)
{
    static_cast<std::string*>(context)->append(bytes, static_cast<std::size_t>(len));
    return len;
}

} // namespace

std::string serialize(const xmlDoc* doc)
{
    // Written straight into the string: xmlDocDumpFormatMemoryEnc would grow a buffer of its own
    // (up to twice the output) and then have it copied, three outputs' worth for a large document.
    std::string out;
    xmlSaveCtxtPtr save = xmlSaveToIO(append_to_string, nullptr, &out, "UTF-8", XML_SAVE_FORMAT);
    if (save == nullptr)
        return out;
    xmlSaveDoc(save, const_cast<xmlDoc*>(doc));
    xmlSaveClose(save);
    return out;
}

std::string node_text(const xmlNode* node)
{
    if (node == nullptr)
        return {};
    const XmlCharPtr content(xmlNodeGetContent(node));
    return content ? std::string(from_xml(content.get())) : std::string();
}

std::string attribute(const xmlNode* node, const char* name)
{
    if (node == nullptr || node->type != XML_ELEMENT_NODE)
        return {};
    const XmlCharPtr value(xmlGetProp(node, to_xml(name)));
    return value ? std::string(from_xml(value.get())) : std::string();
}

std::string_view local_name(const xmlNode* node)
{
    if (node == nullptr || node->type != XML_ELEMENT_NODE || node->name == nullptr)
        return {};
    return from_xml(node->name);
}

} // namespace colophon::xml
