#include "archive/mets_writer.h"

#include "archive/uuid.h"
#include "core/uri.h"
#include "core/version.h"
#include "xml/xml_handles.h"

#include <libxml/tree.h>

#include <algorithm>
#include <cctype>
#include <string_view>

namespace colophon::archive {

namespace {

using xml::to_xml;

constexpr const char* mets_ns = "http://www.loc.gov/METS/";
constexpr const char* premis_ns = "http://www.loc.gov/premis/v3";
constexpr const char* mods_ns = "http://www.loc.gov/mods/v3";
constexpr const char* dc_ns = "http://purl.org/dc/elements/1.1/";
constexpr const char* dcterms_ns = "http://purl.org/dc/terms/";
constexpr const char* xlink_ns = "http://www.w3.org/1999/xlink";
constexpr const char* xsi_ns = "http://www.w3.org/2001/XMLSchema-instance";
constexpr const char* profile = "colophon-package-1";

std::string agent_name() { return std::string("colophon ") + core::version; }

// PREMIS event types from the Library of Congress vocabulary (id.loc.gov, "Event Type"), each
// with its code, which makes its URI.
struct EventType
{
    const char* label;
    const char* code;
};
constexpr const char* event_type_scheme = "http://id.loc.gov/vocabulary/preservation/eventType";
constexpr EventType ingestion_event{"ingestion", "ing"};
constexpr EventType digest_event{"message digest calculation", "mes"};
constexpr EventType identification_event{"format identification", "for"};
constexpr EventType normalization_event{"normalization", "nor"};
constexpr EventType creation_event{"creation", "cre"}; // the OCR text: a new object made from the scan
constexpr EventType validation_event{"validation", "val"};
constexpr EventType packing_event{"information package creation", "ipc"};

// Said in every event of a package written with --bagging-date.
constexpr const char* fixed_date_note =
    "; eventDateTime is the bagging date fixed with --bagging-date for a reproducible package, not the time of the event";

// "Tesseract 5.3.0" -> "5.3.0": the last word when it starts with a digit.
std::string version_in(const std::string& name)
{
    const auto space = name.find_last_of(' ');
    const std::string last = space == std::string::npos ? std::string() : name.substr(space + 1);
    return !last.empty() && std::isdigit(static_cast<unsigned char>(last[0])) ? last : std::string();
}

// Builds the tree; namespaces are declared once on the root element.
class MetsBuilder
{
public:
    MetsBuilder(const MetsInput& in) : in_(in), doc_(xmlNewDoc(to_xml("1.0")))
    {
        root_ = xmlNewNode(nullptr, to_xml("mets"));
        xmlDocSetRootElement(doc_.get(), root_);
        mets_ = xmlNewNs(root_, to_xml(mets_ns), to_xml("mets"));
        xmlSetNs(root_, mets_);
        premis_ = xmlNewNs(root_, to_xml(premis_ns), to_xml("premis"));
        mods_ = xmlNewNs(root_, to_xml(mods_ns), to_xml("mods"));
        dc_ = xmlNewNs(root_, to_xml(dc_ns), to_xml("dc"));
        dcterms_ = xmlNewNs(root_, to_xml(dcterms_ns), to_xml("dcterms"));
        xlink_ = xmlNewNs(root_, to_xml(xlink_ns), to_xml("xlink"));
        xsi_ = xmlNewNs(root_, to_xml(xsi_ns), to_xml("xsi"));
    }

    std::string build();

private:
    xmlNode* add(xmlNode* parent, xmlNs* ns, const char* name, const std::string& text = {})
    {
        xmlNode* n = xmlNewChild(parent, ns, to_xml(name), nullptr);
        if (!text.empty())
            xmlNodeAddContent(n, to_xml(text));
        return n;
    }
    // PREMIS writes every identifier as <KIND-Identifier> holding its Type and Value.
    xmlNode* add_identifier(xmlNode* parent, const std::string& kind, const std::string& type,
                            const std::string& value)
    {
        xmlNode* id = add(parent, premis_, (kind + "Identifier").c_str());
        add(id, premis_, (kind + "IdentifierType").c_str(), type);
        add(id, premis_, (kind + "IdentifierValue").c_str(), value);
        return id;
    }
    static void attr(xmlNode* n, const char* name, const std::string& value)
    {
        xmlNewProp(n, to_xml(name), to_xml(value));
    }
    void ns_attr(xmlNode* n, xmlNs* ns, const char* name, const std::string& value)
    {
        xmlNewNsProp(n, ns, to_xml(name), to_xml(value));
    }
    std::string uuid(const std::string& role) const
    {
        return name_based_uuid(in_.package_id + "/" + role);
    }
    xmlNode* xml_data(xmlNode* parent, const char* mdtype, const std::string& other = {})
    {
        xmlNode* wrap = add(parent, mets_, "mdWrap");
        if (other.empty()) {
            attr(wrap, "MDTYPE", mdtype);
        } else {
            attr(wrap, "MDTYPE", "OTHER");
            attr(wrap, "OTHERMDTYPE", other);
        }
        return add(wrap, mets_, "xmlData");
    }

    void build_header();
    void build_dublin_core();
    void build_mods();
    void build_file_objects();
    void build_events_and_agents();
    void build_file_sec();
    void build_struct_map();
    void build_rights(xmlNode* amd);
    void add_event(xmlNode* amd, const std::string& key, const EventType& type, const std::string& date,
                   const std::string& detail, const std::string& outcome,
                   const std::vector<std::string>& notes,
                   const std::vector<std::pair<std::string, std::string>>& objects,
                   bool with_tesseract = false);
    void add_agent(xmlNode* amd, const std::string& key, const std::string& id_value,
                   const std::string& name, const std::string& type, const std::string& version);

    const PackageContents& contents() const { return *in_.contents; }
    const core::Metadata& meta() const { return contents().document.meta; }

    const MetsInput& in_;
    xml::XmlDocPtr doc_;
    xmlNode* root_ = nullptr;
    xmlNs* mets_ = nullptr;
    xmlNs* premis_ = nullptr;
    xmlNs* mods_ = nullptr;
    xmlNs* dc_ = nullptr;
    xmlNs* dcterms_ = nullptr;
    xmlNs* xlink_ = nullptr;
    xmlNs* xsi_ = nullptr;
    std::vector<std::string> event_ids_; // digiprovMD IDs of package events
    std::string normalization_md_, transcription_md_;
};

// xlink:href is xs:anyURI: percent-encode every byte outside RFC 3986 unreserved characters,
// keeping '/' as the separator.
std::string uri_path(std::string_view path)
{
    static constexpr char hex[] = "0123456789ABCDEF";
    std::string out;
    for (const char c : path) {
        const auto u = static_cast<unsigned char>(c);
        if ((u < 0x80 && std::isalnum(u)) || c == '-' || c == '.' || c == '_' || c == '~' || c == '/') {
            out += c;
        } else {
            out += '%';
            out += hex[u >> 4];
            out += hex[u & 0xF];
        }
    }
    return out;
}

std::string file_key(std::size_t i) { return "file-" + std::to_string(i + 1); }
std::string tech_key(std::size_t i) { return "tech-" + std::to_string(i + 1); }

void MetsBuilder::build_header()
{
    attr(root_, "OBJID", "urn:uuid:" + uuid("package"));
    attr(root_, "PROFILE", profile);
    attr(root_, "TYPE", "article");
    if (!meta().title.empty())
        attr(root_, "LABEL", meta().title);
    xmlNode* hdr = add(root_, mets_, "metsHdr");
    attr(hdr, "CREATEDATE", in_.date_time);
    attr(hdr, "RECORDSTATUS",
         contents().outcome.status == ConversionStatus::Failed ? "conversion-failed" : "complete");
    xmlNode* tool = add(hdr, mets_, "agent");
    attr(tool, "ROLE", "CREATOR");
    attr(tool, "TYPE", "OTHER");
    attr(tool, "OTHERTYPE", "SOFTWARE");
    add(tool, mets_, "name", agent_name());
    const auto& org = contents().options.organization;
    if (!org.empty()) {
        xmlNode* custodian = add(hdr, mets_, "agent");
        attr(custodian, "ROLE", "CUSTODIAN");
        attr(custodian, "TYPE", "ORGANIZATION");
        add(custodian, mets_, "name", org);
    }
    xmlNode* docid = add(hdr, mets_, "metsDocumentID", mets_file_name(in_.package_id));
    attr(docid, "TYPE", "filename");
}

void MetsBuilder::build_dublin_core()
{
    xmlNode* dmd = add(root_, mets_, "dmdSec");
    attr(dmd, "ID", "dmd-dc");
    xmlNode* data = xml_data(dmd, "DC");
    const auto& m = meta();
    add(data, dc_, "title", m.title.empty() ? contents().original_name : m.title);
    if (!m.subtitle.empty())
        add(data, dcterms_, "alternative", m.subtitle);
    for (const auto& a : m.authors)
        if (!a.name.empty())
            add(data, dc_, "creator", a.name);
    if (!m.date.iso.empty()) {
        xmlNode* issued = add(data, dcterms_, "issued", m.date.iso);
        ns_attr(issued, xsi_, "type", "dcterms:W3CDTF");
    }
    if (!m.publisher.empty())
        add(data, dc_, "publisher", m.publisher);
    if (!m.language.empty())
        add(data, dc_, "language", m.language);
    const std::string abstract = core::plain_text(m.abstract);
    if (!abstract.empty())
        add(data, dcterms_, "abstract", abstract);
    for (const auto& k : m.keywords)
        add(data, dc_, "subject", k);
    if (!m.canonical_url.empty()) {
        xmlNode* id = add(data, dc_, "identifier", core::escape_uri(m.canonical_url));
        ns_attr(id, xsi_, "type", "dcterms:URI");
    }
    if (!m.original_source.title.empty() || !m.original_source.url.empty())
        add(data, dc_, "source",
            m.original_source.title.empty() ? m.original_source.url : m.original_source.title);
    if (!m.series.empty())
        add(data, dcterms_, "isPartOf", m.series);
    if (!m.collection.empty())
        add(data, dcterms_, "isPartOf", m.collection);
    if (!m.rights.empty())
        add(data, dc_, "rights", m.rights);
    add(data, dc_, "type", "Text");
    add(data, dc_, "format", contents().document.extraction.source_format.empty()
                                 ? std::string("application/octet-stream")
                                 : contents().document.extraction.source_format);
}

void MetsBuilder::build_mods()
{
    xmlNode* dmd = add(root_, mets_, "dmdSec");
    attr(dmd, "ID", "dmd-mods");
    xmlNode* data = xml_data(dmd, "MODS");
    xmlNode* mods = add(data, mods_, "mods");
    attr(mods, "version", "3.8");
    const auto& m = meta();
    xmlNode* title_info = add(mods, mods_, "titleInfo");
    add(title_info, mods_, "title", m.title.empty() ? contents().original_name : m.title);
    if (!m.subtitle.empty())
        add(title_info, mods_, "subTitle", m.subtitle);
    for (const auto& a : m.authors) {
        if (a.name.empty())
            continue;
        xmlNode* name = add(mods, mods_, "name");
        attr(name, "type", "personal");
        add(name, mods_, "namePart", a.name);
        if (!a.affiliation.empty())
            add(name, mods_, "affiliation", a.affiliation);
        xmlNode* role = add(name, mods_, "role");
        xmlNode* term = add(role, mods_, "roleTerm", a.role.empty() ? "author" : a.role);
        attr(term, "type", "text");
        if (a.role.empty())
            attr(term, "authority", "marcrelator");
    }
    add(mods, mods_, "typeOfResource", "text");
    if (!m.publisher.empty() || !m.date.iso.empty()) {
        xmlNode* origin = add(mods, mods_, "originInfo");
        if (!m.publisher.empty())
            add(origin, mods_, "publisher", m.publisher);
        if (!m.date.iso.empty()) {
            xmlNode* date = add(origin, mods_, "dateIssued", m.date.iso);
            attr(date, "encoding", "w3cdtf");
            attr(date, "keyDate", "yes");
        }
    }
    if (!m.language.empty()) {
        xmlNode* lang = add(mods, mods_, "language");
        xmlNode* term = add(lang, mods_, "languageTerm", m.language);
        attr(term, "type", "code");
        attr(term, "authority", "rfc5646");
    }
    const std::string abstract = core::plain_text(m.abstract);
    if (!abstract.empty())
        add(mods, mods_, "abstract", abstract);
    for (const auto& k : m.keywords) {
        xmlNode* subject = add(mods, mods_, "subject");
        add(subject, mods_, "topic", k);
    }
    if (!m.original_source.title.empty() || !m.original_source.url.empty() || !m.series.empty()) {
        xmlNode* related = add(mods, mods_, "relatedItem");
        attr(related, "type", m.series.empty() ? "original" : "series");
        xmlNode* ti = add(related, mods_, "titleInfo");
        add(ti, mods_, "title",
            !m.series.empty()                   ? m.series
            : !m.original_source.title.empty()  ? m.original_source.title
                                                : m.original_source.url);
        if (!m.original_source.url.empty()) {
            xmlNode* loc = add(related, mods_, "location");
            add(loc, mods_, "url", m.original_source.url);
        }
    }
    if (!m.collection.empty()) {
        xmlNode* host = add(mods, mods_, "relatedItem");
        attr(host, "type", "host");
        attr(host, "displayLabel", "collection");
        xmlNode* ti = add(host, mods_, "titleInfo");
        add(ti, mods_, "title", m.collection);
    }
    if (!m.rights.empty()) {
        xmlNode* access = add(mods, mods_, "accessCondition", m.rights);
        attr(access, "type", "use and reproduction");
    }
    if (!m.canonical_url.empty()) {
        xmlNode* id = add(mods, mods_, "identifier", core::escape_uri(m.canonical_url));
        attr(id, "type", "uri");
        xmlNode* loc = add(mods, mods_, "location");
        add(loc, mods_, "url", core::escape_uri(m.canonical_url));
    }
    xmlNode* record = add(mods, mods_, "recordInfo");
    xmlNode* origin = add(record, mods_, "recordOrigin", "extracted by " + agent_name());
    (void)origin;
}

void MetsBuilder::build_file_objects()
{
    const std::string original_uuid = uuid("object/" + in_.files.front().path);
    for (std::size_t i = 0; i < in_.files.size(); ++i) {
        const PayloadFile& f = in_.files[i];
        xmlNode* amd = add(root_, mets_, "amdSec");
        attr(amd, "ID", "amd-" + std::to_string(i + 1));
        xmlNode* tech = add(amd, mets_, "techMD");
        attr(tech, "ID", tech_key(i));
        xmlNode* data = xml_data(tech, "PREMIS:OBJECT");
        xmlNode* obj = add(data, premis_, "object");
        ns_attr(obj, xsi_, "type", "premis:file");
        attr(obj, "version", "3.0");
        add_identifier(obj, "object", "UUID", uuid("object/" + f.path));
        xmlNode* chars = add(obj, premis_, "objectCharacteristics");
        add(chars, premis_, "compositionLevel", "0");
        xmlNode* fixity = add(chars, premis_, "fixity");
        add(fixity, premis_, "messageDigestAlgorithm", "SHA-256");
        add(fixity, premis_, "messageDigest", f.sha256);
        add(fixity, premis_, "messageDigestOriginator", agent_name());
        add(chars, premis_, "size", std::to_string(f.size));
        xmlNode* format = add(chars, premis_, "format");
        xmlNode* designation = add(format, premis_, "formatDesignation");
        add(designation, premis_, "formatName", f.mime);
        if (f.format.identified()) {
            xmlNode* pronom = add(chars, premis_, "format");
            xmlNode* named = add(pronom, premis_, "formatDesignation");
            add(named, premis_, "formatName", f.format.name);
            if (!f.format.version.empty())
                add(named, premis_, "formatVersion", f.format.version);
            xmlNode* registry = add(pronom, premis_, "formatRegistry");
            add(registry, premis_, "formatRegistryName", "PRONOM");
            add(registry, premis_, "formatRegistryKey", f.format.puid);
            add(registry, premis_, "formatRegistryRole", "specification");
            add(pronom, premis_, "formatNote", "identified by " + agent_name() + " from " + f.format.basis);
        }
        const std::string& catalogue_path = contents().catalogue_path;
        add(obj, premis_, "originalName",
            f.original_name.empty() ? "data/" + f.path : i == 0 && !catalogue_path.empty() ? catalogue_path : f.original_name);
        if (i > 0) {
            xmlNode* rel = add(obj, premis_, "relationship");
            add(rel, premis_, "relationshipType", "derivation");
            add(rel, premis_, "relationshipSubType", "has source");
            add_identifier(rel, "relatedObject", "UUID", original_uuid);
            add_identifier(rel, "relatedEvent", "UUID",
                           uuid(f.use == "text/ocr" ? "event/transcription" : "event/normalization"));
        }
    }
}

void MetsBuilder::add_agent(xmlNode* amd, const std::string& key, const std::string& id_value,
                            const std::string& name, const std::string& type,
                            const std::string& version)
{
    xmlNode* md = add(amd, mets_, "digiprovMD");
    attr(md, "ID", "agent-" + key);
    xmlNode* data = xml_data(md, "PREMIS:AGENT");
    xmlNode* agent = add(data, premis_, "agent");
    attr(agent, "version", "3.0");
    add_identifier(agent, "agent", type == "organization" ? "name" : "software", id_value);
    add(agent, premis_, "agentName", name);
    add(agent, premis_, "agentType", type);
    if (!version.empty())
        add(agent, premis_, "agentVersion", version);
}

void MetsBuilder::add_event(xmlNode* amd, const std::string& key, const EventType& type,
                            const std::string& date, const std::string& detail, const std::string& outcome,
                            const std::vector<std::string>& notes,
                            const std::vector<std::pair<std::string, std::string>>& objects,
                            bool with_tesseract)
{
    xmlNode* md = add(amd, mets_, "digiprovMD");
    const std::string md_id = "event-" + key;
    attr(md, "ID", md_id);
    event_ids_.push_back(md_id);
    xmlNode* data = xml_data(md, "PREMIS:EVENT");
    xmlNode* ev = add(data, premis_, "event");
    attr(ev, "version", "3.0");
    add_identifier(ev, "event", "UUID", uuid("event/" + key));
    xmlNode* type_node = add(ev, premis_, "eventType", type.label);
    attr(type_node, "authority", "eventType");
    attr(type_node, "authorityURI", event_type_scheme);
    attr(type_node, "valueURI", std::string(event_type_scheme) + "/" + type.code);
    add(ev, premis_, "eventDateTime", date.empty() ? in_.date_time : date);
    xmlNode* info = add(ev, premis_, "eventDetailInformation");
    add(info, premis_, "eventDetail", in_.events.fixed ? detail + fixed_date_note : detail);
    xmlNode* out = add(ev, premis_, "eventOutcomeInformation");
    add(out, premis_, "eventOutcome", outcome);
    for (const auto& note : notes) {
        xmlNode* od = add(out, premis_, "eventOutcomeDetail");
        add(od, premis_, "eventOutcomeDetailNote", note);
    }
    const auto link_agent = [&](const char* id_type, const std::string& value, const std::string& role) {
        xmlNode* la = add_identifier(ev, "linkingAgent", id_type, value);
        add(la, premis_, "linkingAgentRole", role);
    };
    link_agent("software", agent_name(), "executing program");
    if (with_tesseract && !contents().document.extraction.ocr_engine.empty())
        link_agent("software", contents().document.extraction.ocr_engine, "executing program");
    if (!contents().options.organization.empty())
        link_agent("name", contents().options.organization, "implementer");
    for (const auto& [object_path, role] : objects) {
        xmlNode* lo = add_identifier(ev, "linkingObject", "UUID", uuid("object/" + object_path));
        add(lo, premis_, "linkingObjectRole", role);
    }
}

// The catalogue's rights statement, as PREMIS rights about the original. Its legal basis is not
// catalogued (copyright, licence or statute), so it is recorded as "Other" with the statement as
// the note, never guessed from the wording.
void MetsBuilder::build_rights(xmlNode* amd)
{
    const std::string& rights = meta().rights;
    if (rights.empty())
        return;
    xmlNode* md = add(amd, mets_, "rightsMD");
    attr(md, "ID", "rights-catalogue");
    xmlNode* data = xml_data(md, "PREMIS:RIGHTS");
    xmlNode* premis_rights = add(data, premis_, "rights");
    attr(premis_rights, "version", "3.0");
    xmlNode* statement = add(premis_rights, premis_, "rightsStatement");
    add_identifier(statement, "rightsStatement", "UUID", uuid("rights/catalogue"));
    add(statement, premis_, "rightsBasis", "Other");
    xmlNode* other = add(statement, premis_, "otherRightsInformation");
    add(other, premis_, "otherRightsBasis", "Catalogue rights statement");
    add(other, premis_, "otherRightsNote", rights);
    add_identifier(statement, "linkingObject", "UUID", uuid("object/" + in_.files.front().path));
}

void MetsBuilder::build_events_and_agents()
{
    const auto& outcome = contents().outcome;
    const auto& ex = contents().document.extraction;
    xmlNode* amd = add(root_, mets_, "amdSec");
    attr(amd, "ID", "amd-package");
    build_rights(amd);
    const std::string& original = in_.files.front().path;
    std::vector<std::pair<std::string, std::string>> derived;
    std::vector<std::pair<std::string, std::string>> all;
    std::vector<std::pair<std::string, std::string>> ocr;
    for (std::size_t i = 0; i < in_.files.size(); ++i) {
        all.emplace_back(in_.files[i].path, "source");
        if (i == 0)
            continue;
        if (in_.files[i].use == "text/ocr")
            ocr.emplace_back(in_.files[i].path, "outcome");
        else
            derived.emplace_back(in_.files[i].path, "outcome");
    }
    const bool failed = outcome.status == ConversionStatus::Failed;

    const EventDates& at = in_.events;
    const std::string received_as = contents().catalogue_path.empty() ? contents().original_name : contents().catalogue_path;
    add_event(amd, "ingestion", ingestion_event, at.ingestion, "original received as \"" + received_as + "\"",
              "success", {}, {{original, "source"}});
    add_event(amd, "message-digest-calculation", digest_event, at.digests,
              "program=" + agent_name() + " (OpenSSL EVP); algorithms=SHA-256,SHA-512", "success",
              {}, all);
    const FormatIdentity& identity = in_.files.front().format;
    const std::string format = ex.source_format;
    std::string identified = format.empty() ? std::string("format not identified") : "identified " + format;
    if (identity.identified())
        identified += "; PRONOM " + identity.puid + " (" + identity.name +
                      (identity.version.empty() ? "" : " " + identity.version) + ") from " + identity.basis;
    add_event(amd, "format-identification", identification_event, at.identification,
              "program=" + agent_name() + "; method=content sniffing (magic numbers, markup, PDF header and XMP)",
              format.empty() ? "warning" : "success", {identified}, {{original, "source"}});
    if (!ex.ocr_pages.empty() || ex.method.find("ocr") != std::string::npos) {
        std::vector<std::string> notes;
        bool low = false;
        for (const auto& p : ex.ocr_pages) {
            if (p.low_confidence) {
                low = true;
                notes.push_back("page " + std::to_string(p.page) + ": low mean confidence " +
                                std::to_string(static_cast<int>(p.mean_confidence)));
            }
        }
        notes.insert(notes.begin(), std::to_string(ex.ocr_pages.size()) + " page(s) recognised");
        std::vector<std::pair<std::string, std::string>> objs{{original, "source"}};
        objs.insert(objs.end(), ocr.begin(), ocr.end());
        add_event(amd, "transcription", creation_event, at.creation,
                  "optical character recognition; program=" +
                      (ex.ocr_engine.empty() ? std::string("Tesseract") : ex.ocr_engine) +
                      "; languages=" + (ex.ocr_languages.empty() ? "unknown" : ex.ocr_languages),
                  low ? "warning" : "success", notes, objs, true);
        transcription_md_ = event_ids_.back();
    }
    {
        std::vector<std::string> notes;
        std::string result = "success";
        if (failed) {
            result = "failure";
            notes.push_back("failed at stage \"" +
                            (outcome.failed_stage.empty() ? std::string("convert")
                                                          : outcome.failed_stage) +
                            "\": " + outcome.failure_reason);
        } else if (outcome.status == ConversionStatus::Warnings || !outcome.warnings.empty()) {
            result = "warning";
        }
        for (const auto& w : outcome.warnings)
            notes.push_back(w);
        std::vector<std::pair<std::string, std::string>> objs{{original, "source"}};
        objs.insert(objs.end(), derived.begin(), derived.end());
        add_event(amd, "normalization", normalization_event, at.normalization,
                  "program=" + agent_name() + "; method=" +
                      (ex.method.empty() ? std::string("unknown") : ex.method) +
                      "; outputs=TEI P5, plain text, JSON",
                  result, notes, objs);
        normalization_md_ = event_ids_.back();
    }
    if (outcome.tei_valid.has_value()) {
        std::vector<std::pair<std::string, std::string>> objs;
        for (const auto& f : in_.files)
            if (f.use == "text/tei")
                objs.emplace_back(f.path, "source");
        add_event(amd, "validation", validation_event, at.validation,
                  "program=" + agent_name() + "; schema=colophon-tei.xsd (TEI P5 subset)",
                  *outcome.tei_valid ? "success" : "failure",
                  outcome.validation_detail.empty() ? std::vector<std::string>{}
                                                    : std::vector<std::string>{outcome.validation_detail},
                  objs);
    }
    add_event(amd, "information-package-creation", packing_event, at.packing,
              "program=" + agent_name() + "; BagIt 1.0 bag with METS " + "1.12.1, PREMIS 3.0; package " + in_.package_id,
              "success", {}, all);
    add_agent(amd, "colophon", agent_name(), "colophon", "software", core::version);
    if (!ex.ocr_engine.empty() && !transcription_md_.empty())
        add_agent(amd, "ocr", ex.ocr_engine, ex.ocr_engine, "software", version_in(ex.ocr_engine));
    if (!contents().options.organization.empty())
        add_agent(amd, "organization", contents().options.organization,
                  contents().options.organization, "organization", {});
}

void MetsBuilder::build_file_sec()
{
    xmlNode* sec = add(root_, mets_, "fileSec");
    std::vector<std::string> uses;
    for (const auto& f : in_.files)
        if (std::find(uses.begin(), uses.end(), f.use) == uses.end())
            uses.push_back(f.use);
    for (const auto& use : uses) {
        xmlNode* grp = add(sec, mets_, "fileGrp");
        attr(grp, "USE", use);
        for (std::size_t i = 0; i < in_.files.size(); ++i) {
            const PayloadFile& f = in_.files[i];
            if (f.use != use)
                continue;
            xmlNode* file = add(grp, mets_, "file");
            attr(file, "ID", file_key(i));
            attr(file, "MIMETYPE", f.mime);
            attr(file, "SIZE", std::to_string(f.size));
            attr(file, "CHECKSUM", f.sha256);
            attr(file, "CHECKSUMTYPE", "SHA-256");
            std::string admid = tech_key(i);
            if (i == 0)
                admid += " event-ingestion event-message-digest-calculation event-format-identification";
            if (i == 0 && !meta().rights.empty())
                admid += " rights-catalogue";
            else if (f.use == "text/ocr" && !transcription_md_.empty())
                admid += " " + transcription_md_;
            else if (!normalization_md_.empty())
                admid += " " + normalization_md_;
            attr(file, "ADMID", admid);
            xmlNode* loc = add(file, mets_, "FLocat");
            attr(loc, "LOCTYPE", "OTHER");
            attr(loc, "OTHERLOCTYPE", "SYSTEM");
            ns_attr(loc, xlink_, "href", uri_path(f.path));
        }
    }
}

void MetsBuilder::build_struct_map()
{
    xmlNode* map = add(root_, mets_, "structMap");
    attr(map, "TYPE", "physical");
    attr(map, "LABEL", "colophon package");
    xmlNode* div = add(map, mets_, "div");
    attr(div, "TYPE", "article");
    attr(div, "DMDID", contents().options.include_mods ? "dmd-dc dmd-mods" : "dmd-dc");
    if (!meta().title.empty())
        attr(div, "LABEL", meta().title);
    int order = 0;
    for (std::size_t i = 0; i < in_.files.size(); ++i) {
        if (in_.files[i].use == "text/ocr")
            continue;
        xmlNode* fptr = add(div, mets_, "fptr");
        attr(fptr, "FILEID", file_key(i));
    }
    for (std::size_t i = 0; i < in_.files.size(); ++i) {
        if (in_.files[i].use != "text/ocr")
            continue;
        xmlNode* page = add(div, mets_, "div");
        attr(page, "TYPE", "page");
        attr(page, "ORDER", std::to_string(++order));
        attr(page, "ORDERLABEL", std::to_string(in_.files[i].page));
        xmlNode* fptr = add(page, mets_, "fptr");
        attr(fptr, "FILEID", file_key(i));
    }
}

std::string MetsBuilder::build()
{
    build_header();
    build_dublin_core();
    if (contents().options.include_mods)
        build_mods();
    build_file_objects();
    build_events_and_agents();
    build_file_sec();
    build_struct_map();
    return xml::serialize(doc_.get());
}

} // namespace

std::string mets_file_name(const std::string& package_id) { return "METS." + package_id + ".xml"; }

std::string build_mets(const MetsInput& input)
{
    if (input.contents == nullptr || input.files.empty())
        throw std::invalid_argument("build_mets needs contents and at least the original file");
    return MetsBuilder(input).build();
}

} // namespace colophon::archive
