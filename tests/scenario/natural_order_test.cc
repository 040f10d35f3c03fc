// Natural order of file names (sim/input/natural_order.h), the order `dupsim run DIR` runs in.
#include "sim/input/natural_order.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <random>
#include <string>
#include <vector>

namespace dupsim {
namespace {

std::vector<std::string> Sorted(std::vector<std::string> names) {
  std::sort(names.begin(), names.end(),
            [](const std::string& a, const std::string& b) { return NaturalLess(a, b); });
  return names;
}

TEST(NaturalOrder, DigitRunsCompareByValue) {
  EXPECT_EQ(
      Sorted({"take_10.yaml", "take_9.yaml", "take_100.yaml", "take_09b.yaml"}),
      (std::vector<std::string>{"take_9.yaml", "take_09b.yaml", "take_10.yaml", "take_100.yaml"}));
  EXPECT_TRUE(NaturalLess("v1.9", "v1.10"));
  EXPECT_TRUE(NaturalLess("a2", "a10"));
  EXPECT_FALSE(NaturalLess("a10", "a2"));
  // Longer than any integer type: still by value.
  EXPECT_TRUE(NaturalLess("x99999999999999999999999", "x100000000000000000000000"));
}

TEST(NaturalOrder, DurationsCompareByTheTimeTheyStandFor) {
  // The example: byte order puts 3s first, and by digits alone 500 > 3.
  EXPECT_TRUE(NaturalLess("retry_500ms.yaml", "retry_3s.yaml"));
  EXPECT_FALSE(NaturalLess("retry_3s.yaml", "retry_500ms.yaml"));
  EXPECT_EQ(
      Sorted({"t_2m", "t_1h", "t_90s", "t_1.5s", "t_250us", "t_1s", "t_10min"}),
      (std::vector<std::string>{"t_250us", "t_1s", "t_1.5s", "t_90s", "t_2m", "t_10min", "t_1h"}));
  // A unit must end its word: "3sec" is the number 3 and the text "sec".
  EXPECT_TRUE(NaturalLess("a_3sec", "a_10sec"));
}

TEST(NaturalOrder, EqualByTheRuleFallsBackToByteOrder) {
  EXPECT_TRUE(NaturalLess("a007", "a7"));
  EXPECT_FALSE(NaturalLess("a7", "a007"));
  EXPECT_TRUE(NaturalLess("w_1000ms", "w_1s"));  // the same time: byte order decides
  EXPECT_FALSE(NaturalLess("w_1s", "w_1000ms"));
  EXPECT_FALSE(NaturalLess("same", "same"));
  EXPECT_TRUE(NaturalLess("a", "a1"));  // a prefix first
  EXPECT_TRUE(NaturalLess("", "a"));
}

TEST(NaturalOrder, TextComparesByteByByte) {
  EXPECT_TRUE(NaturalLess("alpha", "beta"));
  EXPECT_TRUE(NaturalLess("Beta", "alpha"));  // as before: upper case first
  EXPECT_TRUE(NaturalLess("a-1", "a_1"));
}

// std::sort needs a strict weak ordering; mixed numbers, durations and text are where a
// natural order most easily breaks it (a plain 2 between 500ms and 1s would make a cycle).
TEST(NaturalOrder, IsAStrictTotalOrderOnAMixedSet) {
  const std::vector<std::string> names = {
      "x_2",  "x_500ms",  "x_1s", "x_10",   "x_",   "x_1.5s", "x_1.5",  "x_a",   "x_2s",
      "x_02", "x_1000ms", "x",    "x_1m",   "x_h",  "x_1h2",  "x_1s.b", "x_1sb", "x_.5s",
      "x_0",  "x_00",     "x-1",  "x_9999", "x_2x", "x_3sec", "x_1min", "x_60s", ""};
  for (const std::string& a : names) {
    EXPECT_FALSE(NaturalLess(a, a)) << a;
    for (const std::string& b : names) {
      if (a != b) {
        EXPECT_NE(NaturalLess(a, b), NaturalLess(b, a)) << a << " vs " << b;
      }
      for (const std::string& c : names) {
        if (NaturalLess(a, b) && NaturalLess(b, c)) {
          EXPECT_TRUE(NaturalLess(a, c)) << a << " < " << b << " < " << c;
        }
      }
    }
  }
  // So any shuffle sorts to the same order.
  std::vector<std::string> shuffled = names;
  std::mt19937 random(3);
  std::shuffle(shuffled.begin(), shuffled.end(), random);
  EXPECT_EQ(Sorted(shuffled), Sorted(names));
}

}  // namespace
}  // namespace dupsim
