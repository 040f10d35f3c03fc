// What a report format renders: the results of one `dupsim run` or `dupsim
// check`, in (scenario, strategy) order, plus what the results alone do not
// carry (the tool's version, each scenario's description and parameters for
// headings, and, for a check, every expectation's verdict and the comparisons
// with a baseline). The JSON format writes all of it and reads it back
// (json_reader.h), so `dupsim report` re-renders saved results in any format.
#pragma once

#include <string>
#include <vector>

#include "metrics/baseline_comparison.h"
#include "metrics/expectation.h"
#include "metrics/run_result.h"
#include "metrics/scenario_change.h"

namespace dupsim {

// A scenario as a report introduces it. Results find theirs by (name, source).
struct ScenarioSummary {
  std::string name;
  std::string source;
  std::string description;
  std::string cause;  // "technical_fault", ...; "" when the scenario names none
  std::uint64_t seed = 0;
  std::uint64_t intents = 0;
  std::string yaml;  // the scenario file's text as loaded: its parameters; "" if unknown
};

// What `dupsim check` adds: verdicts and, with --baseline, comparisons.
struct CheckOutcome {
  bool checked = false;                         // false for `dupsim run`: no verdicts to show
  double confidence = 0.99;                     // of the baseline comparisons
  std::string baseline;                         // the baseline file as given, "" without one
  bool inconclusive_allowed = false;            // --allow-inconclusive: such verdicts do not fail
  std::vector<ExpectationResult> expectations;  // in (scenario, strategy, expectation) order
  std::vector<BaselineComparison> comparisons;  // in (scenario, strategy, metric) order
  // Runs of this report the baseline had no run for: (scenario, strategy_config) pairs.
  std::vector<std::pair<std::string, std::string>> not_in_baseline;
  // Scenarios whose fingerprint differs from their baseline runs', once each in result order:
  // their runs are left out of `comparisons` unless --compare-changed (ScenarioChange::compared).
  // A note, not a verdict: it neither passes nor fails the gate.
  std::vector<ScenarioChange> changed_scenarios;
  // Scenarios whose baseline runs carry no fingerprint (a baseline saved before fingerprints),
  // once each: compared as before, without knowing whether they changed.
  std::vector<std::string> without_fingerprint;

  std::size_t Count(Verdict verdict) const;
  std::size_t Count(Change change) const;
};

struct Report {
  std::string tool_version;  // "0.1.0"; see tool_version.h
  std::vector<RunResult> results;
  std::vector<ScenarioSummary> scenarios;
  CheckOutcome check;
  // Presentation, not data: the sink is a terminal, so a format may use ANSI colour. Never
  // written to JSON.
  bool colour = false;

  // The summary of the scenario `result` came from, or nullptr if the report has none.
  const ScenarioSummary* SummaryOf(const RunResult& result) const;
};

}  // namespace dupsim
