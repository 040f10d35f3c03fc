#include "reports/report.h"

#include <algorithm>

namespace dupsim {

const ScenarioSummary* Report::SummaryOf(const RunResult& result) const {
  for (const ScenarioSummary& s : scenarios) {
    if (s.name == result.scenario && s.source == result.scenario_source) return &s;
  }
  return nullptr;
}

std::size_t CheckOutcome::Count(Verdict verdict) const {
  return static_cast<std::size_t>(
      std::count_if(expectations.begin(), expectations.end(),
                    [&](const ExpectationResult& e) { return e.verdict == verdict; }));
}

std::size_t CheckOutcome::Count(Change change) const {
  return static_cast<std::size_t>(
      std::count_if(comparisons.begin(), comparisons.end(),
                    [&](const BaselineComparison& c) { return c.change == change; }));
}

}  // namespace dupsim
