#pragma once
// What every subcommand shares: -q/-v, --version, the up-front checks that turn a wrong command
// line into exit 2 before anything is written, and the verbose trace (stage timings, decisions).

#include <CLI/CLI.hpp>

#include <chrono>
#include <string>
#include <vector>

namespace colophon::cli {

struct Verbosity
{
    bool quiet = false;   // errors only
    bool verbose = false; // also stage timings and the decisions taken (INFO lines)
};

// "colophon 0.1.0"
std::string version_line();

// True when argv asks for the version anywhere before "--": a version query never fails, whatever
// else the command line holds (`colophon convert --version` with no input).
bool asks_for_version(int argc, const char* const* argv);

// -q/--quiet and -v/--verbose (mutually exclusive) and --version on a subcommand.
void add_common_flags(CLI::App& cmd, Verbosity& verbosity, const std::string& quiet_help = "Print errors only");

// Each path named on the command line must exist ("-" is standard input); otherwise prints
// "colophon CMD: PATH: no such file or directory" and returns false (the caller exits 2).
bool check_inputs_exist(const std::string& command, const std::vector<std::string>& paths);

// The folder an output file goes to must exist ("-" is standard output): a typo in -o is found
// before the conversion runs.
bool check_output_parent(const std::string& command, const std::string& output);

// The verbose trace on standard error: "colophon: convert: html converter, 14 blocks (3.2 ms)".
class Trace
{
public:
    explicit Trace(bool on) : on_(on) {}
    bool on() const { return on_; }
    void say(const std::string& line) const;

    // Milliseconds since `since`, formatted "3.2 ms".
    static std::string elapsed(std::chrono::steady_clock::time_point since);

private:
    bool on_;
};

} // namespace colophon::cli
