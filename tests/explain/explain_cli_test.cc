// `dupsim explain` as users run it: the binary's files and exit codes, identical
// bytes from identical runs, and every error a one-line message with status 2.
#include <gtest/gtest.h>

#include <sstream>

#include "sim/cli/dupsim_cli.h"
#include "sim/dedup/strategy_registry.h"
#include "tests/cli/dupsim_process.h"

namespace dupsim {
namespace {

struct Outcome {
  int status;
  std::string out, err;
};

Outcome Call(std::vector<std::string> args) {
  args.insert(args.begin(), "explain");
  std::ostringstream out, err;
  const int status = RunDupsim(args, out, err);
  return {status, out.str(), err.str()};
}

void ExpectBadInput(const std::vector<std::string>& args, const std::string& message) {
  const Outcome o = Call(args);
  EXPECT_EQ(o.status, 2);
  EXPECT_EQ(o.out, "");
  EXPECT_EQ(o.err, "dupsim: error: " + message + "\n");
}

TEST(ExplainCli, UnknownCause) {
  const Outcome o = Call({"double_tap", "--cause", "fat_finger"});
  EXPECT_EQ(o.status, 2);
  EXPECT_EQ(o.err.rfind("dupsim: error: --cause: unknown value 'fat_finger' (known: double_tap, "
                        "client_retry, ",
                        0),
            0u)
      << o.err;
  EXPECT_EQ(std::count(o.err.begin(), o.err.end(), '\n'), 1);
}

TEST(ExplainCli, NthBeyondTheDuplicates) {
  ExpectBadInput({"double_tap", "--intents", "2000", "--strategy", "none", "--nth", "63"},
                 "double_tap under none: 62 duplicated intents, fewer than --nth 63");
  ExpectBadInput({"double_tap", "--intents", "2000", "--nth", "63"},
                 "double_tap: none of its strategies leaves 63 duplicated intents (--nth; none: "
                 "62, client_debounce(window=1s): 0, idempotency_key: 0)");
}

TEST(ExplainCli, AStrategyThatLeavesNoDuplicate) {
  ExpectBadInput({"double_tap", "--intents", "2000", "--strategy", "idempotency_key"},
                 "double_tap under idempotency_key: no duplicated intent");
  ExpectBadInput({"double_tap", "--intents", "2000", "--cause", "crash_replay"},
                 "double_tap: no intent first duplicated by crash_replay under any of its "
                 "strategies (none, client_debounce(window=1s), idempotency_key); name one with "
                 "--strategy");
}

TEST(ExplainCli, BadLanguageAndFormat) {
  ExpectBadInput({"double_tap", "--lang", "fr"}, "--lang: unknown value 'fr' (known: en, zh)");
  ExpectBadInput({"double_tap", "--format", "pdf"},
                 "--format: unknown value 'pdf' (known: text, mermaid, svg, html)");
  ExpectBadInput({"double_tap", "timeout_retry"}, "explain: one SCENARIO at a time, got 2");
  ExpectBadInput({"double_tap", "--nth", "0"}, "--nth: must be at least 1, got 0");
}

// --against fixes the strategies compared with: the scenario's own (none, client_debounce,
// idempotency_key), then those named, in that order, each once.
TEST(ExplainCli, AgainstNamesTheStrategiesComparedWith) {
  const Outcome o =
      Call({"double_tap", "--intents", "2000", "--against", "risk_score,none,order_id"});
  ASSERT_EQ(o.status, 0) << o.err;
  const std::size_t table = o.out.find("Under the other strategies");
  ASSERT_NE(table, std::string::npos);
  std::vector<std::string> rows;
  std::istringstream lines(o.out.substr(table));
  std::string line;
  for (int skip = 0; skip < 3; ++skip) std::getline(lines, line);  // title, header, rule
  // The rows end at the table's footnote.
  while (std::getline(lines, line) && line.rfind("  prevented", 0) != 0) {
    rows.push_back(line.substr(2, line.find(' ', 2) - 2));
  }
  EXPECT_EQ(rows, (std::vector<std::string>{"none", "client_debounce(window=1s)", "idempotency_key",
                                            "risk_score", "order_id"}));
  ExpectBadInput(
      {"double_tap", "--against", "none,magic"},
      "--against: unknown strategy 'magic' (known: " + StrategyRegistry::Builtin().Names() + ")");
}

TEST(ExplainCli, HelpListsTheRootCauses) {
  const Outcome o = Call({"--help"});
  EXPECT_EQ(o.status, 0);
  EXPECT_NE(o.out.find("Usage: dupsim explain [SCENARIO] [OPTIONS]"), std::string::npos);
  EXPECT_NE(o.out.find("queue_redelivery"), std::string::npos);
  EXPECT_NE(o.out.find("--lang"), std::string::npos);
}

// Two runs of the binary, one per thread count, write the same bytes.
TEST(ExplainCli, TheBinaryWritesIdenticalFiles) {
  const ScratchDir dir;
  for (std::string format : {"text", "html"}) {
    std::string previous;
    for (std::string threads : {"1", "3"}) {
      const std::string path = dir.path() + "/explain." + format + threads;
      const ProcessResult r =
          RunDupsimBinary({"explain", "timeout_retry", "--intents", "3000", "--format", format,
                           "--threads", threads, "-o", path});
      ASSERT_EQ(r.exit_status, 0) << r.err;
      EXPECT_EQ(r.out, "");
      const std::string written = ReadFile(path);
      EXPECT_FALSE(written.empty());
      if (!previous.empty()) {
        EXPECT_EQ(written, previous) << format;
      }
      previous = written;
    }
  }
}

TEST(ExplainCli, TheBinaryFailsWithOneLineAndStatusTwo) {
  const ProcessResult r = RunDupsimBinary({"explain", "double_tap", "--cause", "oops"});
  EXPECT_EQ(r.exit_status, 2);
  EXPECT_EQ(r.out, "");
  EXPECT_EQ(std::count(r.err.begin(), r.err.end(), '\n'), 1) << r.err;
}

}  // namespace
}  // namespace dupsim
