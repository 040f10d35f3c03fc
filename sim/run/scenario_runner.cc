#include "sim/run/scenario_runner.h"

#include <mutex>
#include <span>

#include "sim/run/idle_mechanisms.h"
#include "sim/run/parallel_jobs.h"
#include "sim/run/world.h"
#include "sim/scenario/scenario_fingerprint.h"

namespace dupsim {

RunResult RunScenario(const Scenario& scenario, const ConfiguredStrategy& strategy,
                      std::atomic<std::uint64_t>* intents_started) {
  // Worlds hold per-intent tables: build on the heap, not the (thread's) stack.
  auto world = std::make_unique<World>(scenario, strategy);
  RunResult result = world->Run(intents_started);
  result.idle_mechanisms = IdleMechanisms(scenario, result);
  result.scenario_parameters = ScenarioParameters(scenario);
  result.scenario_fingerprint = ParametersFingerprint(result.scenario_parameters);
  return result;
}

namespace {

// The latency a defence adds is only meaningful against the same users without it: the
// `none` run of the same scenario (same seed, same intents), when the scenario has one.
void AttachConfirmationBaseline(std::span<RunResult> runs) {
  const RunResult* baseline = nullptr;
  for (const RunResult& r : runs) {
    if (r.strategy == "none") baseline = &r;
  }
  // Percentiles over no confirmed intent are 0 by convention, not a time: no comparison.
  if (baseline == nullptr || baseline->confirmed_intents == 0) return;
  const Time p50 = baseline->time_to_confirmation_p50;
  const Time p99 = baseline->time_to_confirmation_p99;
  for (RunResult& r : runs) {
    if (r.confirmed_intents == 0) continue;
    r.has_baseline = true;
    r.extra_time_to_confirmation_p50 = r.time_to_confirmation_p50 - p50;
    r.extra_time_to_confirmation_p99 = r.time_to_confirmation_p99 - p99;
  }
}

}  // namespace

std::vector<RunJob> RunJobsOf(const std::vector<Scenario>& scenarios) {
  std::vector<RunJob> jobs;
  for (const Scenario& s : scenarios) {
    for (const ConfiguredStrategy& c : s.strategies) jobs.push_back({&s, &c});
  }
  return jobs;
}

std::vector<RunResult> RunAll(const std::vector<Scenario>& scenarios, unsigned threads,
                              const RunDone& on_done, std::atomic<std::uint64_t>* intents_started) {
  const std::vector<RunJob> jobs = RunJobsOf(scenarios);
  std::vector<RunResult> results(jobs.size());
  std::mutex progress;
  // Each job writes only its own result slot, so the output order (and bytes) never
  // depends on which thread ran what.
  RunJobsInParallel(jobs.size(), threads, [&](std::size_t i) {
    results[i] = RunScenario(*jobs[i].scenario, *jobs[i].strategy, intents_started);
    if (on_done) {
      const std::lock_guard<std::mutex> lock(progress);
      on_done(results[i]);
    }
  });
  std::size_t first = 0;
  for (const Scenario& s : scenarios) {
    AttachConfirmationBaseline(std::span<RunResult>(results).subspan(first, s.strategies.size()));
    first += s.strategies.size();
  }
  return results;
}

}  // namespace dupsim
