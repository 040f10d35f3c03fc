// Strategy plug-ins end to end: the example plug-in (plugins/example/payer_lock.cc), built by
// the project, loaded into the real binary with --plugin.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "tests/cli/dupsim_process.h"

namespace dupsim {
namespace {

const std::string kPlugin = DUPSIM_EXAMPLE_PLUGIN;

TEST(PluginCli, APluginStrategyRunsLikeABuiltIn) {
  const ProcessResult r =
      RunDupsimBinary({"run", "double_tap", "--plugin", kPlugin, "--intents", "20000", "--strategy",
                       "none", "--strategy", "{name: payer_lock, hold: 2s}", "--format", "json"});
  ASSERT_EQ(r.exit_status, 0) << r.err;
  const auto doc = nlohmann::json::parse(r.out);
  ASSERT_EQ(doc["results"].size(), 2u);
  EXPECT_EQ(doc["results"][1]["strategy"], "payer_lock");
  EXPECT_EQ(doc["results"][1]["strategy_config"], "payer_lock(hold=2s)");
  EXPECT_GT(doc["results"][0]["duplicate_charges"].get<int>(), 0);
  // Double taps come within the lock and its hold: none gets through.
  EXPECT_EQ(doc["results"][1]["duplicate_charges"].get<int>(), 0);
}

TEST(PluginCli, ScenarioFilesMayNamePluginStrategies) {
  ScratchDir dir;
  const std::string file = dir.Write(
      "s.yaml", "name: s\nintents: 100\narrivals: { rate_per_s: 10 }\nstrategies: [payer_lock]\n");
  const ProcessResult without = RunDupsimBinary({"validate", file});
  EXPECT_EQ(without.exit_status, 2);
  EXPECT_NE(without.err.find("unknown strategy 'payer_lock'"), std::string::npos) << without.err;
  const ProcessResult with = RunDupsimBinary({"validate", "--plugin", kPlugin, file});
  EXPECT_EQ(with.exit_status, 0) << with.err;
  const ProcessResult listed = RunDupsimBinary({"list", "--plugin", kPlugin});
  EXPECT_NE(listed.out.find("payer_lock"), std::string::npos);
}

TEST(PluginCli, BadPluginsAreOneLineErrorsWithStatus2) {
  ScratchDir dir;
  const std::string not_elf = dir.Write("fake.so", "not a shared library\n");
  const std::vector<std::vector<std::string>> cases = {
      {"run", "--plugin", dir.path() + "/missing.so"},
      {"run", "--plugin", not_elf},
      {"run", "--plugin", kPlugin, "--plugin", kPlugin},  // its name is taken the second time
  };
  for (const auto& args : cases) {
    const ProcessResult r = RunDupsimBinary(args);
    EXPECT_EQ(r.exit_status, 2) << args.back();
    EXPECT_EQ(r.err.rfind("dupsim: error: --plugin: '", 0), 0u) << r.err;
    EXPECT_EQ(r.err.find('\n'), r.err.size() - 1) << r.err;  // one line
  }
  const ProcessResult twice = RunDupsimBinary({"run", "--plugin", kPlugin, "--plugin", kPlugin});
  EXPECT_NE(twice.err.find("strategy name 'payer_lock' is already taken"), std::string::npos);
}

}  // namespace
}  // namespace dupsim
