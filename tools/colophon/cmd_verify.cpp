// colophon verify PACKAGE... [--json]: checks BagIt bags (directory, .tar.gz or .zip): structure,
// Payload-Oxum, every checksum, missing/unlisted files, fetch.txt, path safety, and for colophon
// packages METS and TEI schema validity. Exit 0 only if every package is complete and valid.

#include "commands.h"

#include "archive/bag_verifier.h"
#include "validate/schema_validator.h"
#include "xml/xml_handles.h"

#include <cstdlib>
#include <iostream>
#include <memory>

namespace colophon::cli {

namespace {

struct VerifyArgs
{
    std::vector<std::string> packages;
    std::string external_schemas;
    bool json = false;
    bool quiet = false;
    bool no_tei_schema = false;
    archive::ReadLimits limits;
};

std::string default_external_schemas()
{
    if (const char* env = std::getenv("COLOPHON_EXTERNAL_SCHEMAS"))
        return env;
#ifdef COLOPHON_SHARED_DIR
    const std::filesystem::path p = std::filesystem::path(COLOPHON_SHARED_DIR) / "schemas-external";
    std::error_code ec;
    if (std::filesystem::exists(p / "mets-bundle.xsd", ec))
        return p.string();
#endif
    return {};
}

int run_verify(const VerifyArgs& args)
{
    archive::VerifyOptions options;
    options.limits = args.limits;
    options.external_schema_dir = args.external_schemas.empty() ? default_external_schemas() : args.external_schemas;
    if (!args.no_tei_schema) {
        try {
            const validate::SchemaValidator& tei = validate::SchemaValidator::tei();
            options.validate_tei = [&tei](const std::string& xml, const std::string& name) {
                std::vector<std::string> errors;
                const xml::XmlDocPtr doc = xml::parse_xml(xml, name);
                if (!doc)
                    return std::vector<std::string>{"not well-formed"};
                core::Diagnostics diags(name);
                if (!tei.validate(doc.get(), diags))
                    for (const auto& d : diags.items())
                        errors.push_back((d.line ? "line " + std::to_string(*d.line) + ": " : std::string()) + d.message);
                if (errors.empty() && !diags.items().empty() && diags.has_errors())
                    errors.push_back("invalid");
                return errors;
            };
        } catch (const std::exception& e) {
            std::cerr << "WARNING: TEI schema unavailable, TEI checked for well-formedness only: " << e.what() << '\n';
        }
    }
    int rc = exit_ok;
    for (const auto& p : args.packages) {
        const archive::VerifyReport report = archive::verify_package(p, options);
        if (args.json)
            std::cout << archive::report_json(report) << '\n';
        else if (!args.quiet || !report.ok())
            std::cout << archive::format_report(report);
        if (!report.ok())
            rc = exit_failed;
    }
    return rc;
}

} // namespace

Runner add_verify_command(CLI::App& app)
{
    auto args = std::make_shared<VerifyArgs>();
    CLI::App* cmd = app.add_subcommand("verify", "Verify BagIt packages (directory, .tar.gz or .zip)");
    cmd->add_option("packages", args->packages, "Packages to verify")->required();
    cmd->add_option("--external-schemas", args->external_schemas,
                    "Directory with mets-bundle.xsd and catalog.xml for METS/PREMIS/MODS validation");
    cmd->add_option("--max-total-bytes", args->limits.max_total_bytes,
                    "Refuse archives that inflate to more than this many bytes")
        ->capture_default_str();
    cmd->add_option("--max-ratio", args->limits.max_ratio,
                    "Refuse archives that inflate more than this many times (decompression bombs)")
        ->capture_default_str();
    cmd->add_flag("--no-tei-schema", args->no_tei_schema, "Check TEI for well-formedness only");
    cmd->add_flag("--json", args->json, "One JSON report per package on standard output");
    cmd->add_flag("-q,--quiet", args->quiet, "Print reports of invalid packages only");
    return [args] { return run_verify(*args); };
}

} // namespace colophon::cli
