// The interval of a count per intent (metrics/count_rate_interval.h): Wilson's exactly when no
// intent has two events, the score interval of its closed form otherwise, always around the
// rate, and honest in coverage where a Wilson interval on the same counts is not.
#include "metrics/count_rate_interval.h"

#include <gtest/gtest.h>

#include <cmath>
#include <cstdint>
#include <random>
#include <vector>

#include "metrics/baseline_comparison.h"
#include "metrics/duplicate_counter.h"
#include "metrics/run_result.h"

namespace dupsim {
namespace {

TEST(CountRateInterval, IsWilsonWhenNoTrialHasTwoEvents) {
  for (const auto& [k, n] : {std::pair<std::uint64_t, std::uint64_t>{0, 10000},
                             {1, 10000},
                             {288, 10000},
                             {9999, 10000},
                             {10000, 10000},
                             {3, 7}}) {
    const Interval wilson = WilsonInterval(k, n);
    const Interval counted = CountRateInterval(k, k, n);
    EXPECT_EQ(counted.low, wilson.low) << k << " of " << n;
    EXPECT_EQ(counted.high, wilson.high) << k << " of " << n;
  }
}

// The ends solve n (m - mu)^2 = z^2 (mu (1 - mu) + c): checked by putting them back in.
TEST(CountRateInterval, EndsSolveTheScoreEquation) {
  // 100 intents, 10 of them with 3 duplicates: m = 0.3, c = sum x (x - 1) / n = 0.6.
  const Interval ci = CountRateInterval(30, 90, 100);
  const double n = 100, m = 0.3, c = 0.6, z = kZ95;
  for (const double mu : {ci.low, ci.high}) {
    EXPECT_NEAR(n * (m - mu) * (m - mu), z * z * (mu * (1 - mu) + c), 1e-9) << mu;
  }
  EXPECT_NEAR(ci.low, 0.1341, 5e-4);
  EXPECT_NEAR(ci.high, 0.4807, 5e-4);
  // Wider than Wilson on "30 of 100", which would treat the 30 duplicates as 30 intents.
  const Interval wilson = WilsonInterval(30, 100);
  EXPECT_LT(ci.low, wilson.low);
  EXPECT_GT(ci.high, wilson.high);
}

TEST(CountRateInterval, ContainsARateAboveOne) {
  // 10000 intents, each charged 2 or 3 times: 12061 duplicates (the user's "120.61%").
  std::vector<std::uint32_t> charges(10000, 2);
  for (std::size_t i = 0; i < 2061; ++i) charges[i] = 3;
  const DuplicateCount count = CountDuplicates(charges);
  ASSERT_EQ(count.duplicate_charges, 12061u);
  ASSERT_EQ(count.duplicate_square_sum, 2061u * 4 + 7939u);
  const RateEstimate rate =
      RateEstimate::OfCounts(count.duplicate_charges, count.duplicate_square_sum, count.intents);
  EXPECT_DOUBLE_EQ(rate.rate, 1.2061);
  EXPECT_LT(rate.ci95.low, 1.2061);
  EXPECT_GT(rate.ci95.high, 1.2061);
  EXPECT_NEAR(rate.ci95.low, 1.198, 1e-3);
  EXPECT_NEAR(rate.ci95.high, 1.214, 1e-3);
}

TEST(CountRateInterval, EveryTrialAlikeReachesDownFromTheRate) {
  // Every intent charged exactly three times: x = 2 each, m = 2, c = 2, and the score
  // equation n (2 - mu)^2 = z^2 (2 - mu)(1 + mu) has the roots 2 and (2n - z^2) / (n + z^2).
  // No mean above 2 is consistent with no spread at all, so the interval ends at the rate.
  const Interval ci = CountRateInterval(2000, 4000, 1000);
  const double z2 = kZ95 * kZ95;
  EXPECT_NEAR(ci.low, (2 * 1000 - z2) / (1000 + z2), 1e-12);
  EXPECT_DOUBLE_EQ(ci.high, 2.0);
}

// Duplicates in bursts: most intents none, a few several. Over 4000 simulated runs of 400
// intents the 95% interval must cover the true mean about 95% of the time; a Wilson interval
// on the same counts (each duplicate taken for an intent) covers far less.
TEST(CountRateInterval, CoversTheTrueMeanWhereWilsonDoesNot) {
  std::mt19937_64 random(2026);
  std::bernoulli_distribution bursty(0.05);
  std::poisson_distribution<int> burst(4.0);
  const double true_mean = 0.05 * 4.0;
  const int runs = 4000, intents = 400;
  int covered = 0, wilson_covered = 0;
  for (int run = 0; run < runs; ++run) {
    std::uint64_t sum = 0, squares = 0;
    for (int i = 0; i < intents; ++i) {
      const std::uint64_t x = bursty(random) ? static_cast<std::uint64_t>(burst(random)) : 0;
      sum += x;
      squares += x * x;
    }
    const Interval ci = CountRateInterval(sum, squares, intents);
    covered += ci.low <= true_mean && true_mean <= ci.high;
    const Interval wilson = WilsonInterval(std::min<std::uint64_t>(sum, intents), intents);
    wilson_covered += wilson.low <= true_mean && true_mean <= wilson.high;
  }
  const double coverage = static_cast<double>(covered) / runs;
  const double wilson_coverage = static_cast<double>(wilson_covered) / runs;
  EXPECT_GT(coverage, 0.93) << coverage;
  EXPECT_LT(coverage, 0.97) << coverage;
  EXPECT_LT(wilson_coverage, 0.75) << wilson_coverage;
}

RunResult WithDuplicates(std::uint64_t intents, std::uint64_t duplicates,
                         std::uint64_t square_sum) {
  RunResult r;
  r.intents = intents;
  r.duplicate_rate = RateEstimate::OfCounts(duplicates, square_sum, intents);
  r.duplicated_intent_rate = RateEstimate::Of(0, intents);
  r.lost_payment_rate = RateEstimate::Of(0, intents);
  r.false_block_rate = RateEstimate::Of(0, intents);
  return r;
}

// 10 intents with 10 duplicates each, then 15: a two-proportion test on "100 vs 150 of 1000"
// calls it a regression (p = 0.0004), but five more bursty intents are not significant.
TEST(BaselineComparison, UsesThePerIntentSpreadOfDuplicates) {
  const auto comparisons =
      CompareWithBaseline(WithDuplicates(1000, 100, 1000), WithDuplicates(1000, 150, 1500), 0.99);
  ASSERT_EQ(comparisons.front().metric, ExpectedMetric::kDuplicateRate);
  const double pooled = 0.125, variance = 1.25 - pooled * pooled;
  const double z = 0.05 / std::sqrt(variance * 2.0 / 1000);
  EXPECT_NEAR(comparisons.front().p_value, 0.5 * std::erfc(z / std::sqrt(2.0)), 1e-12);
  EXPECT_NEAR(comparisons.front().p_value, 0.157, 1e-3);
  EXPECT_EQ(comparisons.front().change, Change::kNoChange);
}

TEST(BaselineComparison, IsTheTwoProportionTestWithoutRepeats) {
  const auto comparisons =
      CompareWithBaseline(WithDuplicates(1000, 100, 100), WithDuplicates(1000, 150, 150), 0.99);
  const double pooled = 0.125;
  const double z = 0.05 / std::sqrt(pooled * (1 - pooled) * 2.0 / 1000);
  EXPECT_NEAR(comparisons.front().p_value, 0.5 * std::erfc(z / std::sqrt(2.0)), 1e-12);
  EXPECT_EQ(comparisons.front().change, Change::kRegression);
}

TEST(BaselineComparison, ComparesTheDuplicatedIntentRateToo) {
  RunResult before = WithDuplicates(1000, 100, 100);
  RunResult after = WithDuplicates(1000, 150, 150);
  before.duplicated_intent_rate = RateEstimate::Of(100, 1000);
  after.duplicated_intent_rate = RateEstimate::Of(150, 1000);
  const auto comparisons = CompareWithBaseline(before, after, 0.99);
  ASSERT_EQ(comparisons.size(), 4u);
  EXPECT_EQ(comparisons[1].metric, ExpectedMetric::kDuplicatedIntentRate);
  EXPECT_EQ(comparisons[1].change, Change::kRegression);
}

}  // namespace
}  // namespace dupsim
