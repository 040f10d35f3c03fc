#include "reports/csv_report.h"

#include <charconv>
#include <cstdint>
#include <functional>
#include <system_error>

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

// The one list both the header and the rows come from, so they cannot drift apart.
std::vector<Column> MakeColumns() {
  std::vector<Column> c;
  c.push_back({"scenario", [](const RunResult& r) { return r.scenario; }});
  c.push_back({"source", [](const RunResult& r) { return r.scenario_source; }});
  c.push_back({"strategy", [](const RunResult& r) { return r.strategy; }});
  c.push_back({"strategy_config", [](const RunResult& r) { return r.strategy_config; }});
  c.push_back({"seed", [](const RunResult& r) { return Integer(r.seed); }});
  c.push_back({"intents", [](const RunResult& r) { return Integer(r.intents); }});
  c.push_back({"charges", [](const RunResult& r) { return Integer(r.charges); }});
  c.push_back(
      {"duplicate_charges", [](const RunResult& r) { return Integer(r.duplicate_charges); }});
  AddRateColumns(c, "duplicate_rate", &RunResult::duplicate_rate);
  c.push_back({"lost_payments", [](const RunResult& r) { return Integer(r.lost_payments); }});
  AddRateColumns(c, "lost_payment_rate", &RunResult::lost_payment_rate);
  c.push_back({"false_blocks", [](const RunResult& r) { return Integer(r.false_blocks); }});
  AddRateColumns(c, "false_block_rate", &RunResult::false_block_rate);
  for (std::size_t cause = 0; cause < kRootCauseCount; ++cause) {
    c.push_back({"cause_" + std::string(RootCauseName(static_cast<RootCause>(cause))),
                 [cause](const RunResult& r) { return Integer(r.duplicates_by_cause[cause]); }});
  }
  c.push_back({"charged_amount", [](const RunResult& r) { return Amount(r.charged_amount); }});
  c.push_back({"duplicate_amount", [](const RunResult& r) { return Amount(r.duplicate_amount); }});
  c.push_back(
      {"refunded_duplicates", [](const RunResult& r) { return Integer(r.refunded_duplicates); }});
  c.push_back({"refunded_amount", [](const RunResult& r) { return Amount(r.refunded_amount); }});
  c.push_back({"time_to_confirmation_p50_us",
               [](const RunResult& r) { return Integer(r.time_to_confirmation_p50); }});
  c.push_back({"time_to_confirmation_p99_us",
               [](const RunResult& r) { return Integer(r.time_to_confirmation_p99); }});
  c.push_back({"extra_time_to_confirmation_p50_us", [](const RunResult& r) {
                 return r.has_baseline ? Integer(r.extra_time_to_confirmation_p50) : "";
               }});
  c.push_back({"extra_time_to_confirmation_p99_us", [](const RunResult& r) {
                 return r.has_baseline ? Integer(r.extra_time_to_confirmation_p99) : "";
               }});
  c.push_back({"prompts_shown", [](const RunResult& r) { return Integer(r.prompts_shown); }});
  c.push_back({"prompts_refused", [](const RunResult& r) { return Integer(r.prompts_refused); }});
  c.push_back({"taps_blocked", [](const RunResult& r) { return Integer(r.taps_blocked); }});
  c.push_back({"conflicts", [](const RunResult& r) { return Integer(r.conflicts); }});
  c.push_back({"inbox_skips", [](const RunResult& r) { return Integer(r.inbox_skips); }});
  c.push_back({"peak_keys_held", [](const RunResult& r) { return Integer(r.peak_keys_held); }});
  c.push_back({"events", [](const RunResult& r) { return Integer(r.events); }});
  // Added later, so at the end (reports/README.md): the share of intents duplicated, and the
  // square sum that the duplicate rate's interval comes from.
  c.push_back({"intents_with_duplicates",
               [](const RunResult& r) { return Integer(r.intents_with_duplicates); }});
  AddRateColumns(c, "duplicated_intent_rate", &RunResult::duplicated_intent_rate);
  c.push_back({"duplicate_square_sum",
               [](const RunResult& r) { return Integer(r.duplicate_rate.square_sum); }});
  return c;
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
