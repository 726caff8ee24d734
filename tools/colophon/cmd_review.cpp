// colophon review INPUT [-o review.html]: one document's review page (converters/review/).
// colophon review --mark ID accepted|rejected ["note"] [--batch DIR]: a verdict in the batch's
// state.

#include "cli_common.h"
#include "commands.h"
#include "conversion_trace.h"
#include "options.h"
#include "std_streams.h"
#include "watchdog.h"

#include "batch/batch_report.h"
#include "core/diagnostics.h"
#include "pipeline/convert.h"
#include "review/review_page.h"
#include "state/verdicts.h"

#include <nlohmann/json.hpp>

#include <filesystem>
#include <iostream>
#include <memory>

namespace colophon::cli {

namespace {

struct ReviewArgs
{
    std::vector<std::string> positional; // INPUT, or with --mark: VERDICT [NOTE]
    std::string output = "review.html";
    std::string mark; // document to record a verdict on
    std::string batch_dir = ".";
    int dpi = 60;
    Verbosity verbosity;
    core::ConvertOptions options;
    const CLI::App *cmd = nullptr;
};

// The reports show the verdict at once: rebuilt from the database as the last batch run left them
// (its command and wall time, from the runs table).
void rebuild_reports(state::StateDb &db, const std::filesystem::path &dir)
{
    batch::ReportInfo info{"colophon batch report", "", 0, 5000};
    state::sql::Statement last =
        db.database().prepare("SELECT command, summary FROM runs ORDER BY id DESC LIMIT 1");
    if (last.step()) {
        info.command = last.text(0);
        const nlohmann::json summary = nlohmann::json::parse(last.text(1), nullptr, false);
        if (summary.is_object() && summary.contains("wall_seconds") &&
            summary["wall_seconds"].is_number())
            info.wall_seconds = summary["wall_seconds"].get<double>();
    }
    batch::write_reports(db, dir, info);
}

int run_mark(const ReviewArgs &args)
{
    if (args.positional.empty() || args.positional.size() > 2 ||
        !state::is_verdict(args.positional[0])) {
        std::cerr << "colophon review: --mark ID takes a verdict, accepted or rejected, and an "
                     "optional note\n";
        return exit_usage;
    }
    const std::filesystem::path db_path =
        std::filesystem::path(args.batch_dir) / "colophon-state.sqlite";
    if (!std::filesystem::is_regular_file(db_path)) {
        std::cerr << "colophon review: " << db_path.string()
                  << ": no batch state database (see --batch)\n";
        return exit_usage;
    }
    try {
        state::StateDb db(db_path);
        const std::string key = state::find_document_key(db, args.mark);
        if (key.empty()) {
            std::cerr << "colophon review: " << args.mark << ": no such document in "
                      << db_path.string() << " (give its key, identifier or input path)\n";
            return exit_usage;
        }
        state::set_verdict(
            db, key,
            {args.positional[0], args.positional.size() > 1 ? args.positional[1] : "", {}});
        const bool reports =
            std::filesystem::exists(std::filesystem::path(args.batch_dir) / "report.html");
        if (reports)
            rebuild_reports(db, args.batch_dir);
        if (!args.verbosity.quiet)
            std::cerr << "colophon review: " << key << ": " << args.positional[0]
                      << (reports ? " (report.html, report.csv and report.json rebuilt)\n" : "\n");
    } catch (const std::exception &e) {
        std::cerr << "ERROR: " << db_path.string() << ": " << e.what() << '\n';
        return exit_failed;
    }
    return exit_ok;
}

int run_review_page(const ReviewArgs &args)
{
    if (args.positional.size() != 1) {
        std::cerr << "colophon review: give one INPUT (or --mark ID VERDICT [NOTE])\n";
        return exit_usage;
    }
    const std::string &path = args.positional[0];
    if (!check_inputs_exist("review", {path}) || !check_output_parent("review", args.output) ||
        !check_ocr_languages(*args.cmd, args.options, "review"))
        return exit_usage;
    const Trace trace(args.verbosity.verbose);
    core::Diagnostics diags(path);
    const Watchdog watchdog(args.options.limits.max_seconds, path);
    return run_document(path, diags, args.verbosity, [&] {
        core::ConvertOptions options = args.options;
        options.trace = true;
        const pipeline::DocumentConverter converter(options);
        StageClock clock(trace);
        const core::Input input = core::read_input(path, options.limits.max_input_bytes);
        clock.done("read " + describe_input(input));
        const core::Document doc = converter.convert(input, diags);
        clock.done("convert: " + describe_document(doc));
        pipeline::DocumentConverter::render_tei(doc,
                                                diags); // the TEI's own warnings belong on the page
        clock.done("render tei, schema-valid");
        review::ReviewInput page;
        page.id = std::filesystem::path(path).filename().string();
        page.source_name = path;
        page.doc = &doc;
        page.diagnostics = diags.items();
        try {
            page.pages = converter.render_previews(input, args.dpi);
        } catch (const core::ConversionError &e) { // the page is still written, without images
            diags.warn(e.diagnostic().code, e.diagnostic().message);
            page.diagnostics = diags.items();
        }
        clock.done("draw " + std::to_string(page.pages.size()) + " pages");
        const std::string html = review::build_review_page(page);
        write_output(args.output, html);
        clock.done("write " + args.output + " (" + std::to_string(html.size()) + " bytes)");
    });
}

} // namespace

Runner add_review_command(CLI::App &app)
{
    auto args = std::make_shared<ReviewArgs>();
    CLI::App *cmd =
        app.add_subcommand("review", "Write a document's review page (the original beside what was "
                                     "kept), or record a verdict on one");
    cmd->add_option("args", args->positional,
                    "INPUT (HTML page, PDF or page image); with --mark: accepted|rejected and an "
                    "optional note");
    cmd->add_option("-o,--output", args->output, "Review page to write, or - for standard output")
        ->capture_default_str();
    cmd->add_option("--review-dpi", args->dpi, "Resolution the PDF's pages are drawn at")
        ->check(CLI::Range(20, 300))
        ->capture_default_str();
    cmd->add_option("--mark", args->mark,
                    "Record a verdict on document ID (key, identifier or input path) in the "
                    "batch's state database");
    cmd->add_option("--batch", args->batch_dir,
                    "Batch output folder holding colophon-state.sqlite (with --mark)")
        ->capture_default_str();
    add_common_flags(*cmd, args->verbosity);
    add_conversion_options(*cmd, args->options);
    args->cmd = cmd;
    return [args] { return args->mark.empty() ? run_review_page(*args) : run_mark(*args); };
}

} // namespace colophon::cli
