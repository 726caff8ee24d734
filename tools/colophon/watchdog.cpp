#include "watchdog.h"

#include "exit_codes.h"

#include <cstdio>
#include <cstdlib>
#include <sstream>

namespace colophon::cli {

namespace {

std::string format_seconds(double s)
{
    std::ostringstream out;
    out << s;
    return out.str();
}

} // namespace

Watchdog::Watchdog(double seconds, const std::string &input)
    : Watchdog(seconds,
               "ERROR: " + input + ": conversion exceeded the time limit of " +
                   format_seconds(seconds) + " s (see --max-seconds) [limits.timeout]",
               exit_failed)
{
}

Watchdog::Watchdog(double seconds, std::string message, int exit_code)
{
    if (seconds <= 0)
        return;
    thread_ = std::thread([this, seconds, message = std::move(message), exit_code] {
        std::unique_lock lock(mutex_);
        const auto limit = std::chrono::duration<double>(seconds);
        if (done_.wait_for(lock, limit, [this] { return disarmed_; }))
            return;
        std::fprintf(stderr, "%s\n", message.c_str());
        std::fflush(stderr);
        std::_Exit(exit_code);
    });
}

Watchdog::~Watchdog()
{
    {
        const std::lock_guard lock(mutex_);
        disarmed_ = true;
    }
    done_.notify_all();
    if (thread_.joinable())
        thread_.join();
}

} // namespace colophon::cli
