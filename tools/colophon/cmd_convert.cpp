// colophon convert INPUT [-o OUT] [--to tei|text|json] ...: one document to one output.

#include "cli_common.h"
#include "commands.h"
#include "conversion_trace.h"
#include "options.h"
#include "std_streams.h"
#include "watchdog.h"

#include "core/diagnostics.h"
#include "pipeline/convert.h"
#include "validate/schema_validator.h"

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
    Verbosity verbosity;
    core::ConvertOptions options;
    const CLI::App* cmd = nullptr;
};

// Usage and set-up problems, found before anything is read or written (exit 2).
bool check_command_line(const ConvertArgs& args, pipeline::OutputFormat format, const Trace& trace)
{
    if (!check_inputs_exist("convert", {args.input}) || !check_output_parent("convert", args.output) ||
        !check_ocr_languages(*args.cmd, args.options, "convert"))
        return false;
    if (format == pipeline::OutputFormat::Tei) {
        try {
            const auto t0 = std::chrono::steady_clock::now();
            validate::SchemaValidator::tei();
            trace.say("schema: " + validate::schema_dir().string() + "/colophon-tei.xsd compiled (" +
                      Trace::elapsed(t0) + ")");
        } catch (const std::exception& e) {
            std::cerr << "colophon convert: " << e.what() << " [setup.schema-missing]\n";
            return false;
        }
    }
    return true;
}

int run_convert(const ConvertArgs& args)
{
    const Trace trace(args.verbosity.verbose);
    const pipeline::OutputFormat format = pipeline::parse_output_format(args.format);
    if (!check_command_line(args, format, trace))
        return exit_usage;
    core::Diagnostics diags(args.input);
    const Watchdog watchdog(args.options.limits.max_seconds, args.input);
    return run_document(args.input, diags, args.verbosity, [&] {
        const pipeline::DocumentConverter converter(args.options);
        // 1. read; the input's bytes go once the Document is built, each part of the Document
        //    once its output is written (a large page is never held in three forms at once)
        StageClock clock(trace);
        std::optional<core::Input> input(
            core::read_input(args.input, args.options.limits.max_input_bytes));
        clock.done("read " + describe_input(*input));
        // 2. convert (the body of a very large page: window by window as it is written)
        core::Document doc = converter.convert_streamed(*input, diags);
        input.reset();
        clock.done("convert: " + describe_document(doc) +
                   (doc.rest ? ", the rest of the body as it is written" : ""));
        for (const std::string &line : describe_decisions(doc, diags))
            trace.say(line);
        // 3. render (TEI: each piece validated before it is written) and write
        OutputStream out(args.output);
        std::size_t bytes = 0;
        pipeline::DocumentConverter::render_streamed(std::move(doc), format, diags,
                                                     [&](std::string_view piece) {
                                                         out.write(piece);
                                                         bytes += piece.size();
                                                     });
        out.commit();
        clock.done("render " + args.format +
                   (format == pipeline::OutputFormat::Tei ? ", schema-valid" : "") + " and write " +
                   (args.output == "-" ? std::string("standard output") : args.output) + ": " +
                   std::to_string(bytes) + " bytes");
    });
}

} // namespace

Runner add_convert_command(CLI::App& app)
{
    auto args = std::make_shared<ConvertArgs>();
    CLI::App* cmd = app.add_subcommand("convert", "Convert one HTML page, PDF or page image to TEI, text or JSON");
    cmd->add_option("input", args->input, "Input file, or - for standard input")->required();
    cmd->add_option("-o,--output", args->output, "Output file, or - for standard output")->capture_default_str();
    cmd->add_option("--to", args->format, "Output format: tei, text or json")
        ->check(CLI::IsMember({"tei", "text", "json"}))
        ->capture_default_str();
    add_common_flags(*cmd, args->verbosity);
    add_conversion_options(*cmd, args->options);
    args->cmd = cmd;
    return [args] { return run_convert(*args); };
}

} // namespace colophon::cli
