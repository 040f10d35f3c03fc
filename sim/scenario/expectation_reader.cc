#include "sim/scenario/expectation_reader.h"

#include <charconv>
#include <cmath>

#include "sim/input/closest_name.h"
#include "sim/scenario/yaml_map_reader.h"

namespace dupsim {
namespace {

std::string MetricNames() {
  std::string names;
  for (ExpectedMetric m : kAllExpectedMetrics) {
    names += (names.empty() ? "" : ", ") + std::string(MetricName(m));
  }
  return names;
}

// "0.1%" or "0.001": a rate in [0, 1]; or, for a count per intent (duplicate charges per
// intent, which may pass 1), any rate >= 0 such as "1.5" or "150%".
double ReadRate(const YamlValue& value, bool per_intent_count) {
  const std::string text = value.IsScalar() ? value.Text() : "";
  const double most = per_intent_count ? HUGE_VAL : 100;
  const std::string example = per_intent_count ? "0.5%, 0.005 or 1.2" : "0.5% or 0.005";
  if (!text.empty() && text.back() == '%') {
    double percent = 0;
    const char* end = text.data() + text.size() - 1;
    const auto [ptr, ec] = std::from_chars(text.data(), end, percent);
    if (ec != std::errc() || ptr != end || !std::isfinite(percent) || percent < 0 ||
        percent > most) {
      value.Fail("expected a rate such as " + example + ", got " + value.Describe());
    }
    return percent / 100;
  }
  if (!per_intent_count) return value.Probability();
  const double rate = value.Number();
  if (!std::isfinite(rate) || rate < 0) {
    value.Fail("expected a rate such as " + example + ", got " + value.Describe());
  }
  return rate;
}

double ReadBound(ExpectedMetric metric, const YamlValue& value) {
  switch (KindOf(metric)) {
    case MetricKind::kRate:
      return ReadRate(value, metric == ExpectedMetric::kDuplicateRate);
    case MetricKind::kDuration:
      return static_cast<double>(value.Duration());
    case MetricKind::kCount:
    // No expectation judges the other kinds (metrics/expectation.h: RowOf).
    case MetricKind::kText:
    case MetricKind::kMoney:
    case MetricKind::kNumber:
    case MetricKind::kSquareSum:
    case MetricKind::kCauseCounts:
    case MetricKind::kDurationPercentiles:
    case MetricKind::kIdleMechanisms:
    case MetricKind::kScenarioFingerprint:
    case MetricKind::kScenarioParameters:
      return static_cast<double>(value.Count(0, std::uint64_t{1} << 53));
  }
  return 0;
}

}  // namespace

std::vector<Expectation> ReadExpectations(const YamlValue& expect) {
  if (!expect.IsMap()) {
    expect.Fail(
        "expected a map of metrics to bounds such as { duplicate_rate: { max: 0.1% } }, "
        "got " +
        expect.Describe());
  }
  std::vector<Expectation> out;
  const YamlMapReader metrics(expect);
  for (const YamlMapReader::Entry& entry : metrics.entries()) {
    ExpectedMetric metric;
    if (!ParseMetricName(entry.key, &metric)) {
      std::vector<std::string_view> names;
      for (ExpectedMetric m : kAllExpectedMetrics) names.push_back(MetricName(m));
      throw InputError::At(
          expect.PosOf(entry.key_mark), entry.value.path(),
          "unknown metric" + DidYouMean(entry.key, names) + " (known: " + MetricNames() + ")");
    }
    if (!entry.value.IsMap()) {
      entry.value.Fail("expected { max: ... } and/or { min: ... }, got " + entry.value.Describe());
    }
    const YamlMapReader bounds(entry.value, {"max", "min"});
    if (bounds.entries().empty()) entry.value.Fail("give max, min or both");
    for (const YamlMapReader::Entry& bound : bounds.entries()) {
      Expectation e;
      e.metric = metric;
      e.is_max = bound.key == "max";
      e.bound = ReadBound(metric, bound.value);
      e.text = bound.key + ": " + bound.value.Text();
      out.push_back(std::move(e));
    }
  }
  return out;
}

}  // namespace dupsim
