#pragma once
// Ends the process with a clear error when one document takes longer than its time limit.
// A hard stop is the only one that also catches a loop inside a library (Poppler, Tesseract);
// outputs are written atomically, so stopping leaves no partial file behind.

#include <chrono>
#include <condition_variable>
#include <mutex>
#include <string>
#include <thread>

namespace colophon::cli {

class Watchdog
{
public:
    // `message` is printed to stderr before the process exits with `exit_code`.
    Watchdog(double seconds, std::string message, int exit_code);
    // One document's conversion: "ERROR: INPUT: conversion exceeded the time limit ...
    // [limits.timeout]", exit 1.
    Watchdog(double seconds, const std::string &input);
    ~Watchdog(); // disarms
    Watchdog(const Watchdog&) = delete;
    Watchdog& operator=(const Watchdog&) = delete;

private:
    std::mutex mutex_;
    std::condition_variable done_;
    bool disarmed_ = false;
    std::thread thread_;
};

} // namespace colophon::cli
