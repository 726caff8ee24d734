#include "batch/batch_document.h"

#include "batch/batch_package.h"
#include "batch/content_hash.h"
#include "batch/gzip_member.h"
#include "batch/manifest.h"
#include "core/atomic_file.h"
#include "review/review_page.h"
#include "tei/json_writer.h"
#include "tei/text_writer.h"

#include <nlohmann/json.hpp>

#include <chrono>
#include <fstream>
#include <optional>
#include <sys/stat.h>

namespace colophon::batch {

const char *const review_page_extension = ".review.html";

namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;

namespace {

constexpr std::size_t max_recorded_warnings = 20;

// Seconds spent in each stage, kept as a JSON object in the record.
class StageTimer
{
public:
    explicit StageTimer(pool::WorkerContext& ctx) : ctx_(ctx), start_(Clock::now()), last_(start_) {}
    void enter(const std::string& stage)
    {
        close();
        current_ = stage;
        ctx_.stage(stage);
    }
    void close()
    {
        const auto now = Clock::now();
        if (!current_.empty())
            timings_[current_] = timings_.value(current_, 0.0) + std::chrono::duration<double>(now - last_).count();
        last_ = now;
    }
    const std::string& current() const { return current_; }
    double total() const { return std::chrono::duration<double>(Clock::now() - start_).count(); }
    std::string json() const { return timings_.dump(); }

private:
    pool::WorkerContext& ctx_;
    Clock::time_point start_;
    Clock::time_point last_;
    std::string current_;
    nlohmann::json timings_ = nlohmann::json::object();
};

std::string stage_for(const std::string& code, const std::string& current)
{
    return code.starts_with("input.") ? "read" : current;
}

// `catalogued_date`: the catalogue gave a date (when it is unreadable, the catalogue warning
// already says so: "no publication date found" would be false).
void add_metadata_warnings(const core::Document& doc, bool catalogued_date, core::Diagnostics& diags)
{
    if (doc.meta.title.empty())
        diags.warn("batch.no-title", "no title found");
    if (doc.meta.authors.empty())
        diags.warn("batch.no-author", "no author found");
    if (doc.meta.date.iso.empty() && !catalogued_date)
        diags.warn("batch.no-date", "no publication date found");
}

void fill_from_document(const core::Document& doc, state::DocumentRecord& r)
{
    r.title = doc.meta.title;
    r.authors.clear();
    for (const core::Author& a : doc.meta.authors)
        r.authors.push_back(a.name);
    r.date = doc.meta.date.iso.empty() ? doc.meta.date.text : doc.meta.date.iso;
    r.language = doc.meta.language;
    r.method = doc.extraction.method;
    r.pages = doc.extraction.page_count;
    if (!doc.extraction.ocr_pages.empty()) {
        double sum = 0;
        for (const core::OcrPage& p : doc.extraction.ocr_pages)
            sum += p.mean_confidence;
        r.ocr_confidence = sum / static_cast<double>(doc.extraction.ocr_pages.size());
    }
}

void fill_warnings(const core::Diagnostics& diags, state::DocumentRecord& r)
{
    r.warnings.clear();
    r.warning_count = static_cast<int>(diags.dropped());
    for (const core::Diagnostic& d : diags.items()) {
        if (d.severity == core::Severity::Info)
            continue;
        ++r.warning_count;
        if (r.warnings.size() < max_recorded_warnings)
            r.warnings.push_back(core::format_diagnostic(d));
    }
}

void remove_outputs(const fs::path& dir, const std::vector<std::string>& outputs)
{
    for (const std::string& o : outputs) {
        std::error_code ec;
        fs::remove_all(dir / o, ec);
    }
}

} // namespace

std::string corpus_record_path(const std::string& output_stem)
{
    return ".colophon/corpus/" + output_stem + ".json.gz";
}

nlohmann::json build_corpus_record(const core::Document& doc, const pool::DocumentJob& job)
{
    // The document JSON's own names (schemas/colophon-document.schema.json); the catalogue's
    // rights and collection are in the Document's metadata by now (apply_catalogue).
    return tei::build_corpus_record(doc, job.identifier, job.key);
}

namespace {

// One document's way through the worker, step by step; the record it fills is what the parent
// stores. Every step enters its stage first, so a failure names the stage it happened in.
class DocumentRun
{
public:
    DocumentRun(const pool::DocumentJob& job, pool::WorkerContext& ctx, const pipeline::DocumentConverter& converter,
                const DocumentSettings& settings)
        : job_(job), converter_(converter), settings_(settings), timer_(ctx), ctx_(ctx), diags_(job.input_path),
          out_dir_(settings.output_dir)
    {
        r_.key = job.key;
        r_.input_path = job.input_path;
        r_.identifier = job.identifier;
    }

    bool read_and_claim();
    void convert();
    void render();
    void write_outputs();
    void write_corpus_record();
    void write_review_page();
    void package();
    state::DocumentRecord succeeded();

    void failed(std::string code, std::string reason, state::DocStatus status);
    void remove_partial_outputs();
    void package_failed_original();
    state::DocumentRecord finish();

private:
    const pool::DocumentJob& job_;
    const pipeline::DocumentConverter& converter_;
    const DocumentSettings& settings_;
    StageTimer timer_;
    pool::WorkerContext& ctx_;
    core::Diagnostics diags_;
    const fs::path out_dir_;
    state::DocumentRecord r_;
    std::optional<core::Input> input_;
    std::optional<core::Document> doc_;
    pipeline::Rendered rendered_;
    StepTimes times_;
};

// Reads and hashes the input, then asks the parent whether it needs converting: false when it
// is unchanged since an earlier run or a duplicate of another document.
bool DocumentRun::read_and_claim()
{
    timer_.enter("read");
    times_.received = state::utc_now_iso();
    struct stat st{};
    if (::stat(job_.input_path.c_str(), &st) == 0) {
        r_.size = static_cast<std::int64_t>(st.st_size);
        r_.mtime_ns = static_cast<std::int64_t>(st.st_mtim.tv_sec) * 1'000'000'000 + st.st_mtim.tv_nsec;
    }
    try {
        input_ = core::read_input(job_.input_path, settings_.convert.limits.max_input_bytes);
    } catch (const core::ConversionError& e) {
        // Too large to load, but its checksum still identifies it in the report.
        if (e.diagnostic().code == "input.too-large")
            r_.sha256 = sha256_file_hex(job_.input_path);
        throw;
    }
    r_.sha256 = sha256_hex(input_->bytes);
    r_.media_type = std::string(core::media_type_name(input_->type));
    const bool convertible = !input_->bytes.empty() && converter_.accepts(*input_);
    const pool::ClaimReply claim = ctx_.claim(r_.sha256, r_.size, r_.media_type, convertible);
    if (claim.decision == pool::ClaimDecision::Unchanged)
        return false;
    if (claim.decision == pool::ClaimDecision::Duplicate) {
        r_.status = state::DocStatus::Duplicate;
        r_.duplicate_of = claim.duplicate_of;
        r_.reason = "same content as " + claim.duplicate_of;
        return false;
    }
    return true;
}

// Converts, then lets the catalogue override or complete the metadata.
void DocumentRun::convert()
{
    timer_.enter("convert");
    doc_ = converter_.convert(*input_, diags_);
    times_.converted = state::utc_now_iso();
    CatalogueRecord record;
    if (!job_.catalogue.empty()) {
        record = catalogue_from_json(nlohmann::json::parse(job_.catalogue));
        apply_catalogue(record, *doc_, &diags_);
    }
    add_metadata_warnings(*doc_, !record.date.empty(), diags_);
    fill_from_document(*doc_, r_);
}

// Renders every output; TEI is schema-validated here.
void DocumentRun::render()
{
    timer_.enter("render");
    rendered_ = pipeline::DocumentConverter::render_all(*doc_, diags_);
    times_.validated = state::utc_now_iso();
}

// Writes the outputs asked for, each atomically, and the corpus line.
void DocumentRun::write_outputs()
{
    timer_.enter("write");
    fs::create_directories((out_dir_ / job_.output_stem).parent_path());
    for (const pipeline::OutputFormat f : settings_.formats) {
        const std::string rel = job_.output_stem + pipeline::extension_for(f);
        const std::string& bytes = f == pipeline::OutputFormat::Tei    ? rendered_.tei
                                   : f == pipeline::OutputFormat::Text ? rendered_.text
                                                                       : rendered_.json;
        core::write_file_atomically(out_dir_ / rel, bytes);
        r_.outputs.push_back(rel);
    }
    if (settings_.corpus)
        write_corpus_record();
    if (settings_.review)
        write_review_page();
}

// The page a reviewer reads the document on: the original beside what was kept.
void DocumentRun::write_review_page()
{
    review::ReviewInput in;
    in.id = job_.key; // unique in the batch: what review --mark finds it by
    in.source_name = job_.identifier.empty() || job_.identifier == job_.key
                         ? job_.input_path
                         : job_.input_path + " (" + job_.identifier + ")";
    in.doc = &*doc_;
    in.diagnostics = diags_.items();
    try {
        in.pages = converter_.render_previews(*input_, settings_.review_dpi);
    } catch (const core::ConversionError &e) { // the document is fine: its page shows no images
        diags_.warn(e.diagnostic().code, e.diagnostic().message);
        in.diagnostics = diags_.items();
    }
    const std::string rel = job_.output_stem + review_page_extension;
    core::write_file_atomically(out_dir_ / rel, review::build_review_page(in));
    r_.outputs.push_back(rel);
}

void DocumentRun::write_corpus_record()
{
    const std::string rel = corpus_record_path(job_.output_stem);
    fs::create_directories((out_dir_ / rel).parent_path());
    // Compressed here, in parallel, so that the corpus is a concatenation at the end.
    core::write_file_atomically(
        out_dir_ / rel,
        gzip_member(build_corpus_record(*doc_, job_).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) +
                    "\n"));
    r_.corpus_record = rel;
}

void DocumentRun::package()
{
    if (!settings_.package)
        return;
    timer_.enter("package");
    PackageRequest req{job_, *input_, &*doc_, &rendered_, diags_, nullptr, times_};
    r_.outputs.push_back(write_document_package(req, settings_));
}

state::DocumentRecord DocumentRun::succeeded()
{
    fill_warnings(diags_, r_);
    r_.status = r_.warning_count > 0 ? state::DocStatus::Warnings : state::DocStatus::Ok;
    return finish();
}

void DocumentRun::failed(std::string code, std::string reason, state::DocStatus status)
{
    r_.code = std::move(code);
    r_.reason = std::move(reason);
    r_.status = status;
    r_.stage = stage_for(r_.code, timer_.current());
}

// Nothing half-made stays behind.
void DocumentRun::remove_partial_outputs()
{
    remove_outputs(out_dir_, r_.outputs);
    r_.outputs.clear();
    if (!r_.corpus_record.empty()) {
        remove_outputs(out_dir_, {r_.corpus_record});
        r_.corpus_record.clear();
    }
    fill_warnings(diags_, r_);
}

// A failed document still gets its package: the original and why it failed.
void DocumentRun::package_failed_original()
{
    if (!settings_.package)
        return;
    if (!input_ && fs::is_regular_file(job_.input_path)) {
        // Never loaded (too large): the packager streams the original from its path anyway.
        std::ifstream head_in(job_.input_path, std::ios::binary);
        std::string head(4096, '\0');
        head_in.read(head.data(), static_cast<std::streamsize>(head.size()));
        head.resize(static_cast<std::size_t>(head_in.gcount()));
        input_.emplace();
        input_->display_name = job_.input_path;
        input_->path = job_.input_path;
        input_->type = core::sniff_media_type(head);
    }
    if (!input_)
        return;
    try {
        timer_.enter("package");
        if (times_.converted.empty())
            times_.converted = state::utc_now_iso(); // when it failed
        PackageRequest req{job_, *input_, doc_ ? &*doc_ : nullptr, nullptr, diags_, &r_, times_};
        r_.outputs.push_back(write_document_package(req, settings_));
    } catch (const std::exception& e) {
        r_.reason += "; the original could not be packaged either: " + std::string(e.what());
    }
}

state::DocumentRecord DocumentRun::finish()
{
    timer_.close();
    r_.seconds = timer_.total();
    r_.timings = timer_.json();
    r_.finished_at = state::utc_now_iso();
    return r_;
}

} // namespace

state::DocumentRecord convert_document(const pool::DocumentJob& job, pool::WorkerContext& ctx,
                                       const pipeline::DocumentConverter& converter, const DocumentSettings& settings)
{
    DocumentRun run(job, ctx, converter, settings);
    try {
        // 1. read and hash, then ask the parent whether this document needs converting
        if (!run.read_and_claim())
            return run.finish();
        // 2. convert, then let the catalogue override or complete the metadata
        run.convert();
        // 3. render every output; TEI is schema-validated here
        run.render();
        // 4. write outputs, each atomically
        run.write_outputs();
        // 5. package
        run.package();
        return run.succeeded();
    } catch (const core::ConversionError& e) {
        const core::Diagnostic& d = e.diagnostic();
        run.failed(d.code, d.message,
                   d.code == "input.unsupported-type" ? state::DocStatus::Unsupported : state::DocStatus::Failed);
    } catch (const std::bad_alloc&) {
        run.failed("batch.out-of-memory", "out of memory (worker memory limit)", state::DocStatus::Failed);
    } catch (const std::exception& e) {
        run.failed("batch.error", e.what(), state::DocStatus::Failed);
    }
    // 6. failure: nothing half-made stays behind, but the original still gets its package
    run.remove_partial_outputs();
    run.package_failed_original();
    return run.finish();
}

pool::DocumentFunctionFactory document_function_factory(DocumentSettings settings, ConverterSetFactory converters)
{
    return [settings, converters]() -> pool::DocumentFunction {
        using pipeline::DocumentConverter;
        auto converter = converters ? std::make_shared<const DocumentConverter>(settings.convert, converters())
                                    : std::make_shared<const DocumentConverter>(settings.convert);
        return [converter, settings](const pool::DocumentJob& job, pool::WorkerContext& ctx) {
            return convert_document(job, ctx, *converter, settings);
        };
    };
}

} // namespace colophon::batch
