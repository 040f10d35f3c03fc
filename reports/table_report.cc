#include "reports/table_report.h"

#include <cstdio>
#include <span>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

#include "reports/baseline_change_text.h"
#include "reports/cost_text.h"
#include "reports/idle_mechanism_text.h"
#include "reports/percent_format.h"
#include "reports/text_table.h"
#include "reports/verdict_text.h"

namespace dupsim {
namespace {

constexpr std::string_view kIndent = "  ";
constexpr std::size_t kTextWidth = 100;  // descriptions wrap here, like the source's lines

// Words of `text` in lines of at most `width` characters (longer words get their own line).
std::string Wrap(const std::string& text, std::string_view indent, std::size_t width) {
  std::istringstream words(text);
  std::string out, line, word;
  while (words >> word) {
    if (!line.empty() && indent.size() + line.size() + 1 + word.size() > width) {
      out.append(indent).append(line).append("\n");
      line.clear();
    }
    if (!line.empty()) line += ' ';
    line += word;
  }
  if (!line.empty()) out.append(indent).append(line).append("\n");
  return out;
}

// ANSI styles for a terminal (Report::colour); with colour off every function below returns
// its text unchanged, so the plain output is exactly what it was before colour existed.
constexpr std::string_view kBold = "\x1b[1m";
constexpr std::string_view kRed = "\x1b[31m";
constexpr std::string_view kGreen = "\x1b[32m";
constexpr std::string_view kYellow = "\x1b[33m";
constexpr std::string_view kReset = "\x1b[0m";

class Style {
 public:
  explicit Style(bool colour) : colour_(colour) {}

  std::string Apply(std::string_view code, std::string_view text) const {
    if (!colour_ || text.empty()) return std::string(text);
    std::string styled(code);
    styled.append(text).append(kReset);
    return styled;
  }
  std::string Bold(std::string_view text) const { return Apply(kBold, text); }

  // ✓ green, ✗ red, ? yellow.
  std::string Mark(Verdict verdict) const {
    switch (verdict) {
      case Verdict::kPass:
        return Apply(kGreen, VerdictMark(verdict));
      case Verdict::kFail:
        return Apply(kRed, VerdictMark(verdict));
      case Verdict::kInconclusive:
        return Apply(kYellow, VerdictMark(verdict));
    }
    return std::string(VerdictMark(verdict));
  }
  std::string Mark(Change change) const {
    switch (change) {
      case Change::kRegression:
        return Apply(kRed, ChangeMark(change));
      case Change::kImprovement:
        return Apply(kGreen, ChangeMark(change));
      case Change::kNoChange:
        break;
    }
    return std::string(ChangeMark(change));
  }

 private:
  bool colour_;
};

bool SameScenario(const RunResult& a, const RunResult& b) {
  return a.scenario == b.scenario && a.scenario_source == b.scenario_source;
}

void RenderHeading(const Report& report, const RunResult& first, const Style& style,
                   std::ostream& out) {
  out << style.Bold(first.scenario) << " (" << first.scenario_source << ", seed " << first.seed
      << ")\n";
  if (const ScenarioSummary* summary = report.SummaryOf(first)) {
    out << Wrap(summary->description, kIndent, kTextWidth);
  }
  out << '\n';
}

TextTable MakeTable() {
  using Align = TextTable::Align;
  TextTable table;
  table.AddColumn("strategy", Align::kLeft);
  table.AddColumn("intents", Align::kRight);
  table.AddColumn("charges", Align::kRight);
  table.AddColumn("duplicates", Align::kRight);
  table.AddColumn("dup rate", Align::kRight);
  table.AddColumn("(95% CI)", Align::kLeft, 1);
  table.AddColumn("lost", Align::kRight);
  table.AddColumn("lost rate", Align::kRight);
  table.AddColumn("(95% CI)", Align::kLeft, 1);
  table.AddColumn("events", Align::kRight);
  return table;
}

// The table with its header line in bold when colour is on. The style codes wrap the whole
// line after the indent, so the columns stay aligned.
void RenderTable(const TextTable& table, const Style& style, std::ostream& out) {
  std::ostringstream text;
  table.Render(text, kIndent);
  std::string rendered = text.str();
  const std::size_t header_end = rendered.find('\n');
  out << kIndent << style.Bold(rendered.substr(kIndent.size(), header_end - kIndent.size()))
      << rendered.substr(header_end);
}

void AddRow(const RunResult& r, TextTable& table) {
  table.AddRow({
      r.strategy_config,
      std::to_string(r.intents),
      std::to_string(r.charges),
      std::to_string(r.duplicate_charges),
      FormatRate(r.duplicate_rate),
      FormatInterval(r.duplicate_rate),
      std::to_string(r.lost_payments),
      FormatRate(r.lost_payment_rate),
      FormatInterval(r.lost_payment_rate),
      std::to_string(r.events),
  });
}

// "  root causes, none: double_tap 2879 (96%), client_retry 121 (4%)" for each strategy
// with duplicates: the table says how many, this says why.
// "  false blocks, fingerprint_window(window=5m): 2612, 4.35% (4.19-4.52%)": the cost side of a
// defence that declines payments looking like repeats.
void RenderFalseBlocks(const RunResult& r, std::ostream& out) {
  if (r.false_blocks == 0) return;
  out << kIndent << "false blocks, " << r.strategy_config << ": " << r.false_blocks << ", "
      << FormatRate(r.false_block_rate) << ' ' << FormatInterval(r.false_block_rate) << '\n';
}

// "  intents charged twice or more, none: 812, 8.12% (7.60-8.67%), 1.49 duplicates each":
// only where some intent has two duplicates or more, when the dup rate (duplicates per
// intent) stops being the share of intents with a duplicate.
bool HasRepeatedDuplicates(const RunResult& r) {
  return r.duplicate_charges > r.intents_with_duplicates;
}

void RenderRepeatedDuplicates(const RunResult& r, std::ostream& out) {
  if (!HasRepeatedDuplicates(r)) return;
  char each[32];
  std::snprintf(
      each, sizeof each, "%.2f",
      static_cast<double>(r.duplicate_charges) / static_cast<double>(r.intents_with_duplicates));
  out << kIndent << "intents charged twice or more, " << r.strategy_config << ": "
      << r.intents_with_duplicates << ", " << FormatRateWithInterval(r.duplicated_intent_rate)
      << ", " << each << " duplicates each\n";
}

// "  costs, idempotency_key: peak keys held 100000; time to confirmation +0.0ms p50, +1.2ms
// p99 vs none": what a defence asks in return, beyond false blocks (refunds are listed
// here too: what duplicates nobody stopped cost to give back).
void RenderCosts(const RunResult& r, std::ostream& out) {
  const std::vector<std::string> items = CostItems(r);
  if (items.empty()) return;
  out << kIndent << "costs, " << r.strategy_config << ":";
  const char* separator = " ";
  for (const std::string& item : items) {
    out << separator << item;
    separator = "; ";
  }
  out << '\n';
}

void RenderRootCauses(const RunResult& r, std::ostream& out) {
  if (r.duplicate_charges == 0) return;
  out << kIndent << "root causes, " << r.strategy_config << ":";
  const char* separator = " ";
  for (std::size_t c = 0; c < kRootCauseCount; ++c) {
    const std::uint64_t n = r.duplicates_by_cause[c];
    if (n == 0) continue;
    const auto share = static_cast<int>(
        100.0 * static_cast<double>(n) / static_cast<double>(r.duplicate_charges) + 0.5);
    out << separator << RootCauseName(static_cast<RootCause>(c)) << ' ' << n << " (" << share
        << "%)";
    separator = ", ";
  }
  out << '\n';
}

// A check's lines for one scenario, or for those no block showed (a verdict on a run the
// report lacks): each expectation "  ✓ <text>" in order, then the baseline's regressions and
// improvements "  ✗ regression <text>" (no-change comparisons say nothing worth a line), then
// "  - <run>: not in the baseline" for runs the baseline had nothing to compare with, then
// "  baseline: scenario <name> changed since the baseline (...)" for a changed scenario and
// "  baseline: scenario <name>: the baseline carries no scenario fingerprint; ..." for one the
// baseline cannot vouch for.
class CheckLines {
 public:
  CheckLines(const CheckOutcome& check, const Style& style)
      : check_(check),
        style_(style),
        expectation_shown_(check.expectations.size(), false),
        comparison_shown_(check.comparisons.size(), false),
        missing_shown_(check.not_in_baseline.size(), false),
        change_shown_(check.changed_scenarios.size(), false),
        unknown_shown_(check.without_fingerprint.size(), false) {}

  // The lines of the scenario (name, source), each marked as shown.
  std::string Of(const std::string& scenario, const std::string& source) {
    return Lines([&](const std::string& s, const std::string* src) {
      return s == scenario && (src == nullptr || *src == source);
    });
  }

  // The lines no call of Of() took.
  std::string Rest() {
    return Lines([](const std::string&, const std::string*) { return true; });
  }

 private:
  // `matches(scenario, source)`; source is nullptr for not_in_baseline, which names none.
  template <typename Matches>
  std::string Lines(Matches matches) {
    std::string lines;
    for (std::size_t i = 0; i < check_.expectations.size(); ++i) {
      const ExpectationResult& e = check_.expectations[i];
      if (expectation_shown_[i] || !matches(e.scenario, &e.scenario_source)) continue;
      expectation_shown_[i] = true;
      lines.append(kIndent)
          .append(style_.Mark(e.verdict))
          .append(" ")
          .append(ExpectationText(e))
          .append("\n");
    }
    for (std::size_t i = 0; i < check_.comparisons.size(); ++i) {
      const BaselineComparison& c = check_.comparisons[i];
      if (comparison_shown_[i] || !matches(c.scenario, &c.scenario_source)) continue;
      comparison_shown_[i] = true;
      if (c.change == Change::kNoChange) continue;
      lines.append(kIndent)
          .append(style_.Mark(c.change))
          .append(" ")
          .append(ComparisonText(c))
          .append("\n");
    }
    for (std::size_t i = 0; i < check_.not_in_baseline.size(); ++i) {
      const auto& [scenario, strategy_config] = check_.not_in_baseline[i];
      if (missing_shown_[i] || !matches(scenario, nullptr)) continue;
      missing_shown_[i] = true;
      lines.append(kIndent)
          .append("- ")
          .append(RunName(scenario, strategy_config))
          .append(": not in the baseline\n");
    }
    AppendBaselineNotes(matches, lines);
    return lines;
  }

  template <typename Matches>
  void AppendBaselineNotes(Matches matches, std::string& lines) {
    for (std::size_t i = 0; i < check_.changed_scenarios.size(); ++i) {
      const ScenarioChange& c = check_.changed_scenarios[i];
      if (change_shown_[i] || !matches(c.scenario, &c.scenario_source)) continue;
      change_shown_[i] = true;
      lines.append(kIndent).append(ScenarioChangeText(c)).append("\n");
    }
    for (std::size_t i = 0; i < check_.without_fingerprint.size(); ++i) {
      const std::string& scenario = check_.without_fingerprint[i];
      if (unknown_shown_[i] || !matches(scenario, nullptr)) continue;
      unknown_shown_[i] = true;
      lines.append(kIndent).append(NoFingerprintText(scenario)).append("\n");
    }
  }

  const CheckOutcome& check_;
  const Style& style_;
  std::vector<bool> expectation_shown_;
  std::vector<bool> comparison_shown_;
  std::vector<bool> missing_shown_;
  std::vector<bool> change_shown_;
  std::vector<bool> unknown_shown_;
};

}  // namespace

void TableReport::Render(const Report& report, std::ostream& out) const {
  const Style style(report.colour);
  const bool checked = report.check.checked;
  CheckLines check_lines(report.check, style);
  const auto& results = report.results;
  if (results.empty()) out << "no results\n";
  for (std::size_t begin = 0; begin < results.size();) {
    std::size_t end = begin + 1;
    while (end < results.size() && SameScenario(results[begin], results[end])) ++end;
    if (begin > 0) out << '\n';
    RenderHeading(report, results[begin], style, out);
    TextTable table = MakeTable();
    for (std::size_t i = begin; i < end; ++i) AddRow(results[i], table);
    RenderTable(table, style, out);
    const std::vector<std::string> idle_notes =
        IdleMechanismNotes(std::span<const RunResult>(results).subspan(begin, end - begin));
    bool any_notes = !idle_notes.empty();
    for (std::size_t i = begin; i < end; ++i) {
      any_notes |= results[i].duplicate_charges > 0 || results[i].false_blocks > 0 ||
                   !CostItems(results[i]).empty();
    }
    if (any_notes) out << '\n';
    for (std::size_t i = begin; i < end; ++i) RenderRootCauses(results[i], out);
    for (std::size_t i = begin; i < end; ++i) RenderRepeatedDuplicates(results[i], out);
    for (std::size_t i = begin; i < end; ++i) RenderFalseBlocks(results[i], out);
    for (std::size_t i = begin; i < end; ++i) RenderCosts(results[i], out);
    // Last: a knob that never fired qualifies every figure above.
    for (const std::string& note : idle_notes) out << kIndent << note << '\n';
    if (checked) {
      const std::string lines =
          check_lines.Of(results[begin].scenario, results[begin].scenario_source);
      if (!lines.empty()) out << '\n' << lines;
    }
    begin = end;
  }
  if (!checked) return;
  const std::string rest = check_lines.Rest();
  if (!rest.empty()) out << '\n' << rest;
  out << '\n' << style.Bold("check:") << ' ' << CheckSummaryText(report.check) << '\n';
}

}  // namespace dupsim
