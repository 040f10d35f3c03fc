// The table format's check lines and colour; table_report_test.cc has the table itself.
#include <gtest/gtest.h>

#include <cstdlib>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "reports/table_report.h"
#include "reports/verdict_text.h"
#include "tests/reports/sample_report.h"

namespace dupsim {
namespace {

const std::string kGoldenDir = std::string(DUPSIM_SOURCE_DIR) + "/tests/reports/golden/";

std::string Render(const Report& report) {
  std::ostringstream out;
  TableReport().Render(report, out);
  return out.str();
}

std::string Colour(Report report) {
  report.colour = true;
  return Render(report);
}

// DUPSIM_UPDATE_GOLDEN=1 rewrites the golden file after a deliberate format change.
void ExpectGolden(const std::string& text, const std::string& name) {
  const std::string path = kGoldenDir + name;
  if (std::getenv("DUPSIM_UPDATE_GOLDEN")) std::ofstream(path, std::ios::binary) << text;
  std::ifstream in(path, std::ios::binary);
  ASSERT_TRUE(in) << "missing " << path;
  std::stringstream golden;
  golden << in.rdbuf();
  EXPECT_EQ(text, golden.str());
}

// `text` without its ANSI "ESC [ ... m" sequences.
std::string StripAnsi(const std::string& text) {
  std::string plain;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '\x1b' && i + 1 < text.size() && text[i + 1] == '[') {
      i = text.find('m', i);
      if (i == std::string::npos) break;
      continue;
    }
    plain += text[i];
  }
  return plain;
}

std::vector<std::string> Lines(const std::string& text) {
  std::vector<std::string> lines;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) lines.push_back(line);
  return lines;
}

std::size_t LineOf(const std::vector<std::string>& lines, const std::string& line) {
  for (std::size_t i = 0; i < lines.size(); ++i) {
    if (lines[i] == line) return i;
  }
  return lines.size();
}

// The golden file was written by the table format before checks and colour existed: with
// colour off and no check, the output must not change by a byte.
TEST(TableCheck, UncheckedReportIsUnchanged) {
  ExpectGolden(Render(SampleReport()), "report.txt");
}

TEST(TableCheck, CheckedReportMatchesGoldenFile) {
  ExpectGolden(Render(SampleCheckedReport()), "checked.txt");
}

TEST(TableCheck, NoColourCodesUnlessAsked) {
  EXPECT_EQ(Render(SampleReport()).find("\x1b["), std::string::npos);
  EXPECT_EQ(Render(SampleCheckedReport()).find("\x1b["), std::string::npos);
  EXPECT_NE(Colour(SampleReport()).find("\x1b["), std::string::npos);
  EXPECT_NE(Colour(SampleCheckedReport()).find("\x1b["), std::string::npos);
}

TEST(TableCheck, ColourOnlyAddsStyles) {
  EXPECT_EQ(StripAnsi(Colour(SampleReport())), Render(SampleReport()));
  EXPECT_EQ(StripAnsi(Colour(SampleCheckedReport())), Render(SampleCheckedReport()));
}

TEST(TableCheck, ColoursMarksAndBoldsHeadings) {
  const std::string text = Colour(SampleCheckedReport());
  EXPECT_NE(text.find("\x1b[1mdouble_tap\x1b[0m (<bundled>/double_tap.yaml, seed 42)\n"),
            std::string::npos);
  EXPECT_NE(text.find("  \x1b[1mstrategy "), std::string::npos);
  EXPECT_NE(text.find("  \x1b[32m\u2713\x1b[0m double_tap / none: duplicate_rate"),
            std::string::npos);
  EXPECT_NE(text.find("  \x1b[31m\u2717\x1b[0m double_tap / client_debounce(window=1s): "
                      "lost_payment_rate"),
            std::string::npos);
  EXPECT_NE(text.find("  \x1b[33m?\x1b[0m slow_network / idempotency_key(ttl=24h): "
                      "duplicate_rate"),
            std::string::npos);
  EXPECT_NE(text.find("  \x1b[31m\u2717\x1b[0m regression double_tap / none:"), std::string::npos);
  EXPECT_NE(text.find("  \x1b[32m\u2713\x1b[0m improvement slow_network /"), std::string::npos);
  // Table rows themselves stay plain, so the columns align as without colour.
  EXPECT_NE(text.find("\n  none                          10000"), std::string::npos);
}

TEST(TableCheck, ExpectationLinesFollowTheirScenarioInOrder) {
  const Report report = SampleCheckedReport();
  const auto lines = Lines(Render(report));
  const std::size_t slow = LineOf(lines, "slow_network (<bundled>/slow_network.yaml, seed 42)");
  ASSERT_LT(slow, lines.size());
  std::size_t previous = 0;
  for (const ExpectationResult& e : report.check.expectations) {
    const std::string line = "  " + std::string(VerdictMark(e.verdict)) + " " + ExpectationText(e);
    const std::size_t at = LineOf(lines, line);
    ASSERT_LT(at, lines.size()) << line;
    EXPECT_GT(at, previous) << line;
    EXPECT_EQ(at < slow, e.scenario == "double_tap") << line;
    previous = at;
  }
}

TEST(TableCheck, BaselineLinesShowOnlyChangesAndMissingRuns) {
  const Report report = SampleCheckedReport();
  const std::string text = Render(report);
  std::size_t shown = 0;
  for (const BaselineComparison& c : report.check.comparisons) {
    const std::string line =
        "  " + std::string(ChangeMark(c.change)) + " " + ComparisonText(c) + "\n";
    const bool present = text.find(line) != std::string::npos;
    EXPECT_EQ(present, c.change != Change::kNoChange) << line;
    shown += present ? 1 : 0;
  }
  EXPECT_EQ(shown, 2u);  // the regression and the improvement
  EXPECT_NE(text.find("  - double_tap / client_debounce(window=1s): not in the baseline\n"),
            std::string::npos);
  const auto lines = Lines(text);
  EXPECT_LT(LineOf(lines, "  - double_tap / client_debounce(window=1s): not in the baseline"),
            LineOf(lines, "slow_network (<bundled>/slow_network.yaml, seed 42)"));
}

// A changed scenario's note and a fingerprint-less one's each end their scenario's block.
TEST(TableCheck, ScenarioNotesComeInTheirScenariosBlock) {
  const auto lines = Lines(Render(SampleCheckedReport()));
  const std::size_t changed = LineOf(lines,
                                     "  baseline: scenario double_tap changed since the baseline "
                                     "(client.timeout: 2s -> 3s; 2 more): compared anyway "
                                     "(--compare-changed)");
  const std::size_t unknown = LineOf(lines,
                                     "  baseline: scenario slow_network: the baseline carries no "
                                     "scenario fingerprint; compared without knowing whether the "
                                     "scenario changed");
  const std::size_t second_block =
      LineOf(lines, "slow_network (<bundled>/slow_network.yaml, seed 42)");
  EXPECT_LT(changed, second_block);
  EXPECT_GT(unknown, second_block);
  EXPECT_LT(unknown, lines.size());
}

TEST(TableCheck, SummaryLineComesLast) {
  const Report report = SampleCheckedReport();
  const std::string text = Render(report);
  const std::string summary = "\ncheck: " + CheckSummaryText(report.check) + "\n";
  ASSERT_GE(text.size(), summary.size());
  EXPECT_EQ(text.substr(text.size() - summary.size()), summary);
  EXPECT_EQ(summary,
            "\ncheck: 2 passed, 2 failed, 1 inconclusive; 1 regression, 1 improvement; 1 scenario "
            "changed since the baseline\n");
  EXPECT_EQ(Render(SampleReport()).find("check:"), std::string::npos);
}

TEST(TableCheck, CheckWithoutBaselineHasNoBaselineLines) {
  Report report = SampleCheckedReport();
  report.check.baseline.clear();
  report.check.comparisons.clear();
  report.check.not_in_baseline.clear();
  report.check.changed_scenarios.clear();
  report.check.without_fingerprint.clear();
  const std::string text = Render(report);
  EXPECT_EQ(text.find("regression"), std::string::npos);
  EXPECT_EQ(text.find("baseline"), std::string::npos);
  EXPECT_NE(text.find("\ncheck: 2 passed, 2 failed, 1 inconclusive\n"), std::string::npos);
}

TEST(TableCheck, CheckLinesHaveNoTrailingSpaces) {
  for (const std::string& line : Lines(Render(SampleCheckedReport()))) {
    EXPECT_TRUE(line.empty() || line.back() != ' ') << "'" << line << "'";
  }
}

TEST(TableCheck, CheckedEmptyReportStillSummarises) {
  Report report;
  report.check.checked = true;
  EXPECT_EQ(Render(report), "no results\n\ncheck: 0 passed, 0 failed, 0 inconclusive\n");
}

}  // namespace
}  // namespace dupsim
