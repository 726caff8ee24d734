#include "pipeline/worker_pool.h"

#include "core/diagnostics.h"

#include <cerrno>
#include <algorithm>
#include <chrono>
#include <csignal>
#include <ctime>
#include <deque>
#include <cstring>
#include <fcntl.h>
#include <filesystem>
#include <memory>
#include <poll.h>
#include <stdexcept>
#include <sys/mman.h>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

namespace colophon::pipeline {

using nlohmann::json;
using Clock = std::chrono::steady_clock;

void to_json(json& j, const DocumentJob& d)
{
    j = json{{"key", d.key},
             {"input", d.input_path},
             {"output_stem", d.output_stem},
             {"identifier", d.identifier},
             {"catalogue", d.catalogue},
             {"previous_sha256", d.previous_sha256}};
}

void from_json(const json& j, DocumentJob& d)
{
    d.key = j.value("key", "");
    d.input_path = j.value("input", "");
    d.output_stem = j.value("output_stem", "");
    d.identifier = j.value("identifier", "");
    d.catalogue = j.value("catalogue", "");
    d.previous_sha256 = j.value("previous_sha256", "");
}

namespace {

class Fd
{
public:
    Fd() = default;
    explicit Fd(int fd) : fd_(fd) {}
    ~Fd() { reset(); }
    Fd(Fd&& o) noexcept : fd_(o.fd_) { o.fd_ = -1; }
    Fd& operator=(Fd&& o) noexcept
    {
        if (this != &o) {
            reset();
            fd_ = o.fd_;
            o.fd_ = -1;
        }
        return *this;
    }
    Fd(const Fd&) = delete;
    Fd& operator=(const Fd&) = delete;
    int get() const { return fd_; }
    void reset()
    {
        if (fd_ >= 0)
            ::close(fd_);
        fd_ = -1;
    }

private:
    int fd_ = -1;
};

// Frames are a 4-byte length (host order: both ends are this machine) and a JSON text.
void write_all(int fd, const char* data, std::size_t size)
{
    while (size > 0) {
        const ssize_t n = ::write(fd, data, size);
        if (n < 0) {
            if (errno == EINTR)
                continue;
            throw std::runtime_error(std::string("pipe write: ") + std::strerror(errno));
        }
        data += n;
        size -= static_cast<std::size_t>(n);
    }
}

void send_message(int fd, const json& msg)
{
    const std::string body = msg.dump(-1, ' ', false, json::error_handler_t::replace);
    const auto len = static_cast<std::uint32_t>(body.size());
    std::string frame(reinterpret_cast<const char*>(&len), sizeof len);
    frame += body;
    write_all(fd, frame.data(), frame.size());
}

// Blocking read of exactly `size` bytes; false on end of file before the first byte.
bool read_exact(int fd, char* data, std::size_t size)
{
    std::size_t got = 0;
    while (got < size) {
        const ssize_t n = ::read(fd, data + got, size - got);
        if (n == 0) {
            if (got == 0)
                return false;
            throw std::runtime_error("pipe closed mid-message");
        }
        if (n < 0) {
            if (errno == EINTR)
                continue;
            throw std::runtime_error(std::string("pipe read: ") + std::strerror(errno));
        }
        got += static_cast<std::size_t>(n);
    }
    return true;
}

std::optional<json> receive_message(int fd)
{
    std::uint32_t len = 0;
    if (!read_exact(fd, reinterpret_cast<char*>(&len), sizeof len))
        return std::nullopt;
    std::string body(len, '\0');
    if (!read_exact(fd, body.data(), len))
        throw std::runtime_error("pipe closed mid-message");
    return json::parse(body);
}

// Takes every complete frame out of `buffer`.
std::vector<json> take_messages(std::string& buffer)
{
    std::vector<json> out;
    std::size_t pos = 0;
    while (buffer.size() - pos >= sizeof(std::uint32_t)) {
        std::uint32_t len = 0;
        std::memcpy(&len, buffer.data() + pos, sizeof len);
        if (buffer.size() - pos - sizeof len < len)
            break;
        out.push_back(json::parse(buffer.substr(pos + sizeof len, len)));
        pos += sizeof len + len;
    }
    buffer.erase(0, pos);
    return out;
}

// The stage a worker is in, in memory shared with the parent. A pipe message per stage would
// cost a write, a wake-up of the parent and a JSON parse five times per document; the parent
// needs the stage only when a worker has died or was killed, and then reads it here.
struct StageSlot
{
    std::uint64_t job = 0;   // ordinal of the job (per worker process) the stage belongs to
    char stage[56] = "read"; // NUL-terminated
};

struct StageUnmap
{
    void operator()(StageSlot* p) const { ::munmap(p, sizeof(StageSlot)); }
};
using StageMapping = std::unique_ptr<StageSlot, StageUnmap>;

StageMapping map_stage_slot()
{
    void* p = ::mmap(nullptr, sizeof(StageSlot), PROT_READ | PROT_WRITE, MAP_SHARED | MAP_ANONYMOUS, -1, 0);
    if (p == MAP_FAILED)
        throw std::runtime_error(std::string("mmap: ") + std::strerror(errno));
    return StageMapping(std::construct_at(static_cast<StageSlot*>(p)));
}

// ---- worker side ----------------------------------------------------------------------------

class PipeContext final : public WorkerContext
{
public:
    PipeContext(int in, int out, StageSlot* slot) : in_(in), out_(out), slot_(slot) {}
    void stage(const std::string& name) override
    {
        stage_ = name;
        const std::size_t n = std::min(name.size(), sizeof slot_->stage - 1);
        std::memcpy(slot_->stage, name.data(), n);
        slot_->stage[n] = '\0';
    }
    // A new job: the stage is "read" until the document function names another.
    void begin_job()
    {
        stage("read");
        slot_->job = jobs_started_++;
    }
    ClaimReply claim(const std::string& sha256, std::int64_t size, const std::string& media_type,
                     bool convertible) override
    {
        send_message(out_, {{"type", "claim"},
                            {"sha256", sha256},
                            {"size", size},
                            {"media_type", media_type},
                            {"convertible", convertible}});
        // The next job may already be in the pipe ahead of the reply: keep it for later.
        std::optional<json> reply;
        for (;;) {
            reply = receive_message(in_);
            if (!reply)
                ::_exit(0); // the parent is gone
            if (reply->value("type", "") != "job")
                break;
            waiting_.push_back(std::move(*reply));
        }
        ClaimReply r;
        const std::string d = reply->value("decision", "convert");
        r.decision = d == "unchanged" ? ClaimDecision::Unchanged
                     : d == "duplicate" ? ClaimDecision::Duplicate
                                        : ClaimDecision::Convert;
        r.duplicate_of = reply->value("of", "");
        return r;
    }
    const std::string& current_stage() const { return stage_; }

    // The next job: one that arrived while waiting for a claim reply, else from the pipe.
    std::optional<json> next_job()
    {
        if (!waiting_.empty()) {
            json j = std::move(waiting_.front());
            waiting_.pop_front();
            return j;
        }
        return receive_message(in_);
    }

private:
    std::deque<json> waiting_;
    int in_;
    int out_;
    StageSlot* slot_;
    std::uint64_t jobs_started_ = 0;
    std::string stage_ = "read";
};

DocumentRecord failure_record(const DocumentJob& job, const std::string& stage, const std::string& code,
                              const std::string& reason)
{
    DocumentRecord r;
    r.key = job.key;
    r.input_path = job.input_path;
    r.identifier = job.identifier;
    r.status = DocStatus::Failed;
    r.stage = stage;
    r.code = code;
    r.reason = reason;
    return r;
}

// A forked worker inherits every descriptor of the batch (the state database, the folder lock,
// other workers' pipes); it needs only its two pipes and the standard streams.
void close_inherited_descriptors(int keep_a, int keep_b)
{
    std::vector<int> fds;
    std::error_code ec;
    for (const auto& e : std::filesystem::directory_iterator("/proc/self/fd", ec)) {
        const std::string name = e.path().filename().string();
        if (!name.empty() && name.find_first_not_of("0123456789") == std::string::npos)
            fds.push_back(std::stoi(name));
    }
    for (const int fd : fds) {
        if (fd > STDERR_FILENO && fd != keep_a && fd != keep_b)
            ::close(fd); // includes the directory stream's own descriptor, already closed: harmless
    }
}

// CPU time of this process (user + system): unlike wall time it does not count the waits for
// other processes on a loaded machine.
double process_cpu_seconds()
{
    timespec ts{};
    ::clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
    return static_cast<double>(ts.tv_sec) + static_cast<double>(ts.tv_nsec) * 1e-9;
}

[[noreturn]] void run_worker(int in, int out, StageSlot* slot, pid_t parent, const DocumentFunctionFactory& factory,
                             const PoolOptions& options)
{
    close_inherited_descriptors(in, out);
    // Die with the parent: a killed batch must not leave workers writing outputs behind it.
    ::prctl(PR_SET_PDEATHSIG, SIGKILL);
    if (::getppid() != parent)
        ::_exit(0);
    std::signal(SIGPIPE, SIG_DFL);
    // Ctrl-C or a scheduler's SIGTERM reach the whole process group: the parent stops handing out
    // jobs and lets the documents in flight finish (within their time limit), so an interrupted
    // batch records no false failures.
    std::signal(SIGINT, SIG_IGN);
    std::signal(SIGTERM, SIG_IGN);
#if defined(__SANITIZE_ADDRESS__)
    // AddressSanitizer reserves terabytes of address space: any limit would stop every worker.
    constexpr bool address_limit_works = false;
#else
    constexpr bool address_limit_works = true;
#endif
    if (address_limit_works && options.max_memory_bytes > 0) {
        const rlimit lim{options.max_memory_bytes, options.max_memory_bytes};
        ::setrlimit(RLIMIT_AS, &lim);
    }
    if (!options.worker_log.empty()) {
        const int log = ::open(options.worker_log.c_str(), O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0644);
        if (log >= 0) {
            ::dup2(log, STDERR_FILENO);
            ::close(log);
        }
    }
    int rc = 0;
    try {
        std::optional<DocumentFunction> fn;
        std::string setup_error;
        try {
            fn = factory();
        } catch (const std::exception& e) {
            setup_error = e.what();
        }
        PipeContext ctx(in, out, slot);
        while (const std::optional<json> msg = ctx.next_job()) {
            const DocumentJob job = msg->at("job").get<DocumentJob>();
            DocumentRecord record;
            const auto started = Clock::now();
            const double cpu_before = process_cpu_seconds();
            ctx.begin_job();
            if (!fn) {
                record = failure_record(job, "setup", "batch.setup-failed", setup_error);
            } else {
                try {
                    record = (*fn)(job, ctx);
                } catch (const core::ConversionError& e) {
                    record = failure_record(job, ctx.current_stage(), e.diagnostic().code, e.diagnostic().message);
                } catch (const std::bad_alloc&) {
                    record = failure_record(job, ctx.current_stage(), "batch.out-of-memory",
                                            "out of memory (worker memory limit)");
                } catch (const std::exception& e) {
                    record = failure_record(job, ctx.current_stage(), "batch.error", e.what());
                }
            }
            if (record.seconds == 0)
                record.seconds = std::chrono::duration<double>(Clock::now() - started).count();
            const double cpu = process_cpu_seconds() - cpu_before;
            send_message(out, {{"type", "result"}, {"record", record}, {"cpu", cpu}});
        }
    } catch (...) {
        rc = 1;
    }
    ::_exit(rc);
}

// ---- parent side ----------------------------------------------------------------------------

struct Worker
{
    pid_t pid = -1;
    Fd to;   // jobs and claim replies
    Fd from; // claims, results
    StageMapping slot;
    std::string inbox;
    // Jobs sent to this worker: the front one runs, the next waits in the pipe so the worker
    // never idles while the parent records a result.
    std::deque<DocumentJob> queue;
    bool unchanged = false;
    Clock::time_point deadline{};
    int finished = 0;
};

std::string describe_exit(int status)
{
    if (WIFSIGNALED(status)) {
        const int sig = WTERMSIG(status);
        const char* name = ::strsignal(sig);
        return "crashed (signal " + std::to_string(sig) + (name ? std::string(": ") + name : std::string()) + ")";
    }
    if (WIFEXITED(status))
        return "worker exited with status " + std::to_string(WEXITSTATUS(status)) + " without a result";
    return "worker ended without a result";
}

class Pool
{
public:
    Pool(const JobSource& jobs, const PoolOptions& options, const DocumentFunctionFactory& factory,
         const PoolCallbacks& callbacks)
        : source_(jobs), options_(options), factory_(factory), cb_(callbacks), workers_(static_cast<std::size_t>(std::max(1, options.workers)))
    {
    }

    ~Pool()
    {
        for (Worker& w : workers_)
            stop(w, !w.queue.empty()); // a busy worker here means an error unwound the pool
    }

    const PoolStats& stats() const { return stats_; }

    void run()
    {
        for (;;) {
            const bool stopping = cb_.should_stop && cb_.should_stop();
            for (Worker& w : workers_) {
                while (!stopping && has_pending() && w.queue.size() < queue_depth &&
                       (w.queue.empty() || w.finished + static_cast<int>(w.queue.size()) < options_.recycle_after))
                    assign(w);
            }
            bool busy = false;
            for (const Worker& w : workers_)
                busy = busy || !w.queue.empty();
            if (!busy)
                return;
            wait_once();
            if (cb_.on_tick)
                cb_.on_tick();
        }
    }

private:
    void spawn(Worker& w)
    {
        int job_pipe[2];
        int result_pipe[2];
        if (::pipe2(job_pipe, O_CLOEXEC) != 0)
            throw std::runtime_error(std::string("pipe: ") + std::strerror(errno));
        Fd job_read(job_pipe[0]), job_write(job_pipe[1]);
        if (::pipe2(result_pipe, O_CLOEXEC) != 0)
            throw std::runtime_error(std::string("pipe: ") + std::strerror(errno));
        Fd result_read(result_pipe[0]), result_write(result_pipe[1]);
        StageMapping slot = map_stage_slot();
        const pid_t parent = ::getpid();
        const pid_t pid = ::fork();
        if (pid < 0)
            throw std::runtime_error(std::string("fork: ") + std::strerror(errno));
        if (pid == 0) {
            // Other workers' pipe ends must not stay open here, or their end of file never comes.
            for (Worker& other : workers_) {
                other.to.reset();
                other.from.reset();
            }
            job_write.reset();
            result_read.reset();
            run_worker(job_read.get(), result_write.get(), slot.get(), parent, factory_, options_);
        }
        w = Worker{};
        w.pid = pid;
        ++stats_.workers_started;
        w.to = std::move(job_write);
        w.from = std::move(result_read);
        w.slot = std::move(slot);
    }

    static constexpr std::size_t queue_depth = 2;

    // Asks the source only when a worker has room: at most one job waits here.
    bool has_pending()
    {
        if (!requeued_.empty() || lookahead_)
            return true;
        if (!exhausted_) {
            lookahead_ = source_();
            exhausted_ = !lookahead_;
        }
        return lookahead_.has_value();
    }

    DocumentJob take_pending()
    {
        DocumentJob j;
        if (!requeued_.empty()) {
            j = std::move(requeued_.front());
            requeued_.pop_front();
        } else {
            j = std::move(*lookahead_);
            lookahead_.reset();
        }
        return j;
    }

    // The front job starts its clock when it becomes the front.
    void start_front(Worker& w)
    {
        w.unchanged = false;
        w.deadline = options_.max_seconds > 0
                         ? Clock::now() + std::chrono::duration_cast<Clock::duration>(
                                              std::chrono::duration<double>(options_.max_seconds))
                         : Clock::time_point::max();
    }

    void assign(Worker& w)
    {
        if (w.queue.empty() && (w.pid < 0 || w.finished >= options_.recycle_after)) {
            stop(w, false);
            spawn(w);
        }
        w.queue.push_back(take_pending());
        if (w.queue.size() == 1)
            start_front(w);
        try {
            send_message(w.to.get(), {{"type", "job"}, {"job", w.queue.back()}});
        } catch (const std::exception&) {
            // The worker died (EPIPE). Its end of file, read next, says how; the front job is
            // charged with that and the rest go back to the pending list.
        }
    }

    // Ends a worker: closing its job pipe lets an idle one exit; `kill` is for a stuck one.
    int stop(Worker& w, bool kill)
    {
        int status = 0;
        if (w.pid < 0)
            return status;
        w.to.reset();
        if (kill)
            ::kill(w.pid, SIGKILL);
        while (::waitpid(w.pid, &status, 0) < 0 && errno == EINTR) {
        }
        w.from.reset();
        w.pid = -1;
        return status;
    }

    void finish(Worker& w, DocumentRecord&& record)
    {
        const DocumentJob job = std::move(w.queue.front());
        const bool unchanged = w.unchanged;
        w.queue.pop_front();
        ++w.finished;
        ++stats_.documents;
        if (!w.queue.empty())
            start_front(w);
        cb_.on_done(job, std::move(record), unchanged);
    }

    // The worker is gone (or is killed here): its front job failed with `reason`; the jobs
    // waiting behind it never started and go back to the pending list.
    void fail_front(Worker& w, const std::string& reason, const std::string& code)
    {
        if (w.queue.empty())
            return;
        for (std::size_t i = w.queue.size(); i-- > 1;)
            requeued_.push_front(std::move(w.queue[i]));
        w.queue.resize(1);
        // Read once the worker is gone: it no longer writes the slot. A slot still naming an
        // earlier job means the front job had not started.
        const std::string stage = w.slot && w.slot->job == static_cast<std::uint64_t>(w.finished)
                                      ? std::string(w.slot->stage, ::strnlen(w.slot->stage, sizeof w.slot->stage))
                                      : std::string("read");
        DocumentRecord failed = failure_record(w.queue.front(), stage, code, reason + " during " + stage);
        finish(w, std::move(failed));
        w.finished = 0;
    }

    void lost(Worker& w, const std::string& reason, const std::string& code = "batch.crashed")
    {
        stop(w, true);
        fail_front(w, reason, code);
    }

    void handle(Worker& w, const json& msg)
    {
        const std::string type = msg.value("type", "");
        if (type == "claim" && !w.queue.empty()) {
            const DocumentJob& job = w.queue.front();
            ClaimReply reply;
            if (cb_.on_claim)
                reply = cb_.on_claim(job, msg.value("sha256", ""), msg.value("size", std::int64_t{0}),
                                     msg.value("media_type", ""), msg.value("convertible", true));
            w.unchanged = reply.decision == ClaimDecision::Unchanged;
            const char* d = reply.decision == ClaimDecision::Unchanged   ? "unchanged"
                            : reply.decision == ClaimDecision::Duplicate ? "duplicate"
                                                                         : "convert";
            send_message(w.to.get(), {{"type", "claim-reply"}, {"decision", d}, {"of", reply.duplicate_of}});
        } else if (type == "result" && !w.queue.empty()) {
            DocumentRecord record = msg.at("record").get<DocumentRecord>();
            stats_.document_cpu_seconds += msg.value("cpu", 0.0);
            finish(w, std::move(record));
        }
    }

    void wait_once()
    {
        std::vector<pollfd> fds;
        std::vector<Worker*> owners;
        auto wake = Clock::now() + std::chrono::duration_cast<Clock::duration>(
                                       std::chrono::duration<double>(options_.tick_seconds));
        for (Worker& w : workers_) {
            if (w.pid < 0)
                continue;
            fds.push_back({w.from.get(), POLLIN, 0});
            owners.push_back(&w);
            if (!w.queue.empty() && w.deadline < wake)
                wake = w.deadline;
        }
        const auto wait_ms = std::chrono::duration_cast<std::chrono::milliseconds>(wake - Clock::now()).count();
        const int n = ::poll(fds.data(), fds.size(), static_cast<int>(std::max<long long>(0, wait_ms)));
        if (n < 0 && errno != EINTR)
            throw std::runtime_error(std::string("poll: ") + std::strerror(errno));
        for (std::size_t i = 0; n > 0 && i < fds.size(); ++i) {
            if (fds[i].revents == 0)
                continue;
            Worker& w = *owners[i];
            char buf[65536];
            const ssize_t got = ::read(w.from.get(), buf, sizeof buf);
            if (got > 0) {
                w.inbox.append(buf, static_cast<std::size_t>(got));
                try {
                    for (const json& msg : take_messages(w.inbox))
                        handle(w, msg);
                } catch (const std::exception& e) {
                    lost(w, std::string("unreadable worker message (") + e.what() + ")", "batch.protocol");
                }
                continue;
            }
            if (got < 0 && errno == EINTR)
                continue;
            // End of file: the worker is gone. Anything it finished was handled above.
            const int status = stop(w, false);
            fail_front(w, describe_exit(status), WIFSIGNALED(status) ? "batch.crashed" : "batch.worker-exit");
        }
        const auto now = Clock::now();
        for (Worker& w : workers_) {
            if (!w.queue.empty() && w.pid >= 0 && now >= w.deadline) {
                std::ostringstream reason;
                reason << "timeout: no result after " << options_.max_seconds << " s (see --max-seconds)";
                lost(w, reason.str(), "batch.timeout");
            }
        }
    }

    const JobSource& source_;
    const PoolOptions& options_;
    const DocumentFunctionFactory& factory_;
    const PoolCallbacks& cb_;
    std::vector<Worker> workers_;
    std::optional<DocumentJob> lookahead_;
    bool exhausted_ = false;
    std::deque<DocumentJob> requeued_; // sent to a worker that died before starting them
    PoolStats stats_;
};

} // namespace

PoolStats run_worker_pool(const JobSource& jobs, const PoolOptions& options, const DocumentFunctionFactory& factory,
                          const PoolCallbacks& callbacks)
{
    // A worker that dies makes writes to its pipe fail with EPIPE instead of killing the batch.
    struct sigaction ignore{};
    ignore.sa_handler = SIG_IGN;
    struct sigaction previous{};
    ::sigaction(SIGPIPE, &ignore, &previous);
    PoolStats stats;
    try {
        Pool pool(jobs, options, factory, callbacks);
        pool.run();
        stats = pool.stats();
    } catch (...) {
        ::sigaction(SIGPIPE, &previous, nullptr);
        throw;
    }
    ::sigaction(SIGPIPE, &previous, nullptr);
    return stats;
}

PoolStats run_worker_pool(const std::vector<DocumentJob>& jobs, const PoolOptions& options,
                          const DocumentFunctionFactory& factory, const PoolCallbacks& callbacks)
{
    std::size_t next = 0;
    const JobSource source = [&]() -> std::optional<DocumentJob> {
        if (next >= jobs.size())
            return std::nullopt;
        return jobs[next++];
    };
    return run_worker_pool(source, options, factory, callbacks);
}

} // namespace colophon::pipeline
