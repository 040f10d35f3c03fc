// The one table of what a RunResult reports: a row per field, in the JSON report's key
// order, with its name, kind, unit, whether more of it is a cost, its CSV position and the
// words a cost line uses. Every format (reports/), the JSON reader, `expect:` and the
// baseline comparison derive from these rows, so a new metric is one row here.
#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <variant>

#include "metrics/run_result.h"

namespace dupsim {

// What a row holds, which decides how each format writes it and the reader reads it.
enum class MetricKind {
  kText,      // a string: the run's names
  kCount,     // a whole number of events
  kRate,      // events per intent with its 95% interval: JSON `name` and `name_ci95`
  kDuration,  // microseconds: JSON `name_us`
  kMoney,     // cents, written in currency units
  kNumber,    // any other real number, written as is
  // Fields with a shape of their own, each written and read by the formats' own code.
  kSquareSum,            // the duplicate rate's sum of squares (older reports lack it)
  kCauseCounts,          // duplicates per root cause
  kDurationPercentiles,  // 0..100th percentiles of the time to confirmation
  kIdleMechanisms,       // knobs configured but never fired
  kScenarioFingerprint,  // null when unknown
  kScenarioParameters,   // null when unknown
};

// Which way is better, for wording; kNeutral for what only explains the others.
enum class MetricSide { kNeutral, kCost, kBenefit };

// When a row has a value: a time over confirmed intents means nothing without one, an
// extra time nothing without a `none` run to subtract (JSON null, CSV empty).
enum class MetricPresence { kAlways, kWhenConfirmed, kWhenBaseline };

using MetricField =
    std::variant<std::monostate, std::string RunResult::*, std::uint64_t RunResult::*,
                 std::int64_t RunResult::*, double RunResult::*, RateEstimate RunResult::*>;

struct MetricRow {
  std::string_view name;  // as in JSON, without the `_us` of a duration
  MetricKind kind;
  MetricField field;  // monostate for the kinds with a shape of their own
  MetricSide side = MetricSide::kNeutral;
  MetricPresence presence = MetricPresence::kAlways;
  // Absent from reports written before the field existed; the reader leaves the default.
  bool optional_in_json = false;
  // The CSV column's place (columns are sorted by it; new ones go last), or -1 for none.
  int csv_position = -1;
  // "inbox skips": a cost line's words before the count, or empty when no cost line shows it.
  std::string_view cost_words = {};
  // Rates: the count over intents they are made of, and whether one intent can count
  // several times (OfCounts) rather than once (Of).
  std::uint64_t RunResult::*rate_count = nullptr;
  bool several_per_intent = false;
};

// Every row, in JSON key order.
std::span<const MetricRow> MetricTable();
// The row named `name`, or nullptr.
const MetricRow* FindMetric(std::string_view name);

// The JSON key of a row: its name, with `_us` for a duration.
std::string JsonKeyOf(const MetricRow& row);

// A row's field in `r`: T is the field's type (std::string, std::uint64_t, std::int64_t for
// durations and money, double, RateEstimate). Throws std::bad_variant_access on a mismatch.
template <typename T>
const T& FieldOf(const MetricRow& row, const RunResult& r) {
  return r.*std::get<T RunResult::*>(row.field);
}
template <typename T>
T& FieldOf(const MetricRow& row, RunResult& r) {
  return r.*std::get<T RunResult::*>(row.field);
}
// Whether `r` has a value for the row (MetricPresence).
bool IsPresent(const MetricRow& row, const RunResult& r);

}  // namespace dupsim
