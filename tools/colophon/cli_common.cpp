#include "cli_common.h"

#include "core/version.h"

#include <cstdio>
#include <filesystem>
#include <iostream>

namespace colophon::cli {

std::string version_line()
{
    return std::string("colophon ") + core::version;
}

bool asks_for_version(int argc, const char* const* argv)
{
    for (int i = 1; i < argc; ++i) {
        const std::string_view a = argv[i];
        if (a == "--")
            return false;
        if (a == "--version" || a == "-V")
            return true;
    }
    return false;
}

void add_common_flags(CLI::App& cmd, Verbosity& verbosity, const std::string& quiet_help)
{
    CLI::Option* quiet = cmd.add_flag("-q,--quiet", verbosity.quiet, quiet_help);
    CLI::Option* verbose =
        cmd.add_flag("-v,--verbose", verbosity.verbose, "Also print stage timings and the decisions taken");
    quiet->excludes(verbose);
    // Listed in every subcommand's help; main() answers it before parsing (asks_for_version).
    cmd.set_version_flag("-V,--version", version_line(), "Print the version and exit");
}

bool check_inputs_exist(const std::string& command, const std::vector<std::string>& paths)
{
    bool ok = true;
    for (const std::string& p : paths) {
        std::error_code ec;
        if (p == "-" || std::filesystem::exists(p, ec))
            continue;
        std::cerr << "colophon " << command << ": " << p << ": no such file or directory\n";
        ok = false;
    }
    return ok;
}

bool check_output_parent(const std::string& command, const std::string& output)
{
    if (output.empty() || output == "-")
        return true;
    const std::filesystem::path parent = std::filesystem::path(output).parent_path();
    std::error_code ec;
    if (parent.empty() || std::filesystem::is_directory(parent, ec))
        return true;
    std::cerr << "colophon " << command << ": " << output << ": the output folder " << parent.string()
              << " does not exist\n";
    return false;
}

void Trace::say(const std::string& line) const
{
    if (on_)
        std::cerr << "colophon: " << line << '\n';
}

std::string Trace::elapsed(std::chrono::steady_clock::time_point since)
{
    const double ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - since).count();
    char buf[32];
    std::snprintf(buf, sizeof buf, ms < 10 ? "%.2f ms" : "%.0f ms", ms);
    return buf;
}

} // namespace colophon::cli
