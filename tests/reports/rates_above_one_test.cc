// Duplicates per intent above 1 (intents charged three times and more), in every format: the
// rate reads "1.21 per intent", its interval holds it, the chart's axis reaches it; and, over
// every format and both sample reports, no printed interval excludes its printed rate.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <regex>
#include <sstream>
#include <string>
#include <vector>

#include "metrics/duplicate_counter.h"
#include "reports/json_reader.h"
#include "reports/report_format_registry.h"
#include "tests/reports/sample_report.h"
#include "tests/support/xml_document.h"

namespace dupsim {
namespace {

// The user's flaky-3G run: 10000 intents, each charged 2 or 3 times, 12061 duplicates.
Report FlakyReport() {
  std::vector<std::uint32_t> charges(10000, 2);
  for (std::size_t i = 0; i < 2061; ++i) charges[i] = 3;
  const DuplicateCount count = CountDuplicates(charges);
  RunResult r;
  r.scenario = "flaky_3g";
  r.scenario_source = "flaky_3g.yaml";
  r.strategy = r.strategy_config = "none";
  r.intents = count.intents;
  r.charges = count.charges;
  r.duplicate_charges = count.duplicate_charges;
  r.intents_with_duplicates = count.intents_with_duplicates;
  r.duplicates_by_cause[static_cast<std::size_t>(RootCause::kClientRetry)] = r.duplicate_charges;
  r.duplicate_rate =
      RateEstimate::OfCounts(count.duplicate_charges, count.duplicate_square_sum, count.intents);
  r.duplicated_intent_rate = RateEstimate::Of(count.intents_with_duplicates, count.intents);
  r.lost_payment_rate = RateEstimate::Of(0, count.intents);
  r.false_block_rate = RateEstimate::Of(0, count.intents);
  Report report;
  report.tool_version = "test";
  report.results.push_back(r);
  return report;
}

std::string Render(const std::string& format, const Report& report) {
  std::ostringstream out;
  ReportFormatRegistry::Builtin().Find(format)->Render(report, out);
  return out.str();
}

TEST(RatesAboveOne, ReadPerIntentInTheTextFormats) {
  const Report report = FlakyReport();
  for (const std::string format : {"table", "markdown", "junit", "html"}) {
    SCOPED_TRACE(format);
    const std::string text = Render(format, report);
    EXPECT_NE(text.find("1.21 per intent (1.20-1.21)"), std::string::npos) << text;
    EXPECT_EQ(text.find("120.61%"), std::string::npos);
  }
  EXPECT_NE(Render("table", report)
                .find("intents charged twice or more, none: 10000, 100% (99.96-100%), 1.21 "
                      "duplicates each"),
            std::string::npos)
      << Render("table", report);
}

TEST(RatesAboveOne, JsonKeepsTheRateAndItsSpreadAndReadsBack) {
  const Report report = FlakyReport();
  const std::string text = Render("json", report);
  const nlohmann::json j = nlohmann::json::parse(text)["results"][0];
  EXPECT_EQ(j["duplicate_square_sum"], 2061u * 4 + 7939u);
  EXPECT_DOUBLE_EQ(j["duplicate_rate"].get<double>(), 1.2061);
  EXPECT_LT(j["duplicate_rate_ci95"][0].get<double>(), 1.2061);
  EXPECT_GT(j["duplicate_rate_ci95"][1].get<double>(), 1.2061);
  EXPECT_DOUBLE_EQ(j["duplicated_intent_rate"].get<double>(), 1.0);
  const Report back = ReadJsonReport(text, "flaky.json");
  EXPECT_EQ(back.results[0].duplicate_rate.ci95.low, report.results[0].duplicate_rate.ci95.low);
  EXPECT_EQ(back.results[0].duplicate_rate.ci95.high, report.results[0].duplicate_rate.ci95.high);
  EXPECT_EQ(Render("table", back), Render("table", report));
}

TEST(RatesAboveOne, ReportsWithoutTheSquareSumStillRead) {
  nlohmann::json j = nlohmann::json::parse(Render("json", SampleReport()));
  for (auto& result : j["results"]) result.erase("duplicate_square_sum");
  const Report back = ReadJsonReport(j.dump(), "old.json");
  // 998 duplicates over 997 intents: the least spread the counts allow, one intent with two.
  EXPECT_EQ(back.results[0].duplicate_rate.square_sum, 998u + 2);
  EXPECT_EQ(back.results[1].duplicate_rate.square_sum, 0u);
}

TEST(RatesAboveOne, CsvHasBothRates) {
  const std::string csv = Render("csv", FlakyReport());
  const std::string header = csv.substr(0, csv.find('\n'));
  EXPECT_NE(header.find(",duplicate_rate,duplicate_rate_ci95_low,"), std::string::npos) << header;
  // Added after `events`, at the end: existing columns keep their positions.
  EXPECT_NE(header.find(",events,intents_with_duplicates,duplicated_intent_rate,"
                        "duplicated_intent_rate_ci95_low,duplicated_intent_rate_ci95_high,"
                        "duplicate_square_sum"),
            std::string::npos)
      << header;
  EXPECT_NE(csv.find(",1.2061,"), std::string::npos);
}

TEST(RatesAboveOne, ChartAxisReachesTheBarAndWhisker) {
  const testing::XhtmlDocument doc(Render("html", FlakyReport()));
  ASSERT_TRUE(doc.ok());
  const std::string chart = "//svg:svg[@class='duplicate-rate']";
  const std::vector<xmlNodePtr> bars = doc.Nodes(chart + "//svg:rect[@class='bar']");
  ASSERT_EQ(bars.size(), 1u);
  const double bar_end = std::stod(testing::XhtmlDocument::Attribute(bars[0], "x")) +
                         std::stod(testing::XhtmlDocument::Attribute(bars[0], "width"));
  double whisker_end = 0;
  for (xmlNodePtr line : doc.Nodes(chart + "//svg:line[@class='ci']")) {
    whisker_end = std::max(whisker_end, std::stod(testing::XhtmlDocument::Attribute(line, "x2")));
  }
  double axis_end = 0;
  for (xmlNodePtr line : doc.Nodes(chart + "//svg:line[@class='tick']")) {
    axis_end = std::max(axis_end, std::stod(testing::XhtmlDocument::Attribute(line, "x1")));
  }
  EXPECT_GT(axis_end, 0);
  EXPECT_LE(bar_end, axis_end);
  EXPECT_LE(whisker_end, axis_end);
  // Ticks in duplicates per intent, not "120%".
  const std::vector<xmlNodePtr> ticks = doc.Nodes(chart + "//svg:text[@class='tick-label']");
  ASSERT_GE(ticks.size(), 2u);
  EXPECT_EQ(testing::XhtmlDocument::TextOf(ticks.back()).find('%'), std::string::npos);
}

// Every "R% (L-H%)" and "R per intent (L-H)" in a text: L <= R <= H as printed.
void ExpectIntervalsHoldTheirRates(const std::string& text) {
  static const std::regex kPercent(R"(([0-9.]+)% \(([0-9.]+)-([0-9.]+)%\))");
  static const std::regex kPerIntent(R"(([0-9.]+) per intent \(([0-9.]+)-([0-9.]+)\))");
  int found = 0;
  for (const std::regex& form : {kPercent, kPerIntent}) {
    for (std::sregex_iterator it(text.begin(), text.end(), form), end; it != end; ++it) {
      ++found;
      const double rate = std::stod((*it)[1]), low = std::stod((*it)[2]),
                   high = std::stod((*it)[3]);
      EXPECT_LE(low, rate) << it->str();
      EXPECT_LE(rate, high) << it->str();
    }
  }
  EXPECT_GT(found, 0);
}

TEST(RatesAboveOne, NoFormatPrintsAnIntervalThatExcludesItsRate) {
  for (const Report& report : {FlakyReport(), SampleReport(), SampleCheckedReport()}) {
    for (const std::string format : {"table", "markdown", "junit", "html"}) {
      SCOPED_TRACE(format);
      ExpectIntervalsHoldTheirRates(Render(format, report));
    }
  }
}

}  // namespace
}  // namespace dupsim
