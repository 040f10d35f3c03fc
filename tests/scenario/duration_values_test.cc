// Durations in scenarios: units, exact decimals, and the errors for a missing unit or a sign.
#include <gtest/gtest.h>

#include "sim/scenario/scenario_loader.h"

namespace dupsim {
namespace {

std::string WithTimeout(const std::string& timeout) {
  return "name: t\nintents: 1\narrivals: { rate_per_s: 1 }\nclient:\n  timeout: " + timeout + "\n";
}

Time TimeoutOf(const std::string& timeout) {
  return LoadScenarioText(WithTimeout(timeout), "d.yaml").client.timeout;
}

std::string ErrorOf(const std::string& timeout) {
  try {
    LoadScenarioText(WithTimeout(timeout), "d.yaml");
  } catch (const InputError& e) {
    return e.what();
  }
  return "(loaded without error)";
}

TEST(DurationValues, UnitsAndDecimals) {
  EXPECT_EQ(TimeoutOf("750us"), 750);
  EXPECT_EQ(TimeoutOf("250ms"), 250'000);
  EXPECT_EQ(TimeoutOf("3s"), 3'000'000);
  EXPECT_EQ(TimeoutOf("0.1s"), 100'000);  // exact, not 99999
  EXPECT_EQ(TimeoutOf("1.5s"), 1'500'000);
  EXPECT_EQ(TimeoutOf("2m"), 120'000'000);
  EXPECT_EQ(TimeoutOf("1h"), 3'600'000'000);
  EXPECT_EQ(TimeoutOf("\"3s\""), 3'000'000);  // a quoted duration is still a duration
}

TEST(DurationValues, BareZeroIsAllowed) {
  const Scenario s = LoadScenarioText(
      "name: t\nintents: 1\narrivals: { rate_per_s: 1 }\n"
      "client: { retry: { backoff: { base: 0, cap: 0 } } }\n",
      "d.yaml");
  EXPECT_EQ(s.client.backoff_base, 0);
  EXPECT_EQ(s.client.backoff_cap, 0);
}

TEST(DurationValues, Errors) {
  EXPECT_EQ(ErrorOf("-1s"),
            "d.yaml:5:12: client.timeout: expected a duration such as 250ms, 3s or 2m, got '-1s': "
            "negative duration");
  EXPECT_EQ(ErrorOf("10"),
            "d.yaml:5:12: client.timeout: expected a duration such as 250ms, 3s or 2m, got '10': "
            "missing unit (us, ms, s, m, h)");
  EXPECT_EQ(ErrorOf("3sec"),
            "d.yaml:5:12: client.timeout: expected a duration such as 250ms, 3s or 2m, got '3sec': "
            "unknown unit (use us, ms, s, m, h)");
  EXPECT_EQ(ErrorOf("fast"),
            "d.yaml:5:12: client.timeout: expected a duration such as 250ms, 3s or 2m, got 'fast'");
  EXPECT_EQ(ErrorOf("0.0000001s"),
            "d.yaml:5:12: client.timeout: expected a duration such as 250ms, 3s or 2m, got "
            "'0.0000001s': finer than one microsecond");
}

}  // namespace
}  // namespace dupsim
