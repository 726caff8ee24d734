#pragma once
// What Poppler says about a PDF while colophon reads it. Poppler's core reports damage through
// one process-wide callback (it has no per-document hook), and its allocator writes "Out of
// memory" and "Bogus memory allocation size" with fputs to C's stderr before it goes on without
// the object it could not allocate. Either may leave text out, so neither may end in a clean
// exit: while a PopplerMessages lives, the callback's errors made on its thread and what C code
// writes to `stderr` are kept for the converter to report as warnings (C++ streams and raw
// writes to descriptor 2 are not touched: the CLI's messages and crash reports still show).

#include <Error.h>

#include <cstddef>
#include <string>
#include <vector>

namespace colophon::pdf {

// The callback PopplerMessages collects through, for Poppler objects that install one.
ErrorCallback poppler_error_callback();

class PopplerMessages
{
public:
    PopplerMessages();
    ~PopplerMessages();
    PopplerMessages(const PopplerMessages&) = delete;
    PopplerMessages& operator=(const PopplerMessages&) = delete;

    // Takes Poppler's error callback back: poppler-glib installs its own whenever it opens a
    // document, so this is called after every such opening (take() calls it too).
    void listen();

    // The errors reported since the last call, in order, without repeats: Poppler's syntax,
    // I/O, unimplemented-feature and internal errors (its syntax warnings, whose output "will
    // probably be correct", are left out) and its allocator's messages.
    std::vector<std::string> take();

private:
    std::vector<std::string> errors_;
    bool capturing_stderr_ = false;
};

} // namespace colophon::pdf
