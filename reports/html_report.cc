#include "reports/html_report.h"

#include <cstdio>
#include <string>
#include <vector>

#include "reports/baseline_change_text.h"
#include "reports/html_charts.h"
#include "reports/html_escape.h"
#include "reports/html_format.h"
#include "reports/html_style.h"
#include "reports/percent_format.h"
#include "reports/tool_version.h"
#include "reports/verdict_text.h"
#include "sim/engine/duration_text.h"

namespace dupsim {
namespace {

constexpr std::string_view kAbsent = "<span class=\"absent\">\u2014</span>";

// The runs of one scenario, consecutive in the report, and what the report says about it.
struct ScenarioRuns {
  std::vector<const RunResult*> runs;
  const ScenarioSummary* summary = nullptr;  // nullptr when the report has none
  std::string anchor;                        // the section's id: "scenario-1"
};

std::vector<ScenarioRuns> GroupByScenario(const Report& report) {
  std::vector<ScenarioRuns> groups;
  for (const RunResult& r : report.results) {
    if (groups.empty() || groups.back().runs.front()->scenario != r.scenario ||
        groups.back().runs.front()->scenario_source != r.scenario_source) {
      groups.push_back({{}, report.SummaryOf(r), "scenario-" + std::to_string(groups.size() + 1)});
    }
    groups.back().runs.push_back(&r);
  }
  return groups;
}

void WriteHead(const Report& report, const std::vector<ScenarioRuns>& scenarios,
               std::ostream& out) {
  std::string title = "dupsim report";
  for (std::size_t i = 0; i < scenarios.size(); ++i) {
    title += (i == 0 ? ": " : ", ") + scenarios[i].runs.front()->scenario;
  }
  out << "<!DOCTYPE html>\n"
         "<html xmlns=\"http://www.w3.org/1999/xhtml\" lang=\"en\" xml:lang=\"en\">\n"
         "<head>\n"
         "<meta charset=\"utf-8\"/>\n"
         "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"/>\n"
         "<meta name=\"generator\" content=\""
      << kToolName << ' ' << EscapeXml(report.tool_version) << "\"/>\n"
      << "<title>" << EscapeXml(title) << "</title>\n"
      << "<style>" << HtmlStyleSheet() << "</style>\n"
      << "</head>\n";
}

void WritePageHeader(const Report& report, const std::vector<ScenarioRuns>& scenarios,
                     std::ostream& out) {
  out << "<header>\n<h1>" << (report.check.checked ? "dupsim check" : "dupsim report")
      << "</h1>\n<p class=\"subtitle\">" << scenarios.size()
      << (scenarios.size() == 1 ? " scenario, " : " scenarios, ") << report.results.size()
      << (report.results.size() == 1 ? " run" : " runs") << "; dupsim "
      << EscapeXml(report.tool_version) << "</p>\n";
  if (scenarios.size() > 1) {
    out << "<nav class=\"scenarios\">";
    for (const ScenarioRuns& s : scenarios) {
      out << "<a href=\"#" << s.anchor << "\">" << EscapeXml(s.runs.front()->scenario) << "</a>";
    }
    out << "</nav>\n";
  }
  out << "</header>\n";
}

std::string_view ChangeClass(Change change) {
  switch (change) {
    case Change::kRegression:
      return "regression";
    case Change::kImprovement:
      return "improvement";
    case Change::kNoChange:
      return "no-change";
  }
  return "no-change";
}

// A row of a verdict table: the mark in its own cell, so marks line up in a column.
void WriteVerdictRow(std::string_view css_class, std::string_view mark, const std::string& text,
                     std::ostream& out) {
  out << "<tr class=\"" << css_class << "\"><td class=\"mark\">" << mark << "</td><td>"
      << EscapeXml(text) << "</td></tr>\n";
}

// "99%", "99.9%".
std::string ConfidenceText(double confidence) {
  char text[32];
  std::snprintf(text, sizeof text, "%g%%", confidence * 100);
  return text;
}

// What `dupsim check` decided, first on the page: a failing gate is what its reader came for.
void WriteCheck(const CheckOutcome& check, std::ostream& out) {
  const bool failing = check.Count(Verdict::kFail) > 0 || check.Count(Change::kRegression) > 0;
  out << "<section class=\"card check\" id=\"check\">\n<h2>Check</h2>\n"
      << "<p class=\"check-summary " << (failing ? "failing" : "passing") << "\">"
      << EscapeXml(CheckSummaryText(check)) << "</p>\n";
  if (!check.baseline.empty()) {
    out << "<p class=\"meta\"><span>baseline <code>" << EscapeXml(check.baseline)
        << "</code></span><span>changes judged at " << ConfidenceText(check.confidence)
        << " confidence</span></p>\n";
  }
  if (!check.expectations.empty()) {
    out << "<h3>Expectations</h3>\n<table class=\"verdicts expectations\">\n<tbody>\n";
    for (const ExpectationResult& e : check.expectations) {
      WriteVerdictRow(VerdictName(e.verdict), VerdictMark(e.verdict), ExpectationText(e), out);
    }
    out << "</tbody>\n</table>\n";
  }
  if (!check.comparisons.empty()) {
    out << "<h3>Against the baseline</h3>\n<table class=\"verdicts comparisons\">\n<tbody>\n";
    for (const BaselineComparison& c : check.comparisons) {
      WriteVerdictRow(ChangeClass(c.change), ChangeMark(c.change), ComparisonText(c), out);
    }
    out << "</tbody>\n</table>\n";
  }
  if (!check.not_in_baseline.empty()) {
    out << "<h3>Not in the baseline</h3>\n<ul class=\"runs not-in-baseline\">\n";
    for (const auto& [scenario, strategy_config] : check.not_in_baseline) {
      out << "<li>" << EscapeXml(RunName(scenario, strategy_config)) << "</li>\n";
    }
    out << "</ul>\n";
  }
  if (!check.changed_scenarios.empty() || !check.without_fingerprint.empty()) {
    out << "<h3>Scenarios against the baseline</h3>\n<ul class=\"runs scenario-changes\">\n";
    for (const ScenarioChange& c : check.changed_scenarios) {
      out << "<li>" << EscapeXml(ScenarioChangeText(c)) << "</li>\n";
    }
    for (const std::string& scenario : check.without_fingerprint) {
      out << "<li>" << EscapeXml(NoFingerprintText(scenario)) << "</li>\n";
    }
    out << "</ul>\n";
  }
  out << "</section>\n";
}

// Name, then "source · seed · intents · cause", then the description. The seed and intents
// are the runs' own: they made the numbers below, whatever the file said.
void WriteScenarioHeading(const ScenarioRuns& scenario, std::ostream& out) {
  const RunResult& first = *scenario.runs.front();
  out << "<h2>" << EscapeXml(first.scenario) << "</h2>\n<p class=\"meta\"><span><code>"
      << EscapeXml(first.scenario_source) << "</code></span><span>seed " << first.seed
      << "</span><span>" << GroupThousands(first.intents) << " intents</span>";
  if (scenario.summary && !scenario.summary->cause.empty()) {
    out << "<span>cause: " << EscapeXml(scenario.summary->cause) << "</span>";
  }
  out << "</p>\n";
  if (scenario.summary && !scenario.summary->description.empty()) {
    out << "<p class=\"description\">" << EscapeXml(scenario.summary->description) << "</p>\n";
  }
}

// "2.88%" over "(2.78-2.98%)": a rate is worth little without its interval.
std::string RateCell(const RateEstimate& estimate, std::string_view css_class) {
  std::string cell = "<td class=\"" + std::string(css_class) + "\">";
  if (estimate.trials == 0) return cell + std::string(kAbsent) + "</td>";
  return cell + FormatRate(estimate) + "<span class=\"interval\">" + FormatInterval(estimate) +
         "</span></td>";
}

std::string CountCell(std::uint64_t count) {
  return "<td>" + (count == 0 ? std::string(kAbsent) : GroupThousands(count)) + "</td>";
}

// The latency a defence adds against the scenario's `none` run, p50 over p99.
std::string ExtraTimeCell(const RunResult& r) {
  if (!r.has_baseline) return "<td>" + std::string(kAbsent) + "</td>";
  return "<td>" + SignedDurationMillisOrSeconds(r.extra_time_to_confirmation_p50) +
         " p50<span class=\"interval\">" +
         SignedDurationMillisOrSeconds(r.extra_time_to_confirmation_p99) + " p99</span></td>";
}

// What each strategy stopped (duplicates) beside what it cost: real payments blocked or lost,
// questions put to users, refunds still needed, memory, latency.
void WriteCostsTable(const ScenarioRuns& scenario, std::ostream& out) {
  out << "<h3>Benefit and costs</h3>\n<div class=\"table-scroll\">\n<table class=\"costs\">\n"
         "<thead>\n"
         "<tr class=\"group\"><th></th><th class=\"benefit-group\" colspan=\"2\">benefit</th>"
         "<th class=\"costs-group\" colspan=\"6\">costs</th></tr>\n"
         "<tr><th class=\"strategy\">strategy</th><th>duplicates per intent</th>"
         "<th>intents charged twice or more</th><th>false blocks</th>"
         "<th>lost payments</th><th>prompts shown (refused)</th><th>refunds</th>"
         "<th>peak keys held</th><th>extra time to confirmation vs none</th></tr>\n"
         "</thead>\n<tbody>\n";
  for (const RunResult* run : scenario.runs) {
    const RunResult& r = *run;
    out << "<tr><td class=\"strategy\">" << EscapeXml(r.strategy_config) << "</td>"
        << RateCell(r.duplicate_rate, "benefit") << RateCell(r.duplicated_intent_rate, "benefit")
        << RateCell(r.false_block_rate, "cost") << RateCell(r.lost_payment_rate, "cost");
    if (r.prompts_shown == 0) {
      out << "<td>" << kAbsent << "</td>";
    } else {
      out << "<td>" << GroupThousands(r.prompts_shown) << " (" << GroupThousands(r.prompts_refused)
          << ")</td>";
    }
    out << CountCell(r.refunded_duplicates) << CountCell(r.peak_keys_held) << ExtraTimeCell(r)
        << "</tr>\n";
  }
  out << "</tbody>\n</table>\n</div>\n";
}

// The scenario file, folded: its parameters explain every figure above, but are long.
void WriteParameters(const ScenarioRuns& scenario, std::ostream& out) {
  out << "<details class=\"parameters\">\n<summary>Scenario parameters</summary>\n";
  if (!scenario.summary || scenario.summary->yaml.empty()) {
    out << "<p class=\"note\">The report does not carry this scenario's file.</p>\n";
  } else {
    out << "<p class=\"note\">The file as loaded. <code>--seed</code> and <code>--intents</code>, "
           "when given, override its values; the heading shows what the runs used.</p>\n"
        << "<pre>" << EscapeXml(scenario.summary->yaml) << "</pre>\n";
  }
  out << "</details>\n";
}

void WriteScenario(const ScenarioRuns& scenario, std::ostream& out) {
  out << "<section class=\"card scenario\" id=\"" << scenario.anchor << "\">\n";
  WriteScenarioHeading(scenario, out);
  WriteDuplicateRateChart(scenario.runs, out);
  WriteRootCauseChart(scenario.runs, out);
  WriteConfirmationCdfChart(scenario.runs, out);
  WriteCostsTable(scenario, out);
  WriteParameters(scenario, out);
  out << "</section>\n";
}

}  // namespace

void HtmlReport::Render(const Report& report, std::ostream& out) const {
  const std::vector<ScenarioRuns> scenarios = GroupByScenario(report);
  WriteHead(report, scenarios, out);
  out << "<body>\n<main>\n";
  WritePageHeader(report, scenarios, out);
  if (report.check.checked) WriteCheck(report.check, out);
  if (scenarios.empty()) out << "<p class=\"empty\">No results.</p>\n";
  for (const ScenarioRuns& scenario : scenarios) WriteScenario(scenario, out);
  out << "<footer>Rates are per intent, with 95% intervals (Wilson's; for duplicates per intent, "
         "the score interval with their per-intent spread). Counts are exact: the "
         "simulator knows which intent every charge belongs to.</footer>\n"
         "</main>\n</body>\n</html>\n";
}

}  // namespace dupsim
