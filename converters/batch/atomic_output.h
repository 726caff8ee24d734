#pragma once
// Streamed outputs that appear whole or not at all (reports, the corpus): written to a temporary
// file in the target directory, synced, then renamed over the final name by commit(). Without
// commit() the destructor removes the temporary file. The corpus is gzip: members compressed per
// document, joined.

#include <zlib.h>

#include <cstdio>
#include <filesystem>
#include <memory>
#include <string>
#include <string_view>

namespace colophon::batch {

class AtomicOutputFile
{
public:
    explicit AtomicOutputFile(std::filesystem::path path);
    ~AtomicOutputFile();
    AtomicOutputFile(const AtomicOutputFile&) = delete;
    AtomicOutputFile& operator=(const AtomicOutputFile&) = delete;

    void write(std::string_view bytes);
    void commit();

private:
    struct FileClose
    {
        void operator()(std::FILE* f) const { std::fclose(f); }
    };
    std::filesystem::path path_;
    std::filesystem::path tmp_;
    std::unique_ptr<std::FILE, FileClose> file_;
};

// `bytes` as one complete gzip member. Members joined end to end are one valid gzip file
// (RFC 1952), so per-document pieces compressed in the workers make the corpus by concatenation.
std::string gzip_member(std::string_view bytes, int level = 6);

} // namespace colophon::batch
