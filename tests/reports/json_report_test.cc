#include "reports/json_report.h"

#include <gtest/gtest.h>

#include <cstdlib>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "tests/reports/sample_report.h"
#include "tests/support/documented_report_schema.h"

namespace dupsim {
namespace {

const std::string kGoldenPath =
    std::string(DUPSIM_SOURCE_DIR) + "/tests/reports/golden/report.json";

std::string Render(const Report& report) {
  std::ostringstream out;
  JsonReport().Render(report, out);
  return out.str();
}

// DUPSIM_UPDATE_GOLDEN=1 rewrites the golden file after a deliberate format change.
void ExpectGolden(const std::string& text, const std::string& path) {
  if (std::getenv("DUPSIM_UPDATE_GOLDEN")) std::ofstream(path, std::ios::binary) << text;
  std::ifstream in(path, std::ios::binary);
  ASSERT_TRUE(in) << "missing " << path;
  std::stringstream golden;
  golden << in.rdbuf();
  EXPECT_EQ(text, golden.str());
}

TEST(JsonReport, MatchesGoldenFile) {
  ExpectGolden(Render(SampleReport()), kGoldenPath);
}

TEST(JsonReport, ACheckedReportMatchesItsGoldenFile) {
  ExpectGolden(Render(SampleCheckedReport()),
               std::string(DUPSIM_SOURCE_DIR) + "/tests/reports/golden/checked.json");
}

TEST(JsonReport, SameInputGivesIdenticalBytes) {
  const Report report = SampleReport();
  const Report copy = report;
  EXPECT_EQ(Render(report), Render(report));
  EXPECT_EQ(Render(report), Render(copy));
  EXPECT_EQ(Render(report), Render(SampleReport()));
}

TEST(JsonReport, TwoSpaceIndentAndFinalNewline) {
  const std::string json = Render(SampleReport());
  ASSERT_FALSE(json.empty());
  EXPECT_EQ(json.back(), '\n');
  EXPECT_EQ(json.rfind("{\n  \"tool\": \"dupsim\",\n  \"version\": \"0.0.0-test\",\n", 0), 0u);
  EXPECT_NE(json.find("\n      \"scenario\": \"double_tap\","), std::string::npos);
}

TEST(JsonReport, KeysComeInTheDocumentedOrder) {
  const auto doc = nlohmann::ordered_json::parse(Render(SampleReport()));
  std::vector<std::string> top;
  for (const auto& [key, value] : doc.items()) top.push_back(key);
  EXPECT_TRUE(testing::MatchesDocumentedJsonTopLevelKeys(top));

  ASSERT_EQ(doc["results"].size(), 3u);
  for (const auto& result : doc["results"]) {
    std::vector<std::string> keys;
    for (const auto& [key, value] : result.items()) keys.push_back(key);
    EXPECT_TRUE(testing::MatchesDocumentedJsonResultKeys(keys));
  }
}

TEST(JsonReport, ValuesComeFromTheRightFields) {
  const Report report = SampleReport();
  const auto doc = nlohmann::json::parse(Render(report));
  const RunResult& r = report.results[0];
  const auto& j = doc["results"][0];
  EXPECT_EQ(j["source"], r.scenario_source);
  EXPECT_EQ(j["strategy_config"], r.strategy_config);
  EXPECT_EQ(j["charges"], r.charges);
  EXPECT_EQ(j["duplicate_rate"].get<double>(), r.duplicate_rate.rate);
  EXPECT_EQ(j["duplicate_rate_ci95"][0].get<double>(), r.duplicate_rate.ci95.low);
  EXPECT_EQ(j["duplicate_rate_ci95"][1].get<double>(), r.duplicate_rate.ci95.high);
  EXPECT_EQ(j["lost_payment_rate_ci95"][1].get<double>(), r.lost_payment_rate.ci95.high);
  EXPECT_EQ(j["virtual_end_us"], r.virtual_end);
  EXPECT_EQ(j["confirmed_intents"], r.confirmed_intents);
}

TEST(JsonReport, EmptyReportHasAnEmptyResultsArray) {
  Report report;
  report.tool_version = "1.2.3";
  EXPECT_EQ(Render(report),
            "{\n  \"tool\": \"dupsim\",\n  \"version\": \"1.2.3\",\n  \"results\": [],\n"
            "  \"scenarios\": [],\n  \"check\": null\n}\n");
}

TEST(JsonReport, InvalidUtf8InANameDoesNotThrow) {
  Report report = SampleReport();
  report.results[0].scenario = "bad\xff";
  EXPECT_NO_THROW(nlohmann::json::parse(Render(report)));
}

}  // namespace
}  // namespace dupsim
