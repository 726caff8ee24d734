// colophon merge DIR... -o OUT: joins the state databases and reports of shard runs.

#include "commands.h"

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
    bool quiet = false;
};

int run_merge(const MergeArgs& args)
{
    std::string cmd = "colophon merge";
    for (const std::string& d : args.dirs)
        cmd += " " + d;
    cmd += " -o " + args.output;
    try {
        std::vector<std::filesystem::path> dirs(args.dirs.begin(), args.dirs.end());
        const batch::MergeResult r = batch::merge_batches(dirs, args.output, args.corpus, cmd);
        if (!args.quiet) {
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
    cmd->add_option("dirs", args->dirs, "Output folders of the shard runs")->required()->check(CLI::ExistingDirectory);
    cmd->add_option("-o,--output", args->output, "Folder for the merged database and reports")->required();
    cmd->add_option("--corpus", args->corpus, "Also join the shards' corpus lines into this .jsonl.gz");
    cmd->add_flag("-q,--quiet", args->quiet, "Print errors only");
    return [args] { return run_merge(*args); };
}

} // namespace colophon::cli
