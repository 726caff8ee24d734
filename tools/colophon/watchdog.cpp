#include "watchdog.h"

#include <cstdio>
#include <cstdlib>

namespace colophon::cli {

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
