// colophon: converts published HTML pages and PDFs into validated TEI and archival packages.
// This file only wires the subcommands; each lives in its own cmd_*.cpp.

#include "cli_common.h"
#include "commands.h"

#include <iostream>
#include <map>

int main(int argc, char** argv)
{
    using namespace colophon::cli;
    if (asks_for_version(argc, argv)) {
        std::cout << version_line() << '\n';
        return exit_ok;
    }
    CLI::App app("colophon: document conversion and archival pipeline", "colophon");
    app.set_version_flag("-V,--version", version_line(), "Print the version and exit");
    app.require_subcommand(1);
    app.footer("Exit codes: 0 clean, 3 converted with warnings, 1 some documents failed, 2 usage or setup "
               "error.\n'colophon SUBCOMMAND --help' describes each subcommand.");

    std::map<const CLI::App*, Runner> runners;
    auto add = [&](Runner runner) { runners.emplace(app.get_subcommands({}).back(), std::move(runner)); };
    add(add_convert_command(app));
    add(add_pack_command(app));
    add(add_verify_command(app));
    add(add_batch_command(app));
    add(add_merge_command(app));
    add(add_review_command(app));

    try {
        app.parse(argc, argv);
    } catch (const CLI::ParseError& e) {
        const int rc = app.exit(e);
        return rc == 0 ? exit_ok : exit_usage;
    }
    for (const auto& [cmd, run] : runners) {
        if (cmd->parsed())
            return run();
    }
    return exit_usage;
}
