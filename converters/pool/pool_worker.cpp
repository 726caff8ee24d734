#include "pool/pool_worker.h"

#include "core/fd_write.h"
#include "core/diagnostics.h"
#include "pool/pool_messages.h"

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <csignal>
#include <cstring>
#include <ctime>
#include <deque>
#include <fcntl.h>
#include <filesystem>
#include <optional>
#include <stdexcept>
#include <sys/mman.h>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <unistd.h>

namespace colophon::pool::pool {

using Clock = std::chrono::steady_clock;

void StageUnmap::operator()(StageSlot* p) const
{
    ::munmap(p, sizeof(StageSlot));
}

StageMapping map_stage_slot()
{
    void* p = ::mmap(nullptr, sizeof(StageSlot), PROT_READ | PROT_WRITE, MAP_SHARED | MAP_ANONYMOUS, -1, 0);
    if (p == MAP_FAILED)
        throw std::runtime_error(std::string("mmap: ") + std::strerror(errno));
    return StageMapping(std::construct_at(static_cast<StageSlot*>(p)));
}

std::int64_t steady_now_ns()
{
    return std::chrono::duration_cast<std::chrono::nanoseconds>(Clock::now().time_since_epoch()).count();
}

void write_all(int fd, const std::string& data)
{
    if (const int err = core::write_fully(fd, data))
        throw std::runtime_error(std::string("pipe write: ") + std::strerror(err));
}

state::DocumentRecord failure_record(const DocumentJob& job, const std::string& stage, const std::string& code,
                              const std::string& reason)
{
    state::DocumentRecord r;
    r.key = job.key;
    r.input_path = job.input_path;
    r.identifier = job.identifier;
    r.status = state::DocStatus::Failed;
    r.stage = stage;
    r.code = code;
    r.reason = reason;
    return r;
}

namespace {

// CPU time of this process (user + system): unlike wall time it does not count the waits for
// other processes on a loaded machine.
double process_cpu_seconds()
{
    timespec ts{};
    ::clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
    return static_cast<double>(ts.tv_sec) + static_cast<double>(ts.tv_nsec) * 1e-9;
}

// Jobs from the parent, a message (several jobs) at a time.
class JobReader
{
public:
    explicit JobReader(int fd) : fd_(fd) {}

    // The next job; nullopt once the parent closed the pipe (or is gone).
    std::optional<DocumentJob> next()
    {
        while (jobs_.empty()) {
            for (const std::string& body : wire::take_frames(buffer_)) {
                wire::Reader r(body);
                if (wire::kind_of(r) != wire::Kind::Jobs)
                    throw std::runtime_error("unexpected message from the batch");
                for (DocumentJob& j : wire::decode_jobs(r))
                    jobs_.push_back(std::move(j));
            }
            if (!jobs_.empty())
                break;
            char buf[65536];
            const ssize_t got = ::read(fd_, buf, sizeof buf);
            if (got == 0)
                return std::nullopt;
            if (got < 0) {
                if (errno == EINTR)
                    continue;
                throw std::runtime_error(std::string("pipe read: ") + std::strerror(errno));
            }
            buffer_.append(buf, static_cast<std::size_t>(got));
        }
        DocumentJob j = std::move(jobs_.front());
        jobs_.pop_front();
        return j;
    }

private:
    int fd_;
    std::string buffer_;
    std::deque<DocumentJob> jobs_;
};

class SlotContext final : public WorkerContext
{
public:
    SlotContext(StageSlot* slot, std::optional<ClaimFunction> claims) : slot_(slot), claims_(std::move(claims)) {}

    void stage(const std::string& name) override
    {
        stage_ = name;
        const std::size_t n = std::min(name.size(), sizeof slot_->stage - 1);
        std::memcpy(slot_->stage, name.data(), n);
        slot_->stage[n] = '\0';
    }

    // A new job: the stage is "read" until the document function names another.
    void begin_job(const DocumentJob& job)
    {
        job_ = &job;
        unchanged_ = false;
        claim_cpu_ = 0;
        stage("read");
        slot_->started_ns.store(steady_now_ns(), std::memory_order_relaxed);
        slot_->job.store(jobs_started_++, std::memory_order_release);
    }

    ClaimReply claim(const std::string& sha256, std::int64_t, const std::string&, bool convertible) override
    {
        const double cpu_before = process_cpu_seconds();
        ClaimReply reply;
        if (!job_->previous_sha256.empty() && job_->previous_sha256 == sha256) {
            reply.decision = ClaimDecision::Unchanged;
            unchanged_ = true;
        } else if (convertible && claims_ && *claims_) {
            reply = (*claims_)(*job_, sha256);
        }
        claim_cpu_ += process_cpu_seconds() - cpu_before;
        return reply;
    }

    const std::string& current_stage() const { return stage_; }
    bool unchanged() const { return unchanged_; }
    double claim_cpu() const { return claim_cpu_; }

private:
    StageSlot* slot_;
    std::optional<ClaimFunction> claims_;
    const DocumentJob* job_ = nullptr;
    std::uint64_t jobs_started_ = 0;
    std::string stage_ = "read";
    bool unchanged_ = false;
    double claim_cpu_ = 0;
};

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

void limit_process(const PoolOptions& options)
{
    // Ctrl-C or a scheduler's SIGTERM reach the whole process group: the parent stops handing out
    // jobs and lets the documents in flight finish (within their time limit), so an interrupted
    // batch records no false failures.
    std::signal(SIGPIPE, SIG_DFL);
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
}

} // namespace

void run_worker(int in, int out, StageSlot* slot, pid_t parent, const DocumentFunctionFactory& factory,
                const ClaimFunctionFactory& claims, const PoolOptions& options)
{
    close_inherited_descriptors(in, out);
    // Die with the parent: a killed batch must not leave workers writing outputs behind it.
    ::prctl(PR_SET_PDEATHSIG, SIGKILL);
    if (::getppid() != parent)
        ::_exit(0);
    limit_process(options);
    int rc = 0;
    try {
        std::optional<DocumentFunction> fn;
        std::optional<ClaimFunction> claimer;
        std::string setup_error;
        try {
            fn = factory();
            if (claims)
                claimer = claims();
        } catch (const std::exception& e) {
            fn.reset();
            setup_error = e.what();
        }
        SlotContext ctx(slot, std::move(claimer));
        JobReader jobs(in);
        while (const std::optional<DocumentJob> job = jobs.next()) {
            state::DocumentRecord record;
            const auto started = Clock::now();
            const double cpu_before = process_cpu_seconds();
            ctx.begin_job(*job);
            if (!fn) {
                record = failure_record(*job, "setup", "batch.setup-failed", setup_error);
            } else {
                try {
                    record = (*fn)(*job, ctx);
                } catch (const core::ConversionError& e) {
                    record = failure_record(*job, ctx.current_stage(), e.diagnostic().code, e.diagnostic().message);
                } catch (const std::bad_alloc&) {
                    record = failure_record(*job, ctx.current_stage(), "batch.out-of-memory",
                                            "out of memory (worker memory limit)");
                } catch (const std::exception& e) {
                    record = failure_record(*job, ctx.current_stage(), "batch.error", e.what());
                }
            }
            if (record.seconds == 0)
                record.seconds = std::chrono::duration<double>(Clock::now() - started).count();
            const double cpu = process_cpu_seconds() - cpu_before - ctx.claim_cpu();
            // One write per document, before the next starts: a crash later loses no result.
            write_all(out, wire::encode_result({std::move(record), cpu, ctx.unchanged()}));
        }
    } catch (...) {
        rc = 1;
    }
    ::_exit(rc);
}

} // namespace colophon::pool::pool
