#include "batch/manifest.h"

#include "core/dates.h"
#include "core/language.h"
#include "core/text.h"
#include "batch/csv_reader.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cctype>
#include <fstream>
#include <set>
#include <sstream>
#include <stdexcept>

namespace colophon::batch {

namespace {

// "Source URL" -> "source_url"
std::string normalise_header(std::string_view h)
{
    std::string out;
    for (const char c : h) {
        if (c == ' ' || c == '-' || c == '_' || c == '.') {
            if (!out.empty() && out.back() != '_')
                out += '_';
        } else if (c >= 'A' && c <= 'Z') {
            out += static_cast<char>(c - 'A' + 'a');
        } else {
            out += c;
        }
    }
    while (!out.empty() && out.back() == '_')
        out.pop_back();
    return out;
}

std::string trim(std::string_view s)
{
    const auto b = s.find_first_not_of(" \t\r\n");
    if (b == std::string_view::npos)
        return {};
    const auto e = s.find_last_not_of(" \t\r\n");
    return std::string(s.substr(b, e - b + 1));
}

std::vector<std::string> split_list(std::string_view s)
{
    std::vector<std::string> out;
    std::size_t start = 0;
    while (start <= s.size()) {
        const auto end = s.find(';', start);
        std::string item = trim(s.substr(start, end == std::string_view::npos ? std::string_view::npos : end - start));
        if (!item.empty())
            out.push_back(std::move(item));
        if (end == std::string_view::npos)
            break;
        start = end + 1;
    }
    return out;
}

std::string read_text_file(const std::filesystem::path& path)
{
    std::ifstream in(path, std::ios::binary);
    if (!in)
        throw std::runtime_error(path.string() + ": cannot open manifest");
    std::ostringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

} // namespace

bool CatalogueRecord::empty() const
{
    return identifier.empty() && title.empty() && subtitle.empty() && authors.empty() && date.empty() &&
           language.empty() && publisher.empty() && source_url.empty() && collection.empty() && rights.empty() &&
           series.empty() && keywords.empty() && extra.empty();
}

std::vector<ManifestEntry> read_manifest(const std::filesystem::path& manifest)
{
    const std::string text = read_text_file(manifest);
    CsvTable table;
    try {
        table = parse_csv(text, guess_separator(text));
    } catch (const std::exception& e) {
        throw std::runtime_error(manifest.string() + ": " + e.what());
    }
    if (table.rows.empty())
        throw std::runtime_error(manifest.string() + ": empty manifest (a header row with a 'path' column is needed)");

    std::vector<std::string> headers;
    for (const std::string& h : table.rows.front())
        headers.push_back(normalise_header(trim(h)));
    int path_col = -1;
    for (std::size_t c = 0; c < headers.size(); ++c) {
        if (headers[c] == "path" || headers[c] == "file" || headers[c] == "filename")
            path_col = static_cast<int>(c);
    }
    if (path_col < 0)
        throw std::runtime_error(manifest.string() + ": the header row has no 'path' column");

    const std::filesystem::path base = manifest.has_parent_path() ? manifest.parent_path() : ".";
    std::vector<ManifestEntry> out;
    std::set<std::string> identifiers;
    for (std::size_t r = 1; r < table.rows.size(); ++r) {
        const CsvRow& row = table.rows[r];
        const int line = table.row_lines[r];
        // A value with an unquoted separator shifts every later field: refuse the row rather
        // than file its date under its authors.
        if (row.size() != headers.size())
            throw std::runtime_error(manifest.string() + ": line " + std::to_string(line) + ": " +
                                     std::to_string(row.size()) + " fields where the header has " +
                                     std::to_string(headers.size()) +
                                     " (a value holding the separator must be in double quotes)");
        ManifestEntry entry;
        entry.line = line;
        for (std::size_t c = 0; c < row.size() && c < headers.size(); ++c) {
            const std::string value = trim(row[c]);
            const std::string& h = headers[c];
            CatalogueRecord& rec = entry.record;
            if (static_cast<int>(c) == path_col) {
                rec.path = value;
                entry.path = value.empty() ? std::filesystem::path() : base / value;
                if (!value.empty() && std::filesystem::path(value).is_absolute())
                    entry.path = value;
            } else if (value.empty()) {
                continue;
            } else if (h == "identifier" || h == "id") {
                rec.identifier = value;
            } else if (h == "title") {
                rec.title = value;
            } else if (h == "subtitle") {
                rec.subtitle = value;
            } else if (h == "authors" || h == "author" || h == "creator" || h == "creators") {
                rec.authors = split_list(value);
            } else if (h == "date" || h == "published" || h == "publication_date") {
                rec.date = value;
            } else if (h == "language" || h == "lang") {
                rec.language = value;
            } else if (h == "publisher") {
                rec.publisher = value;
            } else if (h == "source" || h == "source_url" || h == "url") {
                rec.source_url = value;
            } else if (h == "collection") {
                rec.collection = value;
            } else if (h == "rights" || h == "license" || h == "licence") {
                rec.rights = value;
            } else if (h == "series") {
                rec.series = value;
            } else if (h == "keywords" || h == "subjects" || h == "subject") {
                rec.keywords = split_list(value);
            } else {
                rec.extra[h] = value;
            }
        }
        if (entry.path.empty())
            throw std::runtime_error(manifest.string() + ": line " + std::to_string(line) + ": empty path");
        if (!entry.record.identifier.empty() && !identifiers.insert(entry.record.identifier).second)
            throw std::runtime_error(manifest.string() + ": line " + std::to_string(line) + ": identifier '" +
                                     entry.record.identifier + "' is used twice");
        out.push_back(std::move(entry));
    }
    return out;
}

nlohmann::json catalogue_to_json(const CatalogueRecord& r)
{
    nlohmann::json j = nlohmann::json::object();
    auto put = [&](const char* name, const std::string& v) {
        if (!v.empty())
            j[name] = v;
    };
    put("path", r.path);
    put("identifier", r.identifier);
    put("title", r.title);
    put("subtitle", r.subtitle);
    if (!r.authors.empty())
        j["authors"] = r.authors;
    put("date", r.date);
    put("language", r.language);
    put("publisher", r.publisher);
    put("source_url", r.source_url);
    put("collection", r.collection);
    put("rights", r.rights);
    put("series", r.series);
    if (!r.keywords.empty())
        j["keywords"] = r.keywords;
    if (!r.extra.empty())
        j["extra"] = r.extra;
    return j;
}

CatalogueRecord catalogue_from_json(const nlohmann::json& j)
{
    CatalogueRecord r;
    if (!j.is_object())
        return r;
    r.path = j.value("path", "");
    r.identifier = j.value("identifier", "");
    r.title = j.value("title", "");
    r.subtitle = j.value("subtitle", "");
    r.authors = j.value("authors", std::vector<std::string>{});
    r.date = j.value("date", "");
    r.language = j.value("language", "");
    r.publisher = j.value("publisher", "");
    r.source_url = j.value("source_url", "");
    r.collection = j.value("collection", "");
    r.rights = j.value("rights", "");
    r.series = j.value("series", "");
    r.keywords = j.value("keywords", std::vector<std::string>{});
    r.extra = j.value("extra", std::map<std::string, std::string>{});
    return r;
}

namespace {

// "scheme:" as RFC 3986 starts an absolute URI; catalogue sources are URLs, DOIs, URNs.
bool looks_like_uri(std::string_view s)
{
    const auto colon = s.find(':');
    if (colon == std::string_view::npos || colon == 0 || !std::isalpha(static_cast<unsigned char>(s[0])))
        return false;
    return std::all_of(s.begin(), s.begin() + static_cast<long>(colon), [](char c) {
        return std::isalnum(static_cast<unsigned char>(c)) || c == '+' || c == '-' || c == '.';
    });
}

void warn_unparsed(core::Diagnostics* diags, const char* field, const std::string& value, const char* kept)
{
    if (diags)
        diags->warn("batch.catalogue-field",
                    std::string("catalogue field '") + field + "' value '" + value + "' " + kept);
}

} // namespace

void apply_catalogue(const CatalogueRecord& record, core::Document& doc, core::Diagnostics* diags)
{
    core::Metadata& m = doc.meta;
    if (!record.title.empty())
        m.title = record.title;
    if (!record.subtitle.empty())
        m.subtitle = record.subtitle;
    if (!record.authors.empty()) {
        // Keep affiliations the extraction found for the same names.
        std::vector<core::Author> authors;
        for (const std::string& name : record.authors) {
            core::Author a{name, {}, {}};
            for (const core::Author& found : m.authors) {
                if (found.name == name)
                    a = found;
            }
            authors.push_back(std::move(a));
        }
        m.authors = std::move(authors);
    }
    if (!record.date.empty()) {
        if (const auto parsed = core::parse_date(record.date)) {
            m.date = *parsed;
        } else {
            m.date = core::PublicationDate{{}, record.date};
            warn_unparsed(diags, "date", record.date, "is not a date colophon can read; kept as text, no ISO date");
        }
    }
    if (const std::string language = core::normalise_language_tag(record.language); !language.empty())
        m.language = language;
    else if (!record.language.empty())
        warn_unparsed(diags, "language", record.language, "is not a language tag; the extracted language is kept");
    if (!record.publisher.empty())
        m.publisher = record.publisher;
    if (looks_like_uri(record.source_url))
        m.canonical_url = record.source_url;
    else if (!record.source_url.empty())
        warn_unparsed(diags, "source", record.source_url, "is not a URL or URI; the extracted one is kept");
    if (!record.series.empty())
        m.series = record.series;
    if (!record.rights.empty())
        m.rights = record.rights;
    if (!record.collection.empty())
        m.collection = record.collection;
    for (const std::string& k : record.keywords) {
        if (std::find(m.keywords.begin(), m.keywords.end(), k) == m.keywords.end())
            m.keywords.push_back(k);
    }
}

} // namespace colophon::batch
