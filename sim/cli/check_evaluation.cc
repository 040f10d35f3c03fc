#include "sim/cli/check_evaluation.h"

#include <algorithm>

namespace dupsim {
namespace {

// The baseline run a run is compared with: same scenario name (source paths differ between
// machines) and same strategy label; failing that, the scenario's one run of the same
// strategy under other parameters (a changed default, a weakened option), if each side has
// exactly one. A different intent count is what the test allows for.
const RunResult* BaselineRunFor(const RunResult& run, const Report& current,
                                const Report& baseline) {
  auto count = [&](const Report& report, auto same) {
    return std::count_if(report.results.begin(), report.results.end(), same);
  };
  const RunResult* by_name = nullptr;
  for (const RunResult& b : baseline.results) {
    if (b.scenario != run.scenario) continue;
    if (b.strategy_config == run.strategy_config) return &b;
    if (b.strategy == run.strategy) by_name = &b;
  }
  auto same_strategy = [&](const RunResult& r) {
    return r.scenario == run.scenario && r.strategy == run.strategy;
  };
  if (by_name && count(baseline, same_strategy) == 1 && count(current, same_strategy) == 1) {
    return by_name;
  }
  return nullptr;
}

// Whether the baseline run `before` shows `run`'s scenario as it is now, noting in `check`
// (once per scenario) when it changed or cannot tell.
bool SameScenarioAsBaseline(const RunResult& before, const RunResult& run, bool compare_changed,
                            CheckOutcome& check) {
  if (!HasScenarioFingerprint(before)) {
    auto& names = check.without_fingerprint;
    if (std::find(names.begin(), names.end(), run.scenario) == names.end()) {
      names.push_back(run.scenario);
    }
    return true;
  }
  if (!ScenarioChanged(before, run)) return true;
  auto& changed = check.changed_scenarios;
  const bool noted = std::any_of(changed.begin(), changed.end(), [&](const ScenarioChange& c) {
    return c.scenario == run.scenario && c.scenario_source == run.scenario_source;
  });
  if (!noted) {
    changed.push_back(
        {run.scenario, run.scenario_source, ParameterChanges(before, run), compare_changed});
  }
  return false;
}

}  // namespace

void JudgeExpectations(const std::vector<Scenario>& scenarios, Report& report) {
  std::size_t index = 0;
  for (const Scenario& s : scenarios) {
    for (const ConfiguredStrategy& strategy : s.strategies) {
      const RunResult& result = report.results[index++];
      for (const Expectation& e : s.ExpectationsOf(strategy.label)) {
        report.check.expectations.push_back(Evaluate(e, result));
      }
    }
  }
}

void CompareWithBaseline(const Report& baseline, double confidence, bool compare_changed,
                         Report& report) {
  for (const RunResult& r : report.results) {
    const RunResult* before = BaselineRunFor(r, report, baseline);
    if (before == nullptr) {
      report.check.not_in_baseline.push_back({r.scenario, r.strategy_config});
      continue;
    }
    if (!SameScenarioAsBaseline(*before, r, compare_changed, report.check) && !compare_changed) {
      continue;
    }
    for (BaselineComparison& c : CompareWithBaseline(*before, r, confidence)) {
      report.check.comparisons.push_back(std::move(c));
    }
  }
}

}  // namespace dupsim
