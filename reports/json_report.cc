#include "reports/json_report.h"

#include <nlohmann/json.hpp>

#include "metrics/metric_table.h"
#include "reports/tool_version.h"
#include "reports/verdict_text.h"

namespace dupsim {
namespace {

using Json = nlohmann::ordered_json;  // keys stay in insertion order: the documented one

Json Interval95(const RateEstimate& estimate) {
  return Json::array({estimate.ci95.low, estimate.ci95.high});
}

Json CauseCountsJson(const RunResult& r) {
  Json causes = Json::object();
  for (std::size_t c = 0; c < kRootCauseCount; ++c) {
    causes[std::string(RootCauseName(static_cast<RootCause>(c)))] = r.duplicates_by_cause[c];
  }
  return causes;
}

Json IdleMechanismsJson(const RunResult& r) {
  Json idle = Json::array();
  for (const IdleMechanism& m : r.idle_mechanisms) {
    idle.push_back({{"mechanism", m.mechanism}, {"key", m.key}, {"value", m.value}});
  }
  return idle;
}

// null when unknown: a result read back from a report saved before fingerprints.
Json ScenarioParametersJson(const RunResult& r) {
  if (r.scenario_fingerprint.empty()) return nullptr;
  Json parameters = Json::object();
  for (const auto& [key, value] : r.scenario_parameters) parameters[key] = value;
  return parameters;
}

// One row's value, in the shape metrics/metric_table.h gives its kind; `key` is the row's
// JSON key, `j` the result's object (a rate adds its interval under a key of its own).
void AddRow(const MetricRow& row, const RunResult& r, Json& j) {
  const std::string key = JsonKeyOf(row);
  switch (row.kind) {
    case MetricKind::kText:
      j[key] = FieldOf<std::string>(row, r);
      return;
    case MetricKind::kCount:
      j[key] = FieldOf<std::uint64_t>(row, r);
      return;
    case MetricKind::kRate:
      j[key] = FieldOf<RateEstimate>(row, r).rate;
      j[key + "_ci95"] = Interval95(FieldOf<RateEstimate>(row, r));
      return;
    case MetricKind::kDuration:
      // Only a missing baseline makes a time unknown; a time with nobody confirmed is 0.
      j[key] = row.presence == MetricPresence::kWhenBaseline && !r.has_baseline
                   ? Json(nullptr)
                   : Json(FieldOf<std::int64_t>(row, r));
      return;
    case MetricKind::kMoney:
      j[key] = static_cast<double>(FieldOf<std::int64_t>(row, r)) / 100;
      return;
    case MetricKind::kNumber:
      j[key] = FieldOf<double>(row, r);
      return;
    case MetricKind::kSquareSum:
      j[key] = r.duplicate_rate.square_sum;
      return;
    case MetricKind::kCauseCounts:
      j[key] = CauseCountsJson(r);
      return;
    case MetricKind::kDurationPercentiles:
      j[key] = r.time_to_confirmation_percentiles;
      return;
    case MetricKind::kIdleMechanisms:
      j[key] = IdleMechanismsJson(r);
      return;
    case MetricKind::kScenarioFingerprint:
      j[key] = r.scenario_fingerprint.empty() ? Json(nullptr) : Json(r.scenario_fingerprint);
      return;
    case MetricKind::kScenarioParameters:
      j[key] = ScenarioParametersJson(r);
      return;
  }
}

Json ResultJson(const RunResult& r) {
  Json j;
  for (const MetricRow& row : MetricTable()) AddRow(row, r, j);
  return j;
}

Json ScenarioJson(const ScenarioSummary& s) {
  Json j;
  j["name"] = s.name;
  j["source"] = s.source;
  j["description"] = s.description;
  j["cause"] = s.cause.empty() ? Json(nullptr) : Json(s.cause);
  j["seed"] = s.seed;
  j["intents"] = s.intents;
  j["yaml"] = s.yaml;
  return j;
}

Json ExpectationJson(const ExpectationResult& e) {
  Json j;
  j["scenario"] = e.scenario;
  j["source"] = e.scenario_source;
  j["strategy_config"] = e.strategy_config;
  j["metric"] = std::string(MetricName(e.expectation.metric));
  j["bound_kind"] = e.expectation.is_max ? "max" : "min";
  j["bound"] = e.expectation.bound;
  j["bound_text"] = e.expectation.text;
  j["verdict"] = std::string(VerdictName(e.verdict));
  j["measured"] = e.measured_missing ? Json(nullptr) : Json(e.measured);
  if (e.has_interval) {
    j["count"] = e.count;
    j["trials"] = e.trials;
    j["ci95"] = Json::array({e.ci95.low, e.ci95.high});
  } else {
    j["count"] = nullptr;
    j["trials"] = nullptr;
    j["ci95"] = nullptr;
  }
  j["intents_to_decide"] = e.intents_to_decide;
  return j;
}

Json RateJson(const RateEstimate& r) {
  Json j;
  j["count"] = r.count;
  j["square_sum"] = r.square_sum;
  j["trials"] = r.trials;
  j["rate"] = r.rate;
  j["ci95"] = Interval95(r);
  return j;
}

Json ComparisonJson(const BaselineComparison& c) {
  Json j;
  j["scenario"] = c.scenario;
  j["source"] = c.scenario_source;
  j["strategy_config"] = c.strategy_config;
  j["baseline_strategy_config"] = c.baseline_strategy_config;
  j["metric"] = std::string(MetricName(c.metric));
  j["baseline"] = RateJson(c.baseline);
  j["current"] = RateJson(c.current);
  j["p_value"] = c.p_value;
  j["change"] = std::string(ChangeName(c.change));
  return j;
}

Json ScenarioChangeJson(const ScenarioChange& c) {
  Json j;
  j["scenario"] = c.scenario;
  j["source"] = c.scenario_source;
  j["compared"] = c.compared;
  j["changes"] = Json::array();
  for (const ParameterChange& p : c.changes) {
    Json change;
    change["key"] = p.key;
    change["baseline"] = p.baseline.empty() ? Json(nullptr) : Json(p.baseline);
    change["current"] = p.current.empty() ? Json(nullptr) : Json(p.current);
    j["changes"].push_back(std::move(change));
  }
  return j;
}

Json CheckJson(const CheckOutcome& check) {
  if (!check.checked) return nullptr;
  Json j;
  j["confidence"] = check.confidence;
  j["baseline"] = check.baseline.empty() ? Json(nullptr) : Json(check.baseline);
  j["inconclusive_allowed"] = check.inconclusive_allowed;
  j["summary"] = CheckSummaryText(check);
  j["expectations"] = Json::array();
  for (const ExpectationResult& e : check.expectations) {
    j["expectations"].push_back(ExpectationJson(e));
  }
  j["comparisons"] = Json::array();
  for (const BaselineComparison& c : check.comparisons)
    j["comparisons"].push_back(ComparisonJson(c));
  j["not_in_baseline"] = Json::array();
  for (const auto& [scenario, strategy] : check.not_in_baseline) {
    j["not_in_baseline"].push_back(Json::array({scenario, strategy}));
  }
  j["changed_scenarios"] = Json::array();
  for (const ScenarioChange& c : check.changed_scenarios) {
    j["changed_scenarios"].push_back(ScenarioChangeJson(c));
  }
  j["without_fingerprint"] = check.without_fingerprint;
  return j;
}

}  // namespace

void JsonReport::Render(const Report& report, std::ostream& out) const {
  Json doc;
  doc["tool"] = kToolName;
  doc["version"] = report.tool_version;
  doc["results"] = Json::array();
  for (const RunResult& r : report.results) doc["results"].push_back(ResultJson(r));
  doc["scenarios"] = Json::array();
  for (const ScenarioSummary& s : report.scenarios) doc["scenarios"].push_back(ScenarioJson(s));
  doc["check"] = CheckJson(report.check);
  // Doubles print as the shortest text that reads back to the same value, so
  // the bytes depend on the values only. Names from YAML that are not valid
  // UTF-8 get U+FFFD rather than aborting the report.
  out << doc.dump(2, ' ', false, Json::error_handler_t::replace) << '\n';
}

}  // namespace dupsim
