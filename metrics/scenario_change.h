// A scenario that differs from the one its baseline runs were made with, told apart by the
// scenario fingerprint each result carries (RunResult::scenario_fingerprint). `dupsim check
// --baseline` does not compare such runs' rates unless told to: a different world is not a
// regression, and calling it one hides that the file changed.
#pragma once

#include <string>
#include <vector>

#include "metrics/run_result.h"

namespace dupsim {

// One parameter whose value differs; "" on the side that lacks the key.
struct ParameterChange {
  std::string key;
  std::string baseline;
  std::string current;
};

struct ScenarioChange {
  std::string scenario;
  std::string scenario_source;           // of the current run
  std::vector<ParameterChange> changes;  // sorted by key; empty if the baseline lists none
  bool compared = false;                 // --compare-changed compared its rates anyway
};

// Whether `baseline` carries a fingerprint at all: reports written before fingerprints don't,
// and their scenarios are unknown rather than changed.
bool HasScenarioFingerprint(const RunResult& baseline);

// Whether `current`'s scenario differs from `baseline`'s. Precondition: both carry one.
bool ScenarioChanged(const RunResult& baseline, const RunResult& current);

// The parameters whose values differ, in key order.
std::vector<ParameterChange> ParameterChanges(const RunResult& baseline, const RunResult& current);

}  // namespace dupsim
