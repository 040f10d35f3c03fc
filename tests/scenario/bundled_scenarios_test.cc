// The scenarios embedded in the library: all of them load, they match the files in scenarios/,
// and each shows the cause it is documented to show.
#include "sim/scenario/bundled_scenarios.h"

#include <algorithm>
#include <fstream>
#include <sstream>

#include <gtest/gtest.h>

#include "sim/scenario/scenario_loader.h"

namespace dupsim {
namespace {

std::string ReadSourceFile(const std::string& relative) {
  std::ifstream in(std::string(DUPSIM_SOURCE_DIR) + "/" + relative, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

std::vector<std::string> Labels(const Scenario& scenario) {
  std::vector<std::string> labels;
  for (const ConfiguredStrategy& strategy : scenario.strategies) labels.push_back(strategy.label);
  return labels;
}

TEST(BundledScenarios, SortedByNameAndIdenticalToTheSourceFiles) {
  std::vector<std::string> names;
  for (const BundledScenario& bundled : BundledScenarios()) {
    names.emplace_back(bundled.name);
    EXPECT_EQ(std::string(bundled.file), std::string(bundled.name) + ".yaml");
    EXPECT_EQ(bundled.text, ReadSourceFile("scenarios/" + std::string(bundled.file)));
  }
  EXPECT_TRUE(std::is_sorted(names.begin(), names.end()));
  for (const char* name : {"delayed_confirmation", "double_tap", "timeout_retry"}) {
    EXPECT_NE(std::find(names.begin(), names.end(), name), names.end()) << name;
  }
}

TEST(BundledScenarios, EveryOneLoadsWithABundledSourceName) {
  for (const BundledScenario& bundled : BundledScenarios()) {
    SCOPED_TRACE(std::string(bundled.name));
    const Scenario s = LoadBundledScenario(bundled);
    EXPECT_EQ(s.source, "<bundled>/" + std::string(bundled.file));
    EXPECT_FALSE(s.description.empty());
    EXPECT_TRUE(s.cause.has_value());
    EXPECT_LE(s.intents, 100000u);
    EXPECT_GE(s.strategies.size(), 2u);
  }
}

TEST(BundledScenarios, FindByNameOrFile) {
  ASSERT_NE(FindBundledScenario("timeout_retry"), nullptr);
  EXPECT_EQ(FindBundledScenario("timeout_retry"), FindBundledScenario("timeout_retry.yaml"));
  EXPECT_EQ(FindBundledScenario("timeout_retry")->name, "timeout_retry");
  EXPECT_EQ(FindBundledScenario("nope"), nullptr);
  EXPECT_EQ(FindBundledScenario(""), nullptr);
}

TEST(BundledScenarios, DoubleTapIsTheDefaultAndTheReadmeExample) {
  EXPECT_EQ(DefaultScenarioName(), "double_tap");
  const BundledScenario* bundled = FindBundledScenario(DefaultScenarioName());
  ASSERT_NE(bundled, nullptr);
  const Scenario s = LoadBundledScenario(*bundled);
  EXPECT_EQ(s.source, "<bundled>/double_tap.yaml");
  EXPECT_EQ(s.name, "double-tap-basics");
  EXPECT_EQ(s.cause, Cause::kUserMisoperation);
  EXPECT_EQ(s.user.double_tap_probability, 0.1);
  EXPECT_EQ(s.user.double_tap_gap->Describe(), "uniform(50ms..400ms)");
  EXPECT_EQ(s.network.request.loss_probability, 0.0);
  EXPECT_EQ(s.network.response.loss_probability, 0.0);
  EXPECT_EQ(Labels(s),
            (std::vector<std::string>{"none", "client_debounce(window=1s)", "idempotency_key"}));
}

TEST(BundledScenarios, TimeoutRetryLosesResponsesAndRetries) {
  const Scenario s = LoadBundledScenario(*FindBundledScenario("timeout_retry"));
  EXPECT_EQ(s.user.double_tap_probability, 0.0);
  EXPECT_GT(s.network.response.loss_probability, 0.0);
  EXPECT_EQ(s.client.max_attempts, 3u);
  EXPECT_EQ(s.client.key_scope, KeyScope::kPerIntent);
  EXPECT_TRUE(s.client.response_confirms);
  // The round trip's tail must reach past the timeout, or no attempt would time out.
  EXPECT_GT(s.server.processing->Max(), s.client.timeout);
  EXPECT_EQ(Labels(s),
            (std::vector<std::string>{"none", "client_debounce(window=1s)", "idempotency_key"}));
}

TEST(BundledScenarios, DelayedConfirmationReliesOnTheNotification) {
  const Scenario s = LoadBundledScenario(*FindBundledScenario("delayed_confirmation"));
  EXPECT_FALSE(s.client.response_confirms);
  EXPECT_EQ(s.user.pay_again_probability, 0.5);
  EXPECT_GT(s.confirmation.loss_probability, 0.0);
  EXPECT_EQ(s.confirmation.delay->Describe(), "lognormal(median=5s, p99=90s)");
  EXPECT_GT(s.user.patience->Min(), 0);
}

}  // namespace
}  // namespace dupsim
