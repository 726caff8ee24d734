// colophon convert INPUT [-o OUT] [--to tei|text|json] ...: one document to one output.

#include "commands.h"
#include "options.h"
#include "watchdog.h"

#include "core/atomic_file.h"
#include "core/diagnostics.h"
#include "pipeline/convert.h"

#include <iostream>
#include <memory>
#include <sstream>

namespace colophon::cli {

namespace {

struct ConvertArgs
{
    std::string input;
    std::string output = "-";
    std::string format = "tei";
    bool quiet = false;
    core::ConvertOptions options;
};

std::string format_seconds(double s)
{
    std::ostringstream out;
    out << s;
    return out.str();
}

void print(const core::Diagnostics& diags, bool quiet)
{
    for (const core::Diagnostic& d : diags.items()) {
        if (quiet && d.severity != core::Severity::Error)
            continue;
        std::cerr << core::format_diagnostic(d) << '\n';
    }
    if (diags.dropped() > 0 && !quiet)
        std::cerr << "WARNING: " << diags.file() << ": " << diags.dropped() << " more warnings not shown\n";
}

int run_convert(const ConvertArgs& args)
{
    core::Diagnostics diags(args.input);
    const Watchdog watchdog(args.options.limits.max_seconds,
                            "ERROR: " + args.input + ": conversion exceeded the time limit of " +
                                format_seconds(args.options.limits.max_seconds) +
                                " s (see --max-seconds) [limits.timeout]",
                            exit_failed);
    try {
        const pipeline::OutputFormat format = pipeline::parse_output_format(args.format);
        const pipeline::DocumentConverter converter(args.options);
        const core::Input input = core::read_input(args.input, args.options.limits.max_input_bytes);
        const core::Document doc = converter.convert(input, diags);
        const std::string out = pipeline::DocumentConverter::render(doc, format, diags);
        if (args.output == "-")
            std::cout << out << std::flush;
        else
            core::write_file_atomically(args.output, out);
    } catch (const core::ConversionError& e) {
        diags.add(e.diagnostic());
        print(diags, args.quiet);
        return exit_failed;
    } catch (const std::exception& e) {
        std::cerr << "ERROR: " << args.input << ": " << e.what() << '\n';
        return exit_failed;
    }
    print(diags, args.quiet);
    return diags.has_warnings() ? exit_warnings : exit_ok;
}

} // namespace

Runner add_convert_command(CLI::App& app)
{
    auto args = std::make_shared<ConvertArgs>();
    CLI::App* cmd = app.add_subcommand("convert", "Convert one HTML page, PDF or page image to TEI, text or JSON");
    cmd->add_option("input", args->input, "Input file, or - for standard input")->required();
    cmd->add_option("-o,--output", args->output, "Output file, or - for standard output (default)");
    cmd->add_option("--to", args->format, "Output format")
        ->check(CLI::IsMember({"tei", "text", "json"}))
        ->capture_default_str();
    cmd->add_flag("-q,--quiet", args->quiet, "Print errors only");
    add_conversion_options(*cmd, args->options);
    return [args] { return run_convert(*args); };
}

} // namespace colophon::cli
