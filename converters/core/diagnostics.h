#pragma once
// Warnings and errors about one document, with stable codes ("pdf.no-text-layer").

#include <cstddef>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

namespace colophon::core {

enum class Severity
{
    Info,
    Warning,
    Error
};

struct Diagnostic
{
    Severity severity = Severity::Warning;
    std::string code;          // stable, never reused
    std::string message;
    std::string file;          // display name of the input
    std::optional<int> page;   // 1-based
    std::optional<int> line;   // 1-based
};

// "WARNING: reports/1998-04.pdf (page 3): no usable text layer, using OCR [pdf.no-text-layer]"
std::string format_diagnostic(const Diagnostic& d);

// The diagnostics of one document. Warnings are capped so a broken file cannot flood a batch
// report; the number dropped is kept and summarised once.
class Diagnostics
{
public:
    explicit Diagnostics(std::string file = {}, std::size_t cap = 100) : file_(std::move(file)), cap_(cap) {}

    void info(std::string code, std::string message, std::optional<int> page = {});
    void warn(std::string code, std::string message, std::optional<int> page = {});
    void error(std::string code, std::string message, std::optional<int> page = {});
    void add(Diagnostic d);

    const std::vector<Diagnostic>& items() const { return items_; }
    std::size_t dropped() const { return dropped_; }
    bool has_warnings() const;
    bool has_errors() const;
    const std::string& file() const { return file_; }

private:
    std::string file_;
    std::size_t cap_;
    std::size_t dropped_ = 0;
    std::vector<Diagnostic> items_;
};

// Thrown when no Document can be built; carries the diagnostic that says why.
class ConversionError : public std::runtime_error
{
public:
    explicit ConversionError(Diagnostic d);
    ConversionError(std::string code, std::string file, std::string message);
    const Diagnostic& diagnostic() const { return diag_; }

private:
    Diagnostic diag_;
};

} // namespace colophon::core
