#include "metrics/expectation.h"

#include <cmath>
#include <cstdio>

#include "metrics/count_rate_interval.h"

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

const RateEstimate& RateOf(ExpectedMetric metric, const RunResult& r) {
  switch (metric) {
    case ExpectedMetric::kFalseBlockRate:
      return r.false_block_rate;
    case ExpectedMetric::kLostPaymentRate:
      return r.lost_payment_rate;
    case ExpectedMetric::kDuplicatedIntentRate:
      return r.duplicated_intent_rate;
    default:
      return r.duplicate_rate;
  }
}

}  // namespace

std::string_view MetricName(ExpectedMetric metric) {
  switch (metric) {
    case ExpectedMetric::kDuplicateRate:
      return "duplicate_rate";
    case ExpectedMetric::kDuplicatedIntentRate:
      return "duplicated_intent_rate";
    case ExpectedMetric::kFalseBlockRate:
      return "false_block_rate";
    case ExpectedMetric::kLostPaymentRate:
      return "lost_payment_rate";
    case ExpectedMetric::kTimeToConfirmationP50:
      return "time_to_confirmation_p50";
    case ExpectedMetric::kTimeToConfirmationP99:
      return "time_to_confirmation_p99";
    case ExpectedMetric::kExtraTimeToConfirmationP50:
      return "extra_time_to_confirmation_p50";
    case ExpectedMetric::kExtraTimeToConfirmationP99:
      return "extra_time_to_confirmation_p99";
    case ExpectedMetric::kPeakKeysHeld:
      return "peak_keys_held";
  }
  return "?";
}

MetricKind KindOf(ExpectedMetric metric) {
  switch (metric) {
    case ExpectedMetric::kDuplicateRate:
    case ExpectedMetric::kDuplicatedIntentRate:
    case ExpectedMetric::kFalseBlockRate:
    case ExpectedMetric::kLostPaymentRate:
      return MetricKind::kRate;
    case ExpectedMetric::kPeakKeysHeld:
      return MetricKind::kCount;
    default:
      return MetricKind::kDuration;
  }
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
  if (KindOf(expectation.metric) == MetricKind::kRate) {
    const RateEstimate& rate = RateOf(expectation.metric, r);
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
  switch (expectation.metric) {
    case ExpectedMetric::kTimeToConfirmationP50:
    case ExpectedMetric::kTimeToConfirmationP99:
      out.measured_missing = r.confirmed_intents == 0;
      out.measured =
          static_cast<double>(expectation.metric == ExpectedMetric::kTimeToConfirmationP50
                                  ? r.time_to_confirmation_p50
                                  : r.time_to_confirmation_p99);
      break;
    case ExpectedMetric::kExtraTimeToConfirmationP50:
    case ExpectedMetric::kExtraTimeToConfirmationP99:
      out.measured_missing = !r.has_baseline;
      out.measured =
          static_cast<double>(expectation.metric == ExpectedMetric::kExtraTimeToConfirmationP50
                                  ? r.extra_time_to_confirmation_p50
                                  : r.extra_time_to_confirmation_p99);
      break;
    default:
      out.measured = static_cast<double>(r.peak_keys_held);
      break;
  }
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
      // Three significant digits in the largest unit that keeps them below 1000.
      if (std::fabs(value) >= 3600e6) {
        std::snprintf(text, sizeof text, "%.3gh", value / 3600e6);
      } else if (std::fabs(value) >= 60e6) {
        std::snprintf(text, sizeof text, "%.3gm", value / 60e6);
      } else if (std::fabs(value) >= 1e6) {
        std::snprintf(text, sizeof text, "%.3gs", value / 1e6);
      } else {
        std::snprintf(text, sizeof text, "%.3gms", value / 1e3);
      }
      break;
    case MetricKind::kCount:
      std::snprintf(text, sizeof text, "%.0f", value);
      break;
  }
  return text;
}

}  // namespace dupsim
