// A whole run of the bundled default scenario (double_tap) per strategy:
// loading excluded, world construction and the run included. Reports intents/s
// as items_per_second.
#include <benchmark/benchmark.h>

#include "sim/run/scenario_runner.h"
#include "sim/scenario/bundled_scenarios.h"

namespace dupsim {
namespace {

void BM_DefaultScenario(benchmark::State& state) {
  const BundledScenario* bundled = FindBundledScenario(DefaultScenarioName());
  Scenario scenario = LoadBundledScenario(*bundled);
  scenario.intents = 100000;
  const ConfiguredStrategy& strategy = scenario.strategies.at(state.range(0));
  state.SetLabel(strategy.label);
  std::uint64_t events = 0;
  for (auto _ : state) {
    RunResult r = RunScenario(scenario, strategy);
    events += r.events;
    benchmark::DoNotOptimize(r);
  }
  state.SetItemsProcessed(state.iterations() * static_cast<std::int64_t>(scenario.intents));
  state.counters["events_per_s"] =
      benchmark::Counter(static_cast<double>(events), benchmark::Counter::kIsRate);
}

BENCHMARK(BM_DefaultScenario)->DenseRange(0, 2)->Unit(benchmark::kMillisecond)->UseRealTime();

}  // namespace
}  // namespace dupsim
