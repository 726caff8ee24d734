// Packing throughput against the shell baseline `tar czf` + `sha256sum` + `sha512sum` on the
// same file, and peak memory of packing at two payload sizes (it must not grow with the file).
//
//   bench_pack [--size-mb 1024] [--content text|random|mix|zeros] [--shared DIR] [--repeat 2]
//              [--dir /tmp] [--keep]
//
// "mix" is the realistic payload: every PDF and HTML page of ../shared/corpora (HTML unpacked
// from its .gz), concatenated in path order and repeated to the size. A plain timing program, not
// a test: prints one line per measurement and the ratio baseline_seconds / colophon_seconds
// (>= 2 is the target, issue 16).

#include "archive/bag_verifier.h"
#include "archive/package_writer.h"

#include <algorithm>
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <string>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>
#include <vector>
#include <zlib.h>

namespace fs = std::filesystem;
using colophon::archive::PackageContents;

namespace {

double now()
{
    return std::chrono::duration<double>(std::chrono::steady_clock::now().time_since_epoch()).count();
}

// Deterministic content: "text" is prose-like (words of skewed letter frequency from a large
// vocabulary, compresses about 2-3x like HTML/text), "random" does not compress (like an
// already-compressed PDF).
void make_payload(const fs::path& path, std::uint64_t bytes, bool text)
{
    static const char letters[] = "eeeeeeetttttaaaaoooiiinnnsssrrhhlldcumfpgwybvkxjqz";
    std::ofstream out(path, std::ios::binary);
    std::vector<char> buf(1 << 20);
    std::uint64_t state = 0x9E3779B97F4A7C15ull;
    const auto next = [&state] {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        return state;
    };
    std::uint64_t written = 0;
    while (written < bytes) {
        std::size_t n = 0;
        while (n + 16 < buf.size()) {
            if (text) {
                std::uint64_t r = next();
                const std::size_t len = 1 + r % 9;
                r >>= 4;
                for (std::size_t k = 0; k < len; ++k, r >>= 6)
                    buf[n++] = letters[(r & 63) % (sizeof letters - 1)];
                buf[n++] = (next() % 23 == 0) ? '\n' : ' ';
            } else {
                const std::uint64_t r = next();
                std::memcpy(buf.data() + n, &r, 8);
                n += 8;
            }
        }
        const std::size_t take = static_cast<std::size_t>(std::min<std::uint64_t>(n, bytes - written));
        out.write(buf.data(), static_cast<std::streamsize>(take));
        written += take;
    }
}

// The corpora's PDFs and HTML (unpacked), in path order, repeated until `bytes` are written.
void make_mix_payload(const fs::path& path, std::uint64_t bytes, const fs::path& shared)
{
    std::vector<fs::path> files;
    for (const auto& e : fs::recursive_directory_iterator(shared / "corpora")) {
        const std::string name = e.path().filename().string();
        if (e.is_regular_file() && (name.ends_with(".pdf") || name.ends_with(".html") || name.ends_with(".html.gz")))
            files.push_back(e.path());
    }
    std::sort(files.begin(), files.end());
    if (files.empty()) {
        std::fprintf(stderr, "no PDF or HTML under %s/corpora\n", shared.c_str());
        std::exit(2);
    }
    std::ofstream out(path, std::ios::binary);
    std::uint64_t written = 0;
    std::vector<char> buf(1 << 16);
    while (written < bytes) {
        for (const fs::path& f : files) {
            gzFile in = gzopen(f.c_str(), "rb"); // reads plain files as they are
            int n = 0;
            while (written < bytes && (n = gzread(in, buf.data(), static_cast<unsigned>(buf.size()))) > 0) {
                const auto take = static_cast<std::size_t>(std::min<std::uint64_t>(static_cast<std::uint64_t>(n), bytes - written));
                out.write(buf.data(), static_cast<std::streamsize>(take));
                written += take;
            }
            gzclose(in);
            if (written >= bytes)
                break;
        }
    }
}

double cpu_seconds(const struct rusage& ru)
{
    return static_cast<double>(ru.ru_utime.tv_sec + ru.ru_stime.tv_sec) +
           static_cast<double>(ru.ru_utime.tv_usec + ru.ru_stime.tv_usec) / 1e6;
}

double children_cpu()
{
    struct rusage ru{};
    getrusage(RUSAGE_CHILDREN, &ru);
    return cpu_seconds(ru);
}

double last_shell_cpu = 0; // CPU seconds (user + system) of the last run_shell, all processes

double run_shell(const std::string& cmd)
{
    const double c0 = children_cpu();
    const double t0 = now();
    if (std::system(cmd.c_str()) != 0) {
        std::fprintf(stderr, "command failed: %s\n", cmd.c_str());
        std::exit(2);
    }
    last_shell_cpu = children_cpu() - c0;
    return now() - t0;
}

struct PackRun
{
    double seconds = 0;
    double cpu = 0; // user + system, both threads
    long max_rss_kb = 0;
};

// Packs in a child process so its peak RSS is measured alone.
PackRun pack_in_child(const fs::path& original, const fs::path& out_dir, const std::string& id)
{
    const double t0 = now();
    const pid_t pid = fork();
    if (pid == 0) {
        PackageContents c;
        c.original_path = original;
        c.original_name = original.filename().string();
        c.original_mime = "application/octet-stream";
        c.document.meta.title = "Benchmark payload";
        c.tei_xml = "<?xml version=\"1.0\"?>\n<TEI xmlns=\"http://www.tei-c.org/ns/1.0\"/>\n";
        c.plain_text = "benchmark\n";
        c.json = "{}\n";
        c.options.id = id;
        c.options.bagging_date = "2026-01-01";
        c.options.overwrite = true;
        try {
            colophon::archive::write_package(c, out_dir);
        } catch (const std::exception& e) {
            std::fprintf(stderr, "pack failed: %s\n", e.what());
            _exit(1);
        }
        _exit(0);
    }
    int status = 0;
    struct rusage ru{};
    wait4(pid, &status, 0, &ru);
    if (!WIFEXITED(status) || WEXITSTATUS(status) != 0)
        std::exit(2);
    return {now() - t0, cpu_seconds(ru), ru.ru_maxrss};
}

} // namespace

int main(int argc, char** argv)
{
    std::uint64_t size_mb = 1024;
    std::string content = "text";
    fs::path shared = COLOPHON_SHARED_DIR;
    bool keep = false;
    int repeat = 2;
    fs::path base = fs::temp_directory_path();
    for (int i = 1; i < argc; ++i) {
        const std::string a = argv[i];
        if (a == "--size-mb" && i + 1 < argc)
            size_mb = std::stoull(argv[++i]);
        else if (a == "--content" && i + 1 < argc)
            content = argv[++i];
        else if (a == "--shared" && i + 1 < argc)
            shared = argv[++i];
        else if (a == "--dir" && i + 1 < argc)
            base = argv[++i];
        else if (a == "--repeat" && i + 1 < argc)
            repeat = std::max(1, std::stoi(argv[++i]));
        else if (a == "--keep")
            keep = true;
        else {
            std::fprintf(stderr, "usage: bench_pack [--size-mb N] [--content text|random|mix|zeros] [--shared DIR] "
                                 "[--repeat N] [--dir DIR] [--keep]\n");
            return 2;
        }
    }
    if (content != "text" && content != "random" && content != "mix" && content != "zeros") {
        std::fprintf(stderr, "unknown --content %s\n", content.c_str());
        return 2;
    }
    const fs::path dir = base / ("colophon-bench-" + std::to_string(getpid()));
    fs::create_directories(dir / "in");
    fs::create_directories(dir / "out");
    const fs::path payload = dir / "in" / "payload.bin";
    const fs::path small = dir / "in" / "small.bin";
    std::printf("payload: %llu MB of %s content in %s\n", static_cast<unsigned long long>(size_mb), content.c_str(),
                dir.c_str());
    const auto make = [&](const fs::path& p, std::uint64_t bytes) {
        if (content == "mix")
            make_mix_payload(p, bytes, shared);
        else if (content == "zeros") {
            std::ofstream(p).close(); // sparse: a blank scan's bytes at memory speed
            fs::resize_file(p, bytes);
        }
        else
            make_payload(p, bytes, content == "text");
    };
    make(payload, size_mb << 20);
    make(small, (size_mb << 20) / 16);

    // Warm the page cache for both sides alike.
    run_shell("cat '" + payload.string() + "' > /dev/null");

    // Alternate the two sides and keep each one's best run: the machine may be shared.
    const std::string q = "'" + payload.string() + "'";
    double t_tar = 1e9, t_256 = 1e9, t_512 = 1e9, baseline = 1e9, baseline_cpu = 0;
    PackRun big{1e9, 0, 0};
    for (int r = 0; r < repeat; ++r) {
        const double a = run_shell("tar czf '" + (dir / "out" / "baseline.tar.gz").string() + "' -C '" +
                                   (dir / "in").string() + "' payload.bin");
        double cpu = last_shell_cpu;
        const double b = run_shell("sha256sum " + q + " > /dev/null");
        cpu += last_shell_cpu;
        const double c = run_shell("sha512sum " + q + " > /dev/null");
        cpu += last_shell_cpu;
        if (a + b + c < baseline) {
            baseline_cpu = cpu;
            t_tar = a;
            t_256 = b;
            t_512 = c;
            baseline = a + b + c;
        }
        const PackRun p = pack_in_child(payload, dir / "out", "bench");
        if (p.seconds < big.seconds)
            big = p;
    }
    const PackRun little = pack_in_child(small, dir / "out", "bench-small");
    // Verification of the big package: one streaming pass (gunzip + md5/sha1/sha256/sha512).
    const double v0 = now();
    const auto report = colophon::archive::verify_package(dir / "out" / "bench.tar.gz");
    const double t_verify = now() - v0;

    const double mb = static_cast<double>(size_mb);
    std::printf("baseline: tar czf %.2f s + sha256sum %.2f s + sha512sum %.2f s = %.2f s (%.1f MB/s)\n", t_tar,
                t_256, t_512, baseline, mb / baseline);
    std::printf("colophon pack: %.2f s (%.1f MB/s), peak RSS %ld KB\n", big.seconds, mb / big.seconds,
                big.max_rss_kb);
    std::printf("colophon pack of a 1/16 size payload: %.2f s, peak RSS %ld KB\n", little.seconds,
                little.max_rss_kb);
    std::printf("throughput ratio colophon/baseline: %.2f wall-clock (target >= 2), best of %d\n",
                baseline / big.seconds, repeat);
    std::printf("CPU seconds: baseline %.2f, colophon %.2f, ratio %.2f (less sensitive to a shared machine)\n",
                baseline_cpu, big.cpu, baseline_cpu / big.cpu);
    std::printf("load average at the end: ");
    std::fflush(stdout);
    run_shell("cut -d' ' -f1-3 /proc/loadavg");
    std::printf("colophon verify of the package: %.2f s (%.1f MB/s), %s\n", t_verify, mb / t_verify,
                report.ok() ? "valid" : "INVALID");
    std::printf("package %llu bytes, baseline tar.gz %llu bytes\n",
                static_cast<unsigned long long>(fs::file_size(dir / "out" / "bench.tar.gz")),
                static_cast<unsigned long long>(fs::file_size(dir / "out" / "baseline.tar.gz")));
    if (!keep)
        fs::remove_all(dir);
    return 0;
}
