// colophon pack INPUT... -o DIR [--id ID] [--format tar.gz|zip|dir]: convert each input and
// write one BagIt package per input (original + TEI/text/JSON + METS/PREMIS). A document that
// fails to convert is still packaged with its original and the failure (--keep-failed, default).
// "-" packs standard input (spooled to a temporary file in DIR, since the original is streamed
// into the package after conversion). DIR is created when missing.

#include "cli_common.h"
#include "commands.h"
#include "conversion_trace.h"
#include "options.h"

#include "archive/bag_names.h"
#include "archive/package_writer.h"
#include "core/diagnostics.h"
#include "core/input.h"
#include "pipeline/convert.h"

#include <nlohmann/json.hpp>

#include <cerrno>
#include <cstring>
#include <algorithm>
#include <fstream>
#include <optional>
#include <iostream>
#include <memory>
#include <unistd.h>

namespace colophon::cli {

namespace {

struct PackArgs
{
    std::vector<std::string> inputs;
    std::string output_dir = ".";
    std::string id;
    std::string format = "tar.gz";
    bool keep_failed = true;
    bool json = false;
    Verbosity verbosity;
    archive::PackageOptions package;
    core::ConvertOptions options;
    const CLI::App* cmd = nullptr;
};

// The stage a conversion error belongs to, from its stable code ("pdf.encrypted" -> convert).
std::string stage_of(const std::string& code)
{
    if (code.rfind("input.", 0) == 0)
        return "read";
    if (code.rfind("tei.schema", 0) == 0)
        return "validate";
    if (code.rfind("ocr.", 0) == 0)
        return "ocr";
    return "convert";
}

std::string sniff_file(const std::string& path)
{
    std::ifstream in(path, std::ios::binary);
    std::string head(4096, '\0');
    in.read(head.data(), static_cast<std::streamsize>(head.size()));
    head.resize(static_cast<std::size_t>(in.gcount()));
    const core::MediaType t = core::sniff_media_type(head);
    return t == core::MediaType::Unknown || t == core::MediaType::Empty ? std::string()
                                                                         : std::string(core::media_type_name(t));
}

// Standard input copied to a temporary file in the output directory, removed afterwards.
class SpooledInput
{
public:
    explicit SpooledInput(const std::filesystem::path& dir)
    {
        std::string pattern = (dir / ".stdin.tmp-XXXXXX").string();
        const int fd = ::mkstemp(pattern.data());
        if (fd < 0)
            throw std::runtime_error(dir.string() + ": cannot spool standard input: " + std::strerror(errno));
        path_ = pattern;
        std::vector<char> buf(1 << 20);
        for (;;) {
            const std::size_t n = std::fread(buf.data(), 1, buf.size(), stdin);
            if (n > 0 && ::write(fd, buf.data(), n) != static_cast<ssize_t>(n)) {
                ::close(fd);
                throw std::runtime_error(path_.string() + ": cannot spool standard input: " + std::strerror(errno));
            }
            if (n < buf.size())
                break;
        }
        ::close(fd);
    }
    ~SpooledInput()
    {
        std::error_code ec;
        std::filesystem::remove(path_, ec);
    }
    SpooledInput(const SpooledInput&) = delete;
    SpooledInput& operator=(const SpooledInput&) = delete;
    const std::filesystem::path& path() const { return path_; }

private:
    std::filesystem::path path_;
};

// The name standard input is kept under in the package: "stdin" with the extension of its type.
std::string stdin_name(const std::string& mime)
{
    static const std::pair<const char*, const char*> extensions[] = {
        {"text/html", ".html"}, {"application/pdf", ".pdf"}, {"image/png", ".png"},
        {"image/jpeg", ".jpg"}, {"image/tiff", ".tiff"},     {"application/xml", ".xml"}};
    for (const auto& [type, ext] : extensions)
        if (mime == type)
            return std::string("stdin") + ext;
    return "stdin";
}

struct PackOutcome
{
    std::string status; // "ok", "warnings", "failed", "not-packaged"
    std::string package;
    std::vector<std::string> codes;
    int exit_code = exit_ok;
};

// `path`: the file to pack; `shown`: the name given on the command line ("-" for standard input).
PackOutcome pack_one(const PackArgs& args, const pipeline::DocumentConverter& converter, const std::string& path,
                     const std::string& shown)
{
    const Trace trace(args.verbosity.verbose);
    StageClock clock(trace);
    core::Diagnostics diags(shown);
    std::optional<core::Diagnostic> fatal;
    archive::PackageContents contents;
    contents.original_path = path;
    contents.options = args.package;
    contents.options.id = args.id;
    contents.original_mime = sniff_file(path);
    contents.original_name =
        shown == "-" ? stdin_name(contents.original_mime) : std::filesystem::path(path).filename().string();
    contents.document.extraction.source_format = contents.original_mime;
    contents.times.received = archive::utc_timestamp();
    try {
        {
            core::Input input = core::read_input(path, args.options.limits.max_input_bytes);
            input.display_name = shown;
            clock.done("read " + describe_input(input));
            contents.document = converter.convert(input, diags);
        } // the input's bytes are freed here: the packager streams the original from its file
        contents.times.converted = archive::utc_timestamp();
        clock.done("convert: " + describe_document(contents.document));
        for (const std::string& line : describe_decisions(contents.document, diags))
            trace.say(line);
        if (contents.document.extraction.source_format.empty())
            contents.document.extraction.source_format = contents.original_mime;
        pipeline::Rendered rendered = pipeline::DocumentConverter::render_all(contents.document, diags);
        contents.times.validated = archive::utc_timestamp();
        clock.done("render tei (schema-valid), text, json");
        // METS needs the metadata and the OCR pages, not the body: free it before packing.
        contents.document.body.clear();
        contents.document.notes.clear();
        contents.tei_xml = std::move(rendered.tei);
        contents.plain_text = std::move(rendered.text);
        contents.json = std::move(rendered.json);
        contents.outcome.tei_valid = true; // render_all validates and throws when invalid
        contents.outcome.validation_detail = "valid against colophon-tei.xsd";
        contents.outcome.status =
            diags.has_warnings() ? archive::ConversionStatus::Warnings : archive::ConversionStatus::Success;
    } catch (const core::ConversionError& e) {
        diags.add(e.diagnostic());
        fatal = e.diagnostic();
        contents.times.converted = archive::utc_timestamp(); // when it failed
        contents.tei_xml.clear();
        contents.plain_text.clear();
        contents.json.clear();
        contents.outcome.status = archive::ConversionStatus::Failed;
        contents.outcome.failed_stage = stage_of(e.diagnostic().code);
        contents.outcome.failure_reason = core::format_diagnostic(e.diagnostic());
        if (e.diagnostic().code.rfind("tei.schema", 0) == 0) {
            contents.outcome.tei_valid = false;
            contents.outcome.validation_detail = e.diagnostic().message;
        }
    } catch (const std::exception& e) {
        diags.error("pack.internal-error", e.what());
        fatal = diags.items().back();
        contents.outcome.status = archive::ConversionStatus::Failed;
        contents.outcome.failed_stage = "convert";
        contents.outcome.failure_reason = e.what();
    }
    for (const auto& d : diags.items())
        if (d.severity != core::Severity::Info)
            contents.outcome.warnings.push_back(core::format_diagnostic(d));

    PackOutcome out;
    for (const auto& d : diags.items())
        out.codes.push_back(d.code);
    const bool failed = contents.outcome.status == archive::ConversionStatus::Failed;
    out.status = failed ? "failed" : diags.has_warnings() ? "warnings" : "ok";
    out.exit_code = exit_code_for(diags, fatal ? &*fatal : nullptr);
    print_diagnostics(diags, args.verbosity);
    if (failed && !args.keep_failed) {
        out.status = "failed";
        return out;
    }
    try {
        const archive::PackageResult r = archive::write_package(contents, args.output_dir);
        clock.done("package written");
        out.package = r.path.string();
        if (!args.verbosity.quiet && !args.json)
            std::cerr << (failed ? "packed (original only, conversion failed): " : "packed: ") << shown << " -> "
                      << r.path.string() << '\n';
    } catch (const core::ConversionError& e) {
        std::cerr << core::format_diagnostic(e.diagnostic()) << '\n';
        out.codes.push_back(e.diagnostic().code);
        out.status = "failed";
        out.exit_code = worse_exit_code(out.exit_code, exit_failed);
    }
    return out;
}

int run_pack(const PackArgs& args)
{
    if (!args.id.empty() && args.inputs.size() != 1) {
        std::cerr << "ERROR: --id needs exactly one input\n";
        return exit_usage;
    }
    if (!args.id.empty() && !archive::is_valid_package_id(args.id)) {
        std::cerr << "ERROR: --id \"" << args.id << "\" must be ASCII letters, digits, '.', '_' or '-'\n";
        return exit_usage;
    }
    std::error_code ec;
    std::filesystem::create_directories(args.output_dir, ec);
    if (!std::filesystem::is_directory(args.output_dir, ec)) {
        std::cerr << "ERROR: " << args.output_dir << ": cannot create the output directory"
                  << (ec ? ": " + ec.message() : std::string()) << '\n';
        return exit_usage;
    }
    if (std::count(args.inputs.begin(), args.inputs.end(), "-") > 1) {
        std::cerr << "ERROR: standard input ('-') can be packed once\n";
        return exit_usage;
    }
    try {
        archive::parse_bagging_date(args.package.bagging_date);
    } catch (const core::ConversionError& e) {
        std::cerr << "ERROR: " << e.diagnostic().message << '\n';
        return exit_usage;
    }
    if (!check_ocr_languages(*args.cmd, args.options, "pack"))
        return exit_usage;
    const pipeline::DocumentConverter converter(args.options);
    int rc = exit_ok;
    for (const auto& input : args.inputs) {
        PackArgs one = args;
        one.package.format = *archive::parse_package_format(args.format);
        std::optional<SpooledInput> spooled;
        if (input == "-") {
            try {
                spooled.emplace(args.output_dir);
            } catch (const std::exception& e) {
                std::cerr << "ERROR: " << e.what() << '\n';
                return exit_usage;
            }
        }
        const PackOutcome o = pack_one(one, converter, spooled ? spooled->path().string() : input, input);
        if (args.json)
            std::cout << nlohmann::json{{"input", input}, {"status", o.status}, {"package", o.package}, {"codes", o.codes}}.dump()
                      << '\n';
        rc = worse_exit_code(rc, o.exit_code);
    }
    return rc;
}

} // namespace

Runner add_pack_command(CLI::App& app)
{
    auto args = std::make_shared<PackArgs>();
    CLI::App* cmd = app.add_subcommand("pack", "Convert inputs and write one BagIt archival package per input");
    cmd->add_option("inputs", args->inputs, "Input files ('-' for standard input)")
        ->required()
        ->check(CLI::ExistingFile | CLI::IsMember({"-"}));
    cmd->add_option("-o,--output", args->output_dir, "Directory for the packages (created when missing)")
        ->capture_default_str();
    cmd->add_option("--id", args->id, "Package identifier (one input only; [A-Za-z0-9._-])");
    cmd->add_option("--format", args->format, "Package format")
        ->check(CLI::IsMember({"tar.gz", "zip", "dir"}))
        ->capture_default_str();
    cmd->add_option("--bagging-date", args->package.bagging_date,
                    "Date for bag-info, METS and file times (YYYY-MM-DD or YYYY-MM-DDThh:mm:ssZ); "
                    "same input + same date = same bytes");
    cmd->add_option("--organization", args->package.organization, "bag-info Source-Organization");
    cmd->add_option("--organization-address", args->package.organization_address, "bag-info Organization-Address");
    cmd->add_option("--contact-name", args->package.contact_name, "bag-info Contact-Name");
    cmd->add_option("--contact-email", args->package.contact_email, "bag-info Contact-Email");
    cmd->add_option("--contact-phone", args->package.contact_phone, "bag-info Contact-Phone");
    // Two flags, not CLI11's "--keep-failed,!--no-keep-failed": its help shows that as "{false}".
    cmd->add_flag("--keep-failed", args->keep_failed,
                  "When conversion fails, still package the original with a PREMIS failure event (the default)");
    cmd->add_flag_callback("--no-keep-failed", [args] { args->keep_failed = false; },
                           "Write no package for a document that fails to convert");
    cmd->add_flag("--no-mods", [args](std::int64_t) { args->package.include_mods = false; }, "Dublin Core only in METS");
    cmd->add_flag("--overwrite", args->package.overwrite, "Replace existing packages");
    cmd->add_flag("--json", args->json, "One JSON line per input on standard output");
    add_common_flags(*cmd, args->verbosity);
    add_conversion_options(*cmd, args->options);
    args->cmd = cmd;
    return [args] { return run_pack(*args); };
}

} // namespace colophon::cli
