// colophon-eval-html: runs the HTML converter over a directory of pages (<id>.html or
// <id>.html.gz) and writes <id>.txt with the article body text for ../shared/eval/score_html.py.
// `--parse-only` times libxml2's parse alone (charset + parse), for comparison with the full run.
// `--show FILE` prints the Document of one page for inspection. With `--out`, `pages.tsv` beside
// the texts lists each page's recognised page type and extraction method
// (tools/eval/html_report.py).
// `--page-features FILE` writes the page-type model's features of every page (TSV) and converts
// nothing (tools/train/train-page-type.py); `--page-types FILE` (TSV: id, kind) converts each page
// as the kind given, to score a cross-validated model's guesses or the true kinds. `--meta-out DIR`
// writes <id>.json with the page's title, authors and ISO date (tools/eval/score_html_meta.py).

#include "page_file.h"
#include "core/text.h"
#include "html/html_converter.h"
#include "html/html_page_features.h"
#include "pipeline/convert.h"

#include <nlohmann/json.hpp>

#include <sys/resource.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <memory>
#include <sstream>
#include <string>
#include <vector>

namespace fs = std::filesystem;
using namespace colophon;

namespace {

std::string page_id(const fs::path& p)
{
    std::string name = p.filename().string();
    for (const char* ext : {".gz", ".html", ".htm"})
        if (name.ends_with(ext))
            name.resize(name.size() - std::char_traits<char>::length(ext));
    return name;
}

// The article body as the benchmark counts it: lede, then every block, without the title.
std::string body_text(const core::Document& doc)
{
    std::string out;
    auto add = [&](const std::string& s) {
        if (s.empty())
            return;
        if (!out.empty())
            out += "\n\n";
        out += s;
    };
    add(core::clean_text(core::plain_text(doc.meta.abstract)));
    for (const core::Block& b : doc.body)
        if (b.kind != core::BlockKind::Figure) // captions are not part of the benchmark's articleBody
            add(core::plain_text(b));
    return out;
}

void show(const core::Document& d)
{
    const auto& m = d.meta;
    std::cout << "title: " << m.title << "\nsubtitle: " << m.subtitle << "\ndate: " << m.date.iso << " ["
              << m.date.text << "]\npublisher: " << m.publisher << "\nurl: " << m.canonical_url
              << "\nlanguage: " << m.language << "\nsource: " << m.original_source.title << " <"
              << m.original_source.url << ">\nseries: " << m.series << "\n";
    for (const auto& a : m.authors)
        std::cout << "author: " << a.name << " | " << a.affiliation << "\n";
    std::cout << "abstract: " << core::plain_text(m.abstract) << "\n---\n";
    for (const auto& b : d.body)
        std::cout << "[" << static_cast<int>(b.kind) << " L" << b.source.line.value_or(0) << "] " << core::plain_text(b)
                  << "\n";
    for (const auto& n : d.notes) {
        std::string t;
        for (const auto& b : n.blocks)
            t += core::plain_text(b) + " ";
        std::cout << "note " << n.id << " [" << n.label << "] " << (n.place == core::NotePlace::End ? "end" : "foot")
                  << ": " << t << "\n";
    }
}

double cpu_seconds()
{
    rusage ru{};
    getrusage(RUSAGE_SELF, &ru);
    return static_cast<double>(ru.ru_utime.tv_sec + ru.ru_stime.tv_sec) +
           static_cast<double>(ru.ru_utime.tv_usec + ru.ru_stime.tv_usec) / 1e6;
}

long peak_rss_kb()
{
    rusage ru{};
    getrusage(RUSAGE_SELF, &ru);
    return ru.ru_maxrss;
}

// Resident set size now, in kB (Linux /proc), to tell the pages held in memory from the peak.
long current_rss_kb()
{
    std::ifstream statm("/proc/self/statm");
    long pages = 0, resident = 0;
    statm >> pages >> resident;
    return resident * (sysconf(_SC_PAGESIZE) / 1024);
}

// One row per page: its id, the kind its declarations name by rule (declared_page_kind), then
// page_feature_names() in order; the first line names the columns and the line before it the
// model's classes (page_kinds(), in order).
int write_page_features(const std::vector<std::pair<std::string, std::string>>& pages, const fs::path& path)
{
    std::ofstream out(path, std::ios::binary);
    out << "# kinds:";
    for (const html::PageProfile& kind : html::page_kinds())
        out << " " << kind.type;
    out << "\nid\tdeclared";
    for (const std::string& name : html::page_feature_names())
        out << "\t" << name;
    out << "\n";
    int failed = 0;
    // a kind given: the features are read before the model is asked, and a model trained on other
    // features (the one being replaced) would refuse them
    core::ConvertOptions opts;
    opts.page_type = "article";
    for (const auto& [id, data] : pages) {
        core::Diagnostics diags(id);
        try {
            const html::ScoredPage page =
                html::read_scored_page(core::make_input(id, data), opts, diags);
            out << id << "\t" << html::declared_page_kind(page.signals, page.address).type;
            for (const float v : page.kind_features)
                out << "\t" << v;
            out << "\n";
        } catch (const core::ConversionError& e) {
            ++failed;
            std::cerr << core::format_diagnostic(e.diagnostic()) << "\n";
        }
    }
    out.close();
    if (!out) {
        std::cerr << "colophon-eval-html: cannot write " << path << "\n";
        return 2;
    }
    return failed > 0 ? 1 : 0;
}

// The metadata score_html_meta.py compares with the ground truth, one file per page.
void write_page_meta(const fs::path &dir, const std::string &id, const core::Metadata &m)
{
    nlohmann::json j = {
        {"id", id}, {"title", m.title}, {"date", m.date.iso}, {"authors", nlohmann::json::array()}};
    for (const core::Author &a : m.authors)
        j["authors"].push_back(a.name);
    std::ofstream(dir / (id + ".json"), std::ios::binary) << j.dump() << "\n";
}

std::map<std::string, std::string> read_page_types(const fs::path& path)
{
    std::map<std::string, std::string> types;
    std::ifstream in(path);
    std::string id, kind;
    while (in >> id >> kind)
        types[id] = kind;
    return types;
}

} // namespace

int main(int argc, char** argv)
{
    std::vector<std::string> args(argv + 1, argv + argc);
    fs::path input_dir, out_dir, meta_dir, show_file, features_file, types_file;
    bool parse_only = false;
    bool tei = true;
    int repeat = 1;
    for (std::size_t i = 0; i < args.size(); ++i) {
        if (args[i] == "--parse-only")
            parse_only = true;
        else if (args[i] == "--no-tei")
            tei = false;
        else if (args[i] == "--out" && i + 1 < args.size())
            out_dir = args[++i];
        else if (args[i] == "--meta-out" && i + 1 < args.size())
            meta_dir = args[++i];
        else if (args[i] == "--show" && i + 1 < args.size())
            show_file = args[++i];
        else if (args[i] == "--page-features" && i + 1 < args.size())
            features_file = args[++i];
        else if (args[i] == "--page-types" && i + 1 < args.size())
            types_file = args[++i];
        else if (args[i] == "--repeat" && i + 1 < args.size())
            repeat = std::max(1, std::stoi(args[++i]));
        else if (args[i] == "--help" || args[i] == "-h") {
            std::cout << "usage: colophon-eval-html PAGES_DIR [--out DIR] [--parse-only | "
                         "--no-tei] [--repeat N]\n"
                         "                          [--page-types TSV] [--meta-out DIR]\n"
                         "       colophon-eval-html PAGES_DIR --page-features TSV\n"
                         "  full mode converts, builds the TEI, validates it against the schema "
                         "and serialises it\n"
                         "       colophon-eval-html --show FILE\n";
            return 0;
        } else
            input_dir = args[i];
    }
    html::HtmlConverter conv;
    core::ConvertOptions opts;
    if (!show_file.empty()) {
        core::Diagnostics diags(show_file.string());
        try {
            show(conv.convert(core::make_input(show_file.string(), eval::read_page_file(show_file)), opts, diags));
        } catch (const core::ConversionError& e) {
            std::cerr << core::format_diagnostic(e.diagnostic()) << "\n";
            return 1;
        }
        for (const auto& d : diags.items())
            std::cerr << core::format_diagnostic(d) << "\n";
        return 0;
    }
    if (input_dir.empty()) {
        std::cerr << "colophon-eval-html: no input directory (see --help)\n";
        return 2;
    }
    std::vector<fs::path> files;
    for (const auto& e : fs::directory_iterator(input_dir))
        if (e.is_regular_file())
            files.push_back(e.path());
    std::sort(files.begin(), files.end());
    // Read everything first so the timing covers conversion only.
    std::vector<std::pair<std::string, std::string>> pages;
    for (const auto& f : files)
        pages.emplace_back(page_id(f), eval::read_page_file(f));
    if (!features_file.empty())
        return write_page_features(pages, features_file);
    const std::map<std::string, std::string> given_types = read_page_types(types_file);
    if (!out_dir.empty())
        fs::create_directories(out_dir);
    if (!meta_dir.empty())
        fs::create_directories(meta_dir);
    const long loaded_rss_kb = current_rss_kb();
    std::string pages_tsv = "id\tpage_type\tmethod\n";
    int failed = 0;
    std::size_t bytes = 0;
    if (tei && !parse_only) {
        // compile the schema before the clock starts, as a batch does once
        core::Diagnostics warm;
        pipeline::DocumentConverter::render_tei(core::Document{}, warm);
    }
    const auto start = std::chrono::steady_clock::now();
    const double cpu_start = cpu_seconds();
    for (int r = 0; r < repeat; ++r)
        for (const auto& [id, data] : pages) {
            bytes += data.size();
            if (parse_only) {
                html::parse_only(data);
                continue;
            }
            core::Diagnostics diags(id);
            std::string text;
            try {
                core::ConvertOptions page_opts = opts;
                if (const auto given = given_types.find(id); given != given_types.end())
                    page_opts.page_type = given->second;
                const core::Document doc = conv.convert(core::make_input(id, data), page_opts, diags);
                if (tei)
                    pipeline::DocumentConverter::render_tei(doc, diags);
                text = body_text(doc);
                if (!meta_dir.empty() && r == 0)
                    write_page_meta(meta_dir, id, doc.meta);
                if (r == 0)
                    pages_tsv += id + "\t" + doc.extraction.page_type + "\t" + doc.extraction.method + "\n";
            } catch (const core::ConversionError& e) {
                ++failed;
                std::cerr << core::format_diagnostic(e.diagnostic()) << "\n";
            }
            if (!out_dir.empty() && r == 0) {
                std::ofstream out(out_dir / (id + ".txt"), std::ios::binary);
                out << text;
            }
        }
    if (!out_dir.empty())
        std::ofstream(out_dir / "pages.tsv", std::ios::binary) << pages_tsv;
    const double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    const double cpu = cpu_seconds() - cpu_start;
    const double n = static_cast<double>(pages.size()) * repeat;
    std::printf("%s: %zu pages x %d: wall %.3f s, CPU %.3f s = %.1f docs/s of CPU (%.1f MB/s), %.2f ms/doc, "
                "%d failed, peak RSS %.1f MB (pages held %.1f MB)\n",
                parse_only ? "parse-only" : (tei ? "full (convert+TEI+validate)" : "convert"), pages.size(), repeat,
                secs, cpu, n / cpu, static_cast<double>(bytes) / 1e6 / cpu, 1000.0 * cpu / n, failed,
                static_cast<double>(peak_rss_kb()) / 1024.0, static_cast<double>(loaded_rss_kb) / 1024.0);
    return failed > 0 ? 1 : 0;
}
