#pragma once
// RAII ownership for libxml2 handles, so an exception between create and free cannot leak one.

#include <libxml/HTMLparser.h>
#include <libxml/parser.h>
#include <libxml/relaxng.h>
#include <libxml/tree.h>
#include <libxml/xmlschemas.h>

#include <memory>
#include <string>
#include <string_view>

namespace colophon::xml {

struct XmlDocFree
{
    void operator()(xmlDoc* p) const { xmlFreeDoc(p); }
};
struct XmlCharFree
{
    void operator()(xmlChar* p) const { xmlFree(p); }
};
struct XmlParserCtxtFree
{
    void operator()(xmlParserCtxt* p) const { xmlFreeParserCtxt(p); }
};
struct HtmlParserCtxtFree
{
    void operator()(htmlParserCtxt* p) const { htmlFreeParserCtxt(p); }
};
struct XmlSchemaParserCtxtFree
{
    void operator()(xmlSchemaParserCtxt* p) const { xmlSchemaFreeParserCtxt(p); }
};
struct XmlSchemaFree
{
    void operator()(xmlSchema* p) const { xmlSchemaFree(p); }
};
struct XmlSchemaValidCtxtFree
{
    void operator()(xmlSchemaValidCtxt* p) const { xmlSchemaFreeValidCtxt(p); }
};
struct RelaxNGParserCtxtFree
{
    void operator()(xmlRelaxNGParserCtxt* p) const { xmlRelaxNGFreeParserCtxt(p); }
};
struct RelaxNGFree
{
    void operator()(xmlRelaxNG* p) const { xmlRelaxNGFree(p); }
};
struct RelaxNGValidCtxtFree
{
    void operator()(xmlRelaxNGValidCtxt* p) const { xmlRelaxNGFreeValidCtxt(p); }
};

using XmlDocPtr = std::unique_ptr<xmlDoc, XmlDocFree>;
using XmlCharPtr = std::unique_ptr<xmlChar, XmlCharFree>;
using XmlParserCtxtPtr = std::unique_ptr<xmlParserCtxt, XmlParserCtxtFree>;
using HtmlParserCtxtPtr = std::unique_ptr<htmlParserCtxt, HtmlParserCtxtFree>;
using XmlSchemaParserCtxtPtr = std::unique_ptr<xmlSchemaParserCtxt, XmlSchemaParserCtxtFree>;
using XmlSchemaPtr = std::unique_ptr<xmlSchema, XmlSchemaFree>;
using XmlSchemaValidCtxtPtr = std::unique_ptr<xmlSchemaValidCtxt, XmlSchemaValidCtxtFree>;
using RelaxNGParserCtxtPtr = std::unique_ptr<xmlRelaxNGParserCtxt, RelaxNGParserCtxtFree>;
using RelaxNGPtr = std::unique_ptr<xmlRelaxNG, RelaxNGFree>;
using RelaxNGValidCtxtPtr = std::unique_ptr<xmlRelaxNGValidCtxt, RelaxNGValidCtxtFree>;

// Turns off every network and external-entity access in libxml2 for this process: external
// entities and DTDs resolve to nothing, `http://`/`ftp://` loads fail. Safe to call repeatedly;
// every entry point calls it before parsing.
void init_secure_xml();



// Parses untrusted XML bytes safely: no network, no DTD loading, no entity substitution; nullptr when not well-formed.
XmlDocPtr parse_xml(std::string_view bytes, const std::string& url = "input.xml");

// Serialises a document as UTF-8 with an XML declaration and indentation (indentation is only
// added where an element holds no text, so mixed content is never altered).
std::string serialize(const xmlDoc* doc);

// Text content of a node and its descendants; empty for nullptr.
std::string node_text(const xmlNode* node);
// Attribute value, or empty when absent.
std::string attribute(const xmlNode* node, const char* name);
// Local name of an element ("p"); empty for non-elements.
std::string_view local_name(const xmlNode* node);

inline const xmlChar* to_xml(const char* s) { return reinterpret_cast<const xmlChar*>(s); }
inline const xmlChar* to_xml(const std::string& s) { return reinterpret_cast<const xmlChar*>(s.c_str()); }
inline const char* from_xml(const xmlChar* s) { return reinterpret_cast<const char*>(s); }

} // namespace colophon::xml
