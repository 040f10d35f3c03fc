#include "metrics/expectation.h"

#include <cmath>
#include <cstdio>
#include <vector>

#include "metrics/count_rate_interval.h"
#include "sim/engine/duration_text.h"

namespace dupsim {
namespace {

// The smallest intent count at which the interval around the rate would lie wholly on one side
// of `bound`, if the rate and its per-intent spread stayed as measured, or 0 if none up to 2^50
// (the rate on the bound, or too close to matter).
std::uint64_t IntentsToDecide(const RateEstimate& rate, double bound, bool is_max) {
  const double p = rate.rate;
  const double extra =
      static_cast<double>(rate.square_sum - rate.count) / static_cast<double>(rate.trials);
  if (p == bound) return 0;
  // The verdict's own rules: a max passes at high <= bound and fails at low > bound; a min
  // passes at low >= bound and fails at high < bound.
  auto decided = [&](double n) {
    const Interval ci = ScoreIntervalAt(p, extra, n);
    if (p < bound) return is_max ? ci.high <= bound : ci.high < bound;
    return is_max ? ci.low > bound : ci.low >= bound;
  };
  double low = static_cast<double>(std::max<std::uint64_t>(rate.trials, 1));
  double high = low;
  while (!decided(high)) {
    high *= 2;
    if (high > std::ldexp(1.0, 50)) return 0;
  }
  while (high - low > 1) {  // decided(high), and low is not (or is the start)
    const double mid = std::floor((low + high) / 2);
    (decided(mid) ? high : low) = mid;
  }
  return static_cast<std::uint64_t>(high);
}

}  // namespace

const MetricRow& RowOf(ExpectedMetric metric) {
  // In ExpectedMetric's order; each name is a row of the metric table.
  static const std::vector<const MetricRow*> rows = [] {
    std::vector<const MetricRow*> found;
    for (std::string_view name :
         {"duplicate_rate", "duplicated_intent_rate", "false_block_rate", "lost_payment_rate",
          "time_to_confirmation_p50", "time_to_confirmation_p99", "extra_time_to_confirmation_p50",
          "extra_time_to_confirmation_p99", "peak_keys_held"}) {
      found.push_back(FindMetric(name));
    }
    return found;
  }();
  return *rows[static_cast<std::size_t>(metric)];
}

std::string_view MetricName(ExpectedMetric metric) {
  return RowOf(metric).name;
}

MetricKind KindOf(ExpectedMetric metric) {
  return RowOf(metric).kind;
}

bool ParseMetricName(std::string_view name, ExpectedMetric* metric) {
  for (ExpectedMetric m : kAllExpectedMetrics) {
    if (MetricName(m) == name) {
      *metric = m;
      return true;
    }
  }
  return false;
}

std::string_view VerdictName(Verdict verdict) {
  switch (verdict) {
    case Verdict::kPass:
      return "pass";
    case Verdict::kFail:
      return "fail";
    case Verdict::kInconclusive:
      return "inconclusive";
  }
  return "?";
}

ExpectationResult Evaluate(const Expectation& expectation, const RunResult& r) {
  ExpectationResult out;
  out.scenario = r.scenario;
  out.scenario_source = r.scenario_source;
  out.strategy_config = r.strategy_config;
  out.expectation = expectation;
  const double bound = expectation.bound;
  const bool is_max = expectation.is_max;
  const MetricRow& row = RowOf(expectation.metric);
  if (row.kind == MetricKind::kRate) {
    const RateEstimate& rate = FieldOf<RateEstimate>(row, r);
    out.measured = rate.rate;
    out.has_interval = true;
    out.count = rate.count;
    out.trials = rate.trials;
    out.ci95 = rate.ci95;
    if (is_max && bound == 0) {
      // "None at all": no interval excludes 0, but the run's count is exact.
      out.verdict = rate.count == 0 ? Verdict::kPass : Verdict::kFail;
    } else if (is_max ? rate.ci95.high <= bound : rate.ci95.low >= bound) {
      out.verdict = Verdict::kPass;
    } else if (is_max ? rate.ci95.low > bound : rate.ci95.high < bound) {
      out.verdict = Verdict::kFail;
    } else {
      out.verdict = Verdict::kInconclusive;
      out.intents_to_decide = IntentsToDecide(rate, bound, is_max);
    }
    return out;
  }
  // Times and counts are exact for the run; a time the run could not measure fails.
  out.measured_missing = !IsPresent(row, r);
  out.measured = row.kind == MetricKind::kDuration
                     ? static_cast<double>(FieldOf<std::int64_t>(row, r))
                     : static_cast<double>(FieldOf<std::uint64_t>(row, r));
  const bool holds = is_max ? out.measured <= bound : out.measured >= bound;
  out.verdict = !out.measured_missing && holds ? Verdict::kPass : Verdict::kFail;
  return out;
}

std::string FormatMetricValue(ExpectedMetric metric, double value) {
  char text[48];
  switch (KindOf(metric)) {
    case MetricKind::kRate:
      // Duplicates per intent can pass 1, where a percentage stops reading naturally.
      if (value > 1) {
        std::snprintf(text, sizeof text, "%.3g per intent", value);
      } else {
        std::snprintf(text, sizeof text, "%.3g%%", 100 * value);
      }
      break;
    case MetricKind::kDuration:
      return DurationThreeDigits(value);
    case MetricKind::kCount:
    // No expectation judges the other kinds (RowOf); a plain number if one ever did.
    case MetricKind::kText:
    case MetricKind::kMoney:
    case MetricKind::kNumber:
    case MetricKind::kSquareSum:
    case MetricKind::kCauseCounts:
    case MetricKind::kDurationPercentiles:
    case MetricKind::kIdleMechanisms:
    case MetricKind::kScenarioFingerprint:
    case MetricKind::kScenarioParameters:
      std::snprintf(text, sizeof text, "%.0f", value);
      break;
  }
  return text;
}

}  // namespace dupsim
