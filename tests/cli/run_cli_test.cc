// `dupsim run` end to end: output formats, determinism and the overriding flags.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "tests/cli/dupsim_process.h"
#include "tests/support/documented_report_schema.h"

namespace dupsim {
namespace {

using Json = nlohmann::ordered_json;

ProcessResult DupsimRun(std::vector<std::string> args) {
  args.insert(args.begin(), "run");
  return RunDupsimBinary(args);
}

// Runs with --format json, expects success and returns the parsed report.
Json RunJson(std::vector<std::string> args) {
  args.insert(args.end(), {"--format", "json"});
  const ProcessResult r = DupsimRun(args);
  EXPECT_EQ(r.exit_status, 0) << r.err;
  EXPECT_EQ(r.err, "");
  return Json::parse(r.out);
}

TEST(RunCli, NoArgumentsRunsTheDefaultScenarioAsATable) {
  const ProcessResult r = DupsimRun({});
  ASSERT_EQ(r.exit_status, 0) << r.err;
  EXPECT_EQ(r.err, "");
  EXPECT_NE(r.out.find("(<bundled>/double_tap.yaml, seed "), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("  strategy "), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("dup rate (95% CI)"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("% ("), std::string::npos) << r.out;
}

TEST(RunCli, JsonHasEveryFieldInOrder) {
  const Json doc = RunJson({"--intents", "2000"});
  std::vector<std::string> top;
  for (const auto& [key, value] : doc.items()) top.push_back(key);
  EXPECT_TRUE(testing::MatchesDocumentedJsonTopLevelKeys(top));
  EXPECT_EQ(doc["tool"], "dupsim");
  EXPECT_EQ(doc["version"], DUPSIM_EXPECTED_VERSION);
  ASSERT_TRUE(doc["results"].is_array());
  ASSERT_FALSE(doc["results"].empty());
  for (const Json& result : doc["results"]) {
    std::vector<std::string> keys;
    for (const auto& [key, value] : result.items()) keys.push_back(key);
    EXPECT_TRUE(testing::MatchesDocumentedJsonResultKeys(keys));
    EXPECT_EQ(result["source"], "<bundled>/double_tap.yaml");
    EXPECT_EQ(result["intents"], 2000);
    for (const char* ci : {"duplicate_rate_ci95", "lost_payment_rate_ci95"}) {
      ASSERT_EQ(result[ci].size(), 2u) << ci;
      EXPECT_LE(result[ci][0].get<double>(), result[ci][1].get<double>()) << ci;
    }
    EXPECT_EQ(result["duplicate_rate"].get<double>(),
              result["duplicate_charges"].get<double>() / 2000.0);
  }
}

TEST(RunCli, SameSeedGivesIdenticalBytes) {
  const std::vector<std::string> args = {
      "double_tap", "timeout_retry", "--intents", "2000", "--seed", "5", "--format", "json"};
  const ProcessResult first = DupsimRun(args);
  const ProcessResult second = DupsimRun(args);
  ASSERT_EQ(first.exit_status, 0) << first.err;
  EXPECT_EQ(first.out, second.out);
}

TEST(RunCli, ThreadCountDoesNotChangeTheBytes) {
  for (const char* format : {"json", "table"}) {
    std::vector<std::string> args = {"double_tap", "timeout_retry", "delayed_confirmation",
                                     "--intents",  "2000",          "--format",
                                     format,       "--threads"};
    args.push_back("1");
    const ProcessResult one = DupsimRun(args);
    args.back() = "2";
    const ProcessResult two = DupsimRun(args);
    args.back() = "0";
    const ProcessResult per_core = DupsimRun(args);
    ASSERT_EQ(one.exit_status, 0) << one.err;
    EXPECT_EQ(one.out, two.out) << format;
    EXPECT_EQ(one.out, per_core.out) << format;
  }
}

TEST(RunCli, SeedChangesTheNumbers) {
  Json a = RunJson({"--intents", "2000", "--seed", "1"});
  Json b = RunJson({"--intents", "2000", "--seed", "2"});
  ASSERT_EQ(a["results"].size(), b["results"].size());
  EXPECT_EQ(a["results"][0]["seed"], 1);
  EXPECT_EQ(b["results"][0]["seed"], 2);
  for (Json* doc : {&a, &b}) {
    for (Json& result : (*doc)["results"]) result.erase("seed");
  }
  EXPECT_NE(a["results"], b["results"]);
}

TEST(RunCli, StrategyFlagsReplaceTheScenarioList) {
  const Json doc =
      RunJson({"double_tap", "timeout_retry", "--intents", "2000", "--strategy", "idempotency_key",
               "--strategy", "{name: client_debounce, window: 2s}"});
  ASSERT_EQ(doc["results"].size(), 4u);
  for (std::size_t i = 0; i < 4; i += 2) {
    EXPECT_EQ(doc["results"][i]["strategy"], "idempotency_key");
    EXPECT_EQ(doc["results"][i + 1]["strategy"], "client_debounce");
    EXPECT_EQ(doc["results"][i + 1]["strategy_config"], "client_debounce(window=2s)");
  }
  EXPECT_EQ(doc["results"][0]["source"], "<bundled>/double_tap.yaml");
  EXPECT_EQ(doc["results"][2]["source"], "<bundled>/timeout_retry.yaml");
}

// As a scenario's `strategies` list does (tests/scenario/scenario_errors_test.cc), by the same
// rule: the same strategy with the same parameters, once defaults are filled in.
TEST(RunCli, AStrategyGivenTwiceIsBadInput) {
  const std::vector<std::pair<std::vector<std::string>, std::string>> repeats = {
      {{"none", "none"}, "--strategy: none is already given by --strategy #1\n"},
      {{"idempotency_key", "{name: client_debounce, window: 1s}", "client_debounce"},
       "--strategy: client_debounce(window=1s) is already given by --strategy #2\n"},
      {{"{stack: [client_debounce, idempotency_key]}",
        "{stack: [{name: client_debounce, window: 1000ms}, idempotency_key]}"},
       "--strategy: client_debounce(window=1s) + idempotency_key is already given by "
       "--strategy #1\n"},
  };
  for (const auto& [strategies, message] : repeats) {
    std::vector<std::string> args = {"double_tap", "--intents", "100"};
    for (const std::string& s : strategies) args.insert(args.end(), {"--strategy", s});
    const ProcessResult r = DupsimRun(args);
    EXPECT_EQ(r.exit_status, 2) << r.out << r.err;
    EXPECT_EQ(r.out, "");
    EXPECT_EQ(r.err, "dupsim: error: " + message);
  }
  // Two different windows are two strategies.
  const Json doc = RunJson({"double_tap", "--intents", "100", "--strategy",
                            "{name: client_debounce, window: 1s}", "--strategy",
                            "{name: client_debounce, window: 2s}"});
  EXPECT_EQ(doc["results"].size(), 2u);
}

// A directory runs in natural order: numbers by value, durations by the time they stand for.
TEST(RunCli, ADirectoryRunsInNaturalOrder) {
  const ScratchDir dir;
  const std::string text = ReadFile(std::string(DUPSIM_SOURCE_DIR) + "/scenarios/double_tap.yaml");
  ASSERT_FALSE(text.empty());
  // Byte order would be retry_10s, retry_2s, retry_3s, retry_500ms, take_10, take_9.
  for (const char* name :
       {"retry_3s", "take_10", "retry_500ms", "retry_10s", "take_9", "retry_2s"}) {
    dir.Write(std::string(name) + ".yaml", text);
  }
  const Json doc = RunJson({dir.path(), "--intents", "100", "--strategy", "none"});
  std::vector<std::string> sources;
  for (const Json& result : doc["results"]) {
    sources.push_back(result["source"].get<std::string>().substr(dir.path().size() + 1));
  }
  EXPECT_EQ(sources, (std::vector<std::string>{"retry_500ms.yaml", "retry_2s.yaml", "retry_3s.yaml",
                                               "retry_10s.yaml", "take_9.yaml", "take_10.yaml"}));
}

TEST(RunCli, ScenarioByPath) {
  const std::string path = std::string(DUPSIM_SOURCE_DIR) + "/scenarios/double_tap.yaml";
  const Json doc = RunJson({path, "--intents", "2000"});
  ASSERT_FALSE(doc["results"].empty());
  EXPECT_EQ(doc["results"][0]["source"], path);
}

TEST(RunCli, OutputWritesTheReportToAFile) {
  const ScratchDir dir;
  const std::string path = dir.path() + "/report.json";
  const std::vector<std::string> args = {"--intents", "2000", "--format", "json"};
  std::vector<std::string> to_file = args;
  to_file.insert(to_file.end(), {"--output", path});
  const ProcessResult r = DupsimRun(to_file);
  ASSERT_EQ(r.exit_status, 0) << r.err;
  EXPECT_EQ(r.out, "");
  EXPECT_EQ(r.err, "");
  EXPECT_EQ(ReadFile(path), DupsimRun(args).out);
  EXPECT_NO_THROW(Json::parse(ReadFile(path)));
}

// double_tap asks for three attempts, but nothing there ever times out: the table says so,
// and so does the table `dupsim report` renders from the saved JSON.
TEST(RunCli, AKnobThatNeverFiredIsNamedAndSurvivesTheJson) {
  const std::string note =
      "\n  note, every strategy: configured but never fired: retries "
      "(client.retry.max_attempts 3)\n";
  const ProcessResult table = DupsimRun({"double_tap", "--intents", "2000"});
  ASSERT_EQ(table.exit_status, 0) << table.err;
  EXPECT_NE(table.out.find(note), std::string::npos) << table.out;

  const ScratchDir dir;
  const std::string path = dir.path() + "/saved.json";
  const ProcessResult saved =
      DupsimRun({"double_tap", "--intents", "2000", "--format", "json", "--output", path});
  ASSERT_EQ(saved.exit_status, 0) << saved.err;
  const Json doc = Json::parse(ReadFile(path));
  for (const Json& result : doc["results"]) {
    EXPECT_EQ(result["retries"], 0);
    EXPECT_EQ(result["idle_mechanisms"],
              Json::parse(R"([{"mechanism": "retries", "key": "client.retry.max_attempts",
                               "value": "3"}])"));
  }
  const ProcessResult report = RunDupsimBinary({"report", path});
  ASSERT_EQ(report.exit_status, 0) << report.err;
  EXPECT_EQ(report.out, table.out);
}

}  // namespace
}  // namespace dupsim

namespace dupsim {
namespace {

// The progress line is for a person at a terminal: with stderr a file (as here) nothing of
// it appears, and a table to a file has no colour codes.
TEST(RunCli, NoProgressOrColourWhenNotATerminal) {
  const ProcessResult r = RunDupsimBinary({"run", "double_tap", "--intents", "20000"});
  ASSERT_EQ(r.exit_status, 0) << r.err;
  EXPECT_EQ(r.err, "");
  EXPECT_EQ(r.out.find('\x1b'), std::string::npos);
  const ProcessResult check =
      RunDupsimBinary({"check", "double_tap", "--intents", "2000", "--strategy",
                       "{name: none, expect: {duplicate_rate: {min: 1%}}}"});
  EXPECT_EQ(check.err, "");
  EXPECT_EQ(check.out.find('\x1b'), std::string::npos);
}

// Under `script` (a pseudo-terminal) the progress line and the colours appear: what a
// person sees. Skipped where util-linux's `script` is missing.
TEST(RunCli, ProgressAndColourOnATerminal) {
  if (std::system("command -v script >/dev/null 2>&1") != 0) GTEST_SKIP() << "no script(1)";
  ScratchDir dir;
  const std::string log = dir.path() + "/tty.txt";
  const std::string command = std::string("script -qec '") + DUPSIM_BINARY +
                              " run double_tap --intents 200000 --strategy none' " + log +
                              " >/dev/null 2>&1";
  ASSERT_EQ(std::system(command.c_str()), 0);
  const std::string seen = ReadFile(log);
  // The first draw comes at once ("preparing" until an intent starts, then the rate four
  // times a second): a short run may end before the rate shows, never before the line does.
  EXPECT_NE(seen.find("dupsim: 0/1 runs, "), std::string::npos) << seen;
  EXPECT_NE(seen.find("\x1b[1m"), std::string::npos) << "no bold heading on a terminal";
}

}  // namespace
}  // namespace dupsim
