#include "reports/table_report.h"

#include <gtest/gtest.h>

#include <sstream>
#include <string>
#include <vector>

#include "tests/reports/sample_report.h"

namespace dupsim {
namespace {

std::string Render(const Report& report) {
  std::ostringstream out;
  TableReport().Render(report, out);
  return out.str();
}

std::vector<std::string> Lines(const std::string& text) {
  std::vector<std::string> lines;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) lines.push_back(line);
  return lines;
}

// The lines of the table under the heading of `scenario`: header, rule and rows.
std::vector<std::string> TableOf(const std::string& text, const std::string& scenario) {
  std::vector<std::string> table;
  bool in_block = false;
  for (const std::string& line : Lines(text)) {
    if (line.rfind(scenario + " (", 0) == 0) in_block = true;
    if (!in_block) continue;
    if (line.rfind("  strategy", 0) == 0 || (!table.empty() && !line.empty())) {
      table.push_back(line);
    } else if (!table.empty()) {
      break;
    }
  }
  return table;
}

TEST(TableReport, OneBlockPerScenarioWithHeadingAndDescription) {
  const std::string text = Render(SampleReport());
  EXPECT_NE(text.find("double_tap (<bundled>/double_tap.yaml, seed 42)\n"), std::string::npos);
  EXPECT_NE(text.find("slow_network (<bundled>/slow_network.yaml, seed 42)\n"), std::string::npos);
  EXPECT_NE(text.find("  Slow links and client retries.\n"), std::string::npos);
  EXPECT_EQ(TableOf(text, "double_tap").size(), 4u);    // header, rule, two strategies
  EXPECT_EQ(TableOf(text, "slow_network").size(), 3u);  // header, rule, one strategy
}

TEST(TableReport, LongDescriptionsWrap) {
  const auto lines = Lines(Render(SampleReport()));
  ASSERT_GE(lines.size(), 3u);
  EXPECT_EQ(lines[1].rfind("  Users tap Pay twice,", 0), 0u);
  EXPECT_LE(lines[1].size(), 100u);
  EXPECT_GT(lines[1].size(), 80u);
  EXPECT_EQ(lines[2], "  duplicate comes from the button.");
}

TEST(TableReport, RowsShowTheConfigLabelAndRatesWithIntervals) {
  const auto table = TableOf(Render(SampleReport()), "double_tap");
  ASSERT_EQ(table.size(), 4u);
  EXPECT_EQ(table[2].rfind("  none ", 0), 0u);
  EXPECT_NE(table[2].find("9.98% (9.41-10.58%)"), std::string::npos);
  EXPECT_NE(table[2].find("0.12% (0.069-0.21%)"), std::string::npos);
  EXPECT_EQ(table[3].rfind("  client_debounce(window=1s) ", 0), 0u);
  EXPECT_NE(table[3].find("0% (0-0.038%)"), std::string::npos);
  EXPECT_NE(table[3].find("0.030% (0.010-0.088%)"), std::string::npos);

  const auto tiny = TableOf(Render(SampleReport()), "slow_network");
  ASSERT_EQ(tiny.size(), 3u);
  EXPECT_NE(tiny[2].find("0.031% (0.021-0.044%)"), std::string::npos);
  EXPECT_NE(tiny[2].find("0% (0-0.0038%)"), std::string::npos);
}

TEST(TableReport, ColumnsAlign) {
  const std::string text = Render(SampleReport());
  for (const std::string scenario : {"double_tap", "slow_network"}) {
    const auto table = TableOf(text, scenario);
    ASSERT_GE(table.size(), 3u);
    // The last column is right-aligned, so every line of a block ends at the same place.
    for (const std::string& line : table) EXPECT_EQ(line.size(), table[0].size()) << line;
    EXPECT_EQ(table[1].find_first_not_of(' '), 2u);
    EXPECT_EQ(table[1].find_first_not_of('-', 2), std::string::npos);
    // Each interval starts under its header, right after its right-aligned rate.
    const std::size_t dup_ci = table[0].find("(95% CI)");
    const std::size_t lost_ci = table[0].find("(95% CI)", dup_ci + 1);
    const std::size_t charges_end = table[0].find("charges") + 7;
    for (std::size_t i = 2; i < table.size(); ++i) {
      EXPECT_EQ(table[i][dup_ci], '(') << table[i];
      EXPECT_EQ(table[i][dup_ci - 2], '%') << table[i];
      EXPECT_EQ(table[i][lost_ci], '(') << table[i];
      EXPECT_NE(table[i][charges_end - 1], ' ') << table[i];
      EXPECT_EQ(table[i][charges_end], ' ') << table[i];
    }
  }
}

TEST(TableReport, NumbersAreRightAligned) {
  Report report = SampleReport();
  report.results[1].charges = 7;  // a short number beside a long one
  const auto table = TableOf(Render(report), "double_tap");
  const std::size_t charges_end = table[0].find("charges") + 7;
  EXPECT_EQ(table[3].substr(charges_end - 7, 7), "      7");
}

TEST(TableReport, NoTrailingSpaces) {
  for (const std::string& line : Lines(Render(SampleReport()))) {
    EXPECT_TRUE(line.empty() || line.back() != ' ') << "'" << line << "'";
  }
}

TEST(TableReport, ResultsWithoutASummaryStillGetAHeading) {
  Report report = SampleReport();
  report.scenarios.clear();
  const std::string text = Render(report);
  EXPECT_NE(text.find("double_tap (<bundled>/double_tap.yaml, seed 42)\n\n  strategy"),
            std::string::npos);
}

TEST(TableReport, SameInputGivesIdenticalBytes) {
  EXPECT_EQ(Render(SampleReport()), Render(SampleReport()));
}

TEST(TableReport, EmptyReport) {
  EXPECT_EQ(Render(Report{}), "no results\n");
}

}  // namespace
}  // namespace dupsim

namespace dupsim {
namespace {

TEST(TableReport, StrategiesWithDuplicatesListTheirRootCauses) {
  const std::string text = Render(SampleReport());
  // none: 998 duplicates, 899 double taps and 99 retries (sample_report.cc).
  EXPECT_NE(text.find("  root causes, none: double_tap 899 (90%), client_retry 99 (10%)\n"),
            std::string::npos)
      << text;
  // client_debounce had none, so it gets no line.
  EXPECT_EQ(text.find("root causes, client_debounce"), std::string::npos);
}

}  // namespace
}  // namespace dupsim

namespace dupsim {
namespace {

TEST(TableReport, FalseBlocksGetTheirOwnLine) {
  Report report = SampleReport();
  report.results[1].false_blocks = 25;
  report.results[1].false_block_rate = RateEstimate::Of(25, 10000);
  const std::string text = Render(report);
  EXPECT_NE(text.find("  false blocks, client_debounce(window=1s): 25, 0.25% (0.17-0.37%)\n"),
            std::string::npos)
      << text;
  EXPECT_EQ(text.find("false blocks, none"), std::string::npos);
}

}  // namespace
}  // namespace dupsim
