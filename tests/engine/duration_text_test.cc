// The ways a time is printed (sim/engine/duration_text.h): each pinned at its unit edges, so a
// change to one shows here before it shows in a golden file.
#include "sim/engine/duration_text.h"

#include <gtest/gtest.h>

namespace dupsim {
namespace {

TEST(DurationText, LargestExactUnitReadsBackExactly) {
  EXPECT_EQ(DurationInLargestExactUnit(0), "0");
  EXPECT_EQ(DurationInLargestExactUnit(7), "7us");
  EXPECT_EQ(DurationInLargestExactUnit(1'001), "1001us");
  EXPECT_EQ(DurationInLargestExactUnit(250 * kMillisecond), "250ms");
  EXPECT_EQ(DurationInLargestExactUnit(1'500 * kMillisecond), "1500ms");  // not "1.5s"
  EXPECT_EQ(DurationInLargestExactUnit(3 * kSecond), "3s");
  EXPECT_EQ(DurationInLargestExactUnit(90 * kSecond), "90s");
  EXPECT_EQ(DurationInLargestExactUnit(2 * kMinute), "2m");
  EXPECT_EQ(DurationInLargestExactUnit(60 * kMinute), "1h");
  EXPECT_EQ(DurationInLargestExactUnit(36 * kHour), "36h");
  EXPECT_EQ(DurationInLargestExactUnit(-3 * kSecond), "-3s");
}

TEST(DurationText, WholeUnitsForTicks) {
  EXPECT_EQ(DurationInWholeUnits(500), "500\u00B5s");
  EXPECT_EQ(DurationInWholeUnits(20'000), "20ms");
  EXPECT_EQ(DurationInWholeUnits(2'000'000), "2s");
  EXPECT_EQ(DurationInWholeUnits(120'000'000), "120s");
}

TEST(DurationText, MicrosToHours) {
  EXPECT_EQ(DurationMicrosToHours(850), "850\u00B5s");
  EXPECT_EQ(DurationMicrosToHours(4'200), "4.2ms");
  EXPECT_EQ(DurationMicrosToHours(140 * kMillisecond), "140ms");
  EXPECT_EQ(DurationMicrosToHours(2'350 * kMillisecond), "2.35s");
  EXPECT_EQ(DurationMicrosToHours(210 * kSecond), "3.5min");
  EXPECT_EQ(DurationMicrosToHours(36 * kHour), "36.0h");
}

TEST(DurationText, SignedMillisOrSeconds) {
  EXPECT_EQ(SignedDurationMillisOrSeconds(3'020 * kMillisecond), "+3.02s");
  EXPECT_EQ(SignedDurationMillisOrSeconds(-120'500),
            "\u2212"
            "120.5ms");
  EXPECT_EQ(SignedDurationMillisOrSeconds(-120'500, "-"), "-120.5ms");
  EXPECT_EQ(SignedDurationMillisOrSeconds(0), "+0.0ms");
}

TEST(DurationText, SecondsToHours) {
  EXPECT_EQ(DurationSecondsToHours(3'020 * kMillisecond), "3.02s");
  EXPECT_EQ(DurationSecondsToHours(12 * kMinute), "12.0m");
  EXPECT_EQ(DurationSecondsToHours(58 * kHour + 42 * kMinute), "58.7h");
}

TEST(DurationText, ThreeDigitsKeepsTheSign) {
  EXPECT_EQ(DurationThreeDigits(140 * kMillisecond), "140ms");
  EXPECT_EQ(DurationThreeDigits(2'350 * kMillisecond), "2.35s");
  EXPECT_EQ(DurationThreeDigits(750 * kSecond), "12.5m");
  EXPECT_EQ(DurationThreeDigits(36 * kHour), "36h");
  EXPECT_EQ(DurationThreeDigits(-2'000'000), "-2s");
}

TEST(DurationText, ThreeDigitsBelowAMinuteOneDecimalAbove) {
  EXPECT_EQ(DurationThreeDigitsBelowAMinute(140 * kMillisecond), "140ms");
  EXPECT_EQ(DurationThreeDigitsBelowAMinute(2'350 * kMillisecond), "2.35s");
  EXPECT_EQ(DurationThreeDigitsBelowAMinute(750 * kSecond), "12.5m");
  EXPECT_EQ(DurationThreeDigitsBelowAMinute(36 * kHour), "36.0h");
  EXPECT_EQ(DurationThreeDigitsBelowAMinute(-2'000'000), "2s");  // the magnitude
}

}  // namespace
}  // namespace dupsim
