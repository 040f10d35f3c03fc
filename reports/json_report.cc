#include "reports/json_report.h"

#include <nlohmann/json.hpp>

#include "reports/tool_version.h"
#include "reports/verdict_text.h"

namespace dupsim {
namespace {

using Json = nlohmann::ordered_json;  // keys stay in insertion order: the documented one

Json Interval95(const RateEstimate& estimate) {
  return Json::array({estimate.ci95.low, estimate.ci95.high});
}

Json ResultJson(const RunResult& r) {
  Json j;
  j["scenario"] = r.scenario;
  j["source"] = r.scenario_source;
  j["strategy"] = r.strategy;
  j["strategy_config"] = r.strategy_config;
  j["seed"] = r.seed;
  j["intents"] = r.intents;
  j["charges"] = r.charges;
  j["charged_amount"] = static_cast<double>(r.charged_amount) / 100;
  j["duplicate_charges"] = r.duplicate_charges;
  j["duplicate_amount"] = static_cast<double>(r.duplicate_amount) / 100;
  j["duplicate_square_sum"] = r.duplicate_rate.square_sum;
  j["duplicate_rate"] = r.duplicate_rate.rate;
  j["duplicate_rate_ci95"] = Interval95(r.duplicate_rate);
  j["intents_with_duplicates"] = r.intents_with_duplicates;
  j["duplicated_intent_rate"] = r.duplicated_intent_rate.rate;
  j["duplicated_intent_rate_ci95"] = Interval95(r.duplicated_intent_rate);
  Json causes = Json::object();
  for (std::size_t c = 0; c < kRootCauseCount; ++c) {
    causes[std::string(RootCauseName(static_cast<RootCause>(c)))] = r.duplicates_by_cause[c];
  }
  j["duplicates_by_cause"] = std::move(causes);
  j["lost_payments"] = r.lost_payments;
  j["lost_payment_rate"] = r.lost_payment_rate.rate;
  j["lost_payment_rate_ci95"] = Interval95(r.lost_payment_rate);
  j["false_blocks"] = r.false_blocks;
  j["false_block_rate"] = r.false_block_rate.rate;
  j["false_block_rate_ci95"] = Interval95(r.false_block_rate);
  j["taps"] = r.taps;
  j["taps_swallowed"] = r.taps_swallowed;
  j["pay_agains"] = r.pay_agains;
  j["attempts"] = r.attempts;
  j["timeouts"] = r.timeouts;
  j["replayed_responses"] = r.replayed_responses;
  j["requests_rejected"] = r.requests_rejected;
  j["requests_declined"] = r.requests_declined;
  j["server_crashes"] = r.server_crashes;
  j["requests_killed"] = r.requests_killed;
  j["proxy_retries"] = r.proxy_retries;
  j["gateway_timeouts"] = r.gateway_timeouts;
  j["queue_redeliveries"] = r.queue_redeliveries;
  j["notifications_redelivered"] = r.notifications_redelivered;
  j["confirmed_intents"] = r.confirmed_intents;
  j["time_to_confirmation_p50_us"] = r.time_to_confirmation_p50;
  j["time_to_confirmation_p99_us"] = r.time_to_confirmation_p99;
  j["events"] = r.events;
  j["virtual_end_us"] = r.virtual_end;
  j["legitimate_repeats"] = r.legitimate_repeats;
  j["status_queries"] = r.status_queries;
  j["fraud_payments"] = r.fraud_payments;
  j["refunded_duplicates"] = r.refunded_duplicates;
  j["refunded_amount"] = static_cast<double>(r.refunded_amount) / 100;
  j["time_to_refund_p50_us"] = r.time_to_refund_p50;
  j["time_to_refund_p99_us"] = r.time_to_refund_p99;
  j["money_hours_held"] = r.money_hours_held;
  j["support_contacts"] = r.support_contacts;
  j["prompts_shown"] = r.prompts_shown;
  j["prompts_refused"] = r.prompts_refused;
  j["taps_blocked"] = r.taps_blocked;
  j["conflicts"] = r.conflicts;
  j["inbox_skips"] = r.inbox_skips;
  j["duplicate_notifications_handled"] = r.duplicate_notifications_handled;
  j["peak_keys_held"] = r.peak_keys_held;
  if (r.has_baseline) {
    j["extra_time_to_confirmation_p50_us"] = r.extra_time_to_confirmation_p50;
    j["extra_time_to_confirmation_p99_us"] = r.extra_time_to_confirmation_p99;
  } else {
    j["extra_time_to_confirmation_p50_us"] = nullptr;
    j["extra_time_to_confirmation_p99_us"] = nullptr;
  }
  j["time_to_confirmation_percentiles_us"] = r.time_to_confirmation_percentiles;
  // Added after the fields above (reports/README.md: new fields come last).
  j["retries"] = r.retries;
  j["idle_mechanisms"] = Json::array();
  for (const IdleMechanism& m : r.idle_mechanisms) {
    j["idle_mechanisms"].push_back(
        {{"mechanism", m.mechanism}, {"key", m.key}, {"value", m.value}});
  }
  // null when unknown: a result read back from a report saved before fingerprints.
  if (r.scenario_fingerprint.empty()) {
    j["scenario_fingerprint"] = nullptr;
    j["scenario_parameters"] = nullptr;
  } else {
    j["scenario_fingerprint"] = r.scenario_fingerprint;
    Json parameters = Json::object();
    for (const auto& [key, value] : r.scenario_parameters) parameters[key] = value;
    j["scenario_parameters"] = std::move(parameters);
  }
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
