#include "reports/html_report.h"

#include <gtest/gtest.h>
#include <libxml/parser.h>
#include <libxml/xpath.h>
#include <libxml/xpathInternals.h>

#include <cstdlib>
#include <fstream>
#include <memory>
#include <sstream>
#include <string>
#include <vector>

#include "reports/html_charts.h"
#include "reports/verdict_text.h"
#include "tests/cli/dupsim_process.h"
#include "tests/reports/sample_report.h"
#include "tests/support/xml_document.h"

namespace dupsim {
namespace {

using testing::XhtmlDocument;

const std::string kGoldenPath =
    std::string(DUPSIM_SOURCE_DIR) + "/tests/reports/golden/report.html";

std::string Render(const Report& report) {
  std::ostringstream out;
  HtmlReport().Render(report, out);
  return out.str();
}

// The sections of the sample reports' scenarios, in order.
constexpr char kScenarios[] = "//h:section[contains(@class, 'scenario')]";

// DUPSIM_UPDATE_GOLDEN=1 rewrites the golden file after a deliberate format change.
TEST(HtmlReport, MatchesGoldenFile) {
  const std::string html = Render(SampleCheckedReport());
  if (std::getenv("DUPSIM_UPDATE_GOLDEN")) {
    std::ofstream(kGoldenPath, std::ios::binary) << html;
  }
  std::ifstream in(kGoldenPath, std::ios::binary);
  ASSERT_TRUE(in) << "missing " << kGoldenPath;
  std::stringstream golden;
  golden << in.rdbuf();
  EXPECT_EQ(html, golden.str());
}

TEST(HtmlReport, SameInputGivesIdenticalBytes) {
  const Report report = SampleCheckedReport();
  const Report copy = report;
  EXPECT_EQ(Render(report), Render(copy));
  EXPECT_EQ(Render(report), Render(SampleCheckedReport()));
}

TEST(HtmlReport, IsWellFormedXhtml) {
  for (const Report& report : {SampleReport(), SampleCheckedReport(), Report{}}) {
    const std::string html = Render(report);
    EXPECT_EQ(html.rfind("<!DOCTYPE html>\n<html xmlns=\"http://www.w3.org/1999/xhtml\"", 0), 0u);
    const XhtmlDocument doc(html);
    ASSERT_TRUE(doc.ok());
    EXPECT_EQ(doc.Count("/h:html/h:head/h:meta[@charset='utf-8']"), 1u);
    EXPECT_EQ(doc.Count("/h:html/h:head/h:style"), 1u);
    EXPECT_EQ(doc.Count("/h:html/h:body"), 1u);
  }
}

TEST(HtmlReport, OneSectionPerScenarioWithItsHeading) {
  const Report report = SampleReport();
  const XhtmlDocument doc(Render(report));
  ASSERT_TRUE(doc.ok());
  const std::vector<xmlNodePtr> sections = doc.Nodes(kScenarios);
  ASSERT_EQ(sections.size(), 2u);
  EXPECT_EQ(doc.Text("h:h2", sections[0]), "double_tap");
  const std::string meta = doc.Text("h:p[@class='meta']", sections[0]);
  EXPECT_NE(meta.find("<bundled>/double_tap.yaml"), std::string::npos) << meta;
  EXPECT_NE(meta.find("seed 42"), std::string::npos) << meta;
  EXPECT_NE(meta.find("10,000 intents"), std::string::npos) << meta;
  EXPECT_NE(meta.find("cause: user_misoperation"), std::string::npos) << meta;
  EXPECT_EQ(doc.Text("h:p[@class='description']", sections[0]), report.scenarios[0].description);
  EXPECT_EQ(doc.Text("h:h2", sections[1]), "slow_network");
  // Section ids are unique and the navigation links to them.
  EXPECT_EQ(doc.Count("//h:nav//h:a[@href='#scenario-1']"), 1u);
  EXPECT_EQ(doc.Count("//h:nav//h:a[@href='#scenario-2']"), 1u);
  EXPECT_EQ(doc.Count("//*[@id='scenario-1']"), 1u);
}

TEST(HtmlReport, DuplicateRateChartHasABarAndAnErrorBarPerStrategy) {
  const Report report = SampleReport();
  const XhtmlDocument doc(Render(report));
  ASSERT_TRUE(doc.ok());
  const std::vector<xmlNodePtr> sections = doc.Nodes(kScenarios);
  ASSERT_EQ(sections.size(), 2u);
  // The zero rate (client_debounce, 0 of 10,000 on an axis to 15%) draws neither a bar nor a
  // whisker: both would be a black stub at the axis, not an interval. Its label gives it.
  const std::size_t drawn[] = {1, 1};
  for (std::size_t s = 0; s < sections.size(); ++s) {
    SCOPED_TRACE(s);
    const std::vector<xmlNodePtr> charts =
        doc.Nodes(".//svg:svg[@class='duplicate-rate']", sections[s]);
    ASSERT_EQ(charts.size(), 1u);
    EXPECT_EQ(doc.Count(".//svg:rect[@class='bar']", charts[0]), drawn[s]);
    // A whisker and two caps per drawn bar.
    EXPECT_EQ(doc.Count(".//svg:line[@class='ci']", charts[0]), 3 * drawn[s]);
    // An axis with percent ticks, from 0.
    EXPECT_GE(doc.Count(".//svg:text[@class='tick-label']", charts[0]), 3u);
    EXPECT_EQ(doc.Text("(.//svg:text[@class='tick-label'])[1]", charts[0]), "0%");
  }
  const std::vector<xmlNodePtr> bars =
      doc.Nodes("//svg:svg[@class='duplicate-rate']//svg:rect[@class='bar']");
  ASSERT_EQ(bars.size(), 2u);
  EXPECT_EQ(XhtmlDocument::Attribute(bars[0], "fill"), kDuplicateRateBarColour);
  EXPECT_GT(std::stod(XhtmlDocument::Attribute(bars[0], "width")), 100);
  EXPECT_EQ(XhtmlDocument::TextOf(bars[1]).rfind("idempotency_key(ttl=24h): ", 0), 0u);
  EXPECT_EQ(XhtmlDocument::TextOf(bars[0]), "none: 9.98% (9.41-10.58%)");
  // Each bar's label names its strategy and gives the rate with its interval.
  EXPECT_EQ(doc.Text("//svg:svg[@class='duplicate-rate']//svg:text[@class='bar-label'][2]"),
            "client_debounce(window=1s)0% (0-0.038%)");
}

TEST(HtmlReport, RootCauseChartStacksDuplicatesByCauseWithALegend) {
  const Report report = SampleReport();
  const XhtmlDocument doc(Render(report));
  ASSERT_TRUE(doc.ok());
  const std::vector<xmlNodePtr> sections = doc.Nodes(kScenarios);
  ASSERT_EQ(sections.size(), 2u);
  const std::vector<xmlNodePtr> segments =
      doc.Nodes(".//svg:svg[@class='root-causes']//svg:rect[@class='segment']", sections[0]);
  // none: double taps and client retries; client_debounce: no duplicates, no segment.
  ASSERT_EQ(segments.size(), 2u);
  EXPECT_EQ(XhtmlDocument::Attribute(segments[0], "fill"), RootCauseColour(RootCause::kDoubleTap));
  EXPECT_EQ(XhtmlDocument::Attribute(segments[1], "fill"),
            RootCauseColour(RootCause::kClientRetry));
  EXPECT_EQ(XhtmlDocument::TextOf(segments[0]), "double_tap: 899 (90%)");
  EXPECT_EQ(XhtmlDocument::TextOf(segments[1]), "client_retry: 99 (10%)");
  // Stacked: the second segment starts where the first ends.
  EXPECT_NEAR(std::stod(XhtmlDocument::Attribute(segments[1], "x")),
              std::stod(XhtmlDocument::Attribute(segments[0], "x")) +
                  std::stod(XhtmlDocument::Attribute(segments[0], "width")),
              0.11);
  const std::vector<xmlNodePtr> legend = doc.Nodes(
      ".//h:figure[contains(@class, 'root-causes')]/h:ul[@class='legend']/h:li", sections[0]);
  ASSERT_EQ(legend.size(), 2u);
  EXPECT_EQ(XhtmlDocument::TextOf(legend[0]), "double_tap");
  EXPECT_EQ(XhtmlDocument::TextOf(legend[1]), "client_retry");
}

TEST(HtmlReport, RootCauseChartIsANoteWhenNothingWasDuplicated) {
  Report report = SampleReport();
  report.results.resize(2);
  report.results[0].duplicate_charges = 0;
  report.results[0].duplicates_by_cause = {};
  const XhtmlDocument doc(Render(report));
  ASSERT_TRUE(doc.ok());
  EXPECT_EQ(doc.Count("//svg:svg[@class='root-causes']"), 0u);
  EXPECT_EQ(doc.Text("//h:figure[contains(@class, 'root-causes')]/h:p[@class='empty']"),
            "No duplicate charges under any strategy.");
}

// The polyline's points as (x, y) pairs.
std::vector<std::pair<double, double>> Points(xmlNodePtr polyline) {
  std::istringstream in(XhtmlDocument::Attribute(polyline, "points"));
  std::vector<std::pair<double, double>> points;
  double x = 0, y = 0;
  char comma = 0;
  while (in >> x >> comma >> y) points.emplace_back(x, y);
  return points;
}

TEST(HtmlReport, CdfHasALinePerStrategyThroughItsPercentiles) {
  const Report report = SampleReport();
  const XhtmlDocument doc(Render(report));
  ASSERT_TRUE(doc.ok());
  const std::vector<xmlNodePtr> lines =
      doc.Nodes("//svg:svg[@class='confirmation-cdf']//svg:polyline");
  ASSERT_EQ(lines.size(), 3u);
  EXPECT_EQ(XhtmlDocument::TextOf(lines[0]), "none");
  for (xmlNodePtr line : lines) {
    const auto points = Points(line);
    ASSERT_EQ(points.size(), 101u);  // percentiles 0..100
    for (std::size_t k = 1; k < points.size(); ++k) {
      EXPECT_GE(points[k].first, points[k - 1].first);    // later percentiles, later times
      EXPECT_LT(points[k].second, points[k - 1].second);  // SVG's y grows downwards
    }
  }
  // A legend entry per line with the medians the table uses.
  const std::vector<xmlNodePtr> legend =
      doc.Nodes("(//h:figure[contains(@class, 'confirmation-cdf')])[1]/h:ul/h:li");
  ASSERT_EQ(legend.size(), 2u);
  EXPECT_EQ(XhtmlDocument::TextOf(legend[0]), "none p50 140ms \u00B7 p99 2.35s");
  // The time axis is labelled.
  EXPECT_GE(doc.Count("(//svg:svg[@class='confirmation-cdf'])[1]//svg:text[@class='tick-label']"),
            7u);
}

TEST(HtmlReport, CdfOmitsAStrategyThatConfirmedNobody) {
  Report report = SampleReport();
  report.results[1].time_to_confirmation_percentiles.clear();
  const XhtmlDocument doc(Render(report));
  ASSERT_TRUE(doc.ok());
  const std::vector<xmlNodePtr> sections = doc.Nodes(kScenarios);
  ASSERT_EQ(sections.size(), 2u);
  EXPECT_EQ(doc.Count(".//svg:polyline", sections[0]), 1u);
  EXPECT_EQ(doc.Text(".//h:figure[contains(@class, 'confirmation-cdf')]/h:p[@class='chart-note']",
                     sections[0]),
            "No intent confirmed, so no line: client_debounce(window=1s).");
}

TEST(HtmlReport, CostsTableSetsEachDefenceCostBesideItsBenefit) {
  const Report report = SampleReport();
  const XhtmlDocument doc(Render(report));
  ASSERT_TRUE(doc.ok());
  const std::vector<xmlNodePtr> rows = doc.Nodes("//h:table[@class='costs']/h:tbody/h:tr");
  ASSERT_EQ(rows.size(), 3u);
  std::vector<std::string> cells;
  for (xmlNodePtr cell : doc.Nodes("h:td", rows[1])) cells.push_back(XhtmlDocument::TextOf(cell));
  EXPECT_EQ(cells, (std::vector<std::string>{
                       "client_debounce(window=1s)",
                       "0%(0-0.038%)",                // duplicates per intent
                       "0%(0-0.038%)",                // intents charged twice or more
                       "0%(0-0.038%)",                // false blocks: none counted
                       "0.030%(0.010-0.088%)",        // lost payments
                       "200 (50)",                    // prompts (refused)
                       "\u2014",                      // refunds: none, so a dash
                       "10,000",                      // peak keys held
                       "+1.2ms p50\u221235.0ms p99",  // extra time vs none
                   }));
  // No `none` run in the scenario: no extra time.
  EXPECT_EQ(XhtmlDocument::TextOf(doc.Nodes("h:td", rows[2]).back()), "\u2014");
}

TEST(HtmlReport, ParametersAreTheScenarioFileInAPre) {
  const Report report = SampleReport();
  const XhtmlDocument doc(Render(report));
  ASSERT_TRUE(doc.ok());
  const std::vector<xmlNodePtr> sections = doc.Nodes(kScenarios);
  ASSERT_EQ(sections.size(), 2u);
  for (std::size_t s = 0; s < sections.size(); ++s) {
    EXPECT_EQ(doc.Text("h:details/h:pre", sections[s]), report.scenarios[s].yaml);
    EXPECT_EQ(doc.Text("h:details/h:summary", sections[s]), "Scenario parameters");
  }
}

TEST(HtmlReport, CheckShowsEveryVerdictFirst) {
  const Report report = SampleCheckedReport();
  const XhtmlDocument doc(Render(report));
  ASSERT_TRUE(doc.ok());
  // The verdicts come before the first scenario.
  EXPECT_EQ(doc.Count("//h:section[@id='check']/following-sibling::h:section[@id='scenario-1']"),
            1u);
  EXPECT_EQ(doc.Text("//h:section[@id='check']/h:p[contains(@class, 'check-summary')]"),
            CheckSummaryText(report.check));
  const std::vector<xmlNodePtr> rows =
      doc.Nodes("//h:table[contains(@class, 'expectations')]//h:tr");
  ASSERT_EQ(rows.size(), report.check.expectations.size());
  for (std::size_t i = 0; i < rows.size(); ++i) {
    const ExpectationResult& e = report.check.expectations[i];
    EXPECT_EQ(XhtmlDocument::Attribute(rows[i], "class"), VerdictName(e.verdict));
    EXPECT_EQ(doc.Text("h:td[@class='mark']", rows[i]), VerdictMark(e.verdict));
    EXPECT_EQ(doc.Text("h:td[2]", rows[i]), ExpectationText(e));
  }
  EXPECT_EQ(doc.Count("//h:table[contains(@class, 'expectations')]//h:tr[@class='pass']"), 2u);
  EXPECT_EQ(doc.Count("//h:table[contains(@class, 'expectations')]//h:tr[@class='fail']"), 2u);
  EXPECT_EQ(doc.Count("//h:table[contains(@class, 'expectations')]//h:tr[@class='inconclusive']"),
            1u);

  const std::vector<xmlNodePtr> comparisons =
      doc.Nodes("//h:table[contains(@class, 'comparisons')]//h:tr");
  ASSERT_EQ(comparisons.size(), report.check.comparisons.size());
  for (std::size_t i = 0; i < comparisons.size(); ++i) {
    const BaselineComparison& c = report.check.comparisons[i];
    EXPECT_EQ(doc.Text("h:td[@class='mark']", comparisons[i]), ChangeMark(c.change));
    EXPECT_EQ(doc.Text("h:td[2]", comparisons[i]), ComparisonText(c));
  }
  EXPECT_EQ(doc.Count("//h:table[contains(@class, 'comparisons')]//h:tr[@class='regression']"), 1u);
  EXPECT_EQ(doc.Text("//h:ul[contains(@class, 'not-in-baseline')]/h:li"),
            "double_tap / client_debounce(window=1s)");
}

TEST(HtmlReport, RunHasNoVerdictSection) {
  const XhtmlDocument doc(Render(SampleReport()));
  ASSERT_TRUE(doc.ok());
  EXPECT_EQ(doc.Count("//h:section[@id='check']"), 0u);
  EXPECT_EQ(doc.Count("//h:table[contains(@class, 'verdicts')]"), 0u);
}

TEST(HtmlReport, FetchesNothing) {
  const std::string html = Render(SampleCheckedReport());
  const XhtmlDocument doc(html);
  ASSERT_TRUE(doc.ok());
  EXPECT_EQ(doc.Count("//*[@src]"), 0u);
  EXPECT_EQ(doc.Count("//h:script"), 0u);
  EXPECT_EQ(doc.Count("//h:link"), 0u);
  EXPECT_EQ(doc.Count("//h:img | //h:iframe | //h:object | //h:embed | //svg:image"), 0u);
  // The only links are to the page's own sections.
  EXPECT_EQ(doc.Count("//@href[not(starts-with(., '#'))]"), 0u);
  EXPECT_EQ(doc.Count("//@*[contains(., 'http:') or contains(., 'https:')]"), 0u);
  // Nor does the style sheet: no imports, no fonts or images by URL.
  const std::string style = doc.Text("//h:style");
  EXPECT_EQ(style.find("url("), std::string::npos);
  EXPECT_EQ(style.find("@import"), std::string::npos);
  EXPECT_EQ(style.find("@font-face"), std::string::npos);
}

TEST(HtmlReport, MarkupInNamesAndDescriptionsIsText) {
  Report report = SampleCheckedReport();
  const std::string description = "Users <b>tap</b> & \"pay\" twice, don't they?";
  report.scenarios[0].description = description;
  report.scenarios[0].yaml = "description: \"<script>alert('x')</script> & more\"\n";
  report.results[0].strategy_config = "none<i>&\"'";
  const std::string html = Render(report);
  const XhtmlDocument doc(html);
  ASSERT_TRUE(doc.ok());
  EXPECT_EQ(doc.Count("//h:b | //h:i | //h:script"), 0u);
  EXPECT_EQ(doc.Text("(//h:p[@class='description'])[1]"), description);
  EXPECT_EQ(doc.Text("(//h:details/h:pre)[1]"), report.scenarios[0].yaml);
  EXPECT_EQ(doc.Text("(//h:td[@class='strategy'])[1]"), "none<i>&\"'");
  EXPECT_EQ(doc.Text("(//svg:polyline)[1]"), "none<i>&\"'");
  EXPECT_NE(html.find("Users &lt;b&gt;tap&lt;/b&gt; &amp; &quot;pay&quot; twice, don&#39;t they?"),
            std::string::npos);
}

TEST(HtmlReport, InvalidUtf8AndControlCharactersStillParse) {
  Report report = SampleReport();
  report.results[0].scenario = "bad\xff\x01";
  report.scenarios[1].description = "cut \xe2\x82";
  const XhtmlDocument doc(Render(report));
  ASSERT_TRUE(doc.ok());
  EXPECT_EQ(doc.Text("(//h:section[contains(@class, 'scenario')]/h:h2)[1]"), "bad\uFFFD\uFFFD");
}

TEST(HtmlReport, EmptyReportSaysSo) {
  const XhtmlDocument doc(Render(Report{}));
  ASSERT_TRUE(doc.ok());
  EXPECT_EQ(doc.Text("//h:p[@class='empty']"), "No results.");
  EXPECT_EQ(doc.Count("//svg:svg"), 0u);
}

// `dupsim run --format html -o FILE` end to end: the real binary writes a page that parses.
TEST(HtmlReport, CliWritesAPageThatParses) {
  const ScratchDir dir;
  const std::string path = dir.path() + "/report.html";
  const ProcessResult run =
      RunDupsimBinary({"run", "double_tap", "--intents", "2000", "--format", "html", "-o", path});
  ASSERT_EQ(run.exit_status, 0) << run.err;
  const std::string html = ReadFile(path);
  const XhtmlDocument doc(html);
  ASSERT_TRUE(doc.ok()) << html.substr(0, 500);
  ASSERT_EQ(doc.Count(kScenarios), 1u);
  const std::size_t strategies = doc.Count("//h:table[@class='costs']/h:tbody/h:tr");
  EXPECT_GE(strategies, 2u);
  // A bar per strategy with duplicates; a zero rate has only its label ("0% (0-...)").
  const std::size_t zero_rates = doc.Count(
      "//svg:svg[@class='duplicate-rate']//svg:tspan[@class='bar-value'][starts-with(., '0% (')]");
  EXPECT_EQ(doc.Count("//svg:svg[@class='duplicate-rate']//svg:rect[@class='bar']"),
            strategies - zero_rates);
  EXPECT_EQ(doc.Count("//svg:svg[@class='confirmation-cdf']//svg:polyline"), strategies);
  EXPECT_NE(doc.Text("//h:details/h:pre").find("double_tap"), std::string::npos);
}

}  // namespace
}  // namespace dupsim
