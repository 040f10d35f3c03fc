#include "reports/markdown_report.h"

#include <gtest/gtest.h>

#include <cstdlib>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "reports/verdict_text.h"
#include "tests/reports/sample_report.h"

namespace dupsim {
namespace {

std::string Render(const Report& report) {
  std::ostringstream out;
  MarkdownReport().Render(report, out);
  return out.str();
}

std::vector<std::string> Lines(const std::string& text) {
  std::vector<std::string> lines;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) lines.push_back(line);
  return lines;
}

// The `|` that separate cells: those without a backslash before them.
std::size_t CellSeparators(const std::string& line) {
  std::size_t n = 0;
  for (std::size_t i = 0; i < line.size(); ++i) {
    if (line[i] == '|' && (i == 0 || line[i - 1] != '\\')) ++n;
  }
  return n;
}

// DUPSIM_UPDATE_GOLDEN=1 rewrites the golden files after a deliberate format change.
void ExpectGolden(const std::string& markdown, const std::string& name) {
  const std::string path = std::string(DUPSIM_SOURCE_DIR) + "/tests/reports/golden/" + name;
  if (std::getenv("DUPSIM_UPDATE_GOLDEN")) {
    std::ofstream(path, std::ios::binary) << markdown;
  }
  std::ifstream in(path, std::ios::binary);
  ASSERT_TRUE(in) << "missing " << path;
  std::stringstream golden;
  golden << in.rdbuf();
  EXPECT_EQ(markdown, golden.str());
}

TEST(MarkdownReport, MatchesGoldenFile) {
  ExpectGolden(Render(SampleReport()), "report.md");
}

TEST(MarkdownReport, CheckedMatchesGoldenFile) {
  ExpectGolden(Render(SampleCheckedReport()), "checked.md");
}

TEST(MarkdownReport, RunTitleAndOneSectionPerScenario) {
  const std::string md = Render(SampleReport());
  EXPECT_EQ(md.rfind("## dupsim run\n\n", 0), 0u) << md;
  EXPECT_NE(md.find("\n### double_tap (`<bundled>/double_tap.yaml`, seed 42, 10000 intents)\n"),
            std::string::npos)
      << md;
  EXPECT_NE(md.find("\n### slow_network ("), std::string::npos) << md;
  EXPECT_EQ(md.find("dupsim check"), std::string::npos);
  EXPECT_EQ(md.find("<details>"), std::string::npos);
  ASSERT_FALSE(md.empty());
  EXPECT_EQ(md.back(), '\n');
  EXPECT_NE(md.substr(md.size() - 2), "\n\n");
}

TEST(MarkdownReport, EveryTableRowHasAsManyCellsAsTheHeader) {
  Report report = SampleReport();
  report.results[1].strategy_config = "pipe|in(a=`x`)";
  const std::string md = Render(report);
  EXPECT_NE(md.find("| ``pipe\\|in(a=`x`)`` |"), std::string::npos) << md;
  std::size_t header_cells = 0, rows = 0;
  for (const std::string& line : Lines(md)) {
    if (line.rfind("| strategy |", 0) == 0) header_cells = CellSeparators(line);
    if (line.rfind("|", 0) != 0) continue;
    ++rows;
    EXPECT_EQ(CellSeparators(line), header_cells) << line;
  }
  EXPECT_EQ(header_cells, 9u);
  EXPECT_EQ(rows, 2u * 2 + report.results.size());  // header and rule per scenario
}

TEST(MarkdownReport, RowsShowEveryRateWithItsInterval) {
  const std::string md = Render(SampleReport());
  EXPECT_NE(md.find("| `none` | 998 | 9.98% (9.41-10.58%) | 997, 9.97% ("), std::string::npos)
      << md;
  EXPECT_NE(md.find("%) | 12, 0.12% ("), std::string::npos) << md;
  EXPECT_NE(md.find("| `client_debounce(window=1s)` | 0 | 0% (0-0.038%) | 0, 0% (0-0.038%) | 3, "
                    "0.030% ("),
            std::string::npos)
      << md;
  EXPECT_NE(md.find("140ms / 2.35s"), std::string::npos);
  // Rounded as the table rounds it, so one figure reads the same in both.
  EXPECT_NE(md.find("time to confirmation +1.2ms p50, -35.0ms p99 vs none"), std::string::npos);
  EXPECT_NE(md.find("- `none`: double_tap 899 (90%), client_retry 99 (10%)"), std::string::npos);
}

TEST(MarkdownReport, EscapesAPipeInADescription) {
  Report report = SampleReport();
  report.scenarios[0].description = "Tap | tap again,\nthen *wait*.";
  const std::string md = Render(report);
  EXPECT_NE(md.find("\nTap \\| tap again, then \\*wait\\*.\n"), std::string::npos) << md;
  EXPECT_EQ(md.find("Tap | tap"), std::string::npos);
}

TEST(MarkdownReport, TextIsEscapedWhereMarkdownWouldActOnIt) {
  EXPECT_EQ(MarkdownText("duplicate_rate 0.1%"), "duplicate_rate 0.1%");
  EXPECT_EQ(MarkdownText("_x_ a*b <b> [l](u) ~s~ $1 & \\"),
            "\\_x\\_ a\\*b \\<b\\> \\[l\\](u) \\~s\\~ \\$1 \\& \\\\");
  EXPECT_EQ(MarkdownText("# not a heading"), "\\# not a heading");
  EXPECT_EQ(MarkdownText("- not a list"), "\\- not a list");
  EXPECT_EQ(MarkdownText("12. not a list"), "12\\. not a list");
  EXPECT_EQ(MarkdownText("12.5 ms"), "12.5 ms");
  EXPECT_EQ(MarkdownText("  two\n\tlines  "), "two lines");
  EXPECT_EQ(MarkdownText("a-b"), "a-b");
}

TEST(MarkdownReport, CodeSpansOutlastTheirBackticks) {
  EXPECT_EQ(MarkdownCode("none", false), "`none`");
  EXPECT_EQ(MarkdownCode("a`b", false), "``a`b``");
  EXPECT_EQ(MarkdownCode("`a`", false), "`` `a` ``");
  EXPECT_EQ(MarkdownCode("a|b", false), "`a|b`");
  EXPECT_EQ(MarkdownCode("a|b", true), "`a\\|b`");
  EXPECT_EQ(MarkdownCode("a\nb", false), "`a b`");
}

TEST(MarkdownReport, CheckStartsWithTheSummaryAndFailuresFirst) {
  const Report report = SampleCheckedReport();
  const std::string md = Render(report);
  EXPECT_EQ(md.rfind("## dupsim check: " + CheckSummaryText(report.check) + "\n\n", 0), 0u) << md;
  const ExpectationResult* failed = nullptr;
  const ExpectationResult* inconclusive = nullptr;
  for (const ExpectationResult& e : report.check.expectations) {
    if (e.verdict == Verdict::kFail && !failed) failed = &e;
    if (e.verdict == Verdict::kInconclusive && !inconclusive) inconclusive = &e;
  }
  ASSERT_NE(failed, nullptr);
  ASSERT_NE(inconclusive, nullptr);
  const std::string failed_line = "- \u2717 " + MarkdownText(ExpectationText(*failed)) + "\n";
  const std::size_t failed_heading = md.find("\n### Failed\n");
  const std::size_t inconclusive_heading = md.find("\n### Inconclusive\n");
  const std::size_t details = md.find("\n<details><summary>All 5 expectations</summary>\n\n");
  const std::size_t first_listing = md.find(failed_line);
  ASSERT_NE(failed_heading, std::string::npos) << md;
  ASSERT_NE(details, std::string::npos) << md;
  EXPECT_LT(failed_heading, first_listing);
  EXPECT_LT(first_listing, inconclusive_heading);
  EXPECT_LT(inconclusive_heading, details);
  // Listed again, in order, inside the block with every expectation.
  EXPECT_NE(md.find(failed_line, details), std::string::npos);
  EXPECT_NE(md.find("\n</details>\n", details), std::string::npos);
  const std::string passed =
      "- \u2713 " + MarkdownText(ExpectationText(report.check.expectations[0])) + "\n";
  EXPECT_GT(md.find(passed), details);
  // Scenario tables come after the verdicts.
  EXPECT_GT(md.find("\n### double_tap ("), md.find("\n### Baseline ("));
}

TEST(MarkdownReport, BaselineListsRegressionsImprovementsAndMissingRuns) {
  const Report report = SampleCheckedReport();
  const std::string md = Render(report);
  EXPECT_NE(md.find("\n### Baseline (`baseline.json`, confidence 99%)\n"), std::string::npos) << md;
  for (const BaselineComparison& c : report.check.comparisons) {
    const std::string line =
        "- " + std::string(ChangeMark(c.change)) + " " + MarkdownText(ComparisonText(c)) + "\n";
    if (c.change == Change::kNoChange) {
      EXPECT_EQ(md.find(line), std::string::npos) << line;
    } else {
      EXPECT_NE(md.find(line), std::string::npos) << line;
    }
  }
  EXPECT_LT(md.find("\nRegressions:\n"), md.find("\nImprovements:\n"));
  EXPECT_NE(md.find("\nNot in the baseline:\n\n- double_tap / client_debounce(window=1s)\n"),
            std::string::npos);
}

TEST(MarkdownReport, NoFailedSectionWhenAllPass) {
  Report report = SampleCheckedReport();
  report.check.expectations.resize(2);  // the two that pass
  report.check.baseline.clear();
  report.check.comparisons.clear();
  const std::string md = Render(report);
  EXPECT_EQ(md.rfind("## dupsim check: 2 passed, 0 failed, 0 inconclusive\n", 0), 0u) << md;
  EXPECT_EQ(md.find("### Failed"), std::string::npos);
  EXPECT_EQ(md.find("### Inconclusive"), std::string::npos);
  EXPECT_EQ(md.find("### Baseline"), std::string::npos);
  EXPECT_NE(md.find("<details><summary>All 2 expectations</summary>"), std::string::npos);
}

TEST(MarkdownReport, EmptyReport) {
  EXPECT_EQ(Render(Report{}), "## dupsim run\n\nNo results.\n");
}

TEST(MarkdownReport, SameInputGivesIdenticalBytes) {
  EXPECT_EQ(Render(SampleCheckedReport()), Render(SampleCheckedReport()));
}

}  // namespace
}  // namespace dupsim
