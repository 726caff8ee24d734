// Acceptance tests of `colophon batch` through the real binary (COLOPHON_BIN): a small mixed
// catalogue, a batch killed with SIGKILL and resumed, and the HTML report in headless Chromium.
// They hold whichever converters this build has: assertions are about accounting, not content.

#include "state/state_db.h"

#include "test_pages.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>
#include <zlib.h>

#include <chrono>
#include <csignal>
#include <cstdlib>
#include <fcntl.h>
#include <map>
#include <sys/wait.h>
#include <thread>
#include <unistd.h>

using namespace colophon;
using colophon::testing::html_page;
using colophon::testing::read_file;
using colophon::testing::TempDir;
using colophon::testing::write_file;
namespace fs = std::filesystem;

namespace {

struct RunResult
{
    int rc = -1;
    std::string err;
};

// Starts `colophon args...` with stderr to `log`; returns the pid.
pid_t start(const std::vector<std::string>& args, const fs::path& log)
{
    std::vector<std::string> argv{COLOPHON_BIN};
    argv.insert(argv.end(), args.begin(), args.end());
    const pid_t pid = ::fork();
    if (pid == 0) {
        const int fd = ::open(log.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
        ::dup2(fd, STDERR_FILENO);
        ::dup2(fd, STDOUT_FILENO);
        std::vector<char*> cargv;
        for (std::string& a : argv)
            cargv.push_back(a.data());
        cargv.push_back(nullptr);
        ::execv(cargv[0], cargv.data());
        ::_exit(127);
    }
    return pid;
}

RunResult run(const std::vector<std::string>& args, const fs::path& log)
{
    const pid_t pid = start(args, log);
    int status = 0;
    ::waitpid(pid, &status, 0);
    return {WIFEXITED(status) ? WEXITSTATUS(status) : -1, read_file(log)};
}

std::vector<std::string> read_gzip_lines(const fs::path& p)
{
    struct GzClose
    {
        void operator()(gzFile_s* f) const { gzclose(f); }
    };
    const std::unique_ptr<gzFile_s, GzClose> gz(gzopen(p.c_str(), "rb"));
    std::string all;
    char buf[4096];
    int n = 0;
    while (gz && (n = gzread(gz.get(), buf, sizeof buf)) > 0)
        all.append(buf, static_cast<std::size_t>(n));
    std::vector<std::string> lines;
    for (std::size_t start = 0; start < all.size();) {
        const auto end = all.find('\n', start);
        lines.push_back(all.substr(start, end - start));
        start = end == std::string::npos ? all.size() : end + 1;
    }
    return lines;
}

std::map<std::string, state::DocumentRecord> rows(const fs::path& out)
{
    state::StateDb db(out / state::state_file_name, state::sql::Database::Mode::ReadOnly);
    std::map<std::string, state::DocumentRecord> m;
    db.for_each([&](const state::DocumentRecord& r) { m[r.key] = r; });
    return m;
}

std::int64_t finished_count(const fs::path& state)
{
    if (!fs::exists(state))
        return 0;
    try {
        state::sql::Database db(state, state::sql::Database::Mode::ReadOnly);
        auto s = db.prepare("SELECT count(*) FROM documents WHERE status<>'pending'");
        return s.step() ? s.integer(0) : 0;
    } catch (const std::exception&) {
        return 0; // not created yet
    }
}

// Copies every sample input of the repository, then adds the hostile cases.
std::size_t build_catalogue(const fs::path& src)
{
    std::size_t n = 0;
    const fs::path samples = fs::path(COLOPHON_SOURCE_DIR) / "samples";
    std::string a_pdf;
    if (fs::exists(samples)) {
        for (const auto& e : fs::recursive_directory_iterator(samples)) {
            if (!e.is_regular_file() || !e.path().filename().string().starts_with("input."))
                continue;
            const fs::path rel = e.path().lexically_relative(samples);
            fs::create_directories((src / "samples" / rel).parent_path());
            fs::copy_file(e.path(), src / "samples" / rel);
            if (e.path().extension() == ".pdf" && a_pdf.empty())
                a_pdf = read_file(e.path());
            ++n;
        }
    }
    // A truncated PDF: a real one cut short when the samples have one, else a bare header.
    std::string truncated = a_pdf.empty() ? std::string("%PDF-1.7\n1 0 obj\n<< /Type /Catalog") : a_pdf.substr(0, a_pdf.size() / 3);
    write_file(src / "hostile/truncated.pdf", truncated);
    write_file(src / "hostile/zero-bytes.html", "");
    write_file(src / "hostile/spreadsheet.xlsx", std::string("PK\x03\x04\x14\x00", 6) + "xl/workbook.xml");
    // Over the --max-input-bytes the test passes: fails whatever the converters are.
    write_file(src / "hostile/too-large.html", html_page("Too large", std::string(300'000, 'x')));
    // Two copies of the same page.
    const std::string page = html_page("A commentary", "Some text of a commentary, long enough to be a paragraph.");
    write_file(src / "pages/commentary.html", page);
    write_file(src / "pages/copy/commentary-again.html", page);
    write_file(src / "pages/other.html", html_page("Another page", "Different text in another paragraph."));
    return n + 7;
}

bool has_chromium(std::string& path)
{
    for (const char* candidate : {"chromium", "chromium-browser", "google-chrome"}) {
        for (const char* dir : {"/usr/bin/", "/usr/local/bin/", "/snap/bin/"}) {
            if (::access((std::string(dir) + candidate).c_str(), X_OK) == 0) {
                path = std::string(dir) + candidate;
                return true;
            }
        }
    }
    return false;
}

} // namespace

TEST(BatchCli, EveryInputOfAMixedCatalogueIsAccountedFor)
{
    TempDir tmp;
    const std::size_t inputs = build_catalogue(tmp / "src");
    std::string to = "tei,json";
#ifdef COLOPHON_TEST_HAVE_ARCHIVE
    to += ",package";
#endif
    const RunResult r = run({"batch", (tmp / "src").string(), "-o", (tmp / "out").string(), "--to", to, "--corpus",
                       (tmp / "out/corpus.jsonl.gz").string(), "--jobs", "2", "--progress", "lines",
                       "--max-input-bytes", "100000", "--bagging-date", "2024-01-01"},
                      tmp / "log.txt");
    EXPECT_EQ(r.rc, 1) << r.err; // some inputs are bound to fail

    const auto report = nlohmann::json::parse(read_file(tmp / "out/report.json"));
    ASSERT_EQ(report["documents"].size(), inputs) << r.err;
    std::int64_t successes = 0, duplicates = 0;
    for (const auto& d : report["documents"]) {
        const std::string status = d["status"];
        const std::string key = d["key"];
        EXPECT_NE(status, "pending") << key;
        EXPECT_EQ(d["attempts"], 1) << key;
        EXPECT_EQ(d["sha256"].get<std::string>().size(), 64u) << key;
        if (status == "failed" || status == "unsupported") {
            EXPECT_FALSE(d["reason"].get<std::string>().empty()) << key;
            EXPECT_FALSE(d["stage"].get<std::string>().empty()) << key;
            EXPECT_FALSE(d["code"].get<std::string>().empty()) << key;
        }
        successes += status == "ok" || status == "warnings";
        duplicates += status == "duplicate";
        for (const auto& o : d["outputs"])
            EXPECT_TRUE(fs::exists(tmp / "out" / o.get<std::string>())) << o;
#ifdef COLOPHON_TEST_HAVE_ARCHIVE
        // Failed documents keep their original in a package.
        if (status == "failed" || status == "unsupported" || status == "ok" || status == "warnings") {
            bool packaged = false;
            for (const auto& o : d["outputs"])
                packaged = packaged || o.get<std::string>().ends_with(".tar.gz");
            EXPECT_TRUE(packaged) << key;
        }
#endif
    }
    const auto by_key = [&](const std::string& key) {
        for (const auto& d : report["documents"]) {
            if (d["key"] == key)
                return d;
        }
        return nlohmann::json();
    };
    EXPECT_EQ(by_key("src/hostile/zero-bytes.html")["code"], "input.empty");
    EXPECT_EQ(by_key("src/hostile/too-large.html")["code"], "input.too-large");
    EXPECT_EQ(by_key("src/hostile/spreadsheet.xlsx")["status"], "unsupported");
    EXPECT_NE(by_key("src/hostile/truncated.pdf")["status"], "ok");
    // The two copies: one is the duplicate of the other, when this build converts HTML at all
    // (inputs no converter reads are failures of their own, never duplicates).
    const bool reads_html = by_key("src/pages/other.html")["status"] != "unsupported";
    EXPECT_EQ(duplicates, reads_html ? 1 : 0);

    EXPECT_EQ(static_cast<std::int64_t>(read_gzip_lines(tmp / "out/corpus.jsonl.gz").size()), successes);
#ifdef COLOPHON_TEST_HAVE_ARCHIVE
    // Every package, those of failed documents included, passes `colophon verify`.
    std::vector<std::string> verify{"verify"};
    for (const auto& d : report["documents"]) {
        for (const auto& o : d["outputs"]) {
            if (o.get<std::string>().ends_with(".tar.gz"))
                verify.push_back((tmp / "out" / o.get<std::string>()).string());
        }
    }
    ASSERT_GT(verify.size(), 1u);
    const RunResult v = run(verify, tmp / "verify.txt");
    EXPECT_EQ(v.rc, 0) << v.err;
#endif
    const std::string csv = read_file(tmp / "out/report.csv");
    EXPECT_EQ(static_cast<std::size_t>(std::count(csv.begin(), csv.end(), '\n')), inputs + 1);
}

TEST(BatchCli, KilledBatchResumesWithoutRedoingFinishedDocuments)
{
    TempDir tmp;
    constexpr int documents = 1500;
    for (int i = 0; i < documents; ++i)
        write_file(tmp / ("src/d" + std::to_string(i / 100) + "/page-" + std::to_string(i) + ".html"),
                   html_page("Page " + std::to_string(i), "Text of page " + std::to_string(i) + "."));
    const std::vector<std::string> args{"batch", (tmp / "src").string(), "-o", (tmp / "out").string(), "--to",
                                        "tei,json", "--jobs", "2", "--progress", "lines", "--corpus",
                                        (tmp / "out/corpus.jsonl.gz").string()};
    const fs::path state = tmp / "out" / state::state_file_name;

    // 1. start, wait until some documents are recorded, kill -9
    const pid_t pid = start(args, tmp / "first.log");
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(60);
    while (finished_count(state) < 100 && std::chrono::steady_clock::now() < deadline)
        std::this_thread::sleep_for(std::chrono::milliseconds(5));
    ::kill(pid, SIGKILL);
    int status = 0;
    ::waitpid(pid, &status, 0);
    ASSERT_TRUE(WIFSIGNALED(status)) << "the batch ended before it could be killed; raise `documents`";
    const std::int64_t before = finished_count(state);
    EXPECT_GE(before, 100);
    EXPECT_LT(before, documents) << "killed too late to test resuming";
    {
        state::sql::Database db(state, state::sql::Database::Mode::ReadOnly);
        auto check = db.prepare("PRAGMA integrity_check");
        ASSERT_TRUE(check.step());
        EXPECT_EQ(check.text(0), "ok");
    }

    // 2. the same command again: only what was not recorded is converted
    const RunResult second = run(args, tmp / "second.log");
    EXPECT_NE(second.err.find(std::to_string(documents - before) + " converted in this run, " +
                              std::to_string(before) + " already done"),
              std::string::npos)
        << second.err.substr(second.err.size() > 2000 ? second.err.size() - 2000 : 0);
    const auto m = rows(tmp / "out");
    ASSERT_EQ(m.size(), static_cast<std::size_t>(documents));
    std::int64_t successes = 0;
    for (const auto& [key, r] : m) {
        EXPECT_NE(r.status, state::DocStatus::Pending) << key;
        EXPECT_EQ(r.attempts, 1) << key << " was converted twice";
        successes += state::is_success(r.status);
        for (const std::string& o : r.outputs) {
            const std::string bytes = read_file(tmp / "out" / o);
            EXPECT_FALSE(bytes.empty()) << o;
            if (o.ends_with(".json")) {
                EXPECT_FALSE(nlohmann::json::parse(bytes, nullptr, false).is_discarded()) << o;
            }
            if (o.ends_with(".tei.xml")) {
                EXPECT_NE(bytes.find("</TEI>"), std::string::npos) << o;
            }
        }
    }
    EXPECT_EQ(static_cast<std::int64_t>(read_gzip_lines(tmp / "out/corpus.jsonl.gz").size()), successes);
    // Nothing half-written is left under a final name: temporary files only under dot names.
    for (const auto& e : fs::recursive_directory_iterator(tmp / "out")) {
        const std::string name = e.path().filename().string();
        if (name.find(".tmp-") != std::string::npos) {
            EXPECT_EQ(name.front(), '.') << name;
        }
    }
}

TEST(BatchCli, HtmlReportRendersInHeadlessChromium)
{
    std::string chromium;
    if (!has_chromium(chromium))
        GTEST_SKIP() << "chromium is not installed (tools/setup-debian.sh installs it); report page not checked";
    TempDir tmp;
    write_file(tmp / "src/a.html", html_page("A <b>bold</b> title", "Text."));
    write_file(tmp / "src/empty.html", "");
    write_file(tmp / "src/b & c.html", html_page("B", "Other text."));
    const RunResult r = run({"batch", (tmp / "src").string(), "-o", (tmp / "out").string(), "--jobs", "1"}, tmp / "log.txt");
    ASSERT_TRUE(fs::exists(tmp / "out/report.html")) << r.err;

    const fs::path dom = tmp / "dom.html";
    const std::string cmd = "timeout 90 " + chromium +
                            " --headless --no-sandbox --disable-gpu --disable-background-networking"
                            " --disable-component-update --disable-sync --no-first-run --user-data-dir=" +
                            (tmp / "profile").string() + " --dump-dom 'file://" + (tmp / "out/report.html").string() +
                            "' > '" + dom.string() + "' 2> '" + (tmp / "chromium.log").string() + "'";
    ASSERT_EQ(std::system(cmd.c_str()), 0) << read_file(tmp / "chromium.log");
    const std::string html = read_file(dom);
    std::size_t doc_rows = 0;
    for (auto p = html.find("<tr class=\"doc "); p != std::string::npos; p = html.find("<tr class=\"doc ", p + 1))
        ++doc_rows;
    EXPECT_EQ(doc_rows, 3u) << html.substr(0, 3000);
    EXPECT_NE(html.find("data-status=\"failed\""), std::string::npos);
    EXPECT_NE(html.find("the file is empty"), std::string::npos);
    EXPECT_NE(html.find("b &amp; c.html"), std::string::npos); // escaped, and parsed back as text
    EXPECT_NE(html.find("data-count=\"total\"><b>3</b>"), std::string::npos);
}
