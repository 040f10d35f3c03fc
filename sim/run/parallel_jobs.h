// Independent jobs on a few threads with a result that does not depend on them:
// each job writes only its own slot, and a failure is rethrown for the lowest
// failing index after every thread has finished, whichever thread hit it first.
// Used by RunAll and by `dupsim explain`'s counterfactual replays.
#pragma once

#include <cstddef>
#include <functional>

namespace dupsim {

// The threads RunJobsInParallel uses for `count` jobs: `threads` (0 = one per core), at
// most one per job. Also how many jobs may be in memory at once (sim/run/memory_estimate.h).
unsigned ThreadsFor(std::size_t count, unsigned threads);

// Calls job(i) for every i in [0, count) on up to `threads` threads (0 = one per core).
void RunJobsInParallel(std::size_t count, unsigned threads,
                       const std::function<void(std::size_t)>& job);

}  // namespace dupsim
