#pragma once
// A whole batch: find the inputs, plan against the state database (resume), convert on a pool
// of worker processes, record every outcome, then write the reports and the corpus.

#include "batch/batch_document.h"
#include "batch/batch_inputs.h"
#include "batch/batch_report.h"
#include "batch/progress.h"
#include "pool/worker_pool.h"

#include <filesystem>
#include <string>
#include <vector>

namespace colophon::batch {

struct BatchSettings
{
    std::vector<std::string> sources; // directories, files, @lists
    std::string manifest;             // CSV/TSV catalogue; empty when none
    // Outputs are named by the input's path below this folder; empty = the root recorded by the
    // output folder's first run, else the current folder.
    std::filesystem::path root;
    std::filesystem::path output_dir;
    int jobs = 0;                     // worker processes; 0 = one per core
    DocumentSettings document;        // formats, packaging, conversion options (output_dir is set by run)
    std::filesystem::path corpus;     // corpus.jsonl.gz; empty when none
    bool retry_failed = false;
    ProgressMode progress = ProgressMode::Auto;
    Shard shard;
    std::size_t max_worker_memory = std::size_t{4} << 30; // address space per worker
    // Documents per worker process. A fresh worker costs ~3 ms of CPU (fork, converters, exit);
    // workers' peak memory stayed ~19 MiB over 500 documents, so recycling sooner bought nothing.
    int recycle_after = 2000;
    // Jobs queued in a worker at most (enough of them that it never waits for the parent,
    // which wakes up at most every min_wake_seconds); bounds the jobs in flight.
    int max_queued_per_worker = 64;
    double min_wake_seconds = 0.1;
    // Inputs and jobs are read from the state database this many at a time: the parent's memory
    // does not grow with the catalogue.
    std::size_t chunk = 256;
    // Finished documents are committed to the state database in groups of up to this many, or
    // every commit_seconds: a hard kill loses at most that much finished work (converted again
    // on resume), never marks an unfinished document done. 1 = a commit per document.
    int commit_documents = 64;
    double commit_seconds = 0.2;
    std::string command_line;         // recorded in the database and the reports
};

struct BatchResult
{
    BatchCounts counts;
    int exit_code = 0;
    std::int64_t planned = 0;    // inputs of this run (this shard)
    std::int64_t skipped = 0;    // finished in an earlier run and unchanged
    std::int64_t converted = 0;  // handed to a worker in this run
    CorpusStats corpus;
    double wall_seconds = 0;
    double parent_seconds = 0;   // time the parent spent on state, progress and reports
    bool interrupted = false;

    // CPU accounting (user + system, so other load on the machine does not count): the parent
    // for the whole run, every worker process, and the part of the workers' time spent inside
    // the document function (reading, converting and writing the document's own outputs; its
    // duplicate claim excluded, that is batch state). overhead() = everything else / conversion.
    double parent_cpu_seconds = 0;
    double worker_cpu_seconds = 0;
    double conversion_cpu_seconds = 0;
    double overhead() const
    {
        return conversion_cpu_seconds > 0
                   ? (parent_cpu_seconds + worker_cpu_seconds - conversion_cpu_seconds) / conversion_cpu_seconds
                   : 0;
    }
    int workers_started = 0;

    // Memory bounds, observable: the most inputs, queued jobs and jobs in flight held at once.
    std::size_t max_inputs_held = 0;
    std::size_t max_jobs_queued = 0;
    std::size_t max_jobs_in_flight = 0;
    long parent_max_rss_kib = 0; // peak resident memory of the parent (getrusage)
};

class BatchJob
{
public:
    // `factory` builds the per-document function in each worker; the default converts with the
    // real converters (tests pass a fake one).
    explicit BatchJob(BatchSettings settings, pool::DocumentFunctionFactory factory = {});

    // Throws std::runtime_error for setup problems (unwritable output directory, bad manifest):
    // the CLI's exit code 2.
    BatchResult run();

private:
    BatchSettings settings_;
    pool::DocumentFunctionFactory factory_;
};

} // namespace colophon::batch
