// colophon verify PACKAGE... [--json]: checks BagIt bags (directory, .tar.gz or .zip): structure,
// Payload-Oxum, every checksum, missing/unlisted files, fetch.txt, path safety, and for colophon
// packages METS and TEI schema validity. Exit 0 only if every package is complete and valid.

#include "cli_common.h"
#include "commands.h"
#include "std_streams.h"

#include "archive/bag_verifier.h"
#include "validate/schema_validator.h"
#include "xml/xml_handles.h"

#include <algorithm>
#include <chrono>
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
    Verbosity verbosity;
    bool no_tei_schema = false;
    archive::ReadLimits limits;
};

// METS/PREMIS/MODS schemas: $COLOPHON_EXTERNAL_SCHEMAS, then the copy installed beside colophon's
// own schemas (<prefix>/share/colophon/schemas/external), then ../shared in a source checkout.
std::string default_external_schemas()
{
    if (const char* env = std::getenv("COLOPHON_EXTERNAL_SCHEMAS"))
        return env;
    std::error_code ec;
    try {
        const std::filesystem::path installed = validate::schema_dir() / "external";
        if (std::filesystem::exists(installed / "mets-bundle.xsd", ec))
            return installed.string();
    } catch (const std::exception&) {
        // no schema folder at all: the TEI check below reports it
    }
#ifdef COLOPHON_SHARED_DIR
    const std::filesystem::path p = std::filesystem::path(COLOPHON_SHARED_DIR) / "schemas-external";
    if (std::filesystem::exists(p / "mets-bundle.xsd", ec))
        return p.string();
#endif
    return {};
}

// One package; "-" is an archive on standard input, spooled to a private temporary file first.
archive::VerifyReport verify_one(const std::string& package, const archive::VerifyOptions& options)
{
    if (package != "-")
        return archive::verify_package(package, options);
    const SpooledStdin spooled(options.limits.max_total_bytes);
    archive::VerifyReport report = archive::verify_package(spooled.path(), options);
    report.package = "-";
    // Standard input has no name to compare with the bag's top-level folder.
    std::erase_if(report.issues, [](const archive::VerifyIssue& i) { return i.code == "archive.name-mismatch"; });
    return report;
}

int run_verify(const VerifyArgs& args)
{
    if (!check_inputs_exist("verify", args.packages))
        return exit_usage;
    if (std::count(args.packages.begin(), args.packages.end(), "-") > 1) {
        std::cerr << "colophon verify: standard input (-) can be named once\n";
        return exit_usage;
    }
    const Trace trace(args.verbosity.verbose);
    archive::VerifyOptions options;
    options.limits = args.limits;
    options.external_schema_dir = args.external_schemas.empty() ? default_external_schemas() : args.external_schemas;
    trace.say(options.external_schema_dir.empty()
                  ? std::string("METS: no METS/PREMIS/MODS schemas found, METS checked for well-formedness and checksums")
                  : "METS: validated against " + options.external_schema_dir.string() + "/mets-bundle.xsd");
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
        const auto t0 = std::chrono::steady_clock::now();
        archive::VerifyReport report;
        try {
            report = verify_one(p, options);
        } catch (const std::exception& e) {
            std::cerr << "colophon verify: " << p << ": " << e.what() << '\n';
            rc = worse_exit_code(rc, exit_failed);
            continue;
        }
        trace.say("verified " + p + ": " + std::to_string(report.payload_files) + " payload files, " +
                  std::to_string(report.payload_bytes) + " bytes (" + Trace::elapsed(t0) + ")");
        if (args.json)
            std::cout << archive::report_json(report) << '\n';
        else if (!args.verbosity.quiet || !report.ok())
            std::cout << archive::format_report(report);
        if (!report.ok())
            rc = worse_exit_code(rc, exit_failed);
    }
    return rc;
}

} // namespace

Runner add_verify_command(CLI::App& app)
{
    auto args = std::make_shared<VerifyArgs>();
    CLI::App* cmd = app.add_subcommand("verify", "Verify BagIt packages (directory, .tar.gz or .zip)");
    cmd->add_option("packages", args->packages, "Packages to verify (folder, .tar.gz or .zip; - for standard input)")
        ->required();
    cmd->add_option("--external-schemas", args->external_schemas,
                    "Directory with mets-bundle.xsd and catalog.xml for METS/PREMIS/MODS validation")
        ->default_str("<prefix>/share/colophon/schemas/external, else ../shared in a checkout");
    cmd->add_option("--max-total-bytes", args->limits.max_total_bytes,
                    "Refuse archives that inflate to more than this many bytes")
        ->capture_default_str();
    cmd->add_option("--max-ratio", args->limits.max_ratio,
                    "Refuse archives that inflate more than this many times (decompression bombs)")
        ->capture_default_str();
    cmd->add_flag("--no-tei-schema", args->no_tei_schema, "Check TEI for well-formedness only");
    cmd->add_flag("--json", args->json, "One JSON report per package on standard output");
    add_common_flags(*cmd, args->verbosity, "Print reports of invalid packages only");
    return [args] { return run_verify(*args); };
}

} // namespace colophon::cli
