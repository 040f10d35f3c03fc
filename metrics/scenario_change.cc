#include "metrics/scenario_change.h"

namespace dupsim {

bool HasScenarioFingerprint(const RunResult& baseline) {
  return !baseline.scenario_fingerprint.empty();
}

bool ScenarioChanged(const RunResult& baseline, const RunResult& current) {
  return baseline.scenario_fingerprint != current.scenario_fingerprint;
}

std::vector<ParameterChange> ParameterChanges(const RunResult& baseline, const RunResult& current) {
  // Both lists are sorted by key: one merge pass finds changed, removed and added keys.
  const auto& before = baseline.scenario_parameters;
  const auto& after = current.scenario_parameters;
  std::vector<ParameterChange> changes;
  std::size_t i = 0;
  std::size_t j = 0;
  while (i < before.size() || j < after.size()) {
    if (j == after.size() || (i < before.size() && before[i].first < after[j].first)) {
      changes.push_back({before[i].first, before[i].second, ""});
      ++i;
    } else if (i == before.size() || after[j].first < before[i].first) {
      changes.push_back({after[j].first, "", after[j].second});
      ++j;
    } else {
      if (before[i].second != after[j].second) {
        changes.push_back({before[i].first, before[i].second, after[j].second});
      }
      ++i;
      ++j;
    }
  }
  return changes;
}

}  // namespace dupsim
