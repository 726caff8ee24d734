#pragma once
// Streamed outputs that appear whole or not at all (reports, the corpus): written to a temporary
// file in the target directory, synced, then renamed over the final name by commit(). Without
// commit() the destructor removes the temporary file.

#include <zlib.h>

#include <cstdio>
#include <filesystem>
#include <memory>
#include <string_view>

namespace colophon::pipeline {

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

// The same for gzip (zlib gzFile), streamed: memory does not grow with the content.
class AtomicGzipFile
{
public:
    explicit AtomicGzipFile(std::filesystem::path path, int level = 6);
    ~AtomicGzipFile();
    AtomicGzipFile(const AtomicGzipFile&) = delete;
    AtomicGzipFile& operator=(const AtomicGzipFile&) = delete;

    void write(std::string_view bytes);
    void commit();

private:
    struct GzClose
    {
        void operator()(gzFile_s* f) const { gzclose(f); }
    };
    std::filesystem::path path_;
    std::filesystem::path tmp_;
    int fd_ = -1; // kept open past gzclose so the data can be synced
    std::unique_ptr<gzFile_s, GzClose> gz_;
};

} // namespace colophon::pipeline
