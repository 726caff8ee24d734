#include "pool/worker_pool.h"

#include "pool/pool_messages.h"
#include "pool/pool_worker.h"

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <cmath>
#include <csignal>
#include <cstring>
#include <deque>
#include <fcntl.h>
#include <poll.h>
#include <sstream>
#include <stdexcept>
#include <sys/wait.h>
#include <thread>
#include <unistd.h>

namespace colophon::pool {

namespace {

using Clock = std::chrono::steady_clock;
using pool::Fd;

Clock::duration seconds(double s)
{
    return std::chrono::duration_cast<Clock::duration>(std::chrono::duration<double>(s));
}

struct Worker
{
    pid_t pid = -1;
    Fd to;   // jobs
    Fd from; // results
    pool::StageMapping slot;
    std::string inbox;
    // Jobs sent to this worker, in order: the front one runs (or is about to), the others wait
    // in the pipe so the worker never idles while the parent sleeps or records results.
    std::deque<DocumentJob> queue;
    int finished = 0; // results received from this process
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
        : source_(jobs), options_(options), factory_(factory), cb_(callbacks),
          workers_(static_cast<std::size_t>(std::max(1, options.workers)))
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
        Clock::time_point last_wake{};
        for (;;) {
            const bool stopping = cb_.should_stop && cb_.should_stop();
            for (Worker& w : workers_) {
                if (!stopping)
                    refill(w);
            }
            bool busy = false;
            for (const Worker& w : workers_)
                busy = busy || !w.queue.empty();
            if (!busy)
                return;
            // Results that arrive while the parent sleeps are handled together at the next wake-up.
            const auto earliest = last_wake + seconds(options_.min_wake_seconds);
            if (Clock::now() < earliest)
                std::this_thread::sleep_until(std::min(earliest, next_deadline()));
            wait_once();
            last_wake = Clock::now();
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
        pool::StageMapping slot = pool::map_stage_slot();
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
            pool::run_worker(job_read.get(), result_write.get(), slot.get(), parent, factory_, cb_.claims, options_);
        }
        w = Worker{};
        w.pid = pid;
        ++stats_.workers_started;
        w.to = std::move(job_write);
        w.from = std::move(result_read);
        w.slot = std::move(slot);
    }

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

    // Jobs each worker should hold so that it does not run dry while the parent sleeps: two
    // wake intervals' worth at the mean document time seen so far, at least two.
    std::size_t queue_depth() const
    {
        if (options_.min_wake_seconds <= 0 || stats_.documents == 0)
            return 2;
        const double mean = std::max(1e-4, wall_seconds_ / static_cast<double>(stats_.documents));
        const double want = std::ceil(2 * options_.min_wake_seconds / mean) + 1;
        return static_cast<std::size_t>(std::clamp(want, 2.0, static_cast<double>(std::max(2, options_.max_queued))));
    }

    // Tops up a worker's queue and sends the new jobs in one message.
    void refill(Worker& w)
    {
        std::size_t sent_from = w.queue.size();
        const std::size_t depth = queue_depth();
        while (has_pending() && w.queue.size() < depth &&
               (w.queue.empty() || w.finished + static_cast<int>(w.queue.size()) < options_.recycle_after)) {
            if (w.queue.empty() && (w.pid < 0 || w.finished >= options_.recycle_after)) {
                stop(w, false);
                spawn(w);
                sent_from = 0;
            }
            w.queue.push_back(take_pending());
        }
        if (sent_from == w.queue.size())
            return;
        std::vector<const DocumentJob*> batch;
        for (std::size_t i = sent_from; i < w.queue.size(); ++i)
            batch.push_back(&w.queue[i]);
        try {
            pool::write_all(w.to.get(), wire::encode_jobs(batch));
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
        w.pid = -1;
        return status;
    }

    void finish(Worker& w, state::DocumentRecord&& record, bool unchanged)
    {
        const DocumentJob job = std::move(w.queue.front());
        w.queue.pop_front();
        ++w.finished;
        ++stats_.documents;
        wall_seconds_ += record.seconds;
        cb_.on_done(job, std::move(record), unchanged);
    }

    // The worker is gone: every result it wrote has been handled; its front job failed with
    // `reason`; the jobs waiting behind it never started and go back to the pending list.
    void fail_front(Worker& w, const std::string& reason, const std::string& code)
    {
        w.from.reset();
        if (w.queue.empty())
            return;
        for (std::size_t i = w.queue.size(); i-- > 1;)
            requeued_.push_front(std::move(w.queue[i]));
        w.queue.resize(1);
        // A slot still naming an earlier job means the front job had not started.
        const bool started = w.slot && w.slot->job.load() == static_cast<std::uint64_t>(w.finished) &&
                             w.slot->started_ns.load() != 0;
        const std::string stage =
            started ? std::string(w.slot->stage, ::strnlen(w.slot->stage, sizeof w.slot->stage)) : std::string("read");
        finish(w, pool::failure_record(w.queue.front(), stage, code, reason + " during " + stage), false);
        w.finished = 0;
    }

    // Handles every complete message in the worker's inbox; false when one was unreadable.
    bool handle_inbox(Worker& w)
    {
        try {
            for (const std::string& body : wire::take_frames(w.inbox)) {
                wire::Reader r(body);
                if (wire::kind_of(r) != wire::Kind::Result || w.queue.empty())
                    throw std::runtime_error("unexpected message");
                wire::Result res = wire::decode_result(r);
                stats_.document_cpu_seconds += res.conversion_cpu;
                finish(w, std::move(res.record), res.unchanged);
            }
        } catch (const std::exception& e) {
            stop(w, true);
            fail_front(w, std::string("unreadable worker message (") + e.what() + ")", "batch.protocol");
            return false;
        }
        return true;
    }

    enum class Read
    {
        Data,
        End,   // end of file: the worker closed its end (it is gone)
        Error, // unreadable pipe: treat the worker as lost
    };

    // Reads what is in the pipe now (blocks only if nothing is and the worker lives).
    Read read_some(Worker& w)
    {
        for (;;) {
            char buf[65536];
            const ssize_t got = ::read(w.from.get(), buf, sizeof buf);
            if (got > 0) {
                w.inbox.append(buf, static_cast<std::size_t>(got));
                return Read::Data;
            }
            if (got < 0 && errno == EINTR)
                continue;
            return got == 0 ? Read::End : Read::Error;
        }
    }

    // After a kill: the results the worker wrote before it died are still in the pipe.
    void drain(Worker& w)
    {
        while (w.from.get() >= 0 && read_some(w) == Read::Data) {
        }
        handle_inbox(w);
    }

    // The time limit runs from the moment the worker started the job (the stage slot).
    Clock::time_point running_deadline(const Worker& w) const
    {
        if (options_.max_seconds <= 0 || w.queue.empty() || w.pid < 0 || !w.slot)
            return Clock::time_point::max();
        // The slot names the job the worker started last; one whose result is in already is
        // over (the worker is between jobs, perhaps not yet scheduled to start the next).
        const std::uint64_t job = w.slot->job.load(std::memory_order_acquire);
        const std::int64_t started = w.slot->started_ns.load(std::memory_order_relaxed);
        if (started == 0 || job < static_cast<std::uint64_t>(w.finished))
            return Clock::time_point::max();
        return Clock::time_point(std::chrono::nanoseconds(started)) + seconds(options_.max_seconds);
    }

    Clock::time_point next_deadline() const
    {
        auto t = Clock::time_point::max();
        for (const Worker& w : workers_)
            t = std::min(t, running_deadline(w));
        return t;
    }

    void wait_once()
    {
        std::vector<pollfd> fds;
        std::vector<Worker*> owners;
        const auto wake = std::min(Clock::now() + seconds(options_.tick_seconds), next_deadline());
        for (Worker& w : workers_) {
            if (w.pid < 0)
                continue;
            fds.push_back({w.from.get(), POLLIN, 0});
            owners.push_back(&w);
        }
        const auto wait_ms = std::chrono::duration_cast<std::chrono::milliseconds>(wake - Clock::now()).count();
        const int n = ::poll(fds.data(), fds.size(), static_cast<int>(std::clamp<long long>(wait_ms, 0, 1 << 30)));
        if (n < 0 && errno != EINTR)
            throw std::runtime_error(std::string("poll: ") + std::strerror(errno));
        for (std::size_t i = 0; n > 0 && i < fds.size(); ++i) {
            if (fds[i].revents == 0)
                continue;
            Worker& w = *owners[i];
            const bool hung_up = (fds[i].revents & (POLLHUP | POLLERR)) != 0;
            Read got = hung_up ? Read::Data : read_some(w);
            if (!hung_up && got == Read::Data) {
                handle_inbox(w);
                continue;
            }
            // The worker is gone: what it wrote before it went is still in the pipe.
            while (got == Read::Data)
                got = read_some(w);
            const int status = stop(w, got == Read::Error);
            if (handle_inbox(w))
                fail_front(w, describe_exit(status), WIFSIGNALED(status) ? "batch.crashed" : "batch.worker-exit");
        }
        const auto now = Clock::now();
        for (Worker& w : workers_) {
            if (now < running_deadline(w))
                continue;
            stop(w, true);
            drain(w); // jobs it finished before the stuck one are not failures
            std::ostringstream reason;
            reason << "timeout: no result after " << options_.max_seconds << " s (see --max-seconds)";
            fail_front(w, reason.str(), "batch.timeout");
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
    double wall_seconds_ = 0; // summed per-document wall time, for the queue depth
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

} // namespace colophon::pool
