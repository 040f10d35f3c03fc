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

// Any words will do; these show where the words go.
constexpr DurationUnitWords kWords{
    .milliseconds = " ms", .seconds = " s", .minutes = " min", .hours = " h"};

TEST(DurationText, MillisToHoursInWords) {
  EXPECT_EQ(DurationMillisToHoursInWords(0, kWords), "0 ms");
  EXPECT_EQ(DurationMillisToHoursInWords(499, kWords), "0 ms");
  EXPECT_EQ(DurationMillisToHoursInWords(500, kWords), "1 ms");  // to the nearest millisecond
  EXPECT_EQ(DurationMillisToHoursInWords(250 * kMillisecond, kWords), "250 ms");
  EXPECT_EQ(DurationMillisToHoursInWords(999'499, kWords), "999 ms");
  EXPECT_EQ(DurationMillisToHoursInWords(999'500, kWords), "1 s");
  EXPECT_EQ(DurationMillisToHoursInWords(3 * kSecond, kWords), "3 s");
  EXPECT_EQ(DurationMillisToHoursInWords(2'500 * kMillisecond, kWords), "2.5 s");
  EXPECT_EQ(DurationMillisToHoursInWords(1'234 * kMillisecond, kWords), "1.234 s");
  EXPECT_EQ(DurationMillisToHoursInWords(59'999 * kMillisecond, kWords), "59.999 s");
  EXPECT_EQ(DurationMillisToHoursInWords(kMinute, kWords), "1 min");
  EXPECT_EQ(DurationMillisToHoursInWords(85 * kSecond, kWords), "1.4 min");
  EXPECT_EQ(DurationMillisToHoursInWords(kHour, kWords), "1 h");
  EXPECT_EQ(DurationMillisToHoursInWords(90 * kMinute, kWords), "1.5 h");
  EXPECT_EQ(DurationMillisToHoursInWords(26 * kHour, kWords), "26 h");
  const DurationUnitWords no_space{
      .milliseconds = "ms", .seconds = "s", .minutes = "m", .hours = "h"};
  EXPECT_EQ(DurationMillisToHoursInWords(2'500 * kMillisecond, no_space), "2.5s");
}

TEST(DurationText, SignedSecondsThreeDecimals) {
  EXPECT_EQ(SignedDurationSecondsThreeDecimals(0), "+0.000s");
  EXPECT_EQ(SignedDurationSecondsThreeDecimals(499), "+0.000s");
  EXPECT_EQ(SignedDurationSecondsThreeDecimals(1'499), "+0.001s");
  EXPECT_EQ(SignedDurationSecondsThreeDecimals(1'500), "+0.002s");  // to the nearest millisecond
  EXPECT_EQ(SignedDurationSecondsThreeDecimals(3 * kSecond + 12 * kMillisecond), "+3.012s");
  EXPECT_EQ(SignedDurationSecondsThreeDecimals(2 * kMinute), "+120.000s");  // seconds only
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

TEST(DurationText, SignedMillisOneDecimal) {
  EXPECT_EQ(SignedDurationMillisOneDecimal(0), "+0.0ms");
  EXPECT_EQ(SignedDurationMillisOneDecimal(100), "+0.1ms");
  EXPECT_EQ(SignedDurationMillisOneDecimal(-13'800), "-13.8ms");
  EXPECT_EQ(SignedDurationMillisOneDecimal(-40), "+0.0ms");                      // no "-0.0"
  EXPECT_EQ(SignedDurationMillisOneDecimal(2'500 * kMillisecond), "+2500.0ms");  // never seconds
  EXPECT_EQ(SignedDurationMillisOneDecimal(-13'800, " 毫秒"), "-13.8 毫秒");
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
