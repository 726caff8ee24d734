#include "pipeline/batch_inputs.h"

#include <algorithm>
#include <fstream>
#include <map>
#include <set>
#include <stdexcept>

namespace colophon::pipeline {

namespace fs = std::filesystem;

namespace {

struct Found
{
    fs::path path;
    std::string key;
    std::unique_ptr<CatalogueRecord> record;
};

bool is_hidden(const fs::path& p)
{
    const std::string name = p.filename().string();
    return name.size() > 1 && name.front() == '.' && name != "..";
}

// A relative, '/'-separated key without "." or ".." parts.
std::string clean_key(const fs::path& p)
{
    std::string out;
    for (const fs::path& part : p.lexically_normal()) {
        const std::string s = part.string();
        if (s.empty() || s == "." || s == ".." || s == "/")
            continue;
        if (!out.empty())
            out += '/';
        out += s;
    }
    return out;
}

fs::path canonical_or_absolute(const fs::path& p)
{
    std::error_code ec;
    fs::path c = fs::weakly_canonical(p, ec);
    return ec ? fs::absolute(p) : c;
}

void walk_directory(const fs::path& dir, const std::string& prefix, const fs::path& exclude,
                    std::vector<Found>& out, std::size_t& hidden)
{
    std::vector<Found> found;
    std::error_code ec;
    fs::recursive_directory_iterator it(dir, fs::directory_options::skip_permission_denied, ec);
    for (; !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
        const fs::directory_entry& e = *it;
        if (is_hidden(e.path())) {
            if (e.is_directory(ec))
                it.disable_recursion_pending();
            ++hidden;
            continue;
        }
        if (e.is_directory(ec)) {
            if (!exclude.empty() && canonical_or_absolute(e.path()) == exclude)
                it.disable_recursion_pending();
            continue;
        }
        if (!e.is_regular_file(ec))
            continue; // sockets, fifos, dangling links
        const std::string rel = clean_key(e.path().lexically_relative(dir));
        found.push_back({e.path(), prefix.empty() ? rel : prefix + "/" + rel, nullptr});
    }
    if (ec)
        throw std::runtime_error(dir.string() + ": cannot list: " + ec.message());
    out.insert(out.end(), std::make_move_iterator(found.begin()), std::make_move_iterator(found.end()));
}

std::string stem_of(const std::string& key)
{
    const auto slash = key.rfind('/');
    const auto dot = key.rfind('.');
    if (dot == std::string::npos || (slash != std::string::npos && dot < slash) || dot == slash + 1 || dot == 0)
        return key;
    return key.substr(0, dot);
}

} // namespace

std::string safe_identifier(std::string_view text)
{
    std::string out;
    for (const char c : text) {
        const bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' ||
                        c == '_' || c == '.';
        if (ok)
            out += c;
        else if (!out.empty() && out.back() != '-')
            out += '-';
    }
    while (!out.empty() && (out.back() == '-' || out.back() == '.'))
        out.pop_back();
    while (!out.empty() && (out.front() == '.' || out.front() == '-'))
        out.erase(out.begin());
    return out.empty() ? "document" : out;
}

InputSet collect_inputs(const std::vector<std::string>& sources, const std::string& manifest,
                        const fs::path& exclude_dir)
{
    InputSet set;
    std::vector<Found> found;
    const fs::path exclude = exclude_dir.empty() ? fs::path() : canonical_or_absolute(exclude_dir);

    // 1. The manifest first: its catalogue records win when a file is also found another way.
    if (!manifest.empty()) {
        for (ManifestEntry& e : read_manifest(manifest)) {
            const fs::path base = fs::path(manifest).parent_path();
            std::string key = e.record.identifier.empty() ? clean_key(e.path.lexically_relative(base.empty() ? "." : base))
                                                          : e.record.identifier;
            if (key.empty())
                key = clean_key(e.path.filename());
            found.push_back({e.path, key, std::make_unique<CatalogueRecord>(std::move(e.record))});
        }
    }

    // 2. Directories, lists and files. Several directories get their own name as a prefix.
    std::size_t directories = 0;
    for (const std::string& s : sources)
        directories += fs::is_directory(s);
    const bool prefix_dirs = directories > 1 || !manifest.empty();
    for (const std::string& s : sources) {
        if (s.starts_with("@")) {
            const fs::path list = s.substr(1);
            std::ifstream in(list);
            if (!in)
                throw std::runtime_error(list.string() + ": cannot read file list");
            std::string line;
            while (std::getline(in, line)) {
                if (!line.empty() && line.back() == '\r')
                    line.pop_back();
                if (line.empty() || line.front() == '#')
                    continue;
                const fs::path p(line);
                if (fs::is_directory(p))
                    walk_directory(p, clean_key(p.filename()), exclude, found, set.hidden_skipped);
                else
                    found.push_back({p, p.is_absolute() ? clean_key(p.filename()) : clean_key(p), nullptr});
            }
            continue;
        }
        const fs::path p(s);
        if (fs::is_directory(p)) {
            std::string prefix;
            if (prefix_dirs) {
                prefix = clean_key(canonical_or_absolute(p).filename());
                if (prefix.empty())
                    prefix = "input";
            }
            walk_directory(p, prefix, exclude, found, set.hidden_skipped);
        } else {
            found.push_back({p, clean_key(p.filename()), nullptr});
        }
    }

    // 3. One input per file (the first mention wins), unique keys.
    std::set<fs::path> seen_paths;
    if (!manifest.empty())
        seen_paths.insert(canonical_or_absolute(manifest)); // the catalogue is not a document
    std::set<std::string> keys;
    for (Found& f : found) {
        if (!seen_paths.insert(canonical_or_absolute(f.path)).second)
            continue;
        if (f.key.empty())
            f.key = "document";
        std::string key = f.key;
        for (int n = 2; keys.count(key); ++n)
            key = f.key + "~" + std::to_string(n);
        keys.insert(key);
        BatchInput in;
        in.path = f.path;
        in.key = key;
        in.record = std::move(f.record);
        set.inputs.push_back(std::move(in));
    }
    std::sort(set.inputs.begin(), set.inputs.end(), [](const BatchInput& a, const BatchInput& b) { return a.key < b.key; });

    // 4. Output stems: drop the extension unless two inputs would then share a name
    //    ("a.html" and "a.pdf" keep theirs).
    std::map<std::string, int> stem_uses;
    for (const BatchInput& in : set.inputs)
        ++stem_uses[stem_of(in.key)];
    for (const BatchInput& in : set.inputs)
        ++stem_uses[in.key]; // a stem equal to another input's full key also collides
    for (BatchInput& in : set.inputs) {
        const std::string stem = stem_of(in.key);
        in.output_stem = stem_uses[stem] == 1 ? stem : in.key;
        const std::string leaf = in.output_stem.substr(in.output_stem.rfind('/') + 1);
        in.identifier = in.record && !in.record->identifier.empty() ? in.record->identifier : safe_identifier(leaf);
    }
    return set;
}

Shard parse_shard(const std::string& text)
{
    const auto slash = text.find('/');
    try {
        if (slash == std::string::npos)
            throw std::invalid_argument("");
        std::size_t used_k = 0, used_n = 0;
        const int k = std::stoi(text.substr(0, slash), &used_k);
        const int n = std::stoi(text.substr(slash + 1), &used_n);
        if (used_k != slash || used_n != text.size() - slash - 1 || n < 1 || k < 1 || k > n)
            throw std::invalid_argument("");
        return {k, n};
    } catch (const std::exception&) {
        throw std::invalid_argument("shard '" + text + "' is not K/N with 1 <= K <= N (e.g. 3/8)");
    }
}

bool in_shard(const std::string& key, const Shard& shard)
{
    std::uint64_t h = 14695981039346656037ull;
    for (const unsigned char c : key) {
        h ^= c;
        h *= 1099511628211ull;
    }
    return static_cast<int>(h % static_cast<std::uint64_t>(shard.count)) == shard.index - 1;
}

} // namespace colophon::pipeline
