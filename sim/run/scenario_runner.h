// Runs scenarios: one World per (scenario, strategy) pair, each on its own
// simulator with its own random streams, so pairs can run on any number of
// threads and still give the same results in the same order.
#pragma once

#include <atomic>
#include <cstdint>
#include <functional>
#include <vector>

#include "metrics/run_result.h"
#include "sim/scenario/scenario.h"

namespace dupsim {

// One (scenario, strategy) pair of a list of scenarios, in (scenario, strategy) order: the
// unit of work RunAll and the memory estimate spread over threads.
struct RunJob {
  const Scenario* scenario;
  const ConfiguredStrategy* strategy;
};
std::vector<RunJob> RunJobsOf(const std::vector<Scenario>& scenarios);

// One run of `scenario` under `strategy`, with the knobs that never fired in it
// (RunResult::idle_mechanisms).
// `intents_started`, if set, counts its intents as they start (for progress).
RunResult RunScenario(const Scenario& scenario, const ConfiguredStrategy& strategy,
                      std::atomic<std::uint64_t>* intents_started = nullptr);

// Every scenario under each of its strategies, in (scenario, strategy) order,
// on up to `threads` threads (0 = one per core). Results do not depend on `threads`.
// A run that fails (e.g. InvariantViolation) fails the call with the first such
// error in that order, after every thread has finished.
// `on_done`, if set, hears of each finished run as it finishes (for progress; its order
// depends on the threads), one call at a time.
// `intents_started`, if set, counts every run's intents as they start.
using RunDone = std::function<void(const RunResult&)>;
std::vector<RunResult> RunAll(const std::vector<Scenario>& scenarios, unsigned threads,
                              const RunDone& on_done = {},
                              std::atomic<std::uint64_t>* intents_started = nullptr);

}  // namespace dupsim
