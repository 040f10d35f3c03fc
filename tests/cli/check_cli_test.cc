// `dupsim check` and `dupsim report` end to end on the binary: exit statuses (0 all pass;
// 1 a failure, a regression or an inconclusive verdict; 2 bad input), the verdict lines, the
// baseline comparison, the extra report files, GITHUB_STEP_SUMMARY, and saved reports
// rendered again.
#include <gtest/gtest.h>

#include <cstdlib>
#include <optional>
#include <regex>
#include <string>
#include <vector>

#include "tests/cli/dupsim_process.h"

namespace dupsim {
namespace {

// A small world with double taps and nothing else: 10% of users tap twice 50-400 ms apart,
// so `none` charges about 2% twice and a 1 s debounce swallows every second tap.
constexpr const char* kWorld = R"(name: check-test
seed: 7
intents: 2000
arrivals: { rate_per_s: 50 }
user:
  double_tap: { probability: 0.1, gap: { dist: uniform, min: 50ms, max: 400ms } }
network:
  request:  { latency: { dist: lognormal, median: 40ms, p99: 300ms } }
  response: { latency: { dist: lognormal, median: 40ms, p99: 300ms } }
)";

std::string Scenario(const std::string& strategies) {
  return std::string(kWorld) + "strategies:\n" + strategies;
}

std::size_t CountOf(const std::string& text, const std::string& part) {
  std::size_t n = 0;
  for (std::size_t at = text.find(part); at != std::string::npos; at = text.find(part, at + 1)) {
    ++n;
  }
  return n;
}

bool Contains(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

std::vector<std::string> Lines(const std::string& text) {
  std::vector<std::string> lines;
  std::size_t start = 0;
  while (start < text.size()) {
    std::size_t end = text.find('\n', start);
    if (end == std::string::npos) end = text.size();
    lines.push_back(text.substr(start, end - start));
    start = end + 1;
  }
  return lines;
}

// The verdict lines (indented, starting with a mark) of a table report.
std::vector<std::string> VerdictLines(const std::string& out, const std::string& mark) {
  std::vector<std::string> found;
  for (const std::string& line : Lines(out)) {
    if (line.rfind("  " + mark + " ", 0) == 0) found.push_back(line);
  }
  return found;
}

// Every test here runs with GITHUB_STEP_SUMMARY unset (a CI runner sets it; a test must not
// write to the real summary), except the one that sets it to its own file.
class CheckCli : public ::testing::Test {
 protected:
  void SetUp() override {
    if (const char* value = std::getenv("GITHUB_STEP_SUMMARY")) saved_ = value;
    unsetenv("GITHUB_STEP_SUMMARY");
  }
  void TearDown() override {
    if (saved_) {
      setenv("GITHUB_STEP_SUMMARY", saved_->c_str(), 1);
    } else {
      unsetenv("GITHUB_STEP_SUMMARY");
    }
  }

  ProcessResult Check(std::vector<std::string> args) {
    args.insert(args.begin(), "check");
    args.push_back("--quiet");
    return RunDupsimBinary(args);
  }

  ScratchDir dir_;

 private:
  std::optional<std::string> saved_;
};

void ExpectOneLineError(const ProcessResult& r, const std::string& message) {
  EXPECT_EQ(r.exit_status, 2) << r.out << r.err;
  EXPECT_EQ(r.out, "");
  ASSERT_FALSE(r.err.empty());
  EXPECT_EQ(r.err.rfind("dupsim: error: ", 0), 0u) << r.err;
  EXPECT_EQ(r.err.find('\n'), r.err.size() - 1) << "not one line: " << r.err;
  EXPECT_TRUE(Contains(r.err, message)) << r.err;
}

TEST_F(CheckCli, AllPassExitsZeroWithATickPerExpectation) {
  const std::string path = dir_.Write(
      "pass.yaml",
      Scenario("  - { name: none, expect: { duplicate_rate: { min: 0.5% } } }\n"
               "  - { name: client_debounce, window: 1s,\n"
               "      expect: { duplicate_rate: { max: 0 },\n"
               "                extra_time_to_confirmation_p99: { max: 100ms } } }\n"
               "  - { name: idempotency_key,\n"
               "      expect: { duplicate_rate: { max: 0 }, peak_keys_held: { max: 2000 } } }\n"));
  const ProcessResult r = Check({path});
  ASSERT_EQ(r.exit_status, 0) << r.out << r.err;
  EXPECT_EQ(r.err, "");
  const std::vector<std::string> ticks = VerdictLines(r.out, "✓");
  ASSERT_EQ(ticks.size(), 5u) << r.out;
  EXPECT_EQ(ticks[0].rfind("  ✓ check-test / none: duplicate_rate ", 0), 0u) << ticks[0];
  EXPECT_TRUE(Contains(ticks[0], ", min: 0.5%")) << ticks[0];
  EXPECT_TRUE(Contains(ticks[1], "client_debounce(window=1s): duplicate_rate 0% (0-")) << ticks[1];
  EXPECT_TRUE(Contains(ticks[1], ", max: 0")) << ticks[1];
  EXPECT_TRUE(Contains(ticks[2], "extra_time_to_confirmation_p99 ")) << ticks[2];
  EXPECT_TRUE(Contains(ticks[4], "idempotency_key: peak_keys_held 2000, max: 2000")) << ticks[4];
  EXPECT_TRUE(VerdictLines(r.out, "✗").empty()) << r.out;
  EXPECT_TRUE(Contains(r.out, "\ncheck: 5 passed, 0 failed, 0 inconclusive\n")) << r.out;
}

TEST_F(CheckCli, AFailureExitsOneAndShowsTheFigureItsIntervalAndTheBound) {
  const std::string path = dir_.Write(
      "fail.yaml",
      Scenario("  - { name: none, expect: { duplicate_rate: { max: 0.1% } } }\n"
               "  - { name: idempotency_key, expect: { duplicate_rate: { max: 0 } } }\n"));
  const ProcessResult r = Check({path});
  EXPECT_EQ(r.exit_status, 1) << r.out << r.err;
  const std::vector<std::string> crosses = VerdictLines(r.out, "✗");
  ASSERT_EQ(crosses.size(), 1u) << r.out;
  // "✗ check-test / none: duplicate_rate 2.05% (1.51-2.77%), max: 0.1%: over the bound"
  const std::regex line(R"(  ✗ check-test / none: duplicate_rate [0-9.]+% \([0-9.]+-[0-9.]+%\), )"
                        R"(max: 0\.1%: over the bound)");
  EXPECT_TRUE(std::regex_match(crosses[0], line)) << crosses[0];
  EXPECT_EQ(VerdictLines(r.out, "✓").size(), 1u) << r.out;
  EXPECT_TRUE(Contains(r.out, "check: 1 passed, 1 failed, 0 inconclusive")) << r.out;
}

TEST_F(CheckCli, AMinimumNotReachedFailsUnderTheBound) {
  const std::string path = dir_.Write(
      "under.yaml", Scenario("  - { name: none, expect: { duplicate_rate: { min: 10% } } }\n"));
  const ProcessResult r = Check({path});
  EXPECT_EQ(r.exit_status, 1) << r.out << r.err;
  const std::vector<std::string> crosses = VerdictLines(r.out, "✗");
  ASSERT_EQ(crosses.size(), 1u) << r.out;
  EXPECT_TRUE(Contains(crosses[0], "min: 10%: under the bound")) << crosses[0];
}

// 0 duplicates in 2000 intents: the interval reaches 0.19%, so "at most 0.01%" is undecided.
// The estimate of the intents that would decide it assumes the rate stays where it is; a
// debounce that swallows every double tap keeps it at 0, so that many intents decide it.
TEST_F(CheckCli, InconclusiveExitsOneUnlessAllowedAndNamesTheIntentsThatDecideIt) {
  const std::string path = dir_.Write(
      "undecided.yaml", Scenario("  - { name: client_debounce, window: 1s,\n"
                                 "      expect: { duplicate_rate: { max: 0.01% } } }\n"));
  const ProcessResult r = Check({path});
  EXPECT_EQ(r.exit_status, 1) << r.out << r.err;
  const std::vector<std::string> undecided = VerdictLines(r.out, "?");
  ASSERT_EQ(undecided.size(), 1u) << r.out;
  std::smatch match;
  const std::regex about("inconclusive; about ([0-9]+) intents would decide it");
  ASSERT_TRUE(std::regex_search(undecided[0], match, about)) << undecided[0];
  const std::string intents = match[1];
  EXPECT_GT(std::stoul(intents), 2000u);
  EXPECT_TRUE(Contains(r.out, "check: 0 passed, 0 failed, 1 inconclusive")) << r.out;

  const ProcessResult allowed = Check({path, "--allow-inconclusive"});
  EXPECT_EQ(allowed.exit_status, 0) << allowed.out << allowed.err;
  EXPECT_EQ(VerdictLines(allowed.out, "?").size(), 1u) << allowed.out;

  const ProcessResult decided = Check({path, "--intents", intents});
  EXPECT_EQ(decided.exit_status, 0) << decided.out << decided.err;
  EXPECT_TRUE(VerdictLines(decided.out, "?").empty()) << decided.out;
  EXPECT_EQ(VerdictLines(decided.out, "✓").size(), 1u) << decided.out;
  EXPECT_TRUE(Contains(decided.out, "check: 1 passed, 0 failed, 0 inconclusive")) << decided.out;
}

// A saved `dupsim run` report is the baseline: a weakened debounce is matched with the old
// one by strategy name (its label changed) and its rise in duplicates is a regression.
TEST_F(CheckCli, BaselineRegressionsAndImprovements) {
  const std::string base = dir_.path() + "/base.json";
  const ProcessResult saved = RunDupsimBinary(
      {"run", "double_tap", "--intents", "20000", "--format", "json", "-o", base, "--quiet"});
  ASSERT_EQ(saved.exit_status, 0) << saved.err;

  const ProcessResult weakened = Check({"double_tap", "--intents", "20000", "--baseline", base,
                                        "--strategy", "{name: client_debounce, window: 50ms}"});
  EXPECT_EQ(weakened.exit_status, 1) << weakened.out << weakened.err;
  // Both duplicate figures rise: duplicates per intent and the share of intents duplicated.
  const std::vector<std::string> regressions = VerdictLines(weakened.out, "✗");
  ASSERT_EQ(regressions.size(), 2u) << weakened.out;
  for (const std::string& line : regressions) {
    EXPECT_TRUE(Contains(line, "regression")) << line;
    EXPECT_TRUE(Contains(line, "client_debounce(window=50ms)")) << line;
    EXPECT_TRUE(Contains(line, "baseline (client_debounce(window=1s))")) << line;
  }
  EXPECT_TRUE(Contains(regressions[0], ": duplicate_rate ")) << regressions[0];
  EXPECT_TRUE(Contains(regressions[1], ": duplicated_intent_rate ")) << regressions[1];
  EXPECT_TRUE(Contains(weakened.out, "; 2 regressions, 0 improvements")) << weakened.out;

  const ProcessResult unchanged = Check({"double_tap", "--intents", "20000", "--baseline", base,
                                         "--strategy", "{name: client_debounce, window: 1s}"});
  EXPECT_EQ(unchanged.exit_status, 0) << unchanged.out << unchanged.err;
  EXPECT_FALSE(Contains(unchanged.out, "regression double-tap")) << unchanged.out;
  EXPECT_TRUE(Contains(unchanged.out, "; 0 regressions, 0 improvements")) << unchanged.out;

  // The other way round: the 1 s debounce against a saved 50 ms one is an improvement,
  // reported and not failing.
  const std::string weak = dir_.path() + "/weak.json";
  ASSERT_EQ(RunDupsimBinary({"run", "double_tap", "--intents", "20000", "--strategy",
                             "{name: client_debounce, window: 50ms}", "--format", "json", "-o",
                             weak, "--quiet"})
                .exit_status,
            0);
  const ProcessResult improved = Check({"double_tap", "--intents", "20000", "--baseline", weak,
                                        "--strategy", "{name: client_debounce, window: 1s}"});
  EXPECT_EQ(improved.exit_status, 0) << improved.out << improved.err;
  const std::vector<std::string> better = VerdictLines(improved.out, "✓");
  ASSERT_EQ(better.size(), 2u) << improved.out;
  EXPECT_TRUE(Contains(better[0], "improvement double-tap-basics / client_debounce(window=1s)"))
      << better[0];
  EXPECT_TRUE(Contains(better[0], "baseline (client_debounce(window=50ms))")) << better[0];
  EXPECT_TRUE(Contains(improved.out, "; 0 regressions, 2 improvements")) << improved.out;
}

// The user's flaky-3G report: a 500 ms timeout on a slow network charges most intents two or
// three times. The rate reads per intent and its interval holds it (it used to print
// "147.38% (99.92-100%)", the Wilson interval of 5000 of 5000); `duplicate_rate` bounds may pass 1;
// the share of intents charged more than once has its own expectation and line.
TEST_F(CheckCli, DuplicatesPerIntentAboveOneReadAndAreJudgedAsCounts) {
  const std::string flaky = dir_.Write("flaky.yaml", R"(name: flaky-3g
seed: 5
intents: 5000
arrivals: { rate_per_s: 20 }
user:
  patience: { dist: constant, value: 60s }
client:
  timeout: 500ms
  retry: { max_attempts: 3, backoff: { base: 100ms, cap: 1s, jitter: full } }
network:
  request: { latency: { dist: lognormal, median: 300ms, p99: 2s } }
  response: { latency: { dist: lognormal, median: 300ms, p99: 2s } }
server:
  processing: { dist: lognormal, median: 80ms, p99: 500ms }
strategies:
  - { name: none, expect: { duplicate_rate: { min: 1.1 }, duplicated_intent_rate: { min: 75% } } }
)");
  const ProcessResult r = Check({flaky});
  EXPECT_EQ(r.exit_status, 0) << r.out << r.err;
  EXPECT_TRUE(
      Contains(r.out, "  none         5000    12369        7369  1.47 per intent (1.45-1.50)"))
      << r.out;
  EXPECT_TRUE(Contains(r.out,
                       "  intents charged twice or more, none: 4056, 81.12% (80.01-82.18%), 1.82 "
                       "duplicates each"))
      << r.out;
  EXPECT_TRUE(
      Contains(r.out, "✓ flaky-3g / none: duplicate_rate 1.47 per intent (1.45-1.50), min: 1.1"))
      << r.out;
  EXPECT_TRUE(
      Contains(r.out, "✓ flaky-3g / none: duplicated_intent_rate 81.12% (80.01-82.18%), min: 75%"))
      << r.out;
  EXPECT_FALSE(Contains(r.out, "147.38%")) << r.out;
}

TEST_F(CheckCli, BadInputExitsTwoWithOneLine) {
  // file:line:col of the bad value, then its key path.
  const std::string unknown = dir_.Write(
      "unknown.yaml", Scenario("  - { name: none, expect: { duplicate_rat: { max: 1% } } }\n"));
  const ProcessResult r1 = Check({unknown});
  ExpectOneLineError(r1,
                     "strategies[0].expect.duplicate_rat: unknown metric; did you mean "
                     "'duplicate_rate'? (known: ");
  // Column 29: the misspelt key itself.
  EXPECT_TRUE(Contains(r1.err, "unknown.yaml:11:29: ")) << r1.err;

  // A proportion cannot pass 100% (duplicates per intent can: below).
  const std::string over = dir_.Write(
      "over.yaml", Scenario("  - { name: none, expect: {lost_payment_rate: {max: 150%}} }\n"));
  const ProcessResult r2 = Check({over});
  ExpectOneLineError(r2, "strategies[0].expect.lost_payment_rate.max: expected a rate");
  EXPECT_TRUE(Contains(r2.err, "over.yaml:11:")) << r2.err;
  EXPECT_TRUE(Contains(r2.err, "150%")) << r2.err;

  const std::string layer = dir_.Write(
      "layer.yaml",
      Scenario("  - { stack: [{ name: client_debounce, expect: { duplicate_rate: { max: 0 } } },\n"
               "               idempotency_key] }\n"));
  const ProcessResult r3 = Check({layer});
  ExpectOneLineError(r3, "expectations belong to the stack, not to one of its layers");
  EXPECT_TRUE(Contains(r3.err, "layer.yaml:11:")) << r3.err;

  const std::string not_json =
      dir_.Write("broken.json", "{\"tool\": \"dupsim\",\n  \"results\": [\n");
  const ProcessResult r4 = Check({"double_tap", "--intents", "100", "--baseline", not_json});
  ExpectOneLineError(r4, "not valid JSON");
  EXPECT_TRUE(std::regex_search(r4.err, std::regex("broken\\.json:[0-9]+:[0-9]+: "))) << r4.err;

  const std::string other_tool =
      dir_.Write("eslint.json", "{\"name\": \"eslint\", \"results\": [{\"errorCount\": 0}]}\n");
  const ProcessResult r5 = Check({"double_tap", "--intents", "100", "--baseline", other_tool});
  ExpectOneLineError(r5, "not a dupsim report");
  EXPECT_TRUE(Contains(r5.err, "eslint.json")) << r5.err;

  ExpectOneLineError(Check({"double_tap", "--intents", "100", "--confidence", "1.5"}),
                     "--confidence: expected a number between 0 and 1 (exclusive), got '1.5'");
}

// The job summary is an extra copy: one that cannot be written is a warning, and the exit
// status stays the checks' own, pass or fail.
TEST_F(CheckCli, AnUnwritableSummaryWarnsAndKeepsTheVerdict) {
  const std::string pass = dir_.Write(
      "pass.yaml", Scenario("  - { name: none, expect: { duplicate_rate: { min: 0.5% } } }\n"));
  const std::string fail = dir_.Write(
      "fail.yaml", Scenario("  - { name: none, expect: { duplicate_rate: { max: 0.1% } } }\n"));
  struct Case {
    const char* summary;
    std::string warning;
  };
  const Case cases[] = {
      {"/nonexistent/dir/summary.md",
       "dupsim: warning: GITHUB_STEP_SUMMARY: cannot append to '/nonexistent/dir/summary.md': No "
       "such file or directory; no job summary written\n"},
      {"/dev/full",
       "dupsim: warning: GITHUB_STEP_SUMMARY: cannot write to '/dev/full'; no job summary "
       "written\n"},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.summary);
    setenv("GITHUB_STEP_SUMMARY", c.summary, 1);
    const ProcessResult passed = Check({pass});
    const ProcessResult failed = Check({fail});
    unsetenv("GITHUB_STEP_SUMMARY");
    EXPECT_EQ(passed.exit_status, 0) << passed.err;
    EXPECT_EQ(passed.err, c.warning);
    EXPECT_TRUE(Contains(passed.out, "\ncheck: 1 passed, 0 failed, 0 inconclusive\n"))
        << passed.out;
    EXPECT_EQ(failed.exit_status, 1) << failed.err;
    EXPECT_EQ(failed.err, c.warning);
  }
}

TEST_F(CheckCli, NothingJudgedIsNotAPass) {
  // --strategy replaces the scenario's list, and with it every expectation.
  const ProcessResult r = Check({"double_tap", "--intents", "500", "--strategy", "none"});
  EXPECT_EQ(r.exit_status, 1) << r.out << r.err;
  EXPECT_EQ(r.err, "dupsim: check: nothing was judged: no strategy run carries an expectation\n");
}

TEST_F(CheckCli, AllowedInconclusiveVerdictsAreSkippedNotFailedInJunit) {
  const std::string path = dir_.Write(
      "undecided.yaml", Scenario("  - { name: client_debounce, window: 1s,\n"
                                 "      expect: { duplicate_rate: { max: 0.01% } } }\n"));
  const std::string junit = dir_.path() + "/j.xml";
  ASSERT_EQ(Check({path, "--allow-inconclusive", "--junit", junit}).exit_status, 0);
  const std::string allowed = ReadFile(junit);
  EXPECT_TRUE(Contains(allowed, "failures=\"0\"")) << allowed;
  EXPECT_TRUE(Contains(allowed, "<skipped")) << allowed;
  ASSERT_EQ(Check({path, "--junit", junit}).exit_status, 1);
  EXPECT_TRUE(Contains(ReadFile(junit), "type=\"inconclusive\"")) << ReadFile(junit);
}

TEST_F(CheckCli, ASummaryEndingMidLineGetsALineBreakFirst) {
  const std::string summary = dir_.Write("step_summary.md", "no newline at the end");
  const std::string path = dir_.Write(
      "summary.yaml", Scenario("  - { name: none, expect: { duplicate_rate: { min: 0.5% } } }\n"));
  setenv("GITHUB_STEP_SUMMARY", summary.c_str(), 1);
  const ProcessResult r = Check({path});
  unsetenv("GITHUB_STEP_SUMMARY");
  ASSERT_EQ(r.exit_status, 0) << r.out << r.err;
  EXPECT_EQ(ReadFile(summary).rfind("no newline at the end\n## dupsim check", 0), 0u)
      << ReadFile(summary);
}

TEST_F(CheckCli, ValidateTakesADirectoryToo) {
  dir_.Write("a.yaml", Scenario("  - none\n"));
  dir_.Write("b.yaml", Scenario("  - idempotency_key\n"));
  dir_.Write("notes.txt", "not a scenario");
  const ProcessResult r = RunDupsimBinary({"validate", dir_.path()});
  ASSERT_EQ(r.exit_status, 0) << r.err;
  EXPECT_EQ(r.out, "ok " + dir_.path() + "/a.yaml (check-test: 1 strategy)\nok " + dir_.path() +
                       "/b.yaml (check-test: 1 strategy)\n");
}

TEST_F(CheckCli, WritesJunitMarkdownAndHtmlFiles) {
  const std::string path = dir_.Write(
      "files.yaml",
      Scenario("  - { name: none, expect: { duplicate_rate: { max: 0.1%, min: 0.5% } } }\n"
               "  - { name: client_debounce, window: 1s,\n"
               "      expect: { duplicate_rate: { min: 1% }, time_to_confirmation_p50: { max: 10s "
               "} } }\n"
               "  - { name: idempotency_key, expect: { duplicate_rate: { max: 0 } } }\n"));
  const std::string junit = dir_.path() + "/junit.xml";
  const std::string markdown = dir_.path() + "/summary.md";
  const std::string html = dir_.path() + "/report.html";
  const ProcessResult r = Check({path, "--junit", junit, "--markdown", markdown, "--html", html});
  EXPECT_EQ(r.exit_status, 1) << r.out << r.err;
  const std::size_t crosses = VerdictLines(r.out, "✗").size();
  EXPECT_EQ(crosses, 2u) << r.out;
  EXPECT_TRUE(VerdictLines(r.out, "?").empty()) << r.out;

  const std::string xml = ReadFile(junit);
  ASSERT_FALSE(xml.empty());
  EXPECT_EQ(xml.rfind("<?xml", 0), 0u) << xml;
  std::smatch match;
  ASSERT_TRUE(std::regex_search(xml, match, std::regex("<testsuites [^>]*failures=\"([0-9]+)\"")))
      << xml;
  EXPECT_EQ(std::stoul(match[1]), crosses);
  EXPECT_EQ(CountOf(xml, "<failure "), crosses);
  EXPECT_EQ(CountOf(xml, "<testcase "), 5u);

  const std::string md = ReadFile(markdown);
  EXPECT_TRUE(Contains(md, "dupsim check: 3 passed, 2 failed, 0 inconclusive")) << md;
  const std::string page = ReadFile(html);
  ASSERT_FALSE(page.empty());
  EXPECT_TRUE(Contains(page, "</html>"));
}

TEST_F(CheckCli, AppendsTheMarkdownSummaryToGithubStepSummary) {
  const std::string before = "# Build\n\nEarlier steps wrote this.\n";
  const std::string summary = dir_.Write("step_summary.md", before);
  const std::string markdown = dir_.path() + "/same.md";
  const std::string path = dir_.Write(
      "summary.yaml", Scenario("  - { name: none, expect: { duplicate_rate: { min: 0.5% } } }\n"));
  setenv("GITHUB_STEP_SUMMARY", summary.c_str(), 1);
  const ProcessResult r = Check({path, "--markdown", markdown});
  unsetenv("GITHUB_STEP_SUMMARY");
  ASSERT_EQ(r.exit_status, 0) << r.out << r.err;
  const std::string md = ReadFile(markdown);
  ASSERT_FALSE(md.empty());
  const std::string after = ReadFile(summary);
  EXPECT_EQ(after.rfind(before, 0), 0u) << after;  // the old content stays first
  EXPECT_EQ(after, before + md);                   // and the summary follows it
  EXPECT_TRUE(Contains(after, "dupsim check: 1 passed, 0 failed, 0 inconclusive")) << after;
}

TEST_F(CheckCli, ReportRendersASavedReportAgain) {
  const std::string base = dir_.path() + "/base.json";
  ASSERT_EQ(RunDupsimBinary({"run", "double_tap", "--intents", "20000", "--format", "json", "-o",
                             base, "--quiet"})
                .exit_status,
            0);
  const ProcessResult json = RunDupsimBinary({"report", base, "--format", "json"});
  ASSERT_EQ(json.exit_status, 0) << json.err;
  EXPECT_EQ(json.err, "");
  EXPECT_TRUE(json.out == ReadFile(base)) << "dupsim report --format json changed the bytes";

  // A checked report (verdicts and a baseline comparison) reads back byte for byte too.
  const std::string checked = dir_.path() + "/checked.json";
  const ProcessResult check = Check(
      {"double_tap", "--intents", "20000", "--baseline", base, "--strategy",
       "{name: none, expect: {duplicate_rate: {min: 1%}}}", "--format", "json", "-o", checked});
  ASSERT_EQ(check.exit_status, 0) << check.out << check.err;
  const ProcessResult again = RunDupsimBinary({"report", checked, "--format", "json"});
  ASSERT_EQ(again.exit_status, 0) << again.err;
  EXPECT_TRUE(again.out == ReadFile(checked)) << "a checked report changed on the way back";

  for (const char* format : {"markdown", "html", "csv", "junit", "table"}) {
    const ProcessResult r = RunDupsimBinary({"report", base, "--format", format});
    EXPECT_EQ(r.exit_status, 0) << format << ": " << r.err;
    EXPECT_FALSE(r.out.empty()) << format;
  }
  ExpectOneLineError(RunDupsimBinary({"report", dir_.path() + "/missing.json"}), "missing.json");

  // `-` reads the report from standard input, for `dupsim run --format json | dupsim report -`.
  const ProcessResult piped = RunDupsimBinary({"report", "-", "--format", "json"}, base);
  ASSERT_EQ(piped.exit_status, 0) << piped.err;
  EXPECT_TRUE(piped.out == ReadFile(base)) << "dupsim report - changed the bytes";
  const ProcessResult markdown = RunDupsimBinary({"report", "-", "--format", "markdown"}, base);
  EXPECT_EQ(markdown.exit_status, 0) << markdown.err;
  EXPECT_TRUE(markdown.out == RunDupsimBinary({"report", base, "--format", "markdown"}).out);
  const std::string broken =
      dir_.Write("broken.json", "{\"tool\": \"dupsim\",\n  \"results\": [\n");
  const ProcessResult bad = RunDupsimBinary({"report", "-"}, broken);
  ExpectOneLineError(bad, "not valid JSON");
  EXPECT_EQ(bad.err.rfind("dupsim: error: <stdin>:", 0), 0u) << bad.err;
  ExpectOneLineError(RunDupsimBinary({"report", "-"}), "<stdin>");  // empty standard input
}

}  // namespace
}  // namespace dupsim
