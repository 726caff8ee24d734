// colophon batch SRC... -o DIR: a whole catalogue in parallel worker processes, resumable, with
// reports and an optional clean-text corpus.

#include "cli_common.h"
#include "commands.h"
#include "options.h"
#include "std_streams.h"

#include "batch/batch_job.h"

#include <algorithm>
#include <iostream>
#include <memory>
#include <sstream>

namespace colophon::cli {

namespace {

struct BatchArgs
{
    std::vector<std::string> sources;
    std::string output;
    std::string to = "tei";
    std::string package_format = "tar.gz";
    std::string bagging_date;
    std::string corpus;
    std::string manifest;
    std::string root;
    std::string shard = "1/1";
    std::string progress = "auto";
    bool retry_failed = false;
    bool review = false;
    int review_dpi = 60;
    Verbosity verbosity;
    std::size_t max_worker_memory_mb = 4096;
    core::ConvertOptions options;
    CLI::Option* jobs_option = nullptr;
    const CLI::App* cmd = nullptr;
};

// Sources and the manifest must exist before the output folder is created: a typo in a folder
// name is a usage error, not a batch of one failed document. ("@-" is a list on standard input.)
bool check_sources(const BatchArgs& a)
{
    std::vector<std::string> paths;
    for (const std::string& s : a.sources)
        if (s != "@-")
            paths.push_back(s.starts_with("@") ? s.substr(1) : s);
    if (!a.manifest.empty())
        paths.push_back(a.manifest);
    return check_inputs_exist("batch", paths);
}

batch::ProgressMode progress_mode(const BatchArgs& a)
{
    if (a.verbosity.quiet)
        return batch::ProgressMode::Quiet;
    if (a.verbosity.verbose)
        return batch::ProgressMode::Verbose;
    if (a.progress == "bar")
        return batch::ProgressMode::Bar;
    if (a.progress == "lines")
        return batch::ProgressMode::Lines;
    return batch::ProgressMode::Auto;
}

void print_summary(const BatchArgs& args, const batch::BatchResult& r)
{
    using state::DocStatus;
    const auto& c = r.counts;
    std::cerr << "colophon: " << c.total << " documents: " << c.of(DocStatus::Ok) << " ok, "
              << c.of(DocStatus::Warnings) << " with warnings, " << c.of(DocStatus::Failed) << " failed, "
              << c.of(DocStatus::Unsupported) << " unsupported, " << c.of(DocStatus::Duplicate) << " duplicates";
    if (c.of(DocStatus::Pending) > 0)
        std::cerr << ", " << c.of(DocStatus::Pending) << " not finished";
    std::cerr << " (" << r.converted << " converted in this run, " << r.skipped << " already done)\n";
    std::cerr << "colophon: report: " << (std::filesystem::path(args.output) / "report.html").string() << '\n';
    if (!args.corpus.empty())
        std::cerr << "colophon: corpus: " << (args.corpus == "-" ? std::string("standard output") : args.corpus)
                  << " (" << r.corpus.lines << " documents)\n";
    if (r.interrupted)
        std::cerr << "colophon: interrupted; run the same command again to resume\n";
}

std::vector<std::string> split_commas(const std::string& s)
{
    std::vector<std::string> out;
    std::stringstream ss(s);
    std::string item;
    while (std::getline(ss, item, ','))
        if (!item.empty())
            out.push_back(item);
    return out;
}

std::string command_line(const BatchArgs& a)
{
    std::string cmd = "colophon batch";
    for (const std::string& s : a.sources)
        cmd += " " + s;
    cmd += " -o " + a.output + " --to " + a.to;
    if (!a.manifest.empty())
        cmd += " --manifest " + a.manifest;
    if (!a.root.empty())
        cmd += " --root " + a.root;
    if (!a.corpus.empty())
        cmd += " --corpus " + a.corpus;
    if (a.shard != "1/1")
        cmd += " --shard " + a.shard;
    if (a.retry_failed)
        cmd += " --retry-failed";
    if (a.review)
        cmd += " --review";
    return cmd;
}

int run_batch(BatchArgs& args)
{
    if (!check_sources(args) || !check_ocr_languages(*args.cmd, args.options, "batch"))
        return exit_usage;
    // A corpus for standard output is joined inside the output folder first, then streamed.
    const bool corpus_to_stdout = args.corpus == "-";
    const std::filesystem::path corpus =
        corpus_to_stdout ? std::filesystem::path(args.output) / ".colophon" / "stdout-corpus.jsonl.gz"
                         : std::filesystem::path(args.corpus);
    batch::BatchSettings s;
    try {
        if (args.sources.empty() && args.manifest.empty())
            throw std::invalid_argument("nothing to convert: give directories, files, @lists or --manifest");
        s.sources = args.sources;
        s.manifest = args.manifest;
        s.root = args.root;
        s.output_dir = args.output;
        if (std::count(args.sources.begin(), args.sources.end(), "@-") > 1)
            throw std::invalid_argument("standard input ('@-') can be read once");
        s.jobs = args.jobs_option && args.jobs_option->count() > 0 ? args.options.jobs : 0;
        s.document.formats.clear();
        for (const std::string& f : split_commas(args.to)) {
            if (f == "package")
                s.document.package = true;
            else
                s.document.formats.push_back(pipeline::parse_output_format(f));
        }
        s.document.package_format = args.package_format;
        s.document.bagging_date = args.bagging_date;
        s.document.convert = args.options;
        s.document.convert.jobs = 1; // parallel documents instead of parallel pages
        s.document.review = args.review;
        s.document.review_dpi = args.review_dpi;
        s.document.convert.trace = args.review; // the converters record what the page shows
        s.corpus = corpus;
        s.retry_failed = args.retry_failed;
        s.shard = batch::parse_shard(args.shard);
        s.max_worker_memory = args.max_worker_memory_mb << 20;
        s.progress = progress_mode(args);
        s.command_line = command_line(args);
    } catch (const std::exception& e) {
        std::cerr << "colophon batch: " << e.what() << '\n';
        return exit_usage;
    }

    batch::BatchResult r;
    try {
        r = batch::BatchJob(std::move(s)).run();
        if (corpus_to_stdout) {
            copy_to_stdout(corpus);
            std::filesystem::remove(corpus);
        }
    } catch (const std::exception& e) {
        std::cerr << "colophon batch: " << e.what() << '\n';
        return exit_usage;
    }

    if (!args.verbosity.quiet)
        print_summary(args, r);
    return r.exit_code;
}

} // namespace

Runner add_batch_command(CLI::App& app)
{
    auto args = std::make_shared<BatchArgs>();
    CLI::App* cmd = app.add_subcommand(
        "batch", "Convert a catalogue (folders, @lists, a CSV/TSV manifest) in parallel, resumably, with reports");
    cmd->add_option("sources", args->sources,
                    "Folders (recursive), files, or @list.txt files of paths (@- reads the list from standard input)");
    cmd->add_option("--root", args->root,
                    "Catalogue root: outputs are named by each input's path below it (default: the root of the "
                    "output folder's first run, else the current folder when it holds every source)");
    cmd->add_option("-o,--output", args->output, "Output folder (outputs, state database, reports)")->required();
    cmd->add_option("--to", args->to, "Outputs per document, comma-separated: tei, text, json, package")
        ->check([](const std::string& v) {
            for (const std::string& f : split_commas(v)) {
                if (f != "tei" && f != "text" && f != "json" && f != "package")
                    return "unknown output '" + f + "' (tei, text, json, package)";
            }
            return std::string();
        })
        ->capture_default_str();
    cmd->add_option("--package-format", args->package_format, "Package format with --to package: tar.gz, zip, dir")
        ->check(CLI::IsMember({"tar.gz", "tgz", "zip", "dir"}))
        ->capture_default_str();
    cmd->add_option("--bagging-date", args->bagging_date, "Fixed bagging date for reproducible packages (YYYY-MM-DD)");
    cmd->add_option("--manifest", args->manifest,
                    "CSV/TSV catalogue: path, identifier, title, authors, date, collection, source, rights, ...");
    cmd->add_option("--corpus", args->corpus,
                    "Write a clean-text corpus (JSON Lines, gzip), e.g. corpus.jsonl.gz; - for standard output");
    cmd->add_flag("--retry-failed", args->retry_failed, "Convert again the documents that failed in an earlier run");
    cmd->add_flag(
        "--review", args->review,
        "Write a review page per document (<name>.review.html: the original beside what was kept), "
        "linked from report.html");
    cmd->add_option("--review-dpi", args->review_dpi,
                    "Resolution of the pages drawn on review pages")
        ->check(CLI::Range(20, 300))
        ->capture_default_str();
    cmd->add_option("--shard", args->shard, "Convert only shard K of N (deterministic by path), e.g. 2/8")
        ->capture_default_str();
    cmd->add_option("--progress", args->progress,
                    "Progress display: auto (a bar on a terminal, else a line per document), bar, lines")
        ->check(CLI::IsMember({"auto", "bar", "lines"}))
        ->capture_default_str();
    cmd->add_option("--max-worker-memory", args->max_worker_memory_mb, "Address-space limit per worker, MiB (0 = none)")
        ->capture_default_str();
    add_common_flags(*cmd, args->verbosity, "Print failures only");
    add_conversion_options(*cmd, args->options);
    args->jobs_option = cmd->get_option("--jobs");
    args->jobs_option->description("Documents converted in parallel, one worker process each (default: all cores)");
    args->jobs_option->default_str("all cores");
    args->cmd = cmd;
    return [args] { return run_batch(*args); };
}

} // namespace colophon::cli
