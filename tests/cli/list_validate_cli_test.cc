// `dupsim list`, `validate`, `--help` and `--version` end to end.
#include <gtest/gtest.h>

#include <regex>

#include "sim/dedup/strategy_registry.h"
#include "sim/scenario/bundled_scenarios.h"
#include "tests/cli/dupsim_process.h"

namespace dupsim {
namespace {

const std::string kScenarios = std::string(DUPSIM_SOURCE_DIR) + "/scenarios/";

TEST(ListCli, NamesEveryBundledScenarioAndStrategy) {
  const ProcessResult r = RunDupsimBinary({"list"});
  ASSERT_EQ(r.exit_status, 0) << r.err;
  EXPECT_EQ(r.err, "");
  ASSERT_FALSE(BundledScenarios().empty());
  for (const BundledScenario& bundled : BundledScenarios()) {
    const Scenario scenario = LoadBundledScenario(bundled);
    const std::regex line("\n    " + std::string(bundled.name) + " +[^\n]*" +
                          std::regex_replace(scenario.description.substr(0, 20),
                                             std::regex(R"([.^$|()\[\]{}*+?\\])"), R"(\$&)"));
    EXPECT_TRUE(std::regex_search(r.out, line)) << bundled.name << "\n" << r.out;
  }
  for (const StrategyInfo* info : StrategyRegistry::Builtin().All()) {
    EXPECT_NE(r.out.find("\n  " + info->name + " "), std::string::npos) << info->name;
    EXPECT_NE(r.out.find(info->summary), std::string::npos) << info->summary;
  }
  EXPECT_NE(r.out.find(std::string(DefaultScenarioName()) + " "), std::string::npos);
  EXPECT_NE(r.out.find(" (default)\n"), std::string::npos);
}

TEST(ListCli, GroupsTheBundledScenariosByCause) {
  const ProcessResult r = RunDupsimBinary({"list"});
  ASSERT_EQ(r.exit_status, 0) << r.err;
  std::size_t previous_heading = 0;
  for (Cause cause : kAllCauses) {
    const std::size_t heading = r.out.find("\n  " + std::string(CauseTitle(cause)) + ":\n");
    ASSERT_NE(heading, std::string::npos) << CauseTitle(cause) << "\n" << r.out;
    EXPECT_GT(heading, previous_heading);
    previous_heading = heading;
  }
  // Each scenario sits under its own cause's heading: the last heading before its line.
  for (const BundledScenario& bundled : BundledScenarios()) {
    const Scenario scenario = LoadBundledScenario(bundled);
    const std::size_t line = r.out.find("\n    " + std::string(bundled.name) + " ");
    ASSERT_NE(line, std::string::npos) << bundled.name;
    std::size_t owner = 0;
    std::string owner_title;
    for (Cause cause : kAllCauses) {
      const std::size_t heading = r.out.find("\n  " + std::string(CauseTitle(cause)) + ":\n");
      if (heading < line && heading >= owner) {
        owner = heading;
        owner_title = CauseTitle(cause);
      }
    }
    ASSERT_TRUE(scenario.cause.has_value()) << bundled.name;
    EXPECT_EQ(owner_title, CauseTitle(*scenario.cause)) << bundled.name;
  }
}

TEST(ValidateCli, GoodFilesPrintOkLines) {
  const std::string a = kScenarios + "double_tap.yaml";
  const std::string b = kScenarios + "timeout_retry.yaml";
  const ProcessResult r = RunDupsimBinary({"validate", a, b});
  ASSERT_EQ(r.exit_status, 0) << r.err;
  EXPECT_EQ(r.err, "");
  const std::regex expected("ok " + a + " \\([^:]+: [0-9]+ strateg(y|ies)\\)\nok " + b +
                            " \\([^:]+: [0-9]+ strateg(y|ies)\\)\n");
  EXPECT_TRUE(std::regex_match(r.out, expected)) << r.out;
}

TEST(ValidateCli, CountsTheStrategies) {
  const ScratchDir dir;
  std::string text = ReadFile(kScenarios + "double_tap.yaml");
  const std::size_t at = text.find("\nstrategies:");
  ASSERT_NE(at, std::string::npos);
  text = text.substr(0, at + 1) + "strategies: [none]\n";
  const std::string path = dir.Write("one.yaml", text);
  const ProcessResult r = RunDupsimBinary({"validate", path});
  ASSERT_EQ(r.exit_status, 0) << r.err;
  EXPECT_NE(r.out.find(": 1 strategy)\n"), std::string::npos) << r.out;
}

TEST(ValidateCli, ReportsEveryBadFileAndEveryGoodOne) {
  const ScratchDir dir;
  const std::string good = kScenarios + "double_tap.yaml";
  const std::string bad = dir.Write("bad.yaml", "name: x\n  intents: 3\n");
  const ProcessResult r = RunDupsimBinary({"validate", good, bad, "no_such_scenario", good});
  EXPECT_EQ(r.exit_status, 2);
  // Both good files, the one after the bad ones too.
  const std::string ok = "ok " + good + " \\([^:]+: [0-9]+ strateg(y|ies)\\)\n";
  EXPECT_TRUE(std::regex_match(r.out, std::regex(ok + ok))) << r.out;
  EXPECT_TRUE(
      std::regex_match(r.err, std::regex("dupsim: error: " + bad +
                                         ":2:[0-9]+: [^\n]+\n"
                                         "dupsim: error: no_such_scenario: no such file[^\n]+\n")))
      << r.err;
}

TEST(ValidateCli, ADirectoryReportsEachOfItsFiles) {
  const ScratchDir dir;
  std::string text = ReadFile(kScenarios + "double_tap.yaml");
  ASSERT_FALSE(text.empty());
  dir.Write("a_good.yaml", text);
  const std::string bad_key = dir.Write("b_bad.yaml", text + "frobnicate: 1\n");
  dir.Write("c_good.yaml", text);
  const std::string bad_strategy = dir.Write(
      "d_bad.yaml", "name: x\nintents: 3\narrivals: { rate_per_s: 1 }\nstrategies: [magic]\n");
  const ProcessResult r = RunDupsimBinary({"validate", dir.path()});
  EXPECT_EQ(r.exit_status, 2);
  const std::regex ok_lines("ok " + dir.path() + "/a_good\\.yaml \\([^\n]+\\)\n" + "ok " +
                            dir.path() + "/c_good\\.yaml \\([^\n]+\\)\n");
  EXPECT_TRUE(std::regex_match(r.out, ok_lines)) << r.out;
  const std::regex error_lines("dupsim: error: " + bad_key + ":[0-9]+:1: frobnicate: [^\n]+\n" +
                               "dupsim: error: " + bad_strategy +
                               ":4:14: strategies\\[0\\]: unknown strategy 'magic'[^\n]+\n");
  EXPECT_TRUE(std::regex_match(r.err, error_lines)) << r.err;

  // All good: exit 0 and nothing on stderr, as before.
  const ProcessResult fine = RunDupsimBinary({"validate", kScenarios + "double_tap.yaml"});
  EXPECT_EQ(fine.exit_status, 0);
  EXPECT_EQ(fine.err, "");
}

TEST(HelpCli, EveryLevelHasHelp) {
  const ProcessResult top = RunDupsimBinary({"--help"});
  ASSERT_EQ(top.exit_status, 0);
  for (const char* command : {"run", "list", "validate"}) {
    EXPECT_NE(top.out.find(std::string("\n  ") + command + " "), std::string::npos) << top.out;
    const ProcessResult help = RunDupsimBinary({command, "--help"});
    EXPECT_EQ(help.exit_status, 0) << command;
    EXPECT_EQ(help.out.rfind(std::string("Usage: dupsim ") + command, 0), 0u) << help.out;
    EXPECT_EQ(RunDupsimBinary({"help", command}).out, help.out);
  }
  const ProcessResult run = RunDupsimBinary({"run", "-h"});
  for (const char* flag :
       {"--strategy", "--intents", "--seed", "--threads", "--format", "--output"}) {
    EXPECT_NE(run.out.find(flag), std::string::npos) << flag;
  }
}

TEST(HelpCli, Version) {
  const ProcessResult r = RunDupsimBinary({"--version"});
  EXPECT_EQ(r.exit_status, 0);
  EXPECT_EQ(r.out, std::string("dupsim ") + DUPSIM_EXPECTED_VERSION + "\n");
}

}  // namespace
}  // namespace dupsim
