#include "batch/batch_inputs.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <fstream>
#include <optional>
#include <stdexcept>

namespace colophon::batch {

namespace fs = std::filesystem;

namespace {

constexpr std::size_t rows_per_transaction = 4096;

constexpr const char* catalog_schema = R"sql(
DROP TABLE IF EXISTS inputs;
CREATE TABLE inputs(
  seq INTEGER PRIMARY KEY,
  path TEXT NOT NULL,
  canon TEXT NOT NULL UNIQUE,
  key TEXT NOT NULL UNIQUE,
  stem TEXT NOT NULL,
  output_stem TEXT,
  identifier TEXT,
  catalogue TEXT
);
CREATE INDEX inputs_stem ON inputs(stem);
)sql";

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

std::string stem_of(const std::string& key)
{
    const auto slash = key.rfind('/');
    const auto dot = key.rfind('.');
    if (dot == std::string::npos || (slash != std::string::npos && dot < slash) || dot == slash + 1 || dot == 0)
        return key;
    return key.substr(0, dot);
}

} // namespace

// Inserts inputs as they are found: the first mention of a file wins, keys are made unique with
// "~2", "~3", ... in the order found.
class InputCatalog::Adder
{
public:
    Adder(state::sql::Database& db, fs::path manifest_canon)
        : db_(db), manifest_canon_(std::move(manifest_canon)),
          seen_(db.prepare("SELECT 1 FROM inputs WHERE canon=?")),
          key_used_(db.prepare("SELECT 1 FROM inputs WHERE key=?")),
          insert_(db.prepare("INSERT INTO inputs(path, canon, key, stem, identifier, catalogue) VALUES(?,?,?,?,?,?)"))
    {
        tx_.emplace(db_);
    }

    // `canon`: the canonical path when the caller knows it already (else it is worked out here).
    void add(const fs::path& path, const std::string& found_key, const CatalogueRecord* record = nullptr,
             const fs::path& known_canon = {})
    {
        const fs::path canon = known_canon.empty() ? canonical_or_absolute(path) : known_canon;
        if (!manifest_canon_.empty() && canon == manifest_canon_)
            return; // the catalogue is not a document
        if (exists(seen_, canon.string()))
            return;
        const std::string base = found_key.empty() ? "document" : found_key;
        std::string key = base;
        for (int n = 2; exists(key_used_, key); ++n)
            key = base + "~" + std::to_string(n);
        insert_.bind(1, path.string()).bind(2, canon.string()).bind(3, key).bind(4, stem_of(key));
        if (record) {
            insert_.bind(5, record->identifier);
            insert_.bind(6, catalogue_to_json(*record).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace));
        }
        insert_.run();
        if (++pending_ >= rows_per_transaction) {
            tx_->commit();
            tx_.emplace(db_);
            pending_ = 0;
        }
    }

    void walk_directory(const fs::path& dir, const std::string& prefix, const fs::path& exclude, std::size_t& hidden)
    {
        std::error_code ec;
        // The canonical path of a file that is no symbolic link is its folder's and its name: one
        // resolution per folder instead of one per file (a readlink per path component each).
        fs::path folder;
        fs::path folder_canon;
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
            fs::path canon;
            if (!e.is_symlink(ec)) {
                if (e.path().parent_path() != folder) {
                    folder = e.path().parent_path();
                    folder_canon = canonical_or_absolute(folder);
                }
                canon = folder_canon / e.path().filename();
            }
            add(e.path(), prefix.empty() ? rel : prefix + "/" + rel, nullptr, canon);
        }
        if (ec)
            throw std::runtime_error(dir.string() + ": cannot list: " + ec.message());
    }

    void commit()
    {
        tx_->commit();
        tx_.reset();
    }

private:
    static bool exists(state::sql::Statement& s, const std::string& value)
    {
        s.bind(1, value);
        const bool found = s.step();
        s.reset();
        return found;
    }

    state::sql::Database& db_;
    fs::path manifest_canon_;
    state::sql::Statement seen_;
    state::sql::Statement key_used_;
    state::sql::Statement insert_;
    std::optional<state::sql::Transaction> tx_;
    std::size_t pending_ = 0;
};

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

InputCatalog::InputCatalog(state::sql::Database& db) : db_(db)
{
    db_.exec(catalog_schema);
}

void InputCatalog::collect(const std::vector<std::string>& sources, const std::string& manifest,
                           const fs::path& exclude_dir)
{
    const fs::path exclude = exclude_dir.empty() ? fs::path() : canonical_or_absolute(exclude_dir);
    Adder adder(db_, manifest.empty() ? fs::path() : canonical_or_absolute(manifest));

    // 1. The manifest first: its catalogue records win when a file is also found another way.
    if (!manifest.empty()) {
        const fs::path base = fs::path(manifest).parent_path();
        for (const ManifestEntry& e : read_manifest(manifest)) {
            std::string key = e.record.identifier.empty() ? clean_key(e.path.lexically_relative(base.empty() ? "." : base))
                                                          : e.record.identifier;
            if (key.empty())
                key = clean_key(e.path.filename());
            adder.add(e.path, key, &e.record);
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
                    adder.walk_directory(p, clean_key(p.filename()), exclude, hidden_skipped_);
                else
                    adder.add(p, p.is_absolute() ? clean_key(p.filename()) : clean_key(p));
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
            adder.walk_directory(p, prefix, exclude, hidden_skipped_);
        } else {
            adder.add(p, clean_key(p.filename()));
        }
    }
    adder.commit();

    // 3. Output stems: drop the extension unless two inputs would then share a name ("a.html" and
    //    "a.pdf" keep theirs; so does a stem equal to another input's full key).
    db_.exec("UPDATE inputs SET output_stem = CASE WHEN "
             "(SELECT count(*) FROM inputs s WHERE s.stem = inputs.stem) + "
             "(SELECT count(*) FROM inputs k WHERE k.key = inputs.stem) = 1 THEN stem ELSE key END");
}

void InputCatalog::for_each(std::size_t chunk, const std::function<void(const CatalogInput&)>& fn)
{
    chunk = std::max<std::size_t>(chunk, 1);
    state::sql::Statement q = db_.prepare(
        "SELECT path, key, output_stem, identifier, catalogue FROM inputs WHERE key > ? ORDER BY key LIMIT ?");
    std::string after;
    std::vector<CatalogInput> rows;
    for (;;) {
        rows.clear();
        q.bind(1, after).bind(2, static_cast<std::int64_t>(chunk));
        while (q.step()) {
            CatalogInput in{q.text(0), q.text(1), q.text(2), q.text(3), q.text(4)};
            if (in.identifier.empty())
                in.identifier = safe_identifier(in.output_stem.substr(in.output_stem.rfind('/') + 1));
            rows.push_back(std::move(in));
        }
        q.reset();
        max_rows_held_ = std::max(max_rows_held_, rows.size());
        if (rows.empty())
            return;
        after = rows.back().key;
        for (const CatalogInput& in : rows)
            fn(in);
        if (rows.size() < chunk)
            return;
    }
}

InputSet collect_inputs(const std::vector<std::string>& sources, const std::string& manifest,
                        const fs::path& exclude_dir)
{
    state::sql::Database db(":memory:");
    InputCatalog catalog(db);
    catalog.collect(sources, manifest, exclude_dir);
    InputSet set;
    set.hidden_skipped = catalog.hidden_skipped();
    catalog.for_each(1024, [&](const CatalogInput& c) {
        BatchInput in;
        in.path = c.path;
        in.key = c.key;
        in.output_stem = c.output_stem;
        in.identifier = c.identifier;
        if (!c.catalogue.empty())
            in.record = std::make_unique<CatalogueRecord>(catalogue_from_json(nlohmann::json::parse(c.catalogue)));
        set.inputs.push_back(std::move(in));
    });
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

} // namespace colophon::batch
