#include "archive/bag_verifier.h"

#include "archive/bag_names.h"
#include "core/text.h"
#include "xml/xml_handles.h"

#include <libxml/catalog.h>
#include <libxml/uri.h>
#include <nlohmann/json.hpp>
#include <unicode/ucnv.h>

#include <algorithm>
#include <cctype>
#include <map>
#include <mutex>
#include <optional>
#include <set>

namespace colophon::archive {

namespace {

namespace fs = std::filesystem;
using core::Severity;

struct Version
{
    int major = 0;
    int minor = 0;
    bool at_least(int ma, int mi) const { return major > ma || (major == ma && minor >= mi); }
};

struct ManifestEntry
{
    std::string checksum; // lower case
    std::string path;     // decoded, as written (after ./ and * clean-up)
};

struct Manifest
{
    std::string file; // "manifest-sha256.txt"
    DigestAlgorithm algorithm = DigestAlgorithm::Sha256;
    std::map<std::string, ManifestEntry> entries; // NFC key -> entry
};

class Verifier
{
public:
    Verifier(const fs::path& path, const VerifyOptions& options) : path_(path), options_(options)
    {
        report_.package = path.string();
    }
    VerifyReport run();

private:
    void add(Severity sev, std::string code, std::string file, std::string message)
    {
        if (report_.issues.size() >= 10000) {
            ++suppressed_;
            return;
        }
        report_.issues.push_back({sev, std::move(code), std::move(file), std::move(message)});
    }
    void error(std::string code, std::string file, std::string message)
    {
        add(Severity::Error, std::move(code), std::move(file), std::move(message));
    }
    void warn(std::string code, std::string file, std::string message)
    {
        add(Severity::Warning, std::move(code), std::move(file), std::move(message));
    }

    bool check_bagit_txt();
    std::optional<std::string> decode_tag(const std::string& file);
    void check_bag_info();
    std::optional<std::string> clean_path(std::string path, const std::string& manifest, bool payload);
    void read_manifests(bool tag);
    void check_payload_manifests();
    void check_tag_manifests();
    void check_fetch();
    void check_colophon();
    void check_mets(const std::string& name, const std::string& bytes);
    void check_alto(const std::string& name, const std::string& bytes);

    fs::path path_;
    const VerifyOptions& options_;
    VerifyReport report_;
    std::size_t suppressed_ = 0;
    BagSnapshot snap_;
    Version version_;
    std::string encoding_ = "UTF-8";
    std::map<std::string, std::string> payload_by_key_; // NFC key -> snapshot path
    std::vector<Manifest> manifests_;
    std::vector<Manifest> tag_manifests_;
    std::set<std::string> fetched_keys_;
    std::vector<std::pair<std::string, std::vector<std::string>>> bag_info_;
};

std::string lower(std::string s)
{
    for (auto& c : s)
        c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return s;
}

bool is_hex(std::string_view s)
{
    return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return std::isxdigit(static_cast<unsigned char>(c)); });
}

bool is_space(char c) { return c == ' ' || c == '\t'; }

std::string_view trim_ws(std::string_view s)
{
    while (!s.empty() && is_space(s.front()))
        s.remove_prefix(1);
    while (!s.empty() && is_space(s.back()))
        s.remove_suffix(1);
    return s;
}

// manifest-<alg>.txt / tagmanifest-<alg>.txt at the bag root; empty token when not a manifest.
std::string manifest_token(const std::string& file, bool tag)
{
    const std::string prefix = tag ? "tagmanifest-" : "manifest-";
    if (file.find('/') != std::string::npos || file.rfind(prefix, 0) != 0 || file.size() <= prefix.size() + 4 ||
        file.substr(file.size() - 4) != ".txt")
        return {};
    return file.substr(prefix.size(), file.size() - prefix.size() - 4);
}

std::string convert_to_utf8(const std::string& bytes, const std::string& encoding, std::string& error)
{
    UErrorCode status = U_ZERO_ERROR;
    const int32_t needed = ucnv_convert("UTF-8", encoding.c_str(), nullptr, 0, bytes.data(),
                                        static_cast<int32_t>(bytes.size()), &status);
    if (status != U_BUFFER_OVERFLOW_ERROR && U_FAILURE(status)) {
        error = u_errorName(status);
        return {};
    }
    std::string out(static_cast<std::size_t>(needed) + 1, '\0');
    status = U_ZERO_ERROR;
    const int32_t n = ucnv_convert("UTF-8", encoding.c_str(), out.data(), static_cast<int32_t>(out.size()),
                                   bytes.data(), static_cast<int32_t>(bytes.size()), &status);
    if (U_FAILURE(status)) {
        error = u_errorName(status);
        return {};
    }
    out.resize(static_cast<std::size_t>(n));
    if (out.rfind("\xEF\xBB\xBF", 0) == 0)
        out.erase(0, 3);
    return out;
}

bool encoding_known(const std::string& encoding)
{
    UErrorCode status = U_ZERO_ERROR;
    UConverter* c = ucnv_open(encoding.c_str(), &status);
    if (c)
        ucnv_close(c);
    return U_SUCCESS(status);
}

bool Verifier::check_bagit_txt()
{
    const auto it = snap_.tag_files.find("bagit.txt");
    if (it == snap_.tag_files.end()) {
        error("bag.no-bagit-txt", "bagit.txt", "bagit.txt is missing: not a bag");
        return false;
    }
    std::string text = it->second;
    if (text.rfind("\xEF\xBB\xBF", 0) == 0) {
        error("bag.bom", "bagit.txt", "bagit.txt starts with a byte-order mark (must be UTF-8 without BOM)");
        text.erase(0, 3);
    }
    if (!core::is_valid_utf8(text))
        error("bag.bad-bagit-txt", "bagit.txt", "bagit.txt is not valid UTF-8");
    const auto lines = split_tag_lines(text);
    std::vector<std::pair<std::string, std::string>> fields;
    bool strict_ok = true;
    for (const auto& line : lines) {
        if (trim_ws(line).empty())
            continue;
        const auto colon = line.find(':');
        if (colon == std::string::npos) {
            error("bag.bad-bagit-txt", "bagit.txt", "line without ':' in bagit.txt: \"" + line + "\"");
            continue;
        }
        const std::string label(trim_ws(std::string_view(line).substr(0, colon)));
        const std::string value(trim_ws(std::string_view(line).substr(colon + 1)));
        // RFC 8493 form: "Label: value" (no space before ':', exactly one space or tab after).
        if (label != line.substr(0, colon) || colon + 1 >= line.size() || !is_space(line[colon + 1]) ||
            line.substr(colon + 2) != value)
            strict_ok = false;
        fields.emplace_back(label, value);
    }
    if (fields.empty() || fields[0].first != "BagIt-Version") {
        error("bag.bad-bagit-txt", "bagit.txt", "first line of bagit.txt must be \"BagIt-Version: M.N\"");
        return false;
    }
    const std::string& v = fields[0].second;
    const auto dot = v.find('.');
    if (dot == std::string::npos || dot == 0 || dot + 1 == v.size() ||
        !std::all_of(v.begin(), v.begin() + static_cast<long>(dot), ::isdigit) ||
        !std::all_of(v.begin() + static_cast<long>(dot) + 1, v.end(), ::isdigit)) {
        error("bag.bad-version", "bagit.txt", "BagIt-Version \"" + v + "\" is not M.N");
        return false;
    }
    version_.major = std::stoi(v.substr(0, dot));
    version_.minor = std::stoi(v.substr(dot + 1));
    report_.bagit_version = v;
    if (version_.major > 1)
        warn("bag.unknown-version", "bagit.txt", "BagIt-Version " + v + " is newer than 1.0; checked as 1.0");
    if (fields.size() < 2 || fields[1].first != "Tag-File-Character-Encoding") {
        error("bag.bad-bagit-txt", "bagit.txt", "second line of bagit.txt must be \"Tag-File-Character-Encoding: ENC\"");
        return false;
    }
    if (fields.size() > 2)
        error("bag.bad-bagit-txt", "bagit.txt", "bagit.txt must hold exactly two lines");
    if (version_.at_least(1, 0) && !strict_ok)
        error("bag.bad-bagit-txt", "bagit.txt",
              "bagit.txt lines must be \"Label: value\" with no whitespace before ':' (BagIt 1.0)");
    encoding_ = fields[1].second;
    report_.encoding = encoding_;
    if (!encoding_known(encoding_)) {
        error("bag.bad-encoding", "bagit.txt", "unknown Tag-File-Character-Encoding \"" + encoding_ + "\"");
        return false;
    }
    return true;
}

std::optional<std::string> Verifier::decode_tag(const std::string& file)
{
    const auto it = snap_.tag_files.find(file);
    if (it == snap_.tag_files.end())
        return std::nullopt;
    const std::string upper = [&] {
        std::string u = encoding_;
        for (auto& c : u)
            c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
        return u;
    }();
    if (upper == "UTF-8" || upper == "UTF8") {
        std::string text = it->second;
        if (text.rfind("\xEF\xBB\xBF", 0) == 0) {
            warn("bag.bom", file, "tag file starts with a byte-order mark");
            text.erase(0, 3);
        }
        if (!core::is_valid_utf8(text))
            error("bag.bad-encoding", file, "tag file is not valid UTF-8");
        return text;
    }
    std::string err;
    std::string text = convert_to_utf8(it->second, encoding_, err);
    if (!err.empty()) {
        error("bag.bad-encoding", file, "cannot decode as " + encoding_ + ": " + err);
        return std::nullopt;
    }
    return text;
}

void Verifier::check_bag_info()
{
    const auto text = decode_tag("bag-info.txt");
    if (!text)
        return;
    for (const auto& line : split_tag_lines(*text)) {
        if (line.empty())
            continue;
        if (is_space(line[0])) {
            if (bag_info_.empty())
                error("bag.bad-bag-info", "bag-info.txt", "continuation line before any label");
            else
                bag_info_.back().second.back() += " " + std::string(trim_ws(line));
            continue;
        }
        const auto colon = line.find(':');
        if (colon == std::string::npos) {
            error("bag.bad-bag-info", "bag-info.txt", "line without ':': \"" + line + "\"");
            continue;
        }
        const std::string label(trim_ws(std::string_view(line).substr(0, colon)));
        const std::string value(trim_ws(std::string_view(line).substr(colon + 1)));
        if (label.empty()) {
            error("bag.bad-bag-info", "bag-info.txt", "empty label: \"" + line + "\"");
            continue;
        }
        auto found = std::find_if(bag_info_.begin(), bag_info_.end(),
                                  [&](const auto& kv) { return lower(kv.first) == lower(label); });
        if (found == bag_info_.end())
            bag_info_.push_back({label, {value}});
        else
            found->second.push_back(value);
    }
    for (const auto& [label, values] : bag_info_) {
        const std::string l = lower(label);
        if (l == "payload-oxum") {
            if (values.size() > 1)
                error("bag.repeated-oxum", "bag-info.txt", "Payload-Oxum appears " + std::to_string(values.size()) + " times");
            const std::string& v = values.front();
            const auto dot = v.find('.');
            if (dot == std::string::npos || !is_hex(v.substr(0, dot)) ||
                !std::all_of(v.begin(), v.end(), [](char c) { return c == '.' || std::isdigit(static_cast<unsigned char>(c)); })) {
                error("bag.bad-oxum", "bag-info.txt", "Payload-Oxum \"" + v + "\" is not OCTETS.COUNT");
                continue;
            }
            const std::string expected_oxum = std::to_string(report_.payload_bytes) + "." + std::to_string(report_.payload_files);
            if (v != expected_oxum && !snap_.aborted)
                error("bag.oxum-mismatch", "bag-info.txt",
                      "Payload-Oxum is " + v + " but the payload holds " + std::to_string(report_.payload_bytes) +
                          " bytes in " + std::to_string(report_.payload_files) + " files");
        } else if ((l == "bagging-date" || l == "bag-size" || l == "bag-group-identifier" || l == "bag-count") &&
                   values.size() > 1) {
            warn("bag.repeated-field", "bag-info.txt", label + " should not repeat");
        } else if (l == "bag-software-agent" && lower(values.front()).rfind("colophon", 0) == 0) {
            report_.colophon_package = true;
        }
    }
}

// Applies the path rules shared by manifests and fetch.txt; nullopt when the entry must be skipped.
std::optional<std::string> Verifier::clean_path(std::string path, const std::string& manifest, bool payload)
{
    if (path.rfind("*", 0) == 0 && path.size() > 1) {
        warn("bag.md5sum-prefix", manifest, "entry \"" + path + "\" has a md5sum binary-mode '*' prefix");
        path.erase(0, 1);
    }
    if (path.rfind("./", 0) == 0) {
        warn("bag.relative-prefix", manifest, "entry \"" + path + "\" starts with ./");
        while (path.rfind("./", 0) == 0)
            path.erase(0, 2);
    }
    path = decode_manifest_path(path);
    const std::string unsafe = unsafe_path_reason(path);
    if (!unsafe.empty()) {
        error("bag.unsafe-path", manifest, "entry \"" + path + "\" is out of scope: " + unsafe);
        return std::nullopt;
    }
    if (payload && path.rfind("data/", 0) != 0) {
        error("bag.path-outside-payload", manifest, "entry \"" + path + "\" is not under data/");
        return std::nullopt;
    }
    if (!payload && path.rfind("data/", 0) == 0) {
        error("bag.tagmanifest-lists-payload", manifest, "tag manifest lists payload file \"" + path + "\"");
        return std::nullopt;
    }
    return path;
}

void Verifier::read_manifests(bool tag)
{
    for (const auto& [file, bytes] : snap_.tag_files) {
        const std::string token = manifest_token(file, tag);
        if (token.empty())
            continue;
        const auto alg = algorithm_from_token(token);
        if (!alg || algorithm_token(*alg) != token) {
            warn("bag.unsupported-algorithm", file, "unsupported checksum algorithm \"" + token + "\"; not checked");
            continue;
        }
        const auto text = decode_tag(file);
        if (!text)
            continue;
        Manifest m;
        m.file = file;
        m.algorithm = *alg;
        for (const auto& raw : split_tag_lines(*text)) {
            if (trim_ws(raw).empty())
                continue;
            std::size_t i = 0;
            while (i < raw.size() && !is_space(raw[i]))
                ++i;
            std::size_t j = i;
            while (j < raw.size() && is_space(raw[j]))
                ++j;
            if (i == 0 || j == i || j >= raw.size()) {
                error("bag.bad-manifest-line", file, "malformed line \"" + raw + "\"");
                continue;
            }
            const std::string checksum = lower(raw.substr(0, i));
            if (!is_hex(checksum) || checksum.size() != hex_length(*alg)) {
                error("bag.bad-checksum", file, "\"" + checksum + "\" is not a " + token + " checksum");
                continue;
            }
            auto path = clean_path(raw.substr(j), file, !tag);
            if (!path)
                continue;
            if (!tag && path->rfind("tagmanifest-", 0) == 0) {
            }
            if (tag && manifest_token(*path, true) != "") {
                if (version_.at_least(1, 0))
                    error("bag.tagmanifest-lists-tagmanifest", file, "tag manifest lists tag manifest " + *path);
                else
                    warn("bag.tagmanifest-lists-tagmanifest", file, "tag manifest lists tag manifest " + *path);
                continue;
            }
            const std::string key = core::to_nfc(*path);
            const auto existing = m.entries.find(key);
            if (existing != m.entries.end()) {
                const bool same = existing->second.checksum == checksum;
                const std::string what = "\"" + *path + "\" is listed more than once" +
                                         (existing->second.path != *path ? " (in different Unicode normalization forms)" : "");
                if (version_.at_least(1, 0) || !same)
                    error("bag.duplicate-entry", *path, what + " in " + file + (same ? "" : " with different checksums"));
                else
                    warn("bag.duplicate-entry", *path, what + " in " + file + " with the same checksum");
                continue;
            }
            m.entries[key] = {checksum, *path};
        }
        (tag ? tag_manifests_ : manifests_).push_back(std::move(m));
    }
}

void Verifier::check_payload_manifests()
{
    if (manifests_.empty()) {
        error("bag.no-manifest", "manifest-sha512.txt", "no payload manifest with a supported algorithm");
        return;
    }
    std::map<std::string, int> listed; // key -> number of manifests listing it
    for (const auto& m : manifests_) {
        report_.manifests.emplace_back(algorithm_token(m.algorithm));
        for (const auto& [key, e] : m.entries) {
            ++listed[key];
            const auto found = payload_by_key_.find(key);
            if (found == payload_by_key_.end()) {
                if (fetched_keys_.count(key))
                    error("bag.not-fetched", e.path, "listed in fetch.txt but not present: holey bag, incomplete (colophon never fetches)");
                else if (!snap_.aborted)
                    error("bag.missing-file", e.path, "listed in " + m.file + " but missing from the bag");
                continue;
            }
            const SnapshotFile& f = snap_.payload.at(found->second);
            const auto d = f.digests.find(m.algorithm);
            if (d == f.digests.end()) {
                error("bag.unverifiable", e.path, std::string(algorithm_token(m.algorithm)) + " digest was not computed (archive lists manifests after payload)");
                continue;
            }
            if (d->second != e.checksum)
                error("bag.checksum-mismatch", e.path,
                      "checksum mismatch in " + m.file + ": expected " + e.checksum + ", got " + d->second);
        }
    }
    for (const auto& [key, path] : payload_by_key_) {
        const int n = listed.count(key) ? listed.at(key) : 0;
        if (n == 0)
            error("bag.unlisted-file", path, "payload file not listed in any manifest");
        else if (version_.at_least(1, 0) && n < static_cast<int>(manifests_.size()))
            for (const auto& m : manifests_)
                if (!m.entries.count(key))
                    error("bag.unlisted-file", path, "payload file not listed in " + m.file);
    }
}

void Verifier::check_tag_manifests()
{
    for (const auto& m : tag_manifests_) {
        for (const auto& [key, e] : m.entries) {
            const auto it = snap_.tag_files.find(e.path);
            if (it == snap_.tag_files.end()) {
                error("bag.missing-file", e.path, "listed in " + m.file + " but missing from the bag");
                continue;
            }
            const std::string actual = digest_bytes(it->second, {m.algorithm}).at(m.algorithm);
            if (actual != e.checksum)
                error("bag.checksum-mismatch", e.path,
                      "checksum mismatch in " + m.file + ": expected " + e.checksum + ", got " + actual);
        }
        for (const auto& pm : manifests_) {
            if (!m.entries.count(pm.file)) {
                if (version_.at_least(1, 0))
                    error("bag.tagmanifest-incomplete", m.file, m.file + " does not list payload manifest " + pm.file);
                else
                    warn("bag.tagmanifest-incomplete", m.file, m.file + " does not list payload manifest " + pm.file);
            }
        }
    }
}

void Verifier::check_fetch()
{
    const auto text = decode_tag("fetch.txt");
    if (!text)
        return;
    for (const auto& line : split_tag_lines(*text)) {
        if (trim_ws(line).empty())
            continue;
        std::vector<std::string> parts;
        std::size_t i = 0;
        for (int field = 0; field < 2 && i < line.size(); ++field) {
            std::size_t j = i;
            while (j < line.size() && !is_space(line[j]))
                ++j;
            parts.push_back(line.substr(i, j - i));
            while (j < line.size() && is_space(line[j]))
                ++j;
            i = j;
        }
        if (parts.size() != 2 || i >= line.size()) {
            error("bag.bad-fetch-line", "fetch.txt", "malformed line \"" + line + "\"");
            continue;
        }
        if (parts[1] != "-" && !std::all_of(parts[1].begin(), parts[1].end(), ::isdigit))
            error("bag.bad-fetch-line", "fetch.txt", "length \"" + parts[1] + "\" is neither a number nor '-'");
        const auto path = clean_path(line.substr(i), "fetch.txt", true);
        if (!path)
            continue;
        const std::string key = core::to_nfc(*path);
        fetched_keys_.insert(key);
        for (const auto& m : manifests_)
            if (!m.entries.count(key))
                error("bag.fetch-unlisted", *path, "listed in fetch.txt but not in " + m.file);
    }
}

bool is_alto_path(const std::string& p)
{
    return p.rfind("data/ocr/", 0) == 0 && p.size() > 9 && p.ends_with(".alto.xml");
}

std::string uri_unescape(const std::string& s)
{
    xml::XmlCharPtr out(reinterpret_cast<xmlChar*>(xmlURIUnescapeString(s.c_str(), static_cast<int>(s.size()), nullptr)));
    return out ? std::string(reinterpret_cast<const char*>(out.get())) : s;
}

struct CompiledSchema
{
    xml::XmlSchemaPtr schema;
    std::string error;
};

// The METS bundle takes about a second to compile, so each schema is compiled once per process.
// `schema`: relative to `dir` ("mets-bundle.xsd", "alto/alto-4-4.xsd").
const CompiledSchema& external_schema(const fs::path& dir, const std::string& schema)
{
    static std::mutex mutex;
    static std::map<std::string, CompiledSchema> cache;
    const std::lock_guard lock(mutex);
    const fs::path bundle = dir / schema;
    auto it = cache.find(bundle.string());
    if (it != cache.end())
        return it->second;
    CompiledSchema c;
    const fs::path catalog = dir / "catalog.xml";
    if (!fs::exists(bundle) || !fs::exists(catalog)) {
        c.error = schema + " or catalog.xml missing in " + dir.string();
    } else {
        xml::init_secure_xml();
        static std::once_flag catalog_once;
        std::call_once(catalog_once, [&] { xmlLoadCatalog(catalog.c_str()); });
        xml::XmlSchemaParserCtxtPtr pctx(xmlSchemaNewParserCtxt(bundle.c_str()));
        xmlSchemaSetParserStructuredErrors(pctx.get(), [](void*, xmlError*) {}, nullptr);
        c.schema.reset(xmlSchemaParse(pctx.get()));
        if (!c.schema)
            c.error = "cannot compile " + bundle.string();
    }
    return cache.emplace(bundle.string(), std::move(c)).first->second;
}

// Schema errors of `doc`, at most five ("line N: message"); empty when valid.
std::vector<std::string> schema_errors(const CompiledSchema& schema, xmlDoc* doc)
{
    xml::XmlSchemaValidCtxtPtr vctx(xmlSchemaNewValidCtxt(schema.schema.get()));
    std::vector<std::string> messages;
    xmlSchemaSetValidStructuredErrors(
        vctx.get(),
        [](void* user, xmlError* e) {
            auto* out = static_cast<std::vector<std::string>*>(user);
            if (out->size() < 5 && e && e->message) {
                std::string m = e->message;
                while (!m.empty() && m.back() == '\n')
                    m.pop_back();
                out->push_back("line " + std::to_string(e->line) + ": " + m);
            }
        },
        &messages);
    if (xmlSchemaValidateDoc(vctx.get(), doc) != 0 && messages.empty())
        messages.push_back("invalid");
    return messages;
}

void Verifier::check_mets(const std::string& name, const std::string& bytes)
{
    xml::XmlDocPtr doc = xml::parse_xml(bytes, name);
    if (!doc) {
        error("colophon.mets-malformed", name, "METS is not well-formed XML");
        return;
    }
    if (!options_.external_schema_dir.empty()) {
        const CompiledSchema& schema = external_schema(options_.external_schema_dir, "mets-bundle.xsd");
        if (!schema.schema) {
            warn("colophon.schema-unavailable", name, schema.error + "; METS schema validity not checked");
        } else {
            for (const auto& m : schema_errors(schema, doc.get()))
                error("colophon.mets-invalid", name, "METS schema violation: " + m);
        }
    }
    // fileSec: every payload file but the METS itself, CHECKSUM equal to the sha256 manifest.
    const Manifest* sha256 = nullptr;
    for (const auto& m : manifests_)
        if (m.algorithm == DigestAlgorithm::Sha256)
            sha256 = &m;
    std::set<std::string> described;
    std::vector<xmlNode*> files;
    std::map<std::string, std::string> premis_digest; // techMD ID -> PREMIS SHA-256 fixity
    std::vector<xmlNode*> stack{xmlDocGetRootElement(doc.get())};
    while (!stack.empty()) {
        xmlNode* n = stack.back();
        stack.pop_back();
        for (xmlNode* c = n->children; c; c = c->next)
            if (c->type == XML_ELEMENT_NODE)
                stack.push_back(c);
        if (xml::local_name(n) == "file") {
            files.push_back(n);
        } else if (xml::local_name(n) == "messageDigest") {
            for (xmlNode* up = n->parent; up; up = up->parent)
                if (xml::local_name(up) == "techMD") {
                    premis_digest[xml::attribute(up, "ID")] = lower(xml::node_text(n));
                    break;
                }
        }
    }
    for (xmlNode* n : files) {
        std::string href;
        for (xmlNode* c = n->children; c; c = c->next)
            if (xml::local_name(c) == "FLocat") {
                xml::XmlCharPtr v(xmlGetNsProp(c, xml::to_xml("href"), xml::to_xml("http://www.w3.org/1999/xlink")));
                if (v)
                    href = uri_unescape(xml::from_xml(v.get()));
            }
        const std::string path = "data/" + href;
        described.insert(core::to_nfc(path));
        if (!payload_by_key_.count(core::to_nfc(path))) {
            error("colophon.mets-missing-file", path, "METS fileSec names a file that is not in the payload");
            continue;
        }
        const std::string checksum = lower(xml::attribute(n, "CHECKSUM"));
        const std::string admid = xml::attribute(n, "ADMID");
        const std::string tech = admid.substr(0, admid.find(' '));
        if (const auto p = premis_digest.find(tech); p != premis_digest.end() && p->second != checksum)
            error("colophon.premis-fixity", path, "PREMIS fixity " + p->second + " differs from METS CHECKSUM " + checksum);
        if (sha256) {
            const auto e = sha256->entries.find(core::to_nfc(path));
            if (e != sha256->entries.end() && e->second.checksum != checksum)
                error("colophon.mets-checksum", path, "METS CHECKSUM " + checksum + " differs from manifest-sha256.txt");
        }
    }
    for (const auto& [key, path] : payload_by_key_)
        if (path != name && !described.count(key))
            error("colophon.mets-unlisted-file", path, "payload file missing from the METS fileSec");
}

// ALTO 4 (the official schema, when the external schemas are at hand), else well-formedness.
void Verifier::check_alto(const std::string& name, const std::string& bytes)
{
    xml::XmlDocPtr doc = xml::parse_xml(bytes, name);
    if (!doc) {
        error("colophon.alto-malformed", name, "ALTO is not well-formed XML");
        return;
    }
    if (options_.external_schema_dir.empty())
        return;
    const CompiledSchema& schema = external_schema(options_.external_schema_dir, "alto/alto-4-4.xsd");
    if (!schema.schema) {
        warn("colophon.schema-unavailable", name, schema.error + "; ALTO schema validity not checked");
        return;
    }
    for (const auto& m : schema_errors(schema, doc.get()))
        error("colophon.alto-invalid", name, "ALTO 4 schema violation: " + m);
}

void Verifier::check_colophon()
{
    std::vector<std::string> mets;
    for (const auto& [key, path] : payload_by_key_) {
        const auto slash = path.find('/', 5);
        if (slash == std::string::npos && path.rfind("data/METS.", 0) == 0 && path.size() > 14 &&
            path.substr(path.size() - 4) == ".xml")
            mets.push_back(path);
    }
    if (mets.size() != 1) {
        error("colophon.no-mets", "data/", mets.empty() ? "colophon package without data/METS.<id>.xml"
                                                        : "more than one METS document");
    } else if (const auto it = snap_.kept_xml.find(mets.front()); it != snap_.kept_xml.end()) {
        check_mets(mets.front(), it->second);
    } else if (!snap_.aborted) {
        warn("colophon.mets-not-checked", mets.front(), "METS too large to check in memory");
    }
    for (const auto& [path, bytes] : snap_.kept_xml)
        if (is_alto_path(path))
            check_alto(path, bytes);
    for (const auto& [path, bytes] : snap_.kept_xml) {
        if (path.size() < 8 || path.substr(path.size() - 8) != ".tei.xml")
            continue;
        xml::XmlDocPtr doc = xml::parse_xml(bytes, path);
        if (!doc) {
            error("colophon.tei-malformed", path, "TEI is not well-formed XML");
            continue;
        }
        if (options_.validate_tei)
            for (const auto& m : options_.validate_tei(bytes, path))
                error("colophon.tei-invalid", path, "TEI schema violation: " + m);
    }
    // Our tag manifests list every tag file, so anything else outside data/ was added later.
    if (!tag_manifests_.empty())
        for (const auto& [file, bytes] : snap_.tag_files)
            if (manifest_token(file, true).empty() && !tag_manifests_.front().entries.count(core::to_nfc(file)))
                error("colophon.unlisted-tag-file", file, "file outside data/ not listed in " + tag_manifests_.front().file);
}

VerifyReport Verifier::run()
{
    const auto keep = [](const std::string& p) {
        return (p.rfind("data/METS.", 0) == 0 && p.find('/', 5) == std::string::npos) ||
               (p.rfind("data/text/", 0) == 0 && p.size() > 8 && p.substr(p.size() - 8) == ".tei.xml") ||
               is_alto_path(p);
    };
    // Payload digests: what the manifests name when they were read first, else the common four.
    const auto choose = [](const BagSnapshot& s) {
        std::vector<DigestAlgorithm> algs;
        for (const auto& [file, bytes] : s.tag_files) {
            const std::string token = manifest_token(file, false);
            if (const auto a = algorithm_from_token(token); a && algorithm_token(*a) == token)
                algs.push_back(*a);
        }
        if (algs.empty() || s.from_archive) {
            if (!s.from_archive || algs.empty())
                algs = {DigestAlgorithm::Md5, DigestAlgorithm::Sha1, DigestAlgorithm::Sha256, DigestAlgorithm::Sha512};
        }
        return algs;
    };
    std::error_code ec;
    if (fs::is_directory(path_, ec)) {
        snap_ = read_bag_directory(path_, options_.limits, choose, keep);
    } else if (fs::is_regular_file(path_, ec)) {
        snap_ = read_bag_archive(path_, options_.limits, choose, keep);
        std::string stem = path_.filename().string();
        for (const char* ext : {".tar.gz", ".tgz", ".tar", ".zip"})
            if (stem.size() > std::strlen(ext) && stem.substr(stem.size() - std::strlen(ext)) == ext) {
                stem.resize(stem.size() - std::strlen(ext));
                break;
            }
        if (!snap_.root_name.empty() && stem != snap_.root_name)
            warn("archive.name-mismatch", path_.filename().string(),
                 "archive name does not match its top-level directory \"" + snap_.root_name + "\"");
    } else {
        error("bag.not-found", path_.string(), "no such directory or file");
        return report_;
    }
    for (const auto& i : snap_.issues)
        add(i.error ? Severity::Error : Severity::Warning, i.code, i.file, i.message);
    for (const auto& [path, f] : snap_.payload) {
        report_.payload_bytes += f.size;
        ++report_.payload_files;
        const std::string key = core::to_nfc(path);
        if (payload_by_key_.count(key))
            warn("bag.normalization-clash", path, "two payload files have the same name after Unicode normalization");
        payload_by_key_[key] = path;
    }
    // Reading stopped early (bomb, truncation): that error is the verdict; the structure checks
    // would only report the files never reached as missing.
    if (snap_.aborted || !check_bagit_txt())
        return report_;
    if (!snap_.has_data_dir)
        error("bag.no-payload-dir", "data/", "the bag has no data/ directory");
    check_bag_info();
    read_manifests(false);
    read_manifests(true);
    check_fetch();
    check_payload_manifests();
    check_tag_manifests();
    if (report_.colophon_package)
        check_colophon();
    if (suppressed_ > 0)
        warn("bag.issues-capped", report_.package, std::to_string(suppressed_) + " further issues not listed");
    return report_;
}

} // namespace

std::size_t VerifyReport::errors() const
{
    return static_cast<std::size_t>(std::count_if(issues.begin(), issues.end(),
                                                  [](const auto& i) { return i.severity == Severity::Error; }));
}

std::size_t VerifyReport::warnings() const
{
    return static_cast<std::size_t>(std::count_if(issues.begin(), issues.end(),
                                                  [](const auto& i) { return i.severity == Severity::Warning; }));
}

VerifyReport verify_package(const fs::path& path, const VerifyOptions& options)
{
    return Verifier(path, options).run();
}

std::string format_report(const VerifyReport& r)
{
    std::string out = "colophon verify: " + r.package + "\n";
    out += "  BagIt " + (r.bagit_version.empty() ? std::string("?") : r.bagit_version);
    if (!r.encoding.empty())
        out += " (" + r.encoding + ")";
    if (r.colophon_package)
        out += ", colophon package";
    out += ", " + std::to_string(r.payload_files) + " payload files, " + std::to_string(r.payload_bytes) + " bytes";
    if (!r.manifests.empty()) {
        out += ", manifests:";
        for (const auto& m : r.manifests)
            out += " " + m;
    }
    out += "\n";
    for (const auto& i : r.issues)
        out += std::string("  ") + (i.severity == Severity::Error ? "ERROR: " : "WARNING: ") + i.file + ": " +
               i.message + " [" + i.code + "]\n";
    out += std::string("  RESULT: ") + (r.ok() ? "VALID" : "INVALID") + " (" + std::to_string(r.errors()) +
           " errors, " + std::to_string(r.warnings()) + " warnings)\n";
    return out;
}

std::string report_json(const VerifyReport& r)
{
    nlohmann::json j;
    j["package"] = r.package;
    j["ok"] = r.ok();
    j["bagit_version"] = r.bagit_version;
    j["encoding"] = r.encoding;
    j["colophon_package"] = r.colophon_package;
    j["payload_files"] = r.payload_files;
    j["payload_bytes"] = r.payload_bytes;
    j["manifests"] = r.manifests;
    j["errors"] = r.errors();
    j["warnings"] = r.warnings();
    j["issues"] = nlohmann::json::array();
    for (const auto& i : r.issues)
        j["issues"].push_back({{"severity", i.severity == Severity::Error ? "error" : "warning"},
                               {"code", i.code},
                               {"file", core::repair_utf8(i.file)},
                               {"message", core::repair_utf8(i.message)}});
    return j.dump();
}

} // namespace colophon::archive
