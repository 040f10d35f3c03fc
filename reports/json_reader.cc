#include "reports/json_reader.h"

#include <cerrno>
#include <cstring>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "reports/tool_version.h"
#include "sim/input/input_error.h"

namespace dupsim {
namespace {

using Json = nlohmann::json;

// Field access with the path of every step, so an error names the field that is wrong.
class Field {
 public:
  Field(const Json& json, std::string path, const std::string& file)
      : json_(json), path_(std::move(path)), file_(file) {}

  Field operator[](const std::string& key) const {
    if (!json_.is_object()) Fail("expected an object");
    auto it = json_.find(key);
    if (it == json_.end()) Field(json_, Join(key), file_).Fail("missing");
    return Field(*it, Join(key), file_);
  }
  Field operator[](std::size_t index) const {
    return Field(json_.at(index), path_ + "[" + std::to_string(index) + "]", file_);
  }
  bool Has(const std::string& key) const { return json_.is_object() && json_.contains(key); }
  std::size_t Size() const {
    if (!json_.is_array()) Fail("expected a list");
    return json_.size();
  }
  bool IsNull() const { return json_.is_null(); }
  // Each (key, value) of an object whose values are strings, in key order.
  std::vector<std::pair<std::string, std::string>> StringMap() const {
    if (!json_.is_object()) Fail("expected an object");
    std::vector<std::pair<std::string, std::string>> pairs;
    for (const auto& [key, value] : json_.items()) {
      pairs.emplace_back(key, Field(value, Join(key), file_).String());
    }
    return pairs;
  }
  bool Bool() const {
    if (!json_.is_boolean()) Fail("expected true or false");
    return json_.get<bool>();
  }

  std::string String() const {
    if (!json_.is_string()) Fail("expected a string");
    return json_.get<std::string>();
  }
  std::uint64_t Unsigned() const {
    if (!json_.is_number_unsigned()) Fail("expected a whole number >= 0");
    return json_.get<std::uint64_t>();
  }
  std::int64_t Integer() const {
    if (!json_.is_number_integer()) Fail("expected a whole number");
    return json_.get<std::int64_t>();
  }
  double Number() const {
    if (!json_.is_number()) Fail("expected a number");
    return json_.get<double>();
  }
  // Money: currency units with at most two decimals, back to cents.
  std::int64_t Cents() const { return static_cast<std::int64_t>(std::llround(Number() * 100)); }

  [[noreturn]] void Fail(const std::string& message) const {
    throw InputError::At(SourcePos{file_, 0, 0}, path_, message);
  }

 private:
  std::string Join(const std::string& key) const { return path_.empty() ? key : path_ + "." + key; }

  const Json& json_;
  std::string path_;
  const std::string& file_;
};

// Reports from before duplicate_square_sum existed lack it: the smallest square sum their
// counts allow, the duplicates spread evenly over the intents that have them: exact whenever
// no intent has two duplicates, and never wider than the truth otherwise.
std::uint64_t SquareSumOf(const Field& j, std::uint64_t duplicates, std::uint64_t intents) {
  if (j.Has("duplicate_square_sum")) return j["duplicate_square_sum"].Unsigned();
  if (intents == 0) return duplicates;
  const std::uint64_t each = duplicates / intents, more = duplicates % intents;
  return (intents - more) * each * each + more * (each + 1) * (each + 1);
}

RunResult ReadResult(const Field& j) {
  RunResult r;
  r.scenario = j["scenario"].String();
  r.scenario_source = j["source"].String();
  r.strategy = j["strategy"].String();
  r.strategy_config = j["strategy_config"].String();
  r.seed = j["seed"].Unsigned();
  r.intents = j["intents"].Unsigned();
  r.charges = j["charges"].Unsigned();
  r.charged_amount = j["charged_amount"].Cents();
  r.duplicate_charges = j["duplicate_charges"].Unsigned();
  r.duplicate_amount = j["duplicate_amount"].Cents();
  r.intents_with_duplicates = j["intents_with_duplicates"].Unsigned();
  r.duplicate_rate = RateEstimate::OfCounts(
      r.duplicate_charges, SquareSumOf(j, r.duplicate_charges, r.intents_with_duplicates),
      r.intents);
  r.duplicated_intent_rate = RateEstimate::Of(r.intents_with_duplicates, r.intents);
  const Field causes = j["duplicates_by_cause"];
  for (std::size_t c = 0; c < kRootCauseCount; ++c) {
    r.duplicates_by_cause[c] =
        causes[std::string(RootCauseName(static_cast<RootCause>(c)))].Unsigned();
  }
  r.lost_payments = j["lost_payments"].Unsigned();
  r.lost_payment_rate = RateEstimate::Of(r.lost_payments, r.intents);
  r.false_blocks = j["false_blocks"].Unsigned();
  r.false_block_rate = RateEstimate::Of(r.false_blocks, r.intents);
  r.taps = j["taps"].Unsigned();
  r.taps_swallowed = j["taps_swallowed"].Unsigned();
  r.pay_agains = j["pay_agains"].Unsigned();
  r.attempts = j["attempts"].Unsigned();
  r.timeouts = j["timeouts"].Unsigned();
  r.replayed_responses = j["replayed_responses"].Unsigned();
  r.requests_rejected = j["requests_rejected"].Unsigned();
  r.requests_declined = j["requests_declined"].Unsigned();
  r.server_crashes = j["server_crashes"].Unsigned();
  r.requests_killed = j["requests_killed"].Unsigned();
  r.proxy_retries = j["proxy_retries"].Unsigned();
  r.gateway_timeouts = j["gateway_timeouts"].Unsigned();
  r.queue_redeliveries = j["queue_redeliveries"].Unsigned();
  r.notifications_redelivered = j["notifications_redelivered"].Unsigned();
  r.confirmed_intents = j["confirmed_intents"].Unsigned();
  r.time_to_confirmation_p50 = j["time_to_confirmation_p50_us"].Integer();
  r.time_to_confirmation_p99 = j["time_to_confirmation_p99_us"].Integer();
  r.events = j["events"].Unsigned();
  r.virtual_end = j["virtual_end_us"].Integer();
  r.legitimate_repeats = j["legitimate_repeats"].Unsigned();
  r.status_queries = j["status_queries"].Unsigned();
  r.fraud_payments = j["fraud_payments"].Unsigned();
  r.refunded_duplicates = j["refunded_duplicates"].Unsigned();
  r.refunded_amount = j["refunded_amount"].Cents();
  r.time_to_refund_p50 = j["time_to_refund_p50_us"].Integer();
  r.time_to_refund_p99 = j["time_to_refund_p99_us"].Integer();
  r.money_hours_held = j["money_hours_held"].Number();
  r.support_contacts = j["support_contacts"].Unsigned();
  r.prompts_shown = j["prompts_shown"].Unsigned();
  r.prompts_refused = j["prompts_refused"].Unsigned();
  r.taps_blocked = j["taps_blocked"].Unsigned();
  r.conflicts = j["conflicts"].Unsigned();
  r.inbox_skips = j["inbox_skips"].Unsigned();
  r.duplicate_notifications_handled = j["duplicate_notifications_handled"].Unsigned();
  r.peak_keys_held = j["peak_keys_held"].Unsigned();
  const Field extra50 = j["extra_time_to_confirmation_p50_us"];
  const Field extra99 = j["extra_time_to_confirmation_p99_us"];
  r.has_baseline = !extra50.IsNull();
  if (r.has_baseline) {
    r.extra_time_to_confirmation_p50 = extra50.Integer();
    r.extra_time_to_confirmation_p99 = extra99.Integer();
  }
  const Field percentiles = j["time_to_confirmation_percentiles_us"];
  for (std::size_t k = 0; k < percentiles.Size(); ++k) {
    r.time_to_confirmation_percentiles.push_back(percentiles[k].Integer());
  }
  // Reports written before retries and idle mechanisms were counted have neither.
  if (j.Has("retries")) r.retries = j["retries"].Unsigned();
  if (j.Has("idle_mechanisms")) {
    const Field idle = j["idle_mechanisms"];
    for (std::size_t k = 0; k < idle.Size(); ++k) {
      r.idle_mechanisms.push_back(
          {idle[k]["mechanism"].String(), idle[k]["key"].String(), idle[k]["value"].String()});
    }
  }
  // Reports written before fingerprints have neither: the scenario is unknown, and
  // `check --baseline` says so rather than calling it changed.
  if (j.Has("scenario_fingerprint") && !j["scenario_fingerprint"].IsNull()) {
    r.scenario_fingerprint = j["scenario_fingerprint"].String();
    r.scenario_parameters = j["scenario_parameters"].StringMap();
  }
  return r;
}

ScenarioSummary ReadScenario(const Field& j) {
  ScenarioSummary s;
  s.name = j["name"].String();
  s.source = j["source"].String();
  s.description = j["description"].String();
  s.cause = j["cause"].IsNull() ? "" : j["cause"].String();
  s.seed = j["seed"].Unsigned();
  s.intents = j["intents"].Unsigned();
  s.yaml = j["yaml"].String();
  return s;
}

ExpectedMetric ReadMetric(const Field& j) {
  ExpectedMetric metric;
  if (!ParseMetricName(j.String(), &metric)) j.Fail("unknown metric '" + j.String() + "'");
  return metric;
}

ExpectationResult ReadExpectation(const Field& j) {
  ExpectationResult e;
  e.scenario = j["scenario"].String();
  e.scenario_source = j["source"].String();
  e.strategy_config = j["strategy_config"].String();
  e.expectation.metric = ReadMetric(j["metric"]);
  const std::string kind = j["bound_kind"].String();
  if (kind != "max" && kind != "min") j["bound_kind"].Fail("expected max or min");
  e.expectation.is_max = kind == "max";
  e.expectation.bound = j["bound"].Number();
  e.expectation.text = j["bound_text"].String();
  const std::string verdict = j["verdict"].String();
  bool known = false;
  for (Verdict v : {Verdict::kPass, Verdict::kFail, Verdict::kInconclusive}) {
    if (VerdictName(v) == verdict) {
      e.verdict = v;
      known = true;
    }
  }
  if (!known) j["verdict"].Fail("unknown verdict '" + verdict + "'");
  e.measured_missing = j["measured"].IsNull();
  if (!e.measured_missing) e.measured = j["measured"].Number();
  e.has_interval = !j["ci95"].IsNull();
  if (e.has_interval) {
    e.count = j["count"].Unsigned();
    e.trials = j["trials"].Unsigned();
    e.ci95 = {j["ci95"][0].Number(), j["ci95"][1].Number()};
  }
  e.intents_to_decide = j["intents_to_decide"].Unsigned();
  return e;
}

// A comparison's rate as it was saved, interval included (older reports have no square_sum:
// their rates were all counted as k of n).
RateEstimate ReadRate(const Field& j) {
  RateEstimate r;
  r.count = j["count"].Unsigned();
  r.square_sum = j.Has("square_sum") ? j["square_sum"].Unsigned() : r.count;
  r.trials = j["trials"].Unsigned();
  r.rate = j["rate"].Number();
  r.ci95 = {j["ci95"][0].Number(), j["ci95"][1].Number()};
  return r;
}

BaselineComparison ReadComparison(const Field& j) {
  BaselineComparison c;
  c.scenario = j["scenario"].String();
  c.scenario_source = j["source"].String();
  c.strategy_config = j["strategy_config"].String();
  c.baseline_strategy_config = j["baseline_strategy_config"].String();
  c.metric = ReadMetric(j["metric"]);
  c.baseline = ReadRate(j["baseline"]);
  c.current = ReadRate(j["current"]);
  c.p_value = j["p_value"].Number();
  const std::string change = j["change"].String();
  bool known = false;
  for (Change k : {Change::kRegression, Change::kImprovement, Change::kNoChange}) {
    if (ChangeName(k) == change) {
      c.change = k;
      known = true;
    }
  }
  if (!known) j["change"].Fail("unknown change '" + change + "'");
  return c;
}

// A value one side lacks is null in JSON and "" in ParameterChange.
std::string ReadOptionalString(const Field& j) {
  return j.IsNull() ? "" : j.String();
}

ScenarioChange ReadScenarioChange(const Field& j) {
  ScenarioChange c;
  c.scenario = j["scenario"].String();
  c.scenario_source = j["source"].String();
  c.compared = j["compared"].Bool();
  const Field changes = j["changes"];
  for (std::size_t i = 0; i < changes.Size(); ++i) {
    c.changes.push_back({changes[i]["key"].String(), ReadOptionalString(changes[i]["baseline"]),
                         ReadOptionalString(changes[i]["current"])});
  }
  return c;
}

CheckOutcome ReadCheck(const Field& j) {
  CheckOutcome check;
  if (j.IsNull()) return check;
  check.checked = true;
  check.confidence = j["confidence"].Number();
  check.baseline = j["baseline"].IsNull() ? "" : j["baseline"].String();
  check.inconclusive_allowed = j["inconclusive_allowed"].Bool();
  const Field expectations = j["expectations"];
  for (std::size_t i = 0; i < expectations.Size(); ++i) {
    check.expectations.push_back(ReadExpectation(expectations[i]));
  }
  const Field comparisons = j["comparisons"];
  for (std::size_t i = 0; i < comparisons.Size(); ++i) {
    check.comparisons.push_back(ReadComparison(comparisons[i]));
  }
  const Field missing = j["not_in_baseline"];
  for (std::size_t i = 0; i < missing.Size(); ++i) {
    check.not_in_baseline.push_back({missing[i][0].String(), missing[i][1].String()});
  }
  if (j.Has("changed_scenarios")) {  // absent from reports written before fingerprints
    const Field changed = j["changed_scenarios"];
    for (std::size_t i = 0; i < changed.Size(); ++i) {
      check.changed_scenarios.push_back(ReadScenarioChange(changed[i]));
    }
    const Field unknown = j["without_fingerprint"];
    for (std::size_t i = 0; i < unknown.Size(); ++i) {
      check.without_fingerprint.push_back(unknown[i].String());
    }
  }
  return check;
}

// 1-based line and column of byte `offset` (nlohmann counts bytes read, one past the error).
SourcePos PositionOf(const std::string& text, std::size_t offset, const std::string& file) {
  SourcePos pos{file, 1, 1};
  for (std::size_t i = 0; i + 1 < offset && i < text.size(); ++i) {
    if (text[i] == '\n') {
      ++pos.line;
      pos.column = 1;
    } else {
      ++pos.column;
    }
  }
  return pos;
}

}  // namespace

Report ReadJsonReport(const std::string& text, const std::string& source_name) {
  Json doc;
  try {
    doc = Json::parse(text);
  } catch (const Json::parse_error& e) {
    std::string why = e.what();
    // "[json.exception.parse_error.101] parse error at line 1, column 2: syntax error ..."
    const std::size_t colon = why.find(": ", why.find("parse error"));
    if (colon != std::string::npos) why = why.substr(colon + 2);
    throw InputError::At(PositionOf(text, e.byte, source_name), "", "not valid JSON: " + why);
  }
  const Field root(doc, "", source_name);
  const std::string tool(kToolName);
  if (!doc.is_object() || !doc.contains("tool") || !doc["tool"].is_string() ||
      doc["tool"].get<std::string>() != tool) {
    root.Fail("not a " + tool + " report (no \"tool\": \"" + tool + "\")");
  }
  Report report;
  report.tool_version = root["version"].String();
  const Field results = root["results"];
  for (std::size_t i = 0; i < results.Size(); ++i) report.results.push_back(ReadResult(results[i]));
  // Reports written before these fields existed have neither.
  if (doc.contains("scenarios")) {
    const Field scenarios = root["scenarios"];
    for (std::size_t i = 0; i < scenarios.Size(); ++i) {
      report.scenarios.push_back(ReadScenario(scenarios[i]));
    }
  }
  if (doc.contains("check")) report.check = ReadCheck(root["check"]);
  return report;
}

Report ReadJsonReportFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    throw InputError::At(SourcePos{path, 0, 0}, "",
                         std::string("cannot read file: ") + std::strerror(errno));
  }
  std::ostringstream text;
  text << in.rdbuf();
  return ReadJsonReport(text.str(), path);
}

}  // namespace dupsim
