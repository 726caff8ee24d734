// colophon merge DIR... -o OUT: joins the state databases and reports of shard runs.

#include "cli_common.h"
#include "commands.h"
#include "std_streams.h"

#include "batch/batch_merge.h"

#include <iostream>
#include <memory>

namespace colophon::cli {

namespace {

struct MergeArgs
{
    std::vector<std::string> dirs;
    std::string output;
    std::string corpus;
    Verbosity verbosity;
};

// The shard folders: as named, with "-" standing for a list of folders on standard input
// (`ls -d out/shard-* | colophon merge - -o out/all`).
std::vector<std::string> shard_folders(const std::vector<std::string>& named)
{
    std::vector<std::string> dirs;
    for (const std::string& d : named) {
        if (d != "-") {
            dirs.push_back(d);
            continue;
        }
        for (std::string& line : read_stdin_lines())
            dirs.push_back(std::move(line));
    }
    return dirs;
}

bool check_folders(const std::vector<std::string>& dirs)
{
    if (dirs.empty()) {
        std::cerr << "colophon merge: no shard folders given\n";
        return false;
    }
    bool ok = true;
    for (const std::string& d : dirs) {
        std::error_code ec;
        if (!std::filesystem::is_directory(d, ec)) {
            std::cerr << "colophon merge: " << d << ": not a folder\n";
            ok = false;
        }
    }
    return ok;
}

int run_merge(const MergeArgs& args)
{
    if (std::count(args.dirs.begin(), args.dirs.end(), "-") > 1) {
        std::cerr << "colophon merge: standard input (-) can be named once\n";
        return exit_usage;
    }
    const std::vector<std::string> named = shard_folders(args.dirs);
    if (!check_folders(named))
        return exit_usage;
    const Trace trace(args.verbosity.verbose);
    std::string cmd = "colophon merge";
    for (const std::string& d : named)
        cmd += " " + d;
    cmd += " -o " + args.output;
    // A corpus for standard output is joined beside the merged database first, then streamed.
    const bool corpus_to_stdout = args.corpus == "-";
    const std::filesystem::path corpus =
        corpus_to_stdout ? std::filesystem::path(args.output) / ".colophon" / "stdout-corpus.jsonl.gz"
                         : std::filesystem::path(args.corpus);
    try {
        const auto t0 = std::chrono::steady_clock::now();
        std::vector<std::filesystem::path> dirs(named.begin(), named.end());
        if (corpus_to_stdout)
            std::filesystem::create_directories(corpus.parent_path());
        const batch::MergeResult r = batch::merge_batches(dirs, args.output, corpus, cmd);
        trace.say("merged " + std::to_string(dirs.size()) + " folders into " + args.output + " (" +
                  Trace::elapsed(t0) + ")");
        if (corpus_to_stdout) {
            copy_to_stdout(corpus);
            std::filesystem::remove(corpus);
        }
        if (!args.verbosity.quiet) {
            std::cerr << "colophon: merged " << dirs.size() << " batch folders: " << r.counts.total << " documents, "
                      << r.counts.failures() << " failed or unsupported";
            if (r.conflicts > 0)
                std::cerr << ", " << r.conflicts << " documents in more than one shard";
            std::cerr << "\ncolophon: report: " << (std::filesystem::path(args.output) / "report.html").string() << '\n';
        }
        return r.exit_code;
    } catch (const std::exception& e) {
        std::cerr << "colophon merge: " << e.what() << '\n';
        return exit_usage;
    }
}

} // namespace

Runner add_merge_command(CLI::App& app)
{
    auto args = std::make_shared<MergeArgs>();
    CLI::App* cmd = app.add_subcommand("merge", "Join the state databases and reports of batch shards (--shard K/N)");
    cmd->add_option("dirs", args->dirs, "Output folders of the shard runs; - reads their names from standard input")
        ->required();
    cmd->add_option("-o,--output", args->output, "Folder for the merged database and reports")->required();
    cmd->add_option("--corpus", args->corpus,
                    "Also join the shards' corpus lines into this .jsonl.gz (- for standard output)");
    add_common_flags(*cmd, args->verbosity);
    return [args] { return run_merge(*args); };
}

} // namespace colophon::cli
