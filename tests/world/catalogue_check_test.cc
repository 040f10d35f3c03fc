// The bundled catalogue's expectations (`expect:` in scenarios/*.yaml) as `dupsim check`
// judges them, in-process: they all pass at the bundled intents (the CI gate), and they are
// strict enough to catch strategies broken on purpose. Also the verdict rules themselves on
// constructed results: where pass, fail and inconclusive meet, `max: 0` being exact, and the
// intents that would decide an inconclusive rate.
#include <gtest/gtest.h>

#include <cmath>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "metrics/expectation.h"
#include "metrics/wilson_interval.h"
#include "sim/cli/check_evaluation.h"
#include "sim/cli/run_setup.h"
#include "sim/dedup/strategy_registry.h"
#include "sim/run/scenario_runner.h"
#include "sim/scenario/bundled_scenarios.h"

namespace dupsim {
namespace {

std::vector<Scenario> Catalogue() {
  std::vector<Scenario> scenarios;
  for (const BundledScenario& bundled : BundledScenarios()) {
    scenarios.push_back(LoadBundledScenario(bundled));
  }
  return scenarios;
}

// What `dupsim check` does after loading: run everything, assemble the report, judge.
Report Check(const std::vector<Scenario>& scenarios) {
  Report report = MakeReport(scenarios, RunAll(scenarios, /*threads=*/0));
  report.check.checked = true;
  JudgeExpectations(scenarios, report);
  return report;
}

std::string Describe(const ExpectationResult& e) {
  std::string text = e.scenario + " / " + e.strategy_config + ": " +
                     std::string(MetricName(e.expectation.metric)) + " " +
                     FormatMetricValue(e.expectation.metric, e.measured);
  if (e.has_interval) {
    text += " (" + FormatMetricValue(e.expectation.metric, e.ci95.low) + "-" +
            FormatMetricValue(e.expectation.metric, e.ci95.high) + ")";
  }
  return text + ", " + e.expectation.text + ": " + std::string(VerdictName(e.verdict));
}

// The CI gate, in-process (the binary path is the CTest entry dupsim_check_bundled_scenarios):
// every strategy of every bundled scenario states its lesson as expectations, and every one
// passes at the bundled intents and seed. One test, since it runs the whole catalogue.
TEST(CatalogueCheck, EveryBundledExpectationPassesAtTheBundledIntents) {
  const std::vector<Scenario> scenarios = Catalogue();
  ASSERT_GE(scenarios.size(), 20u);
  std::size_t expected = 0;
  for (const Scenario& s : scenarios) {
    for (const ConfiguredStrategy& c : s.strategies) {
      const std::vector<Expectation>& expectations = s.ExpectationsOf(c.label);
      EXPECT_FALSE(expectations.empty()) << s.source << ": " << c.label << " expects nothing";
      expected += expectations.size();
    }
  }
  const Report report = Check(scenarios);
  ASSERT_EQ(report.check.expectations.size(), expected);
  for (const ExpectationResult& e : report.check.expectations) {
    EXPECT_EQ(e.verdict, Verdict::kPass) << Describe(e);
  }
  EXPECT_EQ(report.check.Count(Verdict::kPass), expected);
}

// Scenarios whose lesson is that no strategy changes the duplicate rate (the defence is the
// user's, or nothing can stop it): their expectations are all "at least", which the `none`
// strategy meets as well as any.
const std::set<std::string> kNothingStopsIt = {"fraud-scam", "refunds-after-the-fact",
                                               "status-query-saves"};

// Every strategy swapped for `none` while keeping its label and expectations, as if each
// defence had stopped working: every scenario where some strategy is expected to do better
// than no defence must fail, and the failures must be many. A catalogue whose bounds merely
// restated what any run shows would pass this too.
TEST(CatalogueCheck, StrategiesBrokenOnPurposeFailTheirExpectations) {
  const ConfiguredStrategy none = StrategyRegistry::Builtin().Configure("none", {});
  std::vector<Scenario> broken = Catalogue();
  for (Scenario& s : broken) {
    for (ConfiguredStrategy& c : s.strategies) c.make = none.make;
  }
  const Report report = Check(broken);

  std::map<std::string, std::size_t> failures;
  for (const Scenario& s : broken) failures[s.name] = 0;
  for (const ExpectationResult& e : report.check.expectations) {
    // A broken strategy behaves as none exactly, so its `none` row still passes.
    if (e.strategy_config == "none") {
      EXPECT_EQ(e.verdict, Verdict::kPass) << Describe(e);
    }
    if (e.verdict == Verdict::kFail) ++failures[e.scenario];
  }
  std::size_t total = 0;
  for (const auto& [scenario, count] : failures) {
    if (kNothingStopsIt.count(scenario)) {
      EXPECT_EQ(count, 0u) << scenario << " expects a strategy to beat none";
    } else {
      EXPECT_GE(count, 1u) << scenario << ": no expectation catches a broken strategy";
    }
    total += count;
  }
  EXPECT_EQ(failures.size(), broken.size());
  // 49 of 111 when written: every "at most" and "none at all" a defence is expected to meet.
  EXPECT_GE(total, 40u);
  EXPECT_GE(3 * total, report.check.expectations.size());
  EXPECT_EQ(report.check.Count(Verdict::kFail), total);
}

// A run with a hand-made duplicate-rate estimate: `count` of `trials`, with `ci95` as given.
RunResult WithDuplicates(std::uint64_t count, std::uint64_t trials, Interval ci95) {
  RunResult r;
  r.scenario = "s";
  r.strategy = r.strategy_config = "none";
  r.intents = trials;
  r.duplicate_rate.count = count;
  r.duplicate_rate.square_sum = count;  // one duplicate per intent at most
  r.duplicate_rate.trials = trials;
  r.duplicate_rate.rate = static_cast<double>(count) / static_cast<double>(trials);
  r.duplicate_rate.ci95 = ci95;
  return r;
}

RunResult WithDuplicates(std::uint64_t count, std::uint64_t trials) {
  return WithDuplicates(count, trials, WilsonInterval(count, trials));
}

Expectation Rate(bool is_max, double bound,
                 ExpectedMetric metric = ExpectedMetric::kDuplicateRate) {
  return Expectation{metric, is_max, bound, is_max ? "max" : "min"};
}

Verdict VerdictOf(const Expectation& e, const RunResult& r) {
  return Evaluate(e, r).verdict;
}

// The interval [1%, 3%] around a measured 2%: a bound on its edge counts as within it.
TEST(VerdictRules, MaxPassesWhenTheWholeIntervalIsWithinFailsWhenWhollyBeyond) {
  const RunResult r = WithDuplicates(20, 1000, {0.01, 0.03});
  EXPECT_EQ(VerdictOf(Rate(true, 0.05), r), Verdict::kPass);
  EXPECT_EQ(VerdictOf(Rate(true, 0.03), r), Verdict::kPass);  // the high end on the bound
  EXPECT_EQ(VerdictOf(Rate(true, 0.0299), r), Verdict::kInconclusive);
  EXPECT_EQ(VerdictOf(Rate(true, 0.02), r), Verdict::kInconclusive);
  EXPECT_EQ(VerdictOf(Rate(true, 0.01), r), Verdict::kInconclusive);  // low end on it: not beyond
  EXPECT_EQ(VerdictOf(Rate(true, 0.0099), r), Verdict::kFail);
  EXPECT_EQ(VerdictOf(Rate(true, 0.001), r), Verdict::kFail);
}

TEST(VerdictRules, MinPassesWhenTheWholeIntervalIsWithinFailsWhenWhollyBeyond) {
  const RunResult r = WithDuplicates(20, 1000, {0.01, 0.03});
  EXPECT_EQ(VerdictOf(Rate(false, 0.001), r), Verdict::kPass);
  EXPECT_EQ(VerdictOf(Rate(false, 0.01), r), Verdict::kPass);  // the low end on the bound
  EXPECT_EQ(VerdictOf(Rate(false, 0.0101), r), Verdict::kInconclusive);
  EXPECT_EQ(VerdictOf(Rate(false, 0.03), r), Verdict::kInconclusive);  // high end on it
  EXPECT_EQ(VerdictOf(Rate(false, 0.0301), r), Verdict::kFail);
  EXPECT_EQ(VerdictOf(Rate(false, 0), r), Verdict::kPass);
}

TEST(VerdictRules, EveryRateMetricReadsItsOwnEstimate) {
  RunResult r = WithDuplicates(0, 1000);
  r.false_block_rate = RateEstimate::Of(100, 1000);
  r.lost_payment_rate = RateEstimate::Of(1, 1000);
  EXPECT_EQ(VerdictOf(Rate(false, 0.05, ExpectedMetric::kFalseBlockRate), r), Verdict::kPass);
  EXPECT_EQ(VerdictOf(Rate(true, 0.05, ExpectedMetric::kFalseBlockRate), r), Verdict::kFail);
  EXPECT_EQ(VerdictOf(Rate(true, 0, ExpectedMetric::kLostPaymentRate), r), Verdict::kFail);
  EXPECT_EQ(VerdictOf(Rate(true, 0, ExpectedMetric::kDuplicateRate), r), Verdict::kPass);
  const ExpectationResult e = Evaluate(Rate(true, 0.05, ExpectedMetric::kFalseBlockRate), r);
  EXPECT_TRUE(e.has_interval);
  EXPECT_EQ(e.count, 100u);
  EXPECT_EQ(e.trials, 1000u);
  EXPECT_DOUBLE_EQ(e.measured, 0.1);
}

// No interval excludes 0, so "none at all" is judged on the count, which is exact: 0 of 10
// passes though its interval reaches 28%, and 1 of ten million fails.
TEST(VerdictRules, MaxZeroIsExact) {
  const RunResult none_of_ten = WithDuplicates(0, 10);
  ASSERT_GT(none_of_ten.duplicate_rate.ci95.high, 0.2);
  EXPECT_EQ(VerdictOf(Rate(true, 0), none_of_ten), Verdict::kPass);
  EXPECT_EQ(VerdictOf(Rate(true, 0), WithDuplicates(1, 10'000'000)), Verdict::kFail);
  // A tiny positive bound is judged by the interval again.
  EXPECT_EQ(VerdictOf(Rate(true, 1e-9), none_of_ten), Verdict::kInconclusive);
  EXPECT_EQ(Evaluate(Rate(true, 0), none_of_ten).intents_to_decide, 0u);
}

// 0 of 2000 against "at most 0.01%" is undecided; at the intents it names, with the rate
// still 0, the interval clears the bound, and one intent fewer it does not.
TEST(VerdictRules, IntentsToDecideAZeroRate) {
  const ExpectationResult e = Evaluate(Rate(true, 0.0001), WithDuplicates(0, 2000));
  ASSERT_EQ(e.verdict, Verdict::kInconclusive);
  const std::uint64_t n = e.intents_to_decide;
  ASSERT_GT(n, 2000u);
  EXPECT_NEAR(static_cast<double>(n), 38411, 50);  // z^2 / n = 0.01%: about 3.84 / 0.0001
  EXPECT_EQ(VerdictOf(Rate(true, 0.0001), WithDuplicates(0, n)), Verdict::kPass);
  EXPECT_EQ(VerdictOf(Rate(true, 0.0001), WithDuplicates(0, n - 1)), Verdict::kInconclusive);
}

// A rate below a max, and above a min: more intents narrow the interval around it until it
// clears the bound. Counts are rounded toward the bound's far side, so the rate is no worse.
TEST(VerdictRules, IntentsToDecideANonZeroRate) {
  const ExpectationResult below = Evaluate(Rate(true, 0.02), WithDuplicates(15, 1000));
  ASSERT_EQ(below.verdict, Verdict::kInconclusive);
  std::uint64_t n = below.intents_to_decide;
  ASSERT_GT(n, 1000u);
  auto at = [](double rate, std::uint64_t intents, bool up) {
    const double count = rate * static_cast<double>(intents);
    return static_cast<std::uint64_t>(up ? std::ceil(count) : std::floor(count));
  };
  EXPECT_EQ(VerdictOf(Rate(true, 0.02), WithDuplicates(at(0.015, n, false), n)), Verdict::kPass);
  EXPECT_NE(VerdictOf(Rate(true, 0.02), WithDuplicates(at(0.015, n / 2, true), n / 2)),
            Verdict::kPass);

  const ExpectationResult above = Evaluate(Rate(false, 0.025), WithDuplicates(30, 1000));
  ASSERT_EQ(above.verdict, Verdict::kInconclusive);
  n = above.intents_to_decide;
  ASSERT_GT(n, 1000u);
  EXPECT_EQ(VerdictOf(Rate(false, 0.025), WithDuplicates(at(0.03, n, true), n)), Verdict::kPass);
  EXPECT_NE(VerdictOf(Rate(false, 0.025), WithDuplicates(at(0.03, n / 2, false), n / 2)),
            Verdict::kPass);

  // A rate on the bound never clears it: no number is given.
  const ExpectationResult on = Evaluate(Rate(true, 0.02), WithDuplicates(20, 1000));
  EXPECT_EQ(on.verdict, Verdict::kInconclusive);
  EXPECT_EQ(on.intents_to_decide, 0u);
  // Decided verdicts name none either.
  EXPECT_EQ(Evaluate(Rate(true, 0.5), WithDuplicates(20, 1000)).intents_to_decide, 0u);
}

// Times and counts are exact for the run: the bound itself passes, anything past it fails.
TEST(VerdictRules, TimesAndCountsAreExact) {
  RunResult r = WithDuplicates(0, 1000);
  r.confirmed_intents = 1000;
  r.time_to_confirmation_p50 = 300 * kMillisecond;
  r.time_to_confirmation_p99 = 3 * kSecond;
  r.peak_keys_held = 1200;
  auto is = [&](ExpectedMetric metric, bool is_max, double bound) {
    return VerdictOf(Expectation{metric, is_max, bound, "bound"}, r);
  };
  const double second = static_cast<double>(kSecond);
  EXPECT_EQ(is(ExpectedMetric::kTimeToConfirmationP99, true, 3 * second), Verdict::kPass);
  EXPECT_EQ(is(ExpectedMetric::kTimeToConfirmationP99, true, 3 * second - 1), Verdict::kFail);
  EXPECT_EQ(is(ExpectedMetric::kTimeToConfirmationP50, false, 0.3 * second), Verdict::kPass);
  EXPECT_EQ(is(ExpectedMetric::kTimeToConfirmationP50, false, 0.3 * second + 1), Verdict::kFail);
  EXPECT_EQ(is(ExpectedMetric::kPeakKeysHeld, true, 1200), Verdict::kPass);
  EXPECT_EQ(is(ExpectedMetric::kPeakKeysHeld, true, 1199), Verdict::kFail);
  EXPECT_EQ(is(ExpectedMetric::kPeakKeysHeld, false, 1201), Verdict::kFail);
  EXPECT_FALSE(
      Evaluate(Expectation{ExpectedMetric::kPeakKeysHeld, true, 1200, "max"}, r).has_interval);

  // Without a `none` run there is no extra time: the expectation fails, whatever the bound.
  const Expectation extra{ExpectedMetric::kExtraTimeToConfirmationP50, false, 0, "min: 0"};
  const ExpectationResult missing = Evaluate(extra, r);
  EXPECT_TRUE(missing.measured_missing);
  EXPECT_EQ(missing.verdict, Verdict::kFail);
  r.has_baseline = true;
  r.extra_time_to_confirmation_p50 = 3 * kSecond;
  EXPECT_EQ(VerdictOf(Expectation{ExpectedMetric::kExtraTimeToConfirmationP50, false, 2.9 * second,
                                  "min: 2.9s"},
                      r),
            Verdict::kPass);

  // Nobody confirmed: no time to confirmation was measured.
  r.confirmed_intents = 0;
  EXPECT_EQ(is(ExpectedMetric::kTimeToConfirmationP99, true, 1e12), Verdict::kFail);
}

}  // namespace
}  // namespace dupsim
