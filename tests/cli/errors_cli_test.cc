// Bad input end to end: exit status 2 and exactly one error line that names
// the flag, the command or the file:line:column. Never a crash.
#include <gtest/gtest.h>

#include <regex>

#include "tests/cli/dupsim_process.h"

namespace dupsim {
namespace {

struct BadCase {
  std::vector<std::string> args;
  std::string message;  // a part of the error line
};

void ExpectUsageError(const ProcessResult& r, const std::string& message) {
  EXPECT_EQ(r.exit_status, 2) << r.err;
  EXPECT_EQ(r.out, "");
  ASSERT_FALSE(r.err.empty());
  EXPECT_EQ(r.err.rfind("dupsim: error: ", 0), 0u) << r.err;
  EXPECT_EQ(r.err.find('\n'), r.err.size() - 1) << "not one line: " << r.err;
  EXPECT_NE(r.err.find(message), std::string::npos) << r.err;
}

TEST(ErrorsCli, BadUsageExitsTwoWithOneLine) {
  const std::vector<BadCase> cases = {
      {{}, "missing command"},
      {{"frobnicate"}, "unknown command 'frobnicate'"},
      {{"--frobnicate"}, "unrecognised option '--frobnicate'"},
      {{"run", "--frobnicate"}, "unrecognised option '--frobnicate'"},
      {{"run", "--int", "5"}, "unrecognised option '--int'"},
      {{"run", "--intents", "abc"}, "--intents: expected a whole number, got 'abc'"},
      {{"run", "--intents", "-3"}, "--intents: expected a whole number, got '-3'"},
      {{"run", "--intents", "0"}, "--intents: must be at least 1"},
      {{"run", "--intents"}, "--intents: missing value"},
      {{"run", "--seed", "1", "--seed", "2"}, "--seed: given more than once"},
      {{"run", "--seed", "99999999999999999999"}, "--seed: must be at most"},
      {{"run", "--threads", "many"}, "--threads: expected a whole number, got 'many'"},
      {{"run", "--format", "xml"}, "--format: unknown value 'xml' (known: csv, html, json"},
      {{"run", "--format", "jsn"}, "--format: unknown value 'jsn'; did you mean 'json'?"},
      {{"run", "--strategy", "no_such_strategy"}, "--strategy"},
      {{"run", "--strategy", "{name: client_debounce, windw: 2s}"}, "--strategy"},
      {{"run", "no_such_scenario"}, "no_such_scenario"},
      {{"run", "/no/such/dir/scenario.yaml"}, "/no/such/dir/scenario.yaml"},
      {{"run", "--output", "/no/such/dir/report.txt", "--intents", "10"}, "--output"},
      {{"list", "extra"}, "unexpected argument 'extra'"},
      {{"validate"}, "missing SCENARIO"},
      {{"validate", "--strict"}, "unrecognised option '--strict'"},
  };
  for (const BadCase& c : cases) {
    std::string joined;
    for (const std::string& a : c.args) joined += " " + a;
    SCOPED_TRACE("dupsim" + joined);
    ExpectUsageError(RunDupsimBinary(c.args), c.message);
  }
}

// A near miss gets the name meant (sim/input/closest_name.h); a far one gets none.
TEST(ErrorsCli, NearMissesSayWhatWasMeant) {
  const std::vector<BadCase> cases = {
      {{"rn"}, "unknown command 'rn'; did you mean 'run'? (commands: run, check, "},
      {{"vaildate", "x.yaml"}, "unknown command 'vaildate'; did you mean 'validate'? ("},
      {{"--verison"}, "unrecognised option '--verison'; did you mean '--version'? (try "},
      {{"run", "--intent", "5"}, "unrecognised option '--intent'; did you mean '--intents'?\n"},
      {{"run", "-intents", "5"}, "unrecognised option '-intents'; did you mean '--intents'?\n"},
      {{"check", "--baseine", "x.json"},
       "unrecognised option '--baseine'; did you mean '--baseline'?\n"},
      {{"run", "--strategy", "idempotency_kye"},
       "--strategy: unknown strategy 'idempotency_kye'; did you mean 'idempotency_key'? (known: "},
      {{"run", "--strategy", "{name: client_debounce, windw: 2s}"},
       "--strategy.windw: unknown parameter; did you mean 'window'? (client_debounce takes: "
       "window)\n"},
      {{"run", "dobule_tap"},
       "dobule_tap: no such file, and no bundled scenario of that name; did you mean "
       "'double_tap'? (bundled: "},
  };
  for (const BadCase& c : cases) {
    std::string joined;
    for (const std::string& a : c.args) joined += " " + a;
    SCOPED_TRACE("dupsim" + joined);
    ExpectUsageError(RunDupsimBinary(c.args), c.message);
  }
  for (const std::vector<std::string>& far : std::vector<std::vector<std::string>>{
           {"frobnicate"}, {"run", "--frobnicate"}, {"run", "--strategy", "magic"}}) {
    const ProcessResult r = RunDupsimBinary(far);
    EXPECT_EQ(r.err.find("did you mean"), std::string::npos) << r.err;
  }
}

TEST(ErrorsCli, UnknownStrategyNamesItAndTheKnownOnes) {
  const ProcessResult r = RunDupsimBinary({"run", "--strategy", "no_such_strategy"});
  ExpectUsageError(r, "no_such_strategy");
  EXPECT_NE(r.err.find("idempotency_key"), std::string::npos) << r.err;
}

TEST(ErrorsCli, MalformedYamlNamesFileLineAndColumn) {
  const ScratchDir dir;
  const std::string path = dir.Write("broken.yaml", "name: broken\nintents: [1, 2\n");
  const ProcessResult r = RunDupsimBinary({"run", path});
  ExpectUsageError(r, path + ":");
  EXPECT_TRUE(std::regex_search(r.err, std::regex(":[0-9]+:[0-9]+: "))) << r.err;
}

TEST(ErrorsCli, UnknownKeyIsReportedAtItsLine) {
  const ScratchDir dir;
  std::string text = ReadFile(std::string(DUPSIM_SOURCE_DIR) + "/scenarios/double_tap.yaml");
  ASSERT_FALSE(text.empty());
  if (text.back() != '\n') text += '\n';
  const auto line = std::count(text.begin(), text.end(), '\n') + 1;
  text += "frobnicate: 1\n";
  const std::string path = dir.Write("unknown_key.yaml", text);
  const ProcessResult r = RunDupsimBinary({"run", path, "--intents", "10"});
  ExpectUsageError(r, path + ":" + std::to_string(line) + ":1: ");
  EXPECT_NE(r.err.find("frobnicate"), std::string::npos) << r.err;
}

TEST(ErrorsCli, EmptyFileIsBadInputNotACrash) {
  const ScratchDir dir;
  ExpectUsageError(RunDupsimBinary({"run", dir.Write("empty.yaml", "")}), "empty.yaml");
}

TEST(ErrorsCli, ADirectoryIsBadInputNotACrash) {
  const ScratchDir dir;
  ExpectUsageError(RunDupsimBinary({"run", dir.path()}), dir.path());
}

}  // namespace
}  // namespace dupsim
