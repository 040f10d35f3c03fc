// What a report format renders: the results of one `dupsim run`, in
// (scenario, strategy) order, plus what the results alone do not carry
// (the tool's version, each scenario's description for headings).
#pragma once

#include <string>
#include <vector>

#include "metrics/run_result.h"

namespace dupsim {

// A scenario as a report introduces it. Results find theirs by (name, source).
struct ScenarioSummary {
  std::string name;
  std::string source;
  std::string description;
};

struct Report {
  std::string tool_version;  // "0.1.0"; see tool_version.h
  std::vector<RunResult> results;
  std::vector<ScenarioSummary> scenarios;

  // The summary of the scenario `result` came from, or nullptr if the report has none.
  const ScenarioSummary* SummaryOf(const RunResult& result) const;
};

}  // namespace dupsim
