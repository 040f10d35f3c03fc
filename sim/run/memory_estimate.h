// How much memory runs will need, worked out before they start, so that a run too big for
// the machine is refused at once instead of failing minutes later. Until a World's memory
// is flat, a run holds tables sized by its intents (streams, pages, ledger rows, a key
// store that doubles): the estimate adds them up from the sizes of their elements and the
// scenario's switches. What only the run itself decides (keys claimed, users told they
// paid, refunds) comes from a pilot run of the first intents, scaled, or, for a run no
// bigger than the pilot, from its upper bounds.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "sim/scenario/scenario.h"

namespace dupsim {

// How much of what grows during a run one intent brings, on average.
struct RunGrowth {
  double keys = 0;       // idempotency keys claimed in the key store
  double confirmed = 0;  // intents whose user learned they paid (0..1)
  double charges = 0;    // ledger charges, duplicates included
  double refunds = 0;    // refunds made by the reconciliation job
};

// The pilot: this many intents of the run itself. Runs no bigger use upper bounds instead.
inline constexpr std::uint64_t kPilotIntents = 20'000;

enum class GrowthFrom {
  kUpperBounds,  // every user confirmed, every page opened, every attempt made: no pilot
  kPilotRun,     // a pilot run of the first kPilotIntents, for runs bigger than that
};

// What the run of `scenario` under `strategy` will grow by, per intent: from its upper bounds,
// or from a pilot run of its first kPilotIntents (upper bounds when it is no bigger).
RunGrowth GrowthOf(const Scenario& scenario, const ConfiguredStrategy& strategy,
                   GrowthFrom from = GrowthFrom::kPilotRun);

struct RunMemoryEstimate {
  std::string scenario;  // its name
  std::string strategy;  // its label
  std::uint64_t intents = 0;
  std::uint64_t bytes = 0;  // the peak of the run's World
  double BytesPerIntent() const {
    return static_cast<double>(bytes) / static_cast<double>(intents);
  }
};

// The peak heap of one run of `scenario` under `strategy` growing as `growth` says.
RunMemoryEstimate EstimateRunMemory(const Scenario& scenario, const ConfiguredStrategy& strategy,
                                    const RunGrowth& growth);

// Memory of the process besides the runs' Worlds: code, libraries, the allocator, thread
// stacks, the loaded scenarios (a 1-intent run peaks at 6.3 MB RSS), and what the pilot runs
// leave in the allocator's heap (a 100000-intent run peaks up to 7 MB above its tables).
inline constexpr std::uint64_t kProcessBytes = 16ull << 20;

struct RunsMemoryEstimate {
  std::uint64_t bytes = 0;  // the process plus the runs that may be in memory at once
  unsigned at_once = 1;     // runs in memory at once: min(threads, runs)
  std::vector<RunMemoryEstimate> largest;  // those runs, the largest first
};

// Every (scenario, strategy) run on up to `threads` threads (0 = one per core), as RunAll
// runs them: the `at_once` largest runs may be in memory together. Pilots run on `threads`.
RunsMemoryEstimate EstimateRunsMemory(const std::vector<Scenario>& scenarios, unsigned threads,
                                      GrowthFrom from = GrowthFrom::kPilotRun);

}  // namespace dupsim
