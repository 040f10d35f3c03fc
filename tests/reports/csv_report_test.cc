#include "reports/csv_report.h"

#include <gtest/gtest.h>

#include <cstdlib>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "tests/cli/dupsim_process.h"
#include "tests/reports/sample_report.h"
#include "tests/support/documented_report_schema.h"

namespace dupsim {
namespace {

using Row = std::vector<std::string>;

const std::string kGoldenPath = std::string(DUPSIM_SOURCE_DIR) + "/tests/reports/golden/report.csv";

std::string Render(const Report& report) {
  std::ostringstream out;
  CsvReport().Render(report, out);
  return out.str();
}

// A small RFC 4180 reader, independent of the writer: quoted fields with doubled quotes and
// line breaks inside, LF or CRLF line ends.
std::vector<Row> ParseCsv(const std::string& text) {
  std::vector<Row> rows;
  Row row;
  std::string field;
  bool quoted = false;
  bool at_field_start = true;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (quoted) {
      if (c == '"' && i + 1 < text.size() && text[i + 1] == '"') {
        field += '"';
        ++i;
      } else if (c == '"') {
        quoted = false;
      } else {
        field += c;
      }
      continue;
    }
    if (c == '"' && at_field_start) {
      quoted = true;
      at_field_start = false;
    } else if (c == ',') {
      row.push_back(std::move(field));
      field.clear();
      at_field_start = true;
    } else if (c == '\n' || c == '\r') {
      if (c == '\r' && i + 1 < text.size() && text[i + 1] == '\n') ++i;
      row.push_back(std::move(field));
      field.clear();
      rows.push_back(std::move(row));
      row.clear();
      at_field_start = true;
    } else {
      field += c;
      at_field_start = false;
    }
  }
  EXPECT_FALSE(quoted) << "unterminated quoted field";
  if (!at_field_start || !row.empty()) {
    row.push_back(std::move(field));
    rows.push_back(std::move(row));
  }
  return rows;
}

// The value of column `name` in `row` of a parsed document whose first row is the header.
std::string Field(const std::vector<Row>& rows, std::size_t row, const std::string& name) {
  const Row& header = rows.at(0);
  for (std::size_t i = 0; i < header.size(); ++i) {
    if (header[i] == name) return rows.at(row).at(i);
  }
  ADD_FAILURE() << "no column " << name;
  return "";
}

// DUPSIM_UPDATE_GOLDEN=1 rewrites the golden file after a deliberate format change.
TEST(CsvReport, MatchesGoldenFile) {
  const std::string csv = Render(SampleReport());
  if (std::getenv("DUPSIM_UPDATE_GOLDEN")) {
    std::ofstream(kGoldenPath, std::ios::binary) << csv;
  }
  std::ifstream in(kGoldenPath, std::ios::binary);
  ASSERT_TRUE(in) << "missing " << kGoldenPath;
  std::stringstream golden;
  golden << in.rdbuf();
  EXPECT_EQ(csv, golden.str());
}

// The documented columns are those of reports/README.md's `csv` table, not a list of our own.
TEST(CsvReport, HeaderHasTheDocumentedColumnsInOrder) {
  EXPECT_TRUE(testing::MatchesDocumentedCsvColumns(CsvColumns()));
  const std::vector<Row> rows = ParseCsv(Render(SampleReport()));
  ASSERT_FALSE(rows.empty());
  EXPECT_TRUE(testing::MatchesDocumentedCsvColumns(rows[0]));
}

TEST(CsvReport, OneRowPerResultEachAsWideAsTheHeader) {
  const Report report = SampleReport();
  const std::string csv = Render(report);
  EXPECT_EQ(csv.find('\r'), std::string::npos) << "line ends are LF";
  ASSERT_FALSE(csv.empty());
  EXPECT_EQ(csv.back(), '\n');
  const std::vector<Row> rows = ParseCsv(csv);
  ASSERT_EQ(rows.size(), 1 + report.results.size());
  for (std::size_t i = 1; i < rows.size(); ++i) {
    EXPECT_EQ(rows[i].size(), rows[0].size()) << "row " << i;
    EXPECT_EQ(Field(rows, i, "strategy_config"), report.results[i - 1].strategy_config);
  }
}

TEST(CsvReport, QuotedStrategyConfigReadsBack) {
  Report report = SampleReport();
  const std::string config = "a(x=1, y=\"2\")";
  report.results[1].strategy_config = config;
  report.results[2].scenario = "two\nlines";
  const std::string csv = Render(report);
  EXPECT_NE(csv.find(",\"a(x=1, y=\"\"2\"\")\","), std::string::npos) << csv;
  const std::vector<Row> rows = ParseCsv(csv);
  ASSERT_EQ(rows.size(), 4u);
  for (const Row& row : rows) EXPECT_EQ(row.size(), rows[0].size());
  EXPECT_EQ(Field(rows, 2, "strategy_config"), config);
  EXPECT_EQ(Field(rows, 2, "strategy"), "client_debounce");
  EXPECT_EQ(Field(rows, 3, "scenario"), "two\nlines");
  EXPECT_EQ(Field(rows, 3, "events"), "123456");
}

TEST(CsvReport, FieldsAreQuotedOnlyWhenTheyMustBe) {
  EXPECT_EQ(CsvField("client_debounce(window=1s)"), "client_debounce(window=1s)");
  EXPECT_EQ(CsvField(""), "");
  EXPECT_EQ(CsvField("a,b"), "\"a,b\"");
  EXPECT_EQ(CsvField("say \"hi\""), "\"say \"\"hi\"\"\"");
  EXPECT_EQ(CsvField("a\nb"), "\"a\nb\"");
  EXPECT_EQ(CsvField("a\rb"), "\"a\rb\"");
}

TEST(CsvReport, RatesArePlainFractionsThatReadBackExactly) {
  const Report report = SampleReport();
  const std::vector<Row> rows = ParseCsv(Render(report));
  for (std::size_t i = 1; i < rows.size(); ++i) {
    const RunResult& r = report.results[i - 1];
    const struct {
      const char* column;
      double value;
    } rates[] = {
        {"duplicate_rate", r.duplicate_rate.rate},
        {"duplicate_rate_ci95_low", r.duplicate_rate.ci95.low},
        {"duplicate_rate_ci95_high", r.duplicate_rate.ci95.high},
        {"lost_payment_rate", r.lost_payment_rate.rate},
        {"lost_payment_rate_ci95_high", r.lost_payment_rate.ci95.high},
        {"false_block_rate_ci95_high", r.false_block_rate.ci95.high},
    };
    for (const auto& rate : rates) {
      const std::string text = Field(rows, i, rate.column);
      EXPECT_EQ(text.find_first_not_of("0123456789."), std::string::npos) << text;
      EXPECT_EQ(std::stod(text), rate.value) << rate.column << " row " << i;
    }
  }
  EXPECT_EQ(Field(rows, 1, "duplicate_rate"), "0.0998");
  EXPECT_EQ(Field(rows, 2, "duplicate_rate"), "0");
  EXPECT_EQ(Field(rows, 3, "duplicate_rate"), "0.00031");
}

TEST(CsvReport, CountsAmountsAndTimesComeFromTheRightFields) {
  const Report report = SampleReport();
  const std::vector<Row> rows = ParseCsv(Render(report));
  const RunResult& r = report.results[0];
  EXPECT_EQ(Field(rows, 1, "charges"), std::to_string(r.charges));
  EXPECT_EQ(Field(rows, 1, "cause_double_tap"), "899");
  EXPECT_EQ(Field(rows, 1, "cause_client_retry"), "99");
  EXPECT_EQ(Field(rows, 1, "cause_key_expired"), "0");
  EXPECT_EQ(Field(rows, 1, "charged_amount"), "219610.14");  // 10986 charges x 19.99
  EXPECT_EQ(Field(rows, 1, "duplicate_amount"), "19950.02");
  EXPECT_EQ(Field(rows, 2, "duplicate_amount"), "0.00");
  EXPECT_EQ(Field(rows, 1, "time_to_confirmation_p99_us"), "2350000");
  EXPECT_EQ(Field(rows, 1, "peak_keys_held"), std::to_string(r.peak_keys_held));
}

TEST(CsvReport, ExtraTimeIsEmptyWithoutABaseline) {
  const Report report = SampleReport();
  ASSERT_TRUE(report.results[1].has_baseline);
  ASSERT_FALSE(report.results[2].has_baseline);
  const std::vector<Row> rows = ParseCsv(Render(report));
  EXPECT_EQ(Field(rows, 2, "extra_time_to_confirmation_p50_us"), "1200");
  EXPECT_EQ(Field(rows, 2, "extra_time_to_confirmation_p99_us"), "-35000");
  EXPECT_EQ(Field(rows, 3, "extra_time_to_confirmation_p50_us"), "");
  EXPECT_EQ(Field(rows, 3, "extra_time_to_confirmation_p99_us"), "");
}

TEST(CsvReport, RatesAreEmptyWithoutIntents) {
  Report report = SampleReport();
  report.results[0].intents = 0;
  report.results[0].duplicate_rate = RateEstimate::Of(0, 0);
  const std::vector<Row> rows = ParseCsv(Render(report));
  EXPECT_EQ(Field(rows, 1, "duplicate_rate"), "");
  EXPECT_EQ(Field(rows, 1, "duplicate_rate_ci95_low"), "");
  EXPECT_EQ(Field(rows, 1, "duplicate_rate_ci95_high"), "");
}

TEST(CsvReport, ACheckAddsNoVerdicts) {
  EXPECT_EQ(Render(SampleCheckedReport()), Render(SampleReport()));
}

TEST(CsvReport, EmptyReportIsTheHeaderOnly) {
  const std::vector<Row> rows = ParseCsv(Render(Report{}));
  ASSERT_EQ(rows.size(), 1u);
  EXPECT_EQ(rows[0], CsvColumns());
}

TEST(CsvReport, SameInputGivesIdenticalBytes) {
  EXPECT_EQ(Render(SampleReport()), Render(SampleReport()));
}

TEST(CsvReport, DupsimRunFormatCsvEndToEnd) {
  const ProcessResult r =
      RunDupsimBinary({"run", "double_tap", "--intents", "2000", "--seed", "3", "--format", "csv"});
  ASSERT_EQ(r.exit_status, 0) << r.err;
  EXPECT_EQ(r.err, "");
  const std::vector<Row> rows = ParseCsv(r.out);
  ASSERT_GE(rows.size(), 2u) << r.out;
  EXPECT_EQ(rows[0], CsvColumns());
  for (std::size_t i = 1; i < rows.size(); ++i) {
    ASSERT_EQ(rows[i].size(), rows[0].size()) << "row " << i;
    EXPECT_FALSE(Field(rows, i, "scenario").empty());  // the file's `name:`
    EXPECT_EQ(Field(rows, i, "source"), "<bundled>/double_tap.yaml");
    EXPECT_EQ(Field(rows, i, "seed"), "3");
    EXPECT_EQ(Field(rows, i, "intents"), "2000");
    const double rate = std::stod(Field(rows, i, "duplicate_rate"));
    EXPECT_EQ(rate, std::stod(Field(rows, i, "duplicate_charges")) / 2000.0);
    EXPECT_LE(std::stod(Field(rows, i, "duplicate_rate_ci95_low")), rate);
    EXPECT_GE(std::stod(Field(rows, i, "duplicate_rate_ci95_high")), rate);
  }
  EXPECT_EQ(
      RunDupsimBinary({"run", "double_tap", "--intents", "2000", "--seed", "3", "--format", "csv"})
          .out,
      r.out);
}

}  // namespace
}  // namespace dupsim
