#include "batch/batch_document.h"

#include "core/atomic_file.h"
#include "batch/atomic_output.h"
#include "batch/batch_package.h"
#include "batch/content_hash.h"
#include "batch/manifest.h"
#include "tei/json_writer.h"
#include "tei/text_writer.h"

#include <nlohmann/json.hpp>

#include <chrono>
#include <fstream>
#include <sys/stat.h>

namespace colophon::batch {

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

void add_metadata_warnings(const core::Document& doc, core::Diagnostics& diags)
{
    if (doc.meta.title.empty())
        diags.warn("batch.no-title", "no title found");
    if (doc.meta.authors.empty())
        diags.warn("batch.no-author", "no author found");
    if (doc.meta.date.iso.empty())
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

state::DocumentRecord convert_document(const pool::DocumentJob& job, pool::WorkerContext& ctx,
                                       const pipeline::DocumentConverter& converter, const DocumentSettings& settings)
{
    state::DocumentRecord r;
    r.key = job.key;
    r.input_path = job.input_path;
    r.identifier = job.identifier;
    StageTimer timer(ctx);
    core::Diagnostics diags(job.input_path);
    std::optional<core::Input> input;
    std::optional<core::Document> doc;
    pipeline::Rendered rendered;
    const fs::path out_dir = settings.output_dir;
    const fs::path stem_path = out_dir / job.output_stem;

    auto finish = [&] {
        timer.close();
        r.seconds = timer.total();
        r.timings = timer.json();
        r.finished_at = state::utc_now_iso();
        return r;
    };

    try {
        // 1. read and hash, then ask the parent whether this document needs converting
        timer.enter("read");
        struct stat st{};
        if (::stat(job.input_path.c_str(), &st) == 0) {
            r.size = static_cast<std::int64_t>(st.st_size);
            r.mtime_ns = static_cast<std::int64_t>(st.st_mtim.tv_sec) * 1'000'000'000 + st.st_mtim.tv_nsec;
        }
        try {
            input = core::read_input(job.input_path, settings.convert.limits.max_input_bytes);
        } catch (const core::ConversionError& e) {
            // Too large to load, but its checksum still identifies it in the report.
            if (e.diagnostic().code == "input.too-large")
                r.sha256 = sha256_file_hex(job.input_path);
            throw;
        }
        r.sha256 = sha256_hex(input->bytes);
        r.media_type = std::string(core::media_type_name(input->type));
        const bool convertible = !input->bytes.empty() && converter.accepts(*input);
        const pool::ClaimReply claim = ctx.claim(r.sha256, r.size, r.media_type, convertible);
        if (claim.decision == pool::ClaimDecision::Unchanged)
            return finish();
        if (claim.decision == pool::ClaimDecision::Duplicate) {
            r.status = state::DocStatus::Duplicate;
            r.duplicate_of = claim.duplicate_of;
            r.reason = "same content as " + claim.duplicate_of;
            return finish();
        }

        // 2. convert, then let the catalogue override or complete the metadata
        timer.enter("convert");
        doc = converter.convert(*input, diags);
        if (!job.catalogue.empty())
            apply_catalogue(catalogue_from_json(nlohmann::json::parse(job.catalogue)), *doc);
        add_metadata_warnings(*doc, diags);
        fill_from_document(*doc, r);

        // 3. render every output; TEI is schema-validated here
        timer.enter("render");
        rendered = pipeline::DocumentConverter::render_all(*doc, diags);

        // 4. write outputs, each atomically
        timer.enter("write");
        fs::create_directories(stem_path.parent_path());
        for (const pipeline::OutputFormat f : settings.formats) {
            const std::string rel = job.output_stem + pipeline::extension_for(f);
            const std::string& bytes = f == pipeline::OutputFormat::Tei ? rendered.tei
                                       : f == pipeline::OutputFormat::Text ? rendered.text
                                                                 : rendered.json;
            core::write_file_atomically(out_dir / rel, bytes);
            r.outputs.push_back(rel);
        }
        if (settings.corpus) {
            const std::string rel = corpus_record_path(job.output_stem);
            fs::create_directories((out_dir / rel).parent_path());
            // Compressed here, in parallel, so that the corpus is a concatenation at the end.
            core::write_file_atomically(
                out_dir / rel,
                gzip_member(build_corpus_record(*doc, job).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) +
                            "\n"));
            r.corpus_record = rel;
        }

        // 5. package
        if (settings.package) {
            timer.enter("package");
            PackageRequest req{job, *input, &*doc, &rendered, diags, nullptr};
            r.outputs.push_back(write_document_package(req, settings));
        }
        fill_warnings(diags, r);
        r.status = r.warning_count > 0 ? state::DocStatus::Warnings : state::DocStatus::Ok;
        return finish();
    } catch (const core::ConversionError& e) {
        const core::Diagnostic& d = e.diagnostic();
        r.code = d.code;
        r.reason = d.message;
        r.status = d.code == "input.unsupported-type" ? state::DocStatus::Unsupported : state::DocStatus::Failed;
    } catch (const std::bad_alloc&) {
        r.code = "batch.out-of-memory";
        r.reason = "out of memory (worker memory limit)";
        r.status = state::DocStatus::Failed;
    } catch (const std::exception& e) {
        r.code = "batch.error";
        r.reason = e.what();
        r.status = state::DocStatus::Failed;
    }

    // Failure: nothing half-made stays behind, but the original still gets its package.
    r.stage = stage_for(r.code, timer.current());
    remove_outputs(out_dir, r.outputs);
    r.outputs.clear();
    if (!r.corpus_record.empty()) {
        remove_outputs(out_dir, {r.corpus_record});
        r.corpus_record.clear();
    }
    fill_warnings(diags, r);
    if (settings.package && !input && fs::is_regular_file(job.input_path)) {
        // Never loaded (too large): the packager streams the original from its path anyway.
        std::ifstream head_in(job.input_path, std::ios::binary);
        std::string head(4096, '\0');
        head_in.read(head.data(), static_cast<std::streamsize>(head.size()));
        head.resize(static_cast<std::size_t>(head_in.gcount()));
        input.emplace();
        input->display_name = job.input_path;
        input->path = job.input_path;
        input->type = core::sniff_media_type(head);
    }
    if (settings.package && input) {
        try {
            timer.enter("package");
            PackageRequest req{job, *input, doc ? &*doc : nullptr, nullptr, diags, &r};
            r.outputs.push_back(write_document_package(req, settings));
        } catch (const std::exception& e) {
            r.reason += "; the original could not be packaged either: " + std::string(e.what());
        }
    }
    return finish();
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
