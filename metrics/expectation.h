// Expectations a scenario puts on a strategy's results (`expect:` in the
// scenario file) and their verdicts. A rate is judged by its 95% interval
// (Wilson's, or for duplicates per intent the score interval of
// metrics/count_rate_interval.h), so a verdict says what the run shows, not what it happened to
// measure: pass when the whole interval is within the bound, fail when the
// whole interval is beyond it, inconclusive otherwise, with the number of
// intents that would decide it if the rate stayed where it is. Other metrics
// (times, counts) are exact for the run and pass or fail outright.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "metrics/metric_table.h"
#include "metrics/run_result.h"

namespace dupsim {

enum class ExpectedMetric {
  kDuplicateRate,
  kDuplicatedIntentRate,
  kFalseBlockRate,
  kLostPaymentRate,
  kTimeToConfirmationP50,
  kTimeToConfirmationP99,
  kExtraTimeToConfirmationP50,
  kExtraTimeToConfirmationP99,
  kPeakKeysHeld,
};

inline constexpr ExpectedMetric kAllExpectedMetrics[] = {
    ExpectedMetric::kDuplicateRate,
    ExpectedMetric::kDuplicatedIntentRate,
    ExpectedMetric::kFalseBlockRate,
    ExpectedMetric::kLostPaymentRate,
    ExpectedMetric::kTimeToConfirmationP50,
    ExpectedMetric::kTimeToConfirmationP99,
    ExpectedMetric::kExtraTimeToConfirmationP50,
    ExpectedMetric::kExtraTimeToConfirmationP99,
    ExpectedMetric::kPeakKeysHeld,
};

// The metric's row in metrics/metric_table.h, which gives its name, kind and value.
const MetricRow& RowOf(ExpectedMetric metric);
std::string_view MetricName(ExpectedMetric metric);  // "duplicate_rate", as in JSON
MetricKind KindOf(ExpectedMetric metric);            // kRate, kDuration or kCount
// nullptr-like: false if `name` is no metric.
bool ParseMetricName(std::string_view name, ExpectedMetric* metric);

struct Expectation {
  ExpectedMetric metric = ExpectedMetric::kDuplicateRate;
  bool is_max = true;  // true: at most `bound`; false: at least `bound`
  // Rates: a fraction; durations: microseconds; counts: a count.
  double bound = 0;
  std::string text;  // as written: "max: 0.1%", for messages
};

enum class Verdict { kPass, kFail, kInconclusive };
std::string_view VerdictName(Verdict verdict);  // "pass", "fail", "inconclusive"

struct ExpectationResult {
  std::string scenario;  // RunResult::scenario
  std::string scenario_source;
  std::string strategy_config;  // RunResult::strategy_config
  Expectation expectation;
  Verdict verdict = Verdict::kPass;
  double measured = 0;  // in the metric's unit (as Expectation::bound)
  // Rates only: the count, the intents and the 95% interval of `measured`.
  bool has_interval = false;
  std::uint64_t count = 0;
  std::uint64_t trials = 0;
  Interval ci95;
  // Inconclusive rates: the intents at which, at the measured rate, the interval would clear
  // the bound; 0 when no number would (the rate sits on the bound).
  std::uint64_t intents_to_decide = 0;
  // Metrics a run may lack (an extra time with no `none` run): the run did not measure it,
  // which fails the expectation.
  bool measured_missing = false;
};

// Judges `expectation` on `result`.
ExpectationResult Evaluate(const Expectation& expectation, const RunResult& result);

// "0.031%", "3.02s", "1200": a measured value or bound in its metric's unit, for messages.
std::string FormatMetricValue(ExpectedMetric metric, double value);

}  // namespace dupsim
