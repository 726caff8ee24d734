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
    // Small inflation limits keep every run short (a mutated archive of zeros otherwise inflates to
    // the 64 MB grace before the ratio check stops it); the limit paths themselves are still fuzzed.
    static const colophon::archive::VerifyOptions options = [] {
        colophon::archive::VerifyOptions o;
        o.limits.ratio_grace_bytes = 1u << 20;
        o.limits.max_total_bytes = 16u << 20;
        return o;
    }();
    for (const char* name : {"bag.tar.gz", "bag.zip"}) {
        const fs::path file = dir / name;
        {
            std::ofstream out(file, std::ios::binary | std::ios::trunc);
            out.write(reinterpret_cast<const char*>(data), static_cast<std::streamsize>(size));
        }
        (void)colophon::archive::verify_package(file, options);
    }
    return 0;
}
