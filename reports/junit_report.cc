#include "reports/junit_report.h"

#include <cstdint>
#include <cstdio>
#include <ostream>
#include <utility>
#include <vector>

#include "reports/baseline_change_text.h"
#include "reports/percent_format.h"
#include "reports/verdict_text.h"
#include "reports/xml_escape.h"

namespace dupsim {
namespace {

std::string EscapeText(std::string_view text) {
  return EscapeForXml(text, XmlSpot::kText, /*escape_apostrophe=*/false);
}

struct TestCase {
  enum class Outcome { kPass, kFailure, kSkipped };
  std::string classname;
  std::string name;
  Outcome outcome = Outcome::kPass;
  std::string type;     // of a failure: "fail", "inconclusive", "regression"
  std::string message;  // of a failure or a skip
  std::string text;     // the failure's body
  std::string system_out;
};

struct TestSuite {
  std::string name;
  std::vector<std::pair<std::string, std::string>> properties;
  std::vector<TestCase> cases;

  std::size_t Count(TestCase::Outcome outcome) const {
    std::size_t n = 0;
    for (const TestCase& c : cases) n += c.outcome == outcome ? 1 : 0;
    return n;
  }
};

struct ScenarioKey {
  std::string name;
  std::string source;
  bool operator==(const ScenarioKey&) const = default;
};

// The scenarios of the report in the order of its results, then any an expectation names
// that no result came from.
std::vector<ScenarioKey> ScenarioOrder(const Report& report) {
  std::vector<ScenarioKey> keys;
  auto add = [&](ScenarioKey key) {
    for (const ScenarioKey& k : keys) {
      if (k == key) return;
    }
    keys.push_back(std::move(key));
  };
  for (const RunResult& r : report.results) add({r.scenario, r.scenario_source});
  if (report.check.checked) {
    for (const ExpectationResult& e : report.check.expectations) {
      add({e.scenario, e.scenario_source});
    }
  }
  return keys;
}

TestSuite ScenarioSuite(const Report& report, const ScenarioKey& key) {
  TestSuite suite;
  suite.name = key.name;
  suite.properties.emplace_back("source", key.source);
  for (const RunResult& r : report.results) {
    if (r.scenario == key.name && r.scenario_source == key.source) {
      suite.properties.emplace_back("seed", std::to_string(r.seed));
      break;
    }
  }
  suite.properties.emplace_back("dupsim_version", report.tool_version);
  return suite;
}

// "none: duplicate_rate max: 0.1%": what is expected of which run, without the outcome, so
// that a CI system can follow one testcase from build to build.
TestCase ExpectationCase(const ExpectationResult& e, bool inconclusive_allowed) {
  TestCase c;
  c.classname = "dupsim." + e.scenario;
  c.name = e.strategy_config + ": " + std::string(MetricName(e.expectation.metric)) + " " +
           e.expectation.text;
  const std::string text = ExpectationText(e);
  const std::string marked = std::string(VerdictMark(e.verdict)) + " " + text;
  if (e.verdict == Verdict::kPass) {
    c.system_out = marked;
    return c;
  }
  if (e.verdict == Verdict::kInconclusive && inconclusive_allowed) {
    // The check passed with it (--allow-inconclusive): a CI page must not show red.
    c.outcome = TestCase::Outcome::kSkipped;
    c.message = text;
    return c;
  }
  c.outcome = TestCase::Outcome::kFailure;
  c.type = std::string(VerdictName(e.verdict));
  c.message = text;
  c.text = marked + "\nscenario: " + e.scenario_source;
  if (e.has_interval && !e.measured_missing) {
    c.text +=
        "\nmeasured: " + std::to_string(e.count) + " in " + std::to_string(e.trials) + " intents";
  }
  return c;
}

// The outcome of each run without a check: that it ran, and its rates.
TestCase RunCase(const RunResult& r) {
  TestCase c;
  c.classname = "dupsim." + r.scenario;
  c.name = r.strategy_config;
  c.system_out = RunName(r.scenario, r.strategy_config) + ": duplicate_rate " +
                 FormatRateWithInterval(r.duplicate_rate) + ", duplicated_intent_rate " +
                 FormatRateWithInterval(r.duplicated_intent_rate) + ", lost_payment_rate " +
                 FormatRateWithInterval(r.lost_payment_rate) + ", false_block_rate " +
                 FormatRateWithInterval(r.false_block_rate) + "; " + std::to_string(r.intents) +
                 " intents, " + std::to_string(r.charges) + " charges, " +
                 std::to_string(r.duplicate_charges) + " duplicates";
  return c;
}

TestSuite BaselineSuite(const CheckOutcome& check, const std::string& tool_version) {
  TestSuite suite;
  suite.name = "baseline";
  suite.properties.emplace_back("baseline", check.baseline);
  char confidence[32];
  std::snprintf(confidence, sizeof confidence, "%g", check.confidence);
  suite.properties.emplace_back("confidence", confidence);
  suite.properties.emplace_back("dupsim_version", tool_version);
  for (const BaselineComparison& b : check.comparisons) {
    TestCase c;
    c.classname = "dupsim.baseline";
    c.name = RunName(b.scenario, b.strategy_config) + ": " + std::string(MetricName(b.metric));
    const std::string text = ComparisonText(b);
    const std::string marked = std::string(ChangeMark(b.change)) + " " + text;
    if (b.change == Change::kRegression) {
      c.outcome = TestCase::Outcome::kFailure;
      c.type = std::string(ChangeName(b.change));
      c.message = text;
      c.text = marked + "\nscenario: " + b.scenario_source;
    } else {
      c.system_out = marked;
    }
    suite.cases.push_back(std::move(c));
  }
  for (const auto& [scenario, strategy_config] : check.not_in_baseline) {
    TestCase c;
    c.classname = "dupsim.baseline";
    c.name = RunName(scenario, strategy_config);
    c.outcome = TestCase::Outcome::kSkipped;
    c.message = "not in the baseline: " + RunName(scenario, strategy_config);
    suite.cases.push_back(std::move(c));
  }
  // A changed scenario left out is skipped, like a run the baseline lacks; one compared anyway
  // (--compare-changed) passes with the note in its output.
  for (const ScenarioChange& change : check.changed_scenarios) {
    TestCase c;
    c.classname = "dupsim.baseline";
    c.name = change.scenario + ": scenario changed";
    if (change.compared) {
      c.system_out = ScenarioChangeText(change);
    } else {
      c.outcome = TestCase::Outcome::kSkipped;
      c.message = ScenarioChangeText(change);
    }
    suite.cases.push_back(std::move(c));
  }
  for (const std::string& scenario : check.without_fingerprint) {
    TestCase c;
    c.classname = "dupsim.baseline";
    c.name = scenario + ": no fingerprint";
    c.system_out = NoFingerprintText(scenario);
    suite.cases.push_back(std::move(c));
  }
  return suite;
}

std::vector<TestSuite> Suites(const Report& report) {
  const CheckOutcome& check = report.check;
  std::vector<TestSuite> suites;
  for (const ScenarioKey& key : ScenarioOrder(report)) {
    TestSuite suite = ScenarioSuite(report, key);
    if (check.checked) {
      for (const ExpectationResult& e : check.expectations) {
        if (e.scenario == key.name && e.scenario_source == key.source) {
          suite.cases.push_back(ExpectationCase(e, report.check.inconclusive_allowed));
        }
      }
    } else {
      for (const RunResult& r : report.results) {
        if (r.scenario == key.name && r.scenario_source == key.source) {
          suite.cases.push_back(RunCase(r));
        }
      }
    }
    suites.push_back(std::move(suite));
  }
  if (check.checked && (!check.baseline.empty() || !check.comparisons.empty() ||
                        !check.not_in_baseline.empty() || !check.changed_scenarios.empty())) {
    suites.push_back(BaselineSuite(check, report.tool_version));
  }
  return suites;
}

// ` tests="3" failures="1" errors="0" skipped="0" time="0"`
std::string Counts(std::size_t tests, std::size_t failures, std::size_t skipped) {
  return " tests=\"" + std::to_string(tests) + "\" failures=\"" + std::to_string(failures) +
         "\" errors=\"0\" skipped=\"" + std::to_string(skipped) + "\" time=\"0\"";
}

void RenderCase(const TestCase& c, std::ostream& out) {
  out << "    <testcase classname=\"" << XmlEscape(c.classname) << "\" name=\"" << XmlEscape(c.name)
      << "\" time=\"0\"";
  if (c.outcome == TestCase::Outcome::kPass && c.system_out.empty()) {
    out << "/>\n";
    return;
  }
  out << ">\n";
  switch (c.outcome) {
    case TestCase::Outcome::kPass:
      break;
    case TestCase::Outcome::kFailure:
      out << "      <failure type=\"" << XmlEscape(c.type) << "\" message=\""
          << XmlEscape(c.message) << "\">" << EscapeText(c.text) << "</failure>\n";
      break;
    case TestCase::Outcome::kSkipped:
      out << "      <skipped message=\"" << XmlEscape(c.message) << "\"/>\n";
      break;
  }
  if (!c.system_out.empty()) {
    out << "      <system-out>" << EscapeText(c.system_out) << "</system-out>\n";
  }
  out << "    </testcase>\n";
}

void RenderSuite(const TestSuite& suite, std::ostream& out) {
  out << "  <testsuite name=\"" << XmlEscape(suite.name) << "\""
      << Counts(suite.cases.size(), suite.Count(TestCase::Outcome::kFailure),
                suite.Count(TestCase::Outcome::kSkipped))
      << ">\n";
  if (!suite.properties.empty()) {
    out << "    <properties>\n";
    for (const auto& [name, value] : suite.properties) {
      out << "      <property name=\"" << XmlEscape(name) << "\" value=\"" << XmlEscape(value)
          << "\"/>\n";
    }
    out << "    </properties>\n";
  }
  for (const TestCase& c : suite.cases) RenderCase(c, out);
  out << "  </testsuite>\n";
}

}  // namespace

std::string XmlEscape(std::string_view text) {
  return EscapeForXml(text, XmlSpot::kAttribute, /*escape_apostrophe=*/false);
}

void JunitReport::Render(const Report& report, std::ostream& out) const {
  const std::vector<TestSuite> suites = Suites(report);
  std::size_t tests = 0, failures = 0, skipped = 0;
  for (const TestSuite& suite : suites) {
    tests += suite.cases.size();
    failures += suite.Count(TestCase::Outcome::kFailure);
    skipped += suite.Count(TestCase::Outcome::kSkipped);
  }
  out << "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";
  out << "<testsuites name=\"dupsim\"" << Counts(tests, failures, skipped) << ">\n";
  for (const TestSuite& suite : suites) RenderSuite(suite, out);
  out << "</testsuites>\n";
}

}  // namespace dupsim
