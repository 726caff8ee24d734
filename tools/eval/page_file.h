#pragma once
// The evaluation tools read saved pages as the corpora store them: plain or gzip-compressed
// (zlib's gzread reads both).

#include <zlib.h>

#include <filesystem>
#include <memory>
#include <string>

namespace colophon::eval {

struct GzClose
{
    void operator()(gzFile_s* f) const { gzclose(f); }
};

// The bytes of `path`, decompressed when it is gzip; empty when it cannot be opened.
inline std::string read_page_file(const std::filesystem::path& path)
{
    const std::unique_ptr<gzFile_s, GzClose> f(gzopen(path.c_str(), "rb"));
    if (!f)
        return {};
    std::string out;
    char buf[65536];
    int n = 0;
    while ((n = gzread(f.get(), buf, sizeof buf)) > 0)
        out.append(buf, static_cast<std::size_t>(n));
    return out;
}

} // namespace colophon::eval
