#include "reports/report.h"

namespace dupsim {

const ScenarioSummary* Report::SummaryOf(const RunResult& result) const {
  for (const ScenarioSummary& s : scenarios) {
    if (s.name == result.scenario && s.source == result.scenario_source) return &s;
  }
  return nullptr;
}

}  // namespace dupsim
