// Comparing a run's rates with a saved baseline run of the same scenario and
// strategy: a one-sided z-test per rate (the two-proportion test, with the per-intent
// variance of duplicate counts for duplicates per intent), so a gate fails only
// when the run is worse with statistical significance, not when noise moved it.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "metrics/expectation.h"
#include "metrics/run_result.h"

namespace dupsim {

enum class Change { kRegression, kImprovement, kNoChange };
std::string_view ChangeName(Change change);  // "regression", "improvement", "no_change"

struct BaselineComparison {
  std::string scenario;
  std::string scenario_source;
  std::string strategy_config;
  // The baseline run's label: the same, or the previous configuration of the same strategy.
  std::string baseline_strategy_config;
  ExpectedMetric metric = ExpectedMetric::kDuplicateRate;  // a rate
  RateEstimate baseline;
  RateEstimate current;
  // One-sided p-value of "current is worse (higher) than baseline", or of "better" for an
  // improvement; 1 when both rates are 0 or 1.
  double p_value = 1;
  Change change = Change::kNoChange;
};

// The rates (duplicate, duplicated intent, false block, lost payment) of `current` against
// `baseline`, each a regression when higher with one-sided significance at `confidence` (e.g.
// 0.99), an improvement when lower at that significance. Precondition: 0 < confidence < 1.
std::vector<BaselineComparison> CompareWithBaseline(const RunResult& baseline,
                                                    const RunResult& current, double confidence);

}  // namespace dupsim
