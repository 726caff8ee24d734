#include "batch/batch_inputs.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <fstream>
#include <iostream>
#include <optional>
#include <stdexcept>

namespace colophon::batch {

namespace fs = std::filesystem;

namespace {

constexpr std::size_t rows_per_transaction = 4096;

constexpr const char *catalog_schema = R"sql(
DROP TABLE IF EXISTS inputs;
CREATE TABLE inputs(
  seq INTEGER PRIMARY KEY,
  path TEXT NOT NULL,
  canon TEXT NOT NULL UNIQUE,
  key TEXT NOT NULL UNIQUE,
  output_stem TEXT NOT NULL,
  fold TEXT NOT NULL,
  identifier TEXT,
  catalogue TEXT
);
CREATE INDEX inputs_fold ON inputs(fold);
DROP TABLE IF EXISTS earlier_names;
CREATE TABLE earlier_names(
  key TEXT PRIMARY KEY,
  fold TEXT NOT NULL,
  owns_stem INTEGER NOT NULL
);
CREATE INDEX earlier_names_fold ON earlier_names(fold);
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

// The key of `p` relative to `root`, when p lies inside it.
std::optional<std::string> key_below(const fs::path& p, const fs::path& root)
{
    const fs::path rel = p.lexically_relative(root);
    if (rel.empty() || *rel.begin() == ".." || rel == ".")
        return std::nullopt;
    std::string key = clean_key(rel);
    if (key.empty())
        return std::nullopt;
    return key;
}

// One path a line ("#" comments), from a file or, for "@-", from standard input.
std::vector<std::string> read_list(const std::string& source)
{
    const std::string name = source.substr(1);
    std::ifstream file;
    std::istream* in = &std::cin;
    if (name != "-") {
        file.open(name);
        if (!file)
            throw std::runtime_error(name + ": cannot read file list");
        in = &file;
    }
    std::vector<std::string> out;
    std::string line;
    while (std::getline(*in, line)) {
        if (!line.empty() && line.back() == '\r')
            line.pop_back();
        if (!line.empty() && line.front() != '#')
            out.push_back(line);
    }
    return out;
}

} // namespace

// Inserts inputs as they are found: the first mention of a file wins (its key does not depend on
// which mention came first: keys come from the canonical path where it lies inside the root).
class InputCatalog::Adder
{
public:
  Adder(state::sql::Database &db, fs::path manifest_canon, const CatalogueRoot &root)
      : db_(db), manifest_canon_(std::move(manifest_canon)), root_(root),
        root_canon_(canonical_or_absolute(root.path)),
        root_abs_(fs::absolute(root.path).lexically_normal()),
        seen_(db.prepare("SELECT 1 FROM inputs WHERE canon=?")),
        key_owner_(db.prepare("SELECT path FROM inputs WHERE key=?")),
        insert_(db.prepare("INSERT INTO inputs(path, canon, key, output_stem, fold, identifier, "
                           "catalogue) VALUES(?,?,?,?,?,?,?)"))
  {
      tx_.emplace(db_);
    }

    // The key of a path: relative to the catalogue root, from its canonical path when that lies
    // inside the root (so links and "./a" name the same document the same way), else from the
    // path as given. A path outside the root cannot be named stably: a setup error.
    std::string key_for(const fs::path& path, const fs::path& canon) const
    {
        if (auto k = key_below(canon, root_canon_))
            return *k;
        if (auto k = key_below(fs::absolute(path).lexically_normal(), root_abs_))
            return *k;
        throw std::runtime_error(path.string() + ": outside the catalogue root " + root_.path.string() +
                                 " (outputs are named by the path below the root; run from a folder that holds "
                                 "every input, or give --root)");
    }

    // `key`: the identifier of a manifest row, else worked out from the path. `known_canon`: the
    // canonical path when the caller knows it already.
    void add(const fs::path& path, const CatalogueRecord* record = nullptr, const fs::path& known_canon = {})
    {
        const fs::path canon = known_canon.empty() ? canonical_or_absolute(path) : known_canon;
        if (!manifest_canon_.empty() && canon == manifest_canon_)
            return; // the catalogue is not a document
        if (exists(seen_, canon.string()))
            return;
        const bool by_identifier = record && !record->identifier.empty();
        const std::string key = by_identifier ? clean_key(record->identifier) : key_for(path, canon);
        if (key.empty())
            throw std::runtime_error(path.string() + ": identifier '" + record->identifier + "' names no file");
        key_owner_.bind(1, key);
        if (key_owner_.step()) {
            const std::string other = key_owner_.text(0);
            key_owner_.reset();
            throw std::runtime_error(path.string() + " and " + other + " would both be named '" + key +
                                     "' (an identifier in the manifest equals another input's path); change the identifier");
        }
        key_owner_.reset();
        const std::string stem = output_stem_for(key, root_.reserved);
        insert_.bind(1, path.string())
            .bind(2, canon.string())
            .bind(3, key)
            .bind(4, stem)
            .bind(5, folded_name(stem));
        if (record) {
            insert_.bind(6, record->identifier);
            insert_.bind(7, catalogue_to_json(*record).dump(
                                -1, ' ', false, nlohmann::json::error_handler_t::replace));
        }
        insert_.run();
        if (++pending_ >= rows_per_transaction) {
            tx_->commit();
            tx_.emplace(db_);
            pending_ = 0;
        }
    }

    void walk_directory(const fs::path& dir, const fs::path& exclude, std::size_t& hidden)
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
            fs::path canon;
            if (!e.is_symlink(ec)) {
                if (e.path().parent_path() != folder) {
                    folder = e.path().parent_path();
                    folder_canon = canonical_or_absolute(folder);
                }
                canon = folder_canon / e.path().filename();
            }
            add(e.path(), nullptr, canon);
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
    const CatalogueRoot& root_;
    fs::path root_canon_;
    fs::path root_abs_;
    state::sql::Statement seen_;
    state::sql::Statement key_owner_;
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
                           const fs::path& exclude_dir, const CatalogueRoot& root)
{
    const fs::path exclude = exclude_dir.empty() ? fs::path() : canonical_or_absolute(exclude_dir);
    Adder adder(db_, manifest.empty() ? fs::path() : canonical_or_absolute(manifest), root);

    // 1. The manifest first: its catalogue records win when a file is also found another way.
    if (!manifest.empty()) {
        for (const ManifestEntry& e : read_manifest(manifest))
            adder.add(e.path, &e.record);
    }

    // 2. Directories, lists and files, each named by its path below the catalogue root.
    for (const std::string& s : sources) {
        if (s.starts_with("@")) {
            for (const std::string& line : read_list(s)) {
                const fs::path p(line);
                if (fs::is_directory(p))
                    adder.walk_directory(p, exclude, hidden_skipped_);
                else
                    adder.add(p);
            }
            continue;
        }
        const fs::path p(s);
        if (fs::is_directory(p))
            adder.walk_directory(p, exclude, hidden_skipped_);
        else
            adder.add(p);
    }
    adder.commit();
    reserved_ = root.reserved;
}

void InputCatalog::note_earlier_outputs(const std::string &key,
                                        const std::vector<std::string> &outputs)
{
    if (!note_earlier_) {
        note_earlier_.emplace(db_.prepare(
            "INSERT OR REPLACE INTO earlier_names(key, fold, owns_stem) VALUES(?,?,?)"));
        earlier_tx_.emplace(db_);
    }
    const std::string stem = output_stem_for(key, reserved_);
    // Outputs are the stem plus an extension (".tei.xml", ".tar.gz") or the stem itself.
    const bool owns = std::any_of(outputs.begin(), outputs.end(), [&](const std::string &o) {
        return o == stem ||
               (o.size() > stem.size() && o.starts_with(stem) && o[stem.size()] == '.');
    });
    note_earlier_->bind(1, key).bind(2, folded_name(stem)).bind(3, static_cast<std::int64_t>(owns));
    note_earlier_->run();
}

std::size_t InputCatalog::settle_names()
{
    if (earlier_tx_) {
        earlier_tx_->commit();
        earlier_tx_.reset();
    }
    state::sql::Transaction tx(db_);
    state::sql::Statement groups = db_.prepare(
        "SELECT fold FROM (SELECT fold, key FROM inputs UNION SELECT fold, key FROM earlier_names) "
        "GROUP BY fold HAVING count(DISTINCT key) > 1");
    state::sql::Statement members =
        db_.prepare("SELECT key, max(owns_stem), max(is_input) FROM (SELECT key, 0 AS owns_stem, 1 "
                    "AS is_input FROM inputs "
                    "WHERE fold=?1 UNION ALL SELECT key, owns_stem, 0 FROM earlier_names WHERE "
                    "fold=?1) GROUP BY key ORDER BY key");
    state::sql::Statement taken = db_.prepare("SELECT 1 FROM inputs WHERE fold=?1 UNION ALL SELECT "
                                              "1 FROM earlier_names WHERE fold=?1 LIMIT 1");
    state::sql::Statement rename =
        db_.prepare("UPDATE inputs SET output_stem=?, fold=? WHERE key=?");
    std::vector<std::string> folds;
    while (groups.step())
        folds.push_back(groups.text(0));
    std::size_t renamed = 0;
    for (const std::string &fold : folds) {
        std::vector<StemClaim> group;
        std::vector<bool> is_input;
        members.bind(1, fold);
        while (members.step()) {
            group.push_back({members.text(0), output_stem_for(members.text(0), reserved_),
                             members.integer(1) != 0});
            is_input.push_back(members.integer(2) != 0);
        }
        members.reset();
        const std::vector<bool> keep = keeps_stem(group);
        for (std::size_t i = 0; i < group.size(); ++i) {
            if (keep[i] || !is_input[i])
                continue; // an earlier run's document not listed this time keeps what it has
            const std::string stem = disambiguated_stem(group[i].stem, group[i].key);
            const std::string stem_fold = folded_name(stem);
            taken.bind(1, stem_fold);
            const bool clash = taken.step();
            taken.reset();
            if (clash)
                throw std::runtime_error(
                    group[i].key +
                    ": cannot be named apart from the documents whose names differ "
                    "from it only in case (" +
                    stem + " is taken too)");
            rename.bind(1, stem).bind(2, stem_fold).bind(3, group[i].key);
            rename.run();
            ++renamed;
        }
    }
    tx.commit();
    return renamed;
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
                in.identifier = safe_identifier(in.key.substr(in.key.rfind('/') + 1));
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
                        const fs::path& exclude_dir, const CatalogueRoot& root)
{
    state::sql::Database db(":memory:");
    InputCatalog catalog(db);
    catalog.collect(sources, manifest, exclude_dir, root);
    catalog.settle_names();
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
