// Fuzzes the package verifier on archives: the bytes are written as a .tar.gz and as a .zip and
// verified; nothing may be written outside, nothing may crash.
#include "archive/bag_verifier.h"

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <unistd.h>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    namespace fs = std::filesystem;
    static const fs::path dir = fs::temp_directory_path() / ("colophon-fuzz-verify-" + std::to_string(::getpid()));
    fs::create_directories(dir);
    for (const char* name : {"bag.tar.gz", "bag.zip"}) {
        const fs::path file = dir / name;
        {
            std::ofstream out(file, std::ios::binary | std::ios::trunc);
            out.write(reinterpret_cast<const char*>(data), static_cast<std::streamsize>(size));
        }
        (void)colophon::archive::verify_package(file);
    }
    return 0;
}
