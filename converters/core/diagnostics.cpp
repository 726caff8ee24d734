#include "diagnostics.h"

#include <algorithm>

namespace colophon::core {

std::string format_diagnostic(const Diagnostic& d)
{
    std::string out;
    switch (d.severity) {
    case Severity::Info:
        out = "INFO: ";
        break;
    case Severity::Warning:
        out = "WARNING: ";
        break;
    case Severity::Error:
        out = "ERROR: ";
        break;
    }
    if (!d.file.empty()) {
        out += d.file;
        if (d.page)
            out += " (page " + std::to_string(*d.page) + ")";
        else if (d.line)
            out += " (line " + std::to_string(*d.line) + ")";
        out += ": ";
    }
    out += d.message;
    if (!d.code.empty())
        out += " [" + d.code + "]";
    return out;
}

void Diagnostics::info(std::string code, std::string message, std::optional<int> page)
{
    add({Severity::Info, std::move(code), std::move(message), file_, page, {}});
}

void Diagnostics::warn(std::string code, std::string message, std::optional<int> page)
{
    add({Severity::Warning, std::move(code), std::move(message), file_, page, {}});
}

void Diagnostics::error(std::string code, std::string message, std::optional<int> page)
{
    add({Severity::Error, std::move(code), std::move(message), file_, page, {}});
}

void Diagnostics::add(Diagnostic d)
{
    if (d.file.empty())
        d.file = file_;
    if (d.severity != Severity::Error && items_.size() >= cap_) {
        ++dropped_;
        return;
    }
    items_.push_back(std::move(d));
}

bool Diagnostics::has_warnings() const
{
    return std::any_of(items_.begin(), items_.end(),
                       [](const Diagnostic& d) { return d.severity == Severity::Warning; }) ||
           dropped_ > 0;
}

bool Diagnostics::has_errors() const
{
    return std::any_of(items_.begin(), items_.end(),
                       [](const Diagnostic& d) { return d.severity == Severity::Error; });
}

ConversionError::ConversionError(Diagnostic d)
    : std::runtime_error(format_diagnostic(d)), diag_(std::move(d))
{
}

ConversionError::ConversionError(std::string code, std::string file, std::string message)
    : ConversionError(Diagnostic{Severity::Error, std::move(code), std::move(message), std::move(file), {}, {}})
{
}

} // namespace colophon::core
