#include "pipeline/batch_job.h"

#include "pipeline/state_db.h"

#include <nlohmann/json.hpp>

#include <cerrno>
#include <chrono>
#include <csignal>
#include <cstring>
#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>
#include <set>
#include <sys/stat.h>
#include <thread>
#include <unordered_map>

namespace colophon::pipeline {

namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;

namespace {

volatile std::sig_atomic_t stop_requested = 0;

extern "C" void request_stop(int sig)
{
    stop_requested = 1;
    std::signal(sig, SIG_DFL); // a second Ctrl-C ends the batch at once
}

// Restores the previous handlers when the batch ends.
class StopOnSignal
{
public:
    StopOnSignal()
    {
        stop_requested = 0;
        struct sigaction sa{};
        sa.sa_handler = request_stop;
        ::sigaction(SIGINT, &sa, &old_int_);
        ::sigaction(SIGTERM, &sa, &old_term_);
    }
    ~StopOnSignal()
    {
        ::sigaction(SIGINT, &old_int_, nullptr);
        ::sigaction(SIGTERM, &old_term_, nullptr);
    }
    StopOnSignal(const StopOnSignal&) = delete;
    StopOnSignal& operator=(const StopOnSignal&) = delete;

private:
    struct sigaction old_int_{};
    struct sigaction old_term_{};
};

// Adds the time spent in a scope to a counter: the parent's own cost per document.
class Stopwatch
{
public:
    explicit Stopwatch(double& total) : total_(total), start_(Clock::now()) {}
    ~Stopwatch() { total_ += std::chrono::duration<double>(Clock::now() - start_).count(); }
    Stopwatch(const Stopwatch&) = delete;
    Stopwatch& operator=(const Stopwatch&) = delete;

private:
    double& total_;
    Clock::time_point start_;
};

struct FileStamp
{
    std::int64_t size = -1;
    std::int64_t mtime_ns = -1;
};

FileStamp stamp(const fs::path& p)
{
    struct stat st{};
    if (::stat(p.c_str(), &st) != 0)
        return {};
    return {static_cast<std::int64_t>(st.st_size),
            static_cast<std::int64_t>(st.st_mtim.tv_sec) * 1'000'000'000 + st.st_mtim.tv_nsec};
}

// A finished document is kept only if everything this run asks for is on disk.
bool outputs_complete(const PriorState& prior, const BatchInput& in, const BatchSettings& s)
{
    for (const std::string& o : prior.outputs) {
        if (!fs::exists(s.output_dir / o))
            return false;
    }
    if (!is_success(prior.status))
        return true;
    for (const OutputFormat f : s.document.formats) {
        const std::string want = in.output_stem + extension_for(f);
        if (std::find(prior.outputs.begin(), prior.outputs.end(), want) == prior.outputs.end())
            return false;
    }
    if (s.document.package && prior.outputs.size() <= s.document.formats.size())
        return false;
    if (s.document.corpus && (prior.corpus_record.empty() || !fs::exists(s.output_dir / prior.corpus_record)))
        return false;
    return true;
}

// One batch at a time per output folder: a second one would write the same outputs. flock is
// released by the kernel when the holder dies, so a killed batch never leaves a stale lock.
class FolderLock
{
public:
    explicit FolderLock(const fs::path& file)
        : fd_(::open(file.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0644))
    {
        if (fd_ < 0)
            throw std::runtime_error(file.string() + ": cannot create lock file: " + std::strerror(errno));
        if (::flock(fd_, LOCK_EX | LOCK_NB) != 0) {
            ::close(fd_);
            throw std::runtime_error("another colophon batch is running in " + file.parent_path().parent_path().string());
        }
    }
    ~FolderLock() { ::close(fd_); }
    FolderLock(const FolderLock&) = delete;
    FolderLock& operator=(const FolderLock&) = delete;

private:
    int fd_;
};

// Temporary files of outputs whose writer was killed mid-write (".name.tmp-XXXXXX"); safe to
// delete while holding the folder lock.
void remove_stale_temporaries(const fs::path& dir)
{
    std::error_code ec;
    std::vector<fs::path> stale;
    for (fs::recursive_directory_iterator it(dir, fs::directory_options::skip_permission_denied, ec), end;
         !ec && it != end; it.increment(ec)) {
        const std::string name = it->path().filename().string();
        const auto pos = name.rfind(".tmp-");
        if (name.starts_with(".") && pos != std::string::npos && name.size() - pos == 11 && it->is_regular_file(ec))
            stale.push_back(it->path());
    }
    for (const fs::path& p : stale)
        fs::remove(p, ec);
}

} // namespace

BatchJob::BatchJob(BatchSettings settings, DocumentFunctionFactory factory)
    : settings_(std::move(settings)), factory_(std::move(factory))
{
}

BatchResult BatchJob::run()
{
    const auto started = Clock::now();
    BatchResult result;
    BatchSettings& s = settings_;

    // 1. setup: everything that can make the whole batch impossible fails here (exit 2)
    if (s.document.package && !packaging_available() && !factory_)
        throw std::runtime_error("--to package: this build of colophon has no archive module");
    fs::create_directories(s.output_dir);
    s.document.output_dir = s.output_dir;
    s.document.corpus = !s.corpus.empty();
    fs::create_directories(s.output_dir / ".colophon");
    const FolderLock lock(s.output_dir / ".colophon" / "lock");
    remove_stale_temporaries(s.output_dir);
    const int jobs = s.jobs > 0 ? s.jobs : static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
    StateDb db(s.output_dir / state_file_name);

    // 2. inputs of this run (this shard)
    const auto planning_started = Clock::now();
    InputSet found = collect_inputs(s.sources, s.manifest, s.output_dir);
    const std::size_t hidden_skipped = found.hidden_skipped;
    std::vector<BatchInput> inputs;
    for (BatchInput& in : found.inputs) {
        if (in_shard(in.key, s.shard))
            inputs.push_back(std::move(in));
    }
    found = {}; // planning holds several lists per input: release what is done with
    result.planned = static_cast<std::int64_t>(inputs.size());
    const std::int64_t run_id = db.begin_run(
        s.command_line, std::to_string(s.shard.index) + "/" + std::to_string(s.shard.count), jobs);

    // 3. plan against earlier runs: finished and unchanged documents are skipped
    std::vector<PlannedDocument> planned;
    planned.reserve(inputs.size());
    for (const BatchInput& in : inputs) {
        const FileStamp st = stamp(in.path);
        planned.push_back({in.key, in.path.string(), in.identifier,
                           in.record ? catalogue_to_json(*in.record).dump() : std::string(), st.size, st.mtime_ns});
    }
    const std::map<std::string, PriorState> prior = db.plan(planned);
    std::vector<DocumentJob> work;
    std::unordered_map<std::string, FileStamp> stamps; // for records of workers that died
    for (std::size_t i = 0; i < inputs.size(); ++i) {
        const BatchInput& in = inputs[i];
        const PriorState& p = prior.at(in.key);
        DocumentJob job{in.key, planned[i].input_path, in.output_stem, in.identifier, planned[i].catalogue, {}};
        stamps[in.key] = {planned[i].size, planned[i].mtime_ns};
        if (is_finished(p.status)) {
            const bool same_stamp = p.size == planned[i].size && p.mtime_ns == planned[i].mtime_ns;
            const bool complete = outputs_complete(p, in, s);
            const bool failed = p.status == DocStatus::Failed || p.status == DocStatus::Unsupported;
            if (failed && s.retry_failed) {
                work.push_back(std::move(job));
                continue;
            }
            if (same_stamp && complete) {
                ++result.skipped;
                continue;
            }
            // Changed on disk (or outputs missing): worth converting only if the bytes changed.
            if (complete && !failed)
                job.previous_sha256 = p.sha256;
        }
        work.push_back(std::move(job));
    }
    result.converted = static_cast<std::int64_t>(work.size());
    double parent_seconds = std::chrono::duration<double>(Clock::now() - planning_started).count();

    // 4. convert
    std::vector<PlannedDocument>().swap(planned); // the jobs hold what conversion needs
    std::vector<BatchInput>().swap(inputs);
    Progress progress(result.planned, result.skipped, s.progress);
    if (hidden_skipped > 0)
        progress.note("colophon: skipped " + std::to_string(hidden_skipped) + " hidden files and folders");
    if (result.skipped > 0)
        progress.note("colophon: resuming: " + std::to_string(result.skipped) + " documents already finished, " +
                      std::to_string(work.size()) + " to do");

    std::unordered_map<std::string, std::string> claimed; // sha256 -> key converted in this run
    PoolOptions pool;
    pool.workers = std::min<int>(jobs, std::max<int>(1, static_cast<int>(work.size())));
    pool.max_seconds = s.document.convert.limits.max_seconds;
    pool.max_memory_bytes = s.max_worker_memory;
    pool.recycle_after = s.recycle_after;
    pool.worker_log = (s.output_dir / ".colophon" / "workers.log").string();

    PoolCallbacks cb;
    cb.on_claim = [&](const DocumentJob& job, const std::string& sha, std::int64_t, const std::string&,
                      bool convertible) {
        Stopwatch sw(parent_seconds);
        if (!job.previous_sha256.empty() && job.previous_sha256 == sha)
            return ClaimReply{ClaimDecision::Unchanged, {}};
        if (!convertible)
            return ClaimReply{ClaimDecision::Convert, {}}; // it fails on its own; no duplicate of anything
        if (const auto it = claimed.find(sha); it != claimed.end() && it->second != job.key)
            return ClaimReply{ClaimDecision::Duplicate, it->second};
        if (const auto earlier = db.find_success_by_hash(sha, job.key))
            return ClaimReply{ClaimDecision::Duplicate, *earlier};
        claimed.emplace(sha, job.key);
        return ClaimReply{ClaimDecision::Convert, {}};
    };
    cb.on_done = [&](const DocumentJob& job, DocumentRecord&& r, bool unchanged) {
        Stopwatch sw(parent_seconds);
        r.key = job.key;
        r.input_path = job.input_path;
        if (r.identifier.empty())
            r.identifier = job.identifier;
        if (r.mtime_ns == 0 && r.size == 0) {
            // The worker died before reporting the file's stamp: use the one seen when planning,
            // so an unchanged crashing document is not retried without --retry-failed.
            const FileStamp& st = stamps[job.key];
            r.size = st.size;
            r.mtime_ns = st.mtime_ns;
        }
        if (unchanged) {
            db.touch(job.key, r.size, r.mtime_ns);
            r.status = prior.at(job.key).status;
        } else {
            db.record(r);
        }
        progress.document_done(r);
    };
    cb.on_tick = [&] {
        Stopwatch sw(parent_seconds);
        progress.tick();
    };
    cb.should_stop = [] { return stop_requested != 0; };
    {
        const StopOnSignal signals;
        run_worker_pool(work, pool, factory_ ? factory_ : document_function_factory(s.document), cb);
        result.interrupted = stop_requested != 0;
    }
    progress.finish();

    // 5. reports and corpus, rebuilt from the database
    {
        Stopwatch sw(parent_seconds);
        result.wall_seconds = std::chrono::duration<double>(Clock::now() - started).count();
        write_reports(db, s.output_dir, {"colophon batch report", s.command_line, result.wall_seconds});
        if (!s.corpus.empty())
            result.corpus = write_corpus(db, s.output_dir, s.corpus);
        result.counts = count_documents(db);
        result.exit_code = batch_exit_code(result.counts);
        nlohmann::json summary = counts_json(result.counts);
        summary["skipped"] = result.skipped;
        summary["converted"] = result.converted;
        summary["interrupted"] = result.interrupted;
        summary["wall_seconds"] = std::chrono::duration<double>(Clock::now() - started).count();
        summary["parent_seconds"] = parent_seconds; // state, progress and reports so far
        db.finish_run(run_id, summary.dump());
    }
    result.parent_seconds = parent_seconds;
    result.wall_seconds = std::chrono::duration<double>(Clock::now() - started).count();
    return result;
}

} // namespace colophon::pipeline
