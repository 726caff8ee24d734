#include "batch/batch_job.h"

#include "batch/batch_claims.h"
#include "batch/batch_queue.h"
#include "state/state_db.h"

#include <nlohmann/json.hpp>

#include <cerrno>
#include <chrono>
#include <csignal>
#include <cstring>
#include <fcntl.h>
#include <optional>
#include <sys/file.h>
#include <unistd.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <thread>
#include <unordered_map>

namespace colophon::batch {

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

double seconds_of(const timeval& tv)
{
    return static_cast<double>(tv.tv_sec) + static_cast<double>(tv.tv_usec) * 1e-6;
}

// User + system CPU of this process, and of its children that have been waited for.
double own_cpu_seconds()
{
    rusage ru{};
    ::getrusage(RUSAGE_SELF, &ru);
    return seconds_of(ru.ru_utime) + seconds_of(ru.ru_stime);
}

double children_cpu_seconds()
{
    rusage ru{};
    ::getrusage(RUSAGE_CHILDREN, &ru);
    return seconds_of(ru.ru_utime) + seconds_of(ru.ru_stime);
}

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
bool outputs_complete(const state::PriorState& prior, const std::string& output_stem, const BatchSettings& s)
{
    for (const std::string& o : prior.outputs) {
        if (!fs::exists(s.output_dir / o))
            return false;
    }
    if (!state::is_success(prior.status))
        return true;
    for (const pipeline::OutputFormat f : s.document.formats) {
        const std::string want = output_stem + pipeline::extension_for(f);
        if (std::find(prior.outputs.begin(), prior.outputs.end(), want) == prior.outputs.end())
            return false;
    }
    const bool has_review = std::find(prior.outputs.begin(), prior.outputs.end(),
                                      output_stem + review_page_extension) != prior.outputs.end();
    if (s.document.review && !has_review) // asked for now, not made by the earlier run
        return false;
    if (s.document.package &&
        prior.outputs.size() <= s.document.formats.size() + (has_review ? 1 : 0))
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

// Commits the records of finished documents in small groups: one durable commit per document
// was the largest share of the batch's own CPU time. A record is written only after the worker
// reported its outputs written and synced, so nothing unfinished is ever marked done; a hard kill
// loses at most the records of the last `max_age` (those documents are converted again on resume,
// their outputs replaced atomically).
class GroupCommit
{
public:
    GroupCommit(state::sql::Database& db, int max_documents, double max_age_seconds)
        : db_(db), max_documents_(std::max(1, max_documents)),
          max_age_(std::chrono::duration_cast<Clock::duration>(std::chrono::duration<double>(max_age_seconds)))
    {
    }
    void begin()
    {
        if (!tx_) {
            tx_.emplace(db_);
            opened_ = Clock::now();
        }
    }
    void written()
    {
        if (++documents_ >= max_documents_)
            commit();
    }
    void commit_if_due()
    {
        if (tx_ && Clock::now() - opened_ >= max_age_)
            commit();
    }
    void commit()
    {
        if (!tx_)
            return;
        tx_->commit();
        tx_.reset();
        documents_ = 0;
        ++commits_;
    }
    std::int64_t commits() const { return commits_; }

private:
    state::sql::Database& db_;
    int max_documents_;
    Clock::duration max_age_;
    std::optional<state::sql::Transaction> tx_;
    Clock::time_point opened_{};
    int documents_ = 0;
    std::int64_t commits_ = 0;
};

// One run of a batch, step by step; each step reads what the previous ones left in the members.
class BatchRun
{
public:
    BatchRun(BatchSettings& s, const pool::DocumentFunctionFactory& factory)
        : s_(s), factory_(factory), started_(Clock::now()), cpu_started_(own_cpu_seconds())
    {
    }

    void set_up();
    CatalogueRoot catalogue_root();
    void collect_inputs();
    void plan();
    void convert();
    BatchResult write_reports();

private:
    bool plan_one(const CatalogInput& in);
    pool::PoolOptions pool_options() const;
    void record_done(const pool::DocumentJob& job, state::DocumentRecord&& r, bool unchanged);
    nlohmann::json summary(const GroupCommit& group, double cpu_reported, double cpu_corpus);

    BatchSettings& s_;
    const pool::DocumentFunctionFactory& factory_;
    const Clock::time_point started_;
    const double cpu_started_;
    BatchResult result_;
    int jobs_ = 1;
    std::optional<FolderLock> lock_;
    std::optional<state::StateDb> db_;
    std::optional<RunScratch> scratch_;
    std::optional<InputCatalog> catalog_;
    std::optional<WorkQueue> queue_;
    std::int64_t run_id_ = 0;
    double parent_seconds_ = 0;
    double cpu_planned_ = 0;
    double cpu_converted_ = 0;
    std::optional<GroupCommit> group_;
    std::optional<Progress> progress_;
    // The input stamps of the jobs handed out and not yet done, for records of workers that died.
    std::unordered_map<std::string, FileStamp> in_flight_;
};

// 1. setup: everything that can make the whole batch impossible fails here (exit 2)
void BatchRun::set_up()
{
    if (s_.document.package && !packaging_available() && !factory_)
        throw std::runtime_error("--to package: this build of colophon has no archive module");
    fs::create_directories(s_.output_dir);
    s_.document.output_dir = s_.output_dir;
    s_.document.corpus = !s_.corpus.empty();
    fs::create_directories(s_.output_dir / ".colophon");
    lock_.emplace(s_.output_dir / ".colophon" / "lock");
    remove_stale_temporaries(s_.output_dir);
    jobs_ = s_.jobs > 0 ? s_.jobs : static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
    db_.emplace(s_.output_dir / state::state_file_name);
}

// The root a first run picks without --root: the current folder when every source lies below it,
// else the deepest folder holding every source's folder (a folder source's parent, so its own
// name stays in the document names; the manifest's folder).
fs::path default_root(const BatchSettings& s)
{
    std::error_code ec;
    const fs::path cwd = fs::weakly_canonical(fs::current_path(), ec);
    std::vector<fs::path> folders;
    bool lists = false;
    for (const std::string& src : s.sources) {
        if (src.starts_with("@"))
            lists = true; // entries are relative to the current folder, as the shell gave them
        else
            folders.push_back(fs::weakly_canonical(fs::absolute(src), ec).parent_path());
    }
    if (!s.manifest.empty())
        folders.push_back(fs::weakly_canonical(fs::absolute(s.manifest), ec).parent_path());
    const auto below = [](const fs::path& p, const fs::path& root) {
        const fs::path rel = p.lexically_relative(root);
        return !rel.empty() && *rel.begin() != "..";
    };
    if (std::all_of(folders.begin(), folders.end(), [&](const fs::path& f) { return below(f, cwd); }))
        return cwd;
    if (lists)
        folders.push_back(cwd);
    fs::path common = folders.front();
    for (const fs::path& f : folders)
        while (!below(f, common) && common.has_relative_path())
            common = common.parent_path();
    return common;
}

// Where document names are counted from: --root, else the root of this output folder's first
// run (recorded in the state database, so a later run from another folder or with other sources
// names every document as before), else default_root. And the names the batch's own files take
// in the output folder, which no document output may take.
CatalogueRoot BatchRun::catalogue_root()
{
    const std::optional<std::string> recorded = db_->setting("catalogue_root");
    fs::path root = !s_.root.empty() ? s_.root : recorded ? fs::path(*recorded) : default_root(s_);
    std::error_code ec;
    root = fs::weakly_canonical(fs::absolute(root), ec);
    if (!fs::is_directory(root, ec))
        throw std::runtime_error(root.string() + ": the catalogue root is not a folder");
    if (recorded && fs::path(*recorded) != root)
        throw std::runtime_error("the outputs in " + s_.output_dir.string() + " are named below the catalogue root " +
                                 *recorded + " (set by its first run); --root " + root.string() +
                                 " would rename them all: use another output folder");
    db_->set_setting("catalogue_root", root.string());

    std::vector<std::string> batch_files = {"report.json", "report.csv", "report.html"};
    for (const char* suffix : {"", "-wal", "-shm", "-journal"})
        batch_files.push_back(std::string(state::state_file_name) + suffix);
    if (!s_.corpus.empty()) {
        const fs::path out = fs::weakly_canonical(fs::absolute(s_.output_dir), ec);
        const fs::path corpus = fs::weakly_canonical(fs::absolute(s_.corpus), ec);
        const fs::path rel = corpus.lexically_relative(out);
        if (!rel.empty() && *rel.begin() != "..")
            batch_files.push_back(rel.begin()->string());
    }
    return {root, reserved_output_names(batch_files)};
}

// 2. inputs: streamed into a temporary table as they are found
void BatchRun::collect_inputs()
{
    scratch_.emplace(s_.output_dir / ".colophon" / "run.sqlite");
    catalog_.emplace(scratch_->database());
    catalog_->collect(s_.sources, s_.manifest, s_.output_dir, catalogue_root());
    db_->for_each_outputs([&](const std::string &key, const std::vector<std::string> &outputs) {
        catalog_->note_earlier_outputs(key, outputs);
    });
    catalog_->settle_names();
    run_id_ = db_->begin_run(s_.command_line,
                             std::to_string(s_.shard.index) + "/" + std::to_string(s_.shard.count), jobs_);
}

// Plans one input against earlier runs; true when it goes to the work queue.
bool BatchRun::plan_one(const CatalogInput& in)
{
    const FileStamp st = stamp(in.path);
    const state::PriorState p = db_->plan_document({in.key, in.path, in.identifier, in.catalogue, st.size, st.mtime_ns});
    QueuedDocument doc{pool::DocumentJob{in.key, in.path, in.output_stem, in.identifier, in.catalogue, {}}, st.size,
                       st.mtime_ns};
    if (state::is_finished(p.status)) {
        const bool same_stamp = p.size == st.size && p.mtime_ns == st.mtime_ns;
        const bool complete = outputs_complete(p, in.output_stem, s_);
        const bool failed = p.status == state::DocStatus::Failed || p.status == state::DocStatus::Unsupported;
        if (!(failed && s_.retry_failed)) {
            if (same_stamp && complete) {
                ++result_.skipped;
                return false;
            }
            if (complete && !failed) {
                // Changed on disk (or outputs missing): worth converting only if the bytes changed.
                doc.job.previous_sha256 = p.sha256;
            }
        }
    }
    queue_->push(doc);
    return true;
}

// 3. plan this shard against earlier runs, a chunk at a time: finished and unchanged documents
//    are skipped, the rest go to the work queue (on disk as well)
void BatchRun::plan()
{
    const auto planning_started = Clock::now();
    queue_.emplace(scratch_->database(), s_.chunk);
    std::optional<state::sql::Transaction> tx;
    std::optional<state::sql::Transaction> queue_tx;
    std::size_t in_tx = 0;
    catalog_->for_each(s_.chunk, [&](const CatalogInput& in) {
        if (!in_shard(in.key, s_.shard))
            return;
        if (!tx) {
            tx.emplace(db_->database());
            queue_tx.emplace(scratch_->database());
        }
        ++result_.planned;
        plan_one(in);
        if (++in_tx >= 4096) {
            queue_tx->commit();
            queue_tx.reset();
            tx->commit();
            tx.reset();
            in_tx = 0;
        }
    });
    if (tx) {
        queue_tx->commit();
        tx->commit();
    }
    result_.converted = queue_->pushed();
    parent_seconds_ = std::chrono::duration<double>(Clock::now() - planning_started).count();
    cpu_planned_ = own_cpu_seconds();
}

pool::PoolOptions BatchRun::pool_options() const
{
    pool::PoolOptions pool;
    pool.workers = static_cast<int>(std::min<std::int64_t>(jobs_, std::max<std::int64_t>(1, result_.converted)));
    pool.max_seconds = s_.document.convert.limits.max_seconds;
    pool.max_memory_bytes = s_.max_worker_memory;
    pool.recycle_after = s_.recycle_after;
    pool.max_queued = s_.max_queued_per_worker;
    pool.min_wake_seconds = s_.min_wake_seconds;
    pool.worker_log = (s_.output_dir / ".colophon" / "workers.log").string();
    return pool;
}

void BatchRun::record_done(const pool::DocumentJob& job, state::DocumentRecord&& r, bool unchanged)
{
    Stopwatch sw(parent_seconds_);
    r.key = job.key;
    r.input_path = job.input_path;
    if (r.identifier.empty())
        r.identifier = job.identifier;
    const auto planned_stamp = in_flight_.find(job.key);
    if (r.mtime_ns == 0 && r.size == 0 && planned_stamp != in_flight_.end()) {
        // The worker died before reporting the file's stamp: use the one seen when planning,
        // so an unchanged crashing document is not retried without --retry-failed.
        r.size = planned_stamp->second.size;
        r.mtime_ns = planned_stamp->second.mtime_ns;
    }
    if (planned_stamp != in_flight_.end())
        in_flight_.erase(planned_stamp);
    group_->begin();
    if (unchanged)
        r.status = db_->touch(job.key, r.size, r.mtime_ns);
    else
        db_->record(r);
    group_->written();
    progress_->document_done(r);
}

// 4. convert on the pool of workers; records are committed in groups as results arrive
void BatchRun::convert()
{
    progress_.emplace(result_.planned, result_.skipped, s_.progress);
    if (catalog_->hidden_skipped() > 0)
        progress_->note("colophon: skipped " + std::to_string(catalog_->hidden_skipped()) + " hidden files and folders");
    if (result_.skipped > 0)
        progress_->note("colophon: resuming: " + std::to_string(result_.skipped) + " documents already finished, " +
                        std::to_string(result_.converted) + " to do");

    const pool::JobSource source = [&]() -> std::optional<pool::DocumentJob> {
        std::optional<QueuedDocument> d = queue_->next();
        if (!d)
            return std::nullopt;
        in_flight_[d->job.key] = {d->size, d->mtime_ns};
        result_.max_jobs_in_flight = std::max(result_.max_jobs_in_flight, in_flight_.size());
        return std::move(d->job);
    };

    // Claims are answered in the workers: this run's in shared memory (room for every queued
    // key and its digest), earlier runs' from a snapshot of their successes.
    pool::ClaimTable claim_table(static_cast<std::size_t>(result_.converted),
                                 queue_->pushed_key_bytes() + static_cast<std::size_t>(result_.converted) * 64);
    const EarlierSuccesses earlier(*db_, s_.output_dir / ".colophon" / "earlier.sqlite");
    group_.emplace(db_->database(), s_.commit_documents, s_.commit_seconds);
    pool::PoolCallbacks cb;
    cb.claims = batch_claims(claim_table, earlier);
    cb.on_done = [&](const pool::DocumentJob& job, state::DocumentRecord&& r, bool unchanged) {
        record_done(job, std::move(r), unchanged);
    };
    cb.on_tick = [&] { // after every wake-up of the pool
        Stopwatch sw(parent_seconds_);
        group_->commit_if_due();
        progress_->tick();
    };
    cb.should_stop = [] { return stop_requested != 0; };
    {
        const StopOnSignal signals;
        const double children_before = children_cpu_seconds();
        const pool::PoolStats stats = pool::run_worker_pool(
            source, pool_options(), factory_ ? factory_ : document_function_factory(s_.document), cb);
        group_->commit();
        result_.worker_cpu_seconds = children_cpu_seconds() - children_before;
        result_.conversion_cpu_seconds = stats.document_cpu_seconds;
        result_.workers_started = stats.workers_started;
        result_.interrupted = stop_requested != 0;
    }
    progress_->finish();
    cpu_converted_ = own_cpu_seconds();
    result_.max_inputs_held = catalog_->max_rows_held();
    result_.max_jobs_queued = queue_->max_buffered();
}

nlohmann::json BatchRun::summary(const GroupCommit& group, double cpu_reported, double cpu_corpus)
{
    nlohmann::json summary = counts_json(result_.counts);
    summary["skipped"] = result_.skipped;
    summary["converted"] = result_.converted;
    summary["interrupted"] = result_.interrupted;
    summary["wall_seconds"] = std::chrono::duration<double>(Clock::now() - started_).count();
    summary["parent_seconds"] = parent_seconds_; // state, progress and reports so far
    result_.parent_cpu_seconds = own_cpu_seconds() - cpu_started_;
    summary["cpu"] = {{"parent_seconds", result_.parent_cpu_seconds},
                      {"workers_seconds", result_.worker_cpu_seconds},
                      {"conversion_seconds", result_.conversion_cpu_seconds},
                      {"overhead", result_.overhead()},
                      {"workers_started", result_.workers_started},
                      {"state_commits", group.commits()},
                      // the parent's share by phase
                      {"parent_setup_and_planning_seconds", cpu_planned_ - cpu_started_},
                      {"parent_during_conversion_seconds", cpu_converted_ - cpu_planned_},
                      {"parent_reports_seconds", cpu_reported - cpu_converted_},
                      {"parent_corpus_seconds", cpu_corpus - cpu_reported}};
    rusage self{};
    ::getrusage(RUSAGE_SELF, &self);
    rusage children{};
    ::getrusage(RUSAGE_CHILDREN, &children);
    result_.parent_max_rss_kib = self.ru_maxrss;
    summary["memory"] = {{"parent_max_rss_kib", self.ru_maxrss},
                         {"worker_max_rss_kib", children.ru_maxrss},
                         {"chunk", s_.chunk},
                         {"max_inputs_held", result_.max_inputs_held},
                         {"max_jobs_queued", result_.max_jobs_queued},
                         {"max_jobs_in_flight", result_.max_jobs_in_flight}};
    return summary;
}

// 5. reports and corpus, rebuilt from the database
BatchResult BatchRun::write_reports()
{
    {
        Stopwatch sw(parent_seconds_);
        result_.wall_seconds = std::chrono::duration<double>(Clock::now() - started_).count();
        batch::write_reports(*db_, s_.output_dir, {"colophon batch report", s_.command_line, result_.wall_seconds});
        const double cpu_reported = own_cpu_seconds();
        if (!s_.corpus.empty())
            result_.corpus = write_corpus(*db_, s_.output_dir, s_.corpus);
        const double cpu_corpus = own_cpu_seconds();
        result_.counts = count_documents(*db_);
        result_.exit_code = batch_exit_code(result_.counts);
        db_->finish_run(run_id_, summary(*group_, cpu_reported, cpu_corpus).dump());
    }
    result_.parent_seconds = parent_seconds_;
    result_.wall_seconds = std::chrono::duration<double>(Clock::now() - started_).count();
    return result_;
}

} // namespace

BatchJob::BatchJob(BatchSettings settings, pool::DocumentFunctionFactory factory)
    : settings_(std::move(settings)), factory_(std::move(factory))
{
}

BatchResult BatchJob::run()
{
    BatchRun run(settings_, factory_);
    run.set_up();
    run.collect_inputs();
    run.plan();
    run.convert();
    return run.write_reports();
}

} // namespace colophon::batch
