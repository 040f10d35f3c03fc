#include "reports/verdict_text.h"

#include <cstdio>

#include "reports/percent_format.h"

namespace dupsim {

std::string_view VerdictMark(Verdict verdict) {
  switch (verdict) {
    case Verdict::kPass:
      return "\u2713";
    case Verdict::kFail:
      return "\u2717";
    case Verdict::kInconclusive:
      return "?";
  }
  return "?";
}

std::string_view ChangeMark(Change change) {
  switch (change) {
    case Change::kRegression:
      return "\u2717";
    case Change::kImprovement:
      return "\u2713";
    case Change::kNoChange:
      return "=";
  }
  return "=";
}

std::string RunName(const std::string& scenario, const std::string& strategy_config) {
  return scenario + " / " + strategy_config;
}

std::string MeasuredText(const ExpectationResult& r) {
  if (r.measured_missing) return "not measured";
  if (r.has_interval) {
    RateEstimate estimate;
    estimate.count = r.count;
    estimate.trials = r.trials;
    estimate.rate = r.measured;
    estimate.ci95 = r.ci95;
    return FormatRateWithInterval(estimate);
  }
  return FormatMetricValue(r.expectation.metric, r.measured);
}

std::string ExpectationText(const ExpectationResult& r) {
  std::string text = RunName(r.scenario, r.strategy_config) + ": " +
                     std::string(MetricName(r.expectation.metric)) + " " + MeasuredText(r) + ", " +
                     r.expectation.text;
  switch (r.verdict) {
    case Verdict::kPass:
      break;
    case Verdict::kFail:
      if (r.measured_missing) {
        text += ": the run has no such figure";
      } else {
        text += r.expectation.is_max ? ": over the bound" : ": under the bound";
      }
      break;
    case Verdict::kInconclusive:
      text += ": inconclusive; ";
      text += r.intents_to_decide > 0
                  ? "about " + std::to_string(r.intents_to_decide) + " intents would decide it"
                  : "the rate sits on the bound, no number of intents decides it";
      break;
  }
  return text;
}

std::string ComparisonText(const BaselineComparison& c) {
  char p[32];
  std::snprintf(p, sizeof p, "%.2g", c.p_value);
  std::string text = c.change == Change::kNoChange ? "" : std::string(ChangeName(c.change)) + " ";
  const std::string was =
      c.baseline_strategy_config.empty() || c.baseline_strategy_config == c.strategy_config
          ? ""
          : " (" + c.baseline_strategy_config + ")";
  return text + RunName(c.scenario, c.strategy_config) + ": " + std::string(MetricName(c.metric)) +
         " " + FormatRateWithInterval(c.current) + ", baseline" + was + " " +
         FormatRateWithInterval(c.baseline) + ", p = " + p;
}

std::string CheckSummaryText(const CheckOutcome& check) {
  std::string text = std::to_string(check.Count(Verdict::kPass)) + " passed, " +
                     std::to_string(check.Count(Verdict::kFail)) + " failed, " +
                     std::to_string(check.Count(Verdict::kInconclusive)) + " inconclusive";
  if (!check.baseline.empty()) {
    const std::size_t regressions = check.Count(Change::kRegression);
    const std::size_t improvements = check.Count(Change::kImprovement);
    text += "; " + std::to_string(regressions) +
            (regressions == 1 ? " regression, " : " regressions, ") + std::to_string(improvements) +
            (improvements == 1 ? " improvement" : " improvements");
    const std::size_t changed = check.changed_scenarios.size();
    if (changed > 0) {
      text += "; " + std::to_string(changed) +
              (changed == 1 ? " scenario changed" : " scenarios changed") + " since the baseline";
    }
  }
  return text;
}

}  // namespace dupsim
