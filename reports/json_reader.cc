#include "reports/json_reader.h"

#include <cerrno>
#include <cstring>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "metrics/metric_table.h"
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

// One row's value into `r`, in the shape metrics/metric_table.h gives its kind. Rates are
// not read: ReadResult makes them from their counts, interval included.
void ReadRow(const MetricRow& row, const Field& value, RunResult& r) {
  switch (row.kind) {
    case MetricKind::kText:
      FieldOf<std::string>(row, r) = value.String();
      return;
    case MetricKind::kCount:
      FieldOf<std::uint64_t>(row, r) = value.Unsigned();
      return;
    case MetricKind::kRate:
    case MetricKind::kSquareSum:  // with the rate it belongs to
      return;
    case MetricKind::kDuration:
      if (row.presence == MetricPresence::kWhenBaseline) {
        if (value.IsNull()) return;
        r.has_baseline = true;
      }
      FieldOf<std::int64_t>(row, r) = value.Integer();
      return;
    case MetricKind::kMoney:
      FieldOf<std::int64_t>(row, r) = value.Cents();
      return;
    case MetricKind::kNumber:
      FieldOf<double>(row, r) = value.Number();
      return;
    case MetricKind::kCauseCounts:
      for (std::size_t c = 0; c < kRootCauseCount; ++c) {
        r.duplicates_by_cause[c] =
            value[std::string(RootCauseName(static_cast<RootCause>(c)))].Unsigned();
      }
      return;
    case MetricKind::kDurationPercentiles:
      for (std::size_t k = 0; k < value.Size(); ++k) {
        r.time_to_confirmation_percentiles.push_back(value[k].Integer());
      }
      return;
    case MetricKind::kIdleMechanisms:
      for (std::size_t k = 0; k < value.Size(); ++k) {
        r.idle_mechanisms.push_back(
            {value[k]["mechanism"].String(), value[k]["key"].String(), value[k]["value"].String()});
      }
      return;
    case MetricKind::kScenarioFingerprint:
      // Null in reports whose scenario is unknown: `check --baseline` says so rather than
      // calling it changed.
      if (!value.IsNull()) r.scenario_fingerprint = value.String();
      return;
    case MetricKind::kScenarioParameters:
      if (!r.scenario_fingerprint.empty()) r.scenario_parameters = value.StringMap();
      return;
  }
}

// A rate from the counts read before it, over the intents.
void MakeRate(const MetricRow& row, const Field& j, RunResult& r) {
  const std::uint64_t count = r.*row.rate_count;
  FieldOf<RateEstimate>(row, r) =
      row.several_per_intent
          ? RateEstimate::OfCounts(count, SquareSumOf(j, count, r.intents_with_duplicates),
                                   r.intents)
          : RateEstimate::Of(count, r.intents);
}

RunResult ReadResult(const Field& j) {
  RunResult r;
  // Rows absent from reports written before they existed keep their defaults.
  for (const MetricRow& row : MetricTable()) {
    const std::string key = JsonKeyOf(row);
    if (row.optional_in_json && !j.Has(key)) continue;
    ReadRow(row, j[key], r);
  }
  for (const MetricRow& row : MetricTable()) {
    if (row.kind == MetricKind::kRate) MakeRate(row, j, r);
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
