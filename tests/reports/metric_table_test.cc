// The metric table (metrics/metric_table.h) and the formats agree: every row appears in the
// JSON in the table's order, in the CSV at its position, the reader gives back every row's
// value, and every metric an expectation can name is a row of a kind it can judge.
#include "metrics/metric_table.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>

#include "metrics/expectation.h"
#include "reports/csv_report.h"
#include "reports/json_reader.h"
#include "reports/json_report.h"
#include "tests/reports/sample_report.h"
#include "tests/support/documented_report_schema.h"

namespace dupsim {
namespace {

std::string Json(const Report& report) {
  std::ostringstream out;
  JsonReport().Render(report, out);
  return out.str();
}

// The table's JSON keys, a rate's interval after it.
std::vector<std::string> TableJsonKeys() {
  std::vector<std::string> keys;
  for (const MetricRow& row : MetricTable()) {
    keys.push_back(JsonKeyOf(row));
    if (row.kind == MetricKind::kRate) keys.push_back(JsonKeyOf(row) + "_ci95");
  }
  return keys;
}

TEST(MetricTable, JsonHasEveryRowInTableOrder) {
  const auto doc = nlohmann::ordered_json::parse(Json(SampleReport()));
  std::vector<std::string> keys;
  for (const auto& [key, value] : doc["results"][0].items()) keys.push_back(key);
  EXPECT_EQ(keys, TableJsonKeys());
  EXPECT_TRUE(testing::MatchesDocumentedJsonResultKeys(TableJsonKeys()));
}

TEST(MetricTable, CsvHasEveryPositionedRowInPositionOrder) {
  const std::vector<std::string>& columns = CsvColumns();
  std::vector<const MetricRow*> rows;
  std::set<int> positions;
  for (const MetricRow& row : MetricTable()) {
    if (row.csv_position < 0) continue;
    EXPECT_TRUE(positions.insert(row.csv_position).second) << row.name << ": position taken";
    if (row.kind != MetricKind::kCauseCounts) rows.push_back(&row);
  }
  std::sort(rows.begin(), rows.end(), [](const MetricRow* a, const MetricRow* b) {
    return a->csv_position < b->csv_position;
  });
  std::size_t last = 0;
  for (const MetricRow* row : rows) {
    const auto it = std::find(columns.begin(), columns.end(), JsonKeyOf(*row));
    ASSERT_NE(it, columns.end()) << row->name;
    const auto at = static_cast<std::size_t>(it - columns.begin());
    EXPECT_GE(at, last) << row->name << " out of order";
    last = at;
  }
}

// Whether the row is a count a rate is made of, or the intents it is over: those keep the
// sample's values, so the rates read back stay valid.
bool FeedsARate(const MetricRow& row) {
  if (row.name == "intents") return true;
  for (const MetricRow& rate : MetricTable()) {
    if (rate.rate_count != nullptr && row.field == MetricField(rate.rate_count)) return true;
  }
  return false;
}

// Each scalar row set to a value of its own, written and read back.
TEST(MetricTable, ReaderGivesBackEveryRow) {
  Report report = SampleReport();
  RunResult& r = report.results[0];
  r.has_baseline = true;
  std::int64_t next = 1001;
  for (const MetricRow& row : MetricTable()) {
    ++next;
    if (FeedsARate(row)) continue;
    switch (row.kind) {
      case MetricKind::kText:
        FieldOf<std::string>(row, r) = "text " + std::to_string(next);
        break;
      case MetricKind::kCount:
        FieldOf<std::uint64_t>(row, r) = static_cast<std::uint64_t>(next);
        break;
      case MetricKind::kDuration:
      case MetricKind::kMoney:
        FieldOf<std::int64_t>(row, r) = next;
        break;
      case MetricKind::kNumber:
        FieldOf<double>(row, r) = static_cast<double>(next) / 4;
        break;
      case MetricKind::kRate:  // made from the counts
      case MetricKind::kSquareSum:
      case MetricKind::kCauseCounts:
      case MetricKind::kDurationPercentiles:
      case MetricKind::kIdleMechanisms:
      case MetricKind::kScenarioFingerprint:
      case MetricKind::kScenarioParameters:
        break;
    }
  }
  const std::string written = Json(report);
  const Report read = ReadJsonReport(written, "r.json");
  const RunResult& back = read.results[0];
  for (const MetricRow& row : MetricTable()) {
    switch (row.kind) {
      case MetricKind::kText:
        EXPECT_EQ(FieldOf<std::string>(row, back), FieldOf<std::string>(row, r)) << row.name;
        break;
      case MetricKind::kCount:
        EXPECT_EQ(FieldOf<std::uint64_t>(row, back), FieldOf<std::uint64_t>(row, r)) << row.name;
        break;
      case MetricKind::kDuration:
      case MetricKind::kMoney:
        EXPECT_EQ(FieldOf<std::int64_t>(row, back), FieldOf<std::int64_t>(row, r)) << row.name;
        break;
      case MetricKind::kNumber:
        EXPECT_EQ(FieldOf<double>(row, back), FieldOf<double>(row, r)) << row.name;
        break;
      case MetricKind::kRate:
      case MetricKind::kSquareSum:
      case MetricKind::kCauseCounts:
      case MetricKind::kDurationPercentiles:
      case MetricKind::kIdleMechanisms:
      case MetricKind::kScenarioFingerprint:
      case MetricKind::kScenarioParameters:
        break;
    }
  }
  EXPECT_TRUE(back.has_baseline);
}

TEST(MetricTable, EveryExpectedMetricIsAJudgeableRow) {
  for (const ExpectedMetric metric : kAllExpectedMetrics) {
    const MetricRow& row = RowOf(metric);
    EXPECT_EQ(FindMetric(MetricName(metric)), &row);
    EXPECT_TRUE(row.kind == MetricKind::kRate || row.kind == MetricKind::kDuration ||
                row.kind == MetricKind::kCount)
        << row.name;
  }
}

// A verdict prints a duration as sim/engine/duration_text.h's DurationThreeDigits does.
TEST(MetricTable, VerdictsPrintDurationsInThreeDigits) {
  EXPECT_EQ(FormatMetricValue(ExpectedMetric::kTimeToConfirmationP99, 36.0 * kHour), "36h");
  EXPECT_EQ(FormatMetricValue(ExpectedMetric::kTimeToConfirmationP99, 2'350'000), "2.35s");
}

TEST(MetricTable, RowNamesAreUnique) {
  std::set<std::string_view> names;
  for (const MetricRow& row : MetricTable()) {
    EXPECT_TRUE(names.insert(row.name).second) << row.name;
  }
}

}  // namespace
}  // namespace dupsim
