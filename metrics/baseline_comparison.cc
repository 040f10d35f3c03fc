#include "metrics/baseline_comparison.h"

#include <cassert>
#include <cmath>

namespace dupsim {
namespace {

// Upper-tail probability of the standard normal.
double UpperTail(double z) {
  return 0.5 * std::erfc(z / std::sqrt(2.0));
}

BaselineComparison Compare(ExpectedMetric metric, const RateEstimate& before,
                           const RateEstimate& after, double confidence) {
  BaselineComparison c;
  c.metric = metric;
  c.baseline = before;
  c.current = after;
  if (before.trials == 0 || after.trials == 0) return c;
  const double n1 = static_cast<double>(before.trials);
  const double n2 = static_cast<double>(after.trials);
  const double k1 = static_cast<double>(before.count);
  const double k2 = static_cast<double>(after.count);
  // Under "nothing changed" both runs share one per-intent distribution; its variance,
  // sum x^2 / n - mean^2 over both runs, is p (1 - p) for 0/1 outcomes (the two-proportion
  // test) and grows with the spread of duplicates per intent otherwise.
  const double pooled = (k1 + k2) / (n1 + n2);
  const double pooled_square =
      static_cast<double>(before.square_sum + after.square_sum) / (n1 + n2);
  const double variance = (pooled_square - pooled * pooled) * (1 / n1 + 1 / n2);
  if (variance <= 0) return c;  // both 0 (or every intent alike): nothing changed
  const double z = (k2 / n2 - k1 / n1) / std::sqrt(variance);
  const double alpha = 1 - confidence;
  if (z > 0) {
    c.p_value = UpperTail(z);
    if (c.p_value < alpha) c.change = Change::kRegression;
  } else {
    c.p_value = UpperTail(-z);
    if (c.p_value < alpha) c.change = Change::kImprovement;
  }
  return c;
}

}  // namespace

std::string_view ChangeName(Change change) {
  switch (change) {
    case Change::kRegression:
      return "regression";
    case Change::kImprovement:
      return "improvement";
    case Change::kNoChange:
      return "no_change";
  }
  return "?";
}

std::vector<BaselineComparison> CompareWithBaseline(const RunResult& baseline,
                                                    const RunResult& current, double confidence) {
  assert(confidence > 0 && confidence < 1);
  std::vector<BaselineComparison> out;
  // Every rate an expectation can name, in ExpectedMetric's order.
  for (const ExpectedMetric metric : kAllExpectedMetrics) {
    if (KindOf(metric) != MetricKind::kRate) continue;
    const MetricRow& row = RowOf(metric);
    BaselineComparison c = Compare(metric, FieldOf<RateEstimate>(row, baseline),
                                   FieldOf<RateEstimate>(row, current), confidence);
    c.scenario = current.scenario;
    c.scenario_source = current.scenario_source;
    c.strategy_config = current.strategy_config;
    c.baseline_strategy_config = baseline.strategy_config;
    out.push_back(std::move(c));
  }
  return out;
}

}  // namespace dupsim
