#pragma once
// Validates XML trees against W3C XML Schema or RelaxNG, reporting through Diagnostics.

#include "core/diagnostics.h"
#include "xml/xml_handles.h"

#include <filesystem>
#include <string>
#include <vector>

namespace colophon::validate {

// Where colophon's own schemas live: $COLOPHON_SCHEMA_DIR, then <prefix>/share/colophon/schemas
// next to the installed program, then the source tree's schemas/. Throws when none exists
// (a setup error: the CLI exits 2 before converting anything).
std::filesystem::path schema_dir();

// A compiled schema. Compile once, validate many documents (from several threads: each call
// uses its own validation context). Loading never touches the network.
class SchemaValidator
{
public:
    // Throws std::runtime_error naming the schema file when it cannot be loaded.
    static SchemaValidator load_xsd(const std::filesystem::path& xsd);
    static SchemaValidator load_relaxng(const std::filesystem::path& rng);

    // colophon-tei.xsd from schema_dir().
    static const SchemaValidator& tei();

    // True when valid; every problem goes to `diags` as `code` with its line, and the node it is
    // about (an element or an attribute; null when libxml2 names none) to `nodes` when given.
    bool validate(const xmlDoc *doc, core::Diagnostics &diags,
                  const std::string &code = "tei.schema-invalid",
                  std::vector<xmlNode *> *nodes = nullptr) const;

    const std::filesystem::path& path() const { return path_; }

private:
    std::filesystem::path path_;
    xml::XmlSchemaPtr xsd_;
    xml::RelaxNGPtr rng_;
};

// Checks what a schema cannot say: every note reference points at a note that exists.
bool check_note_references(const xmlDoc* tei, core::Diagnostics& diags);

} // namespace colophon::validate
