#include "reports/percent_format.h"

#include <gtest/gtest.h>

namespace dupsim {
namespace {

TEST(FormatPercent, TwoDecimalsFromOnePercentUp) {
  EXPECT_EQ(FormatPercent(0.0998), "9.98");
  EXPECT_EQ(FormatPercent(0.1017), "10.17");
  EXPECT_EQ(FormatPercent(0.5), "50.00");
  EXPECT_EQ(FormatPercent(0.01), "1.00");
}

TEST(FormatPercent, SmallRatesKeepTwoSignificantDigits) {
  EXPECT_EQ(FormatPercent(0.005), "0.50");
  EXPECT_EQ(FormatPercent(0.00031), "0.031");
  EXPECT_EQ(FormatPercent(0.000038413), "0.0038");
  EXPECT_EQ(FormatPercent(1e-9), "0.00000010");
}

TEST(FormatPercent, RoundingUpDoesNotAddADigit) {
  EXPECT_EQ(FormatPercent(0.0000999), "0.010");
  EXPECT_EQ(FormatPercent(0.00999), "1.00");
}

TEST(FormatPercent, ExactEndsArePlain) {
  EXPECT_EQ(FormatPercent(0), "0");
  EXPECT_EQ(FormatPercent(1), "100");
}

TEST(FormatRateWithInterval, LargeRate) {
  EXPECT_EQ(FormatRateWithInterval(RateEstimate::Of(998, 10000)), "9.98% (9.41-10.58%)");
}

TEST(FormatRateWithInterval, ZeroCountShowsTheUpperBound) {
  EXPECT_EQ(FormatRateWithInterval(RateEstimate::Of(0, 100000)), "0% (0-0.0038%)");
  EXPECT_EQ(FormatRateWithInterval(RateEstimate::Of(0, 10000)), "0% (0-0.038%)");
}

TEST(FormatRateWithInterval, TinyRateStaysReadable) {
  EXPECT_EQ(FormatRateWithInterval(RateEstimate::Of(31, 100000)), "0.031% (0.022-0.044%)");
  EXPECT_EQ(FormatRateWithInterval(RateEstimate::Of(3, 10000)), "0.030% (0.010-0.088%)");
}

TEST(FormatRateWithInterval, EveryTrialASuccess) {
  EXPECT_EQ(FormatRateWithInterval(RateEstimate::Of(20, 20)), "100% (83.89-100%)");
}

TEST(FormatRateWithInterval, NoTrialsIsADash) {
  EXPECT_EQ(FormatRateWithInterval(RateEstimate::Of(0, 0)), "-");
  EXPECT_EQ(FormatRate(RateEstimate::Of(0, 0)), "-");
  EXPECT_EQ(FormatInterval(RateEstimate::Of(0, 0)), "");
}

}  // namespace
}  // namespace dupsim

namespace dupsim {
namespace {

// Duplicates per intent past 1 read as a count per intent, never "120.61%".
TEST(FormatRate, CountsAboveOnePrintPerIntent) {
  const RateEstimate rate = RateEstimate::OfCounts(12061, 2061 * 4 + 7939, 10000);
  EXPECT_TRUE(ReadsPerIntent(rate));
  EXPECT_EQ(FormatRate(rate), "1.21 per intent");
  EXPECT_EQ(FormatInterval(rate), "(1.20-1.21)");
  EXPECT_EQ(FormatRateWithInterval(rate), "1.21 per intent (1.20-1.21)");
  // Below 1 but with an interval reaching past it: the same form, so the ends stay in one unit.
  const RateEstimate near = RateEstimate::OfCounts(90, 810, 100);  // 10 intents with 9 each
  EXPECT_LT(near.rate, 1);
  EXPECT_GT(near.ci95.high, 1);
  EXPECT_EQ(FormatRateWithInterval(near), "0.90 per intent (0.37-1.40)");
  EXPECT_FALSE(ReadsPerIntent(RateEstimate::Of(998, 10000)));
}

}  // namespace
}  // namespace dupsim
