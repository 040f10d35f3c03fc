#include <gtest/gtest.h>

#include "sim/scenario/scenario_loader.h"

namespace dupsim {
namespace {

TEST(ArrivalStagesKeysTest, StagesReadAndCheck) {
  const Scenario s = LoadScenarioText(
      "name: x\nintents: 10\narrivals:\n  rate_per_s: 0\n  stages:\n"
      "    - { duration: 30s, target_rate_per_s: 200 }\n"
      "    - { duration: 1m, target_rate_per_s: 50 }\n",
      "x.yaml");
  ASSERT_EQ(s.arrivals.stages.size(), 2u);
  EXPECT_EQ(s.arrivals.stages[1].duration, kMinute);
  EXPECT_EQ(s.arrivals.stages[1].target_rate_per_s, 50);
  auto error = [](const std::string& arrivals) {
    try {
      LoadScenarioText("name: x\nintents: 10\narrivals: " + arrivals + "\n", "x.yaml");
    } catch (const InputError& e) {
      return std::string(e.what());
    }
    return std::string("no error");
  };
  EXPECT_EQ(error("{ rate_per_s: 0 }"), "x.yaml:3:25: arrivals.rate_per_s: must be > 0, got 0");
  EXPECT_EQ(error("{ rate_per_s: 5, stages: [ { duration: 10s, target_rate_per_s: 0 } ] }"),
            "x.yaml:3:38: arrivals.stages[0]: the last stage's target_rate_per_s must be > 0 (the "
            "rate stays there until every intent has arrived)");
  EXPECT_EQ(error("{ rate_per_s: 5, stages: [ { duration: 0s, target_rate_per_s: 3 } ] }"),
            "x.yaml:3:50: arrivals.stages[0].duration: must be > 0, got 0");
}

}  // namespace
}  // namespace dupsim
