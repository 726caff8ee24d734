#include "validate/schema_validator.h"

#include <cstdlib>
#include <set>
#include <stdexcept>
#include <unistd.h>

namespace colophon::validate {

namespace {

struct ErrorSink
{
    core::Diagnostics* diags;
    std::string code;
    std::vector<xmlNode *> *nodes;
    int count = 0;
};

// Structured error handler bound to one validation context (never process-wide).
void on_error(void* user, xmlError* error)
{
    auto* sink = static_cast<ErrorSink*>(user);
    ++sink->count;
    if (sink->nodes)
        sink->nodes->push_back(static_cast<xmlNode *>(error->node));
    std::string message = error->message ? error->message : "schema violation";
    while (!message.empty() && (message.back() == '\n' || message.back() == ' '))
        message.pop_back();
    core::Diagnostic d;
    d.severity = core::Severity::Error;
    d.code = sink->code;
    d.message = "output does not match the schema: " + message;
    if (error->line > 0)
        d.line = error->line;
    sink->diags->add(std::move(d));
}

// Collects schema-compilation errors into a string for the exception message.
void on_schema_error(void* user, xmlError* error)
{
    auto* text = static_cast<std::string*>(user);
    if (text->size() < 2000 && error->message)
        *text += error->message;
}

std::filesystem::path executable_dir()
{
    std::error_code ec;
    const auto exe = std::filesystem::read_symlink("/proc/self/exe", ec);
    return ec ? std::filesystem::path() : exe.parent_path();
}

} // namespace

std::filesystem::path schema_dir()
{
    std::error_code ec;
    if (const char* env = std::getenv("COLOPHON_SCHEMA_DIR"); env && *env)
        return env;
    const auto installed = executable_dir() / ".." / "share" / "colophon" / "schemas";
    if (std::filesystem::exists(installed / "colophon-tei.xsd", ec))
        return installed.lexically_normal();
    const std::filesystem::path source(COLOPHON_SCHEMA_DIR);
    if (std::filesystem::exists(source / "colophon-tei.xsd", ec))
        return source;
    throw std::runtime_error("cannot find colophon's schemas (colophon-tei.xsd); set COLOPHON_SCHEMA_DIR");
}

SchemaValidator SchemaValidator::load_xsd(const std::filesystem::path& xsd)
{
    xml::init_secure_xml();
    SchemaValidator v;
    v.path_ = xsd;
    const xml::XmlSchemaParserCtxtPtr ctxt(xmlSchemaNewParserCtxt(xsd.c_str()));
    if (!ctxt)
        throw std::runtime_error("cannot read schema " + xsd.string());
    std::string errors;
    xmlSchemaSetParserStructuredErrors(ctxt.get(), on_schema_error, &errors);
    v.xsd_.reset(xmlSchemaParse(ctxt.get()));
    if (!v.xsd_)
        throw std::runtime_error("cannot compile schema " + xsd.string() + ": " + errors);
    return v;
}

SchemaValidator SchemaValidator::load_relaxng(const std::filesystem::path& rng)
{
    xml::init_secure_xml();
    SchemaValidator v;
    v.path_ = rng;
    const xml::RelaxNGParserCtxtPtr ctxt(xmlRelaxNGNewParserCtxt(rng.c_str()));
    if (!ctxt)
        throw std::runtime_error("cannot read schema " + rng.string());
    std::string errors;
    xmlRelaxNGSetParserStructuredErrors(ctxt.get(), on_schema_error, &errors);
    v.rng_.reset(xmlRelaxNGParse(ctxt.get()));
    if (!v.rng_)
        throw std::runtime_error("cannot compile schema " + rng.string() + ": " + errors);
    return v;
}

const SchemaValidator& SchemaValidator::tei()
{
    static const SchemaValidator validator = load_xsd(schema_dir() / "colophon-tei.xsd");
    return validator;
}

bool SchemaValidator::validate(const xmlDoc *doc, core::Diagnostics &diags, const std::string &code,
                               std::vector<xmlNode *> *nodes) const
{
    ErrorSink sink{&diags, code, nodes};
    auto* mutable_doc = const_cast<xmlDoc*>(doc); // libxml2's validators take non-const but do not modify
    if (xsd_) {
        const xml::XmlSchemaValidCtxtPtr ctxt(xmlSchemaNewValidCtxt(xsd_.get()));
        xmlSchemaSetValidStructuredErrors(ctxt.get(), on_error, &sink);
        const int rc = xmlSchemaValidateDoc(ctxt.get(), mutable_doc);
        if (rc != 0 && sink.count == 0)
            diags.add({core::Severity::Error, code, "schema validation failed (internal error)", {}, {}, {}});
        return rc == 0;
    }
    const xml::RelaxNGValidCtxtPtr ctxt(xmlRelaxNGNewValidCtxt(rng_.get()));
    xmlRelaxNGSetValidStructuredErrors(ctxt.get(), on_error, &sink);
    const int rc = xmlRelaxNGValidateDoc(ctxt.get(), mutable_doc);
    if (rc != 0 && sink.count == 0)
        diags.add({core::Severity::Error, code, "schema validation failed (internal error)", {}, {}, {}});
    return rc == 0;
}

bool check_note_references(const xmlDoc* tei, core::Diagnostics& diags)
{
    std::set<std::string> ids;
    std::vector<std::pair<std::string, int>> refs;
    // Iterative walk: outputs can be deep and the stack is not ours to spend.
    const xmlNode* node = xmlDocGetRootElement(const_cast<xmlDoc*>(tei));
    while (node) {
        if (node->type == XML_ELEMENT_NODE) {
            const std::string_view name = xml::local_name(node);
            if (name == "note") {
                const xml::XmlCharPtr id(xmlGetNsProp(node, xml::to_xml("id"), XML_XML_NAMESPACE));
                if (id)
                    ids.insert(xml::from_xml(id.get()));
            } else if (name == "ref" && xml::attribute(node, "type") == "noteref") {
                refs.emplace_back(xml::attribute(node, "target"), static_cast<int>(xmlGetLineNo(node)));
            }
        }
        if (node->children && node->type == XML_ELEMENT_NODE) {
            node = node->children;
            continue;
        }
        while (node && !node->next)
            node = node->parent && node->parent->type == XML_ELEMENT_NODE ? node->parent : nullptr;
        if (node)
            node = node->next;
    }
    bool ok = true;
    for (const auto& [target, line] : refs) {
        if (target.size() < 2 || !ids.contains(target.substr(1))) {
            ok = false;
            diags.add({core::Severity::Error, "tei.dangling-noteref",
                       "note reference " + target + " points at no note", {}, {}, line > 0 ? std::optional(line) : std::nullopt});
        }
    }
    return ok;
}

} // namespace colophon::validate
