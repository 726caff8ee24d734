#include "std_streams.h"

#include "core/atomic_file.h"

#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <iostream>
#include <stdexcept>

namespace colophon::cli {

namespace fs = std::filesystem;

void write_output(const std::string& path, std::string_view bytes)
{
    if (path != "-") {
        core::write_file_atomically(path, bytes);
        return;
    }
    std::cout.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    std::cout.flush();
    if (!std::cout)
        throw std::runtime_error("cannot write to standard output");
}

OutputStream::OutputStream(const std::string &path)
{
    if (path != "-")
        file_.emplace(path);
}

void OutputStream::write(std::string_view bytes)
{
    if (file_) {
        file_->write(bytes);
        return;
    }
    std::cout.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    if (!std::cout)
        throw std::runtime_error("cannot write to standard output");
}

void OutputStream::commit()
{
    if (file_) {
        file_->commit();
        return;
    }
    std::cout.flush();
    if (!std::cout)
        throw std::runtime_error("cannot write to standard output");
}

void copy_to_stdout(const fs::path& file)
{
    std::ifstream in(file, std::ios::binary);
    if (!in)
        throw std::runtime_error("cannot read " + file.string());
    std::cout << in.rdbuf();
    std::cout.flush();
    if (!std::cout)
        throw std::runtime_error("cannot write to standard output");
}

namespace {

std::string extension_for_magic(const std::string& head)
{
    if (head.size() >= 2 && static_cast<unsigned char>(head[0]) == 0x1f && static_cast<unsigned char>(head[1]) == 0x8b)
        return ".tar.gz";
    if (head.rfind("PK", 0) == 0)
        return ".zip";
    return ".tar";
}

} // namespace

SpooledStdin::SpooledStdin(std::size_t max_bytes)
{
    const char* tmp = std::getenv("TMPDIR");
    std::string pattern = (fs::path(tmp && *tmp ? tmp : "/tmp") / "colophon-stdin-XXXXXX").string();
    if (::mkdtemp(pattern.data()) == nullptr)
        throw std::runtime_error("cannot create a temporary folder for standard input: " + std::string(std::strerror(errno)));
    dir_ = pattern;
    try {
        spool(max_bytes);
    } catch (...) {
        std::error_code ec;
        fs::remove_all(dir_, ec); // the destructor does not run for a constructor that throws
        throw;
    }
}

void SpooledStdin::spool(std::size_t max_bytes)
{
    std::string head;
    const fs::path raw = dir_ / "stdin";
    {
        std::ofstream out(raw, std::ios::binary);
        char buf[65536];
        std::size_t total = 0;
        while (std::cin.read(buf, sizeof buf) || std::cin.gcount() > 0) {
            const auto n = static_cast<std::size_t>(std::cin.gcount());
            if (head.size() < 4)
                head.append(buf, std::min<std::size_t>(n, 4));
            total += n;
            if (total > max_bytes)
                throw std::runtime_error("standard input exceeds the limit of " + std::to_string(max_bytes) + " bytes");
            out.write(buf, static_cast<std::streamsize>(n));
        }
        if (!out.flush())
            throw std::runtime_error("cannot spool standard input into " + dir_.string());
    }
    path_ = dir_ / ("stdin" + extension_for_magic(head));
    fs::rename(raw, path_);
}

SpooledStdin::~SpooledStdin()
{
    std::error_code ec;
    fs::remove_all(dir_, ec);
}

std::vector<std::string> read_stdin_lines()
{
    std::vector<std::string> lines;
    std::string line;
    while (std::getline(std::cin, line)) {
        while (!line.empty() && (line.back() == '\r' || line.back() == ' '))
            line.pop_back();
        if (!line.empty() && line.front() != '#')
            lines.push_back(line);
    }
    return lines;
}

} // namespace colophon::cli
