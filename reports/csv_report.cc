#include "reports/csv_report.h"

#include <algorithm>
#include <charconv>
#include <cstdint>
#include <functional>
#include <system_error>

#include "metrics/metric_table.h"

namespace dupsim {
namespace {

// The shortest fixed-notation text that reads back to the same double, never an exponent
// ("0.0998", "0.00031", "0", "1"), so every spreadsheet reads it as a number.
std::string Number(double value) {
  // Enough for any double: at most 309 digits before the point (1e308) or 342 after it
  // (5e-324), plus a sign and the point.
  char text[400];
  const auto result = std::to_chars(text, text + sizeof text, value, std::chars_format::fixed);
  return result.ec == std::errc() ? std::string(text, result.ptr) : std::string();
}

// A rate, or "" when it has no trials (no intents: nothing to divide by).
std::string Rate(const RateEstimate& estimate, double value) {
  return estimate.trials == 0 ? std::string() : Number(value);
}

// Cents as currency units with exactly two decimals: 1999 -> "19.99", -5 -> "-0.05".
std::string Amount(std::int64_t cents) {
  const bool negative = cents < 0;
  // Through unsigned, so the most negative value does not overflow on negation.
  const std::uint64_t magnitude =
      negative ? ~static_cast<std::uint64_t>(cents) + 1 : static_cast<std::uint64_t>(cents);
  const std::uint64_t fraction = magnitude % 100;
  std::string text = negative ? "-" : "";
  text += std::to_string(magnitude / 100);
  text += '.';
  text += static_cast<char>('0' + fraction / 10);
  text += static_cast<char>('0' + fraction % 10);
  return text;
}

struct Column {
  std::string name;
  std::function<std::string(const RunResult&)> value;
};

template <typename T>
std::string Integer(T value) {
  return std::to_string(value);
}

// Three columns for a rate: its value and its 95% interval's low and high ends.
void AddRateColumns(std::vector<Column>& columns, const std::string& name,
                    RateEstimate RunResult::*member) {
  columns.push_back(
      {name, [member](const RunResult& r) { return Rate(r.*member, (r.*member).rate); }});
  columns.push_back({name + "_ci95_low", [member](const RunResult& r) {
                       return Rate(r.*member, (r.*member).ci95.low);
                     }});
  columns.push_back({name + "_ci95_high", [member](const RunResult& r) {
                       return Rate(r.*member, (r.*member).ci95.high);
                     }});
}

void AddCauseColumns(std::vector<Column>& columns) {
  for (std::size_t cause = 0; cause < kRootCauseCount; ++cause) {
    columns.push_back(
        {"cause_" + std::string(RootCauseName(static_cast<RootCause>(cause))),
         [cause](const RunResult& r) { return Integer(r.duplicates_by_cause[cause]); }});
  }
}

// A row's columns (metrics/metric_table.h), in the shape its kind gives them; rows of
// kinds a flat table cannot hold carry no CSV position.
void AddColumns(std::vector<Column>& columns, const MetricRow* row) {
  const std::string name = JsonKeyOf(*row);
  switch (row->kind) {
    case MetricKind::kText:
      columns.push_back(
          {name, [row](const RunResult& r) { return FieldOf<std::string>(*row, r); }});
      return;
    case MetricKind::kCount:
      columns.push_back(
          {name, [row](const RunResult& r) { return Integer(FieldOf<std::uint64_t>(*row, r)); }});
      return;
    case MetricKind::kRate:
      AddRateColumns(columns, name, std::get<RateEstimate RunResult::*>(row->field));
      return;
    case MetricKind::kDuration:
      // Empty when unknown (MetricPresence::kWhenBaseline), like JSON's null.
      columns.push_back({name, [row](const RunResult& r) {
                           return row->presence == MetricPresence::kWhenBaseline && !r.has_baseline
                                      ? std::string()
                                      : Integer(FieldOf<std::int64_t>(*row, r));
                         }});
      return;
    case MetricKind::kMoney:
      columns.push_back(
          {name, [row](const RunResult& r) { return Amount(FieldOf<std::int64_t>(*row, r)); }});
      return;
    case MetricKind::kNumber:
      columns.push_back(
          {name, [row](const RunResult& r) { return Number(FieldOf<double>(*row, r)); }});
      return;
    case MetricKind::kSquareSum:
      columns.push_back(
          {name, [](const RunResult& r) { return Integer(r.duplicate_rate.square_sum); }});
      return;
    case MetricKind::kCauseCounts:
      AddCauseColumns(columns);
      return;
    case MetricKind::kDurationPercentiles:
    case MetricKind::kIdleMechanisms:
    case MetricKind::kScenarioFingerprint:
    case MetricKind::kScenarioParameters:
      return;
  }
}

// The one list both the header and the rows come from, so they cannot drift apart: the
// table's rows with a CSV position, in that order (new columns go at the end, so that
// spreadsheets reading columns by place keep working).
std::vector<Column> MakeColumns() {
  std::vector<const MetricRow*> rows;
  for (const MetricRow& row : MetricTable()) {
    if (row.csv_position >= 0) rows.push_back(&row);
  }
  std::sort(rows.begin(), rows.end(), [](const MetricRow* a, const MetricRow* b) {
    return a->csv_position < b->csv_position;
  });
  std::vector<Column> columns;
  for (const MetricRow* row : rows) AddColumns(columns, row);
  return columns;
}

const std::vector<Column>& Columns() {
  static const std::vector<Column> columns = MakeColumns();
  return columns;
}

}  // namespace

const std::vector<std::string>& CsvColumns() {
  static const std::vector<std::string> names = [] {
    std::vector<std::string> n;
    for (const Column& column : Columns()) n.push_back(column.name);
    return n;
  }();
  return names;
}

std::string CsvField(std::string_view field) {
  if (field.find_first_of(",\"\r\n") == std::string_view::npos) return std::string(field);
  std::string quoted = "\"";
  for (const char c : field) {
    if (c == '"') quoted += '"';
    quoted += c;
  }
  quoted += '"';
  return quoted;
}

// RFC 4180 but for the line ends: LF, as Unix tools and every CSV reader expect (RFC 4180
// asks for CRLF). A field with a line break inside is quoted and keeps it as is.
void CsvReport::Render(const Report& report, std::ostream& out) const {
  const std::vector<Column>& columns = Columns();
  auto row = [&](auto&& field_of) {
    for (std::size_t i = 0; i < columns.size(); ++i) {
      if (i > 0) out << ',';
      out << CsvField(field_of(columns[i]));
    }
    out << '\n';
  };
  row([](const Column& column) { return column.name; });
  // Verdicts of a check (report.check) stay out: one row per result is the contract.
  for (const RunResult& r : report.results) {
    row([&r](const Column& column) { return column.value(r); });
  }
}

}  // namespace dupsim
