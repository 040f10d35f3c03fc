#include "reports/markdown_report.h"

#include <algorithm>
#include <cstdio>
#include <sstream>
#include <string>
#include <vector>

#include "reports/baseline_change_text.h"
#include "reports/cost_text.h"
#include "reports/percent_format.h"
#include "reports/verdict_text.h"
#include "sim/engine/duration_text.h"

namespace dupsim {
namespace {

bool IsSpace(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

bool IsAlnum(char c) {
  return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

// Whitespace runs as one space, without leading or trailing space: one line of text.
std::string OneLine(std::string_view text) {
  std::string line;
  bool pending_space = false;
  for (const char c : text) {
    if (IsSpace(c)) {
      pending_space = !line.empty();
      continue;
    }
    if (pending_space) line += ' ';
    pending_space = false;
    line += c;
  }
  return line;
}

bool SameScenario(const RunResult& a, const RunResult& b) {
  return a.scenario == b.scenario && a.scenario_source == b.scenario_source;
}

// "12, 0.12% (0.069-0.21%)": a count with its rate and 95% interval.
std::string CountAndRate(std::uint64_t count, const RateEstimate& rate) {
  return std::to_string(count) + ", " + FormatRateWithInterval(rate);
}

std::string TimeToConfirmation(const RunResult& r) {
  if (r.confirmed_intents == 0) return "-";  // the percentiles are not times
  return DurationThreeDigitsBelowAMinute(r.time_to_confirmation_p50) + " / " +
         DurationThreeDigitsBelowAMinute(r.time_to_confirmation_p99);
}

// "prompts 200 (50 refused); peak keys held 10000; refunds 997, p50 36.0h after the charge;
// +1.2ms p50, -35ms p99 vs none": what the defence asked in return, as the table words it.
std::string Costs(const RunResult& r) {
  std::string text;
  for (const std::string& item : CostItems(r)) {
    if (!text.empty()) text += "; ";
    text += item;
  }
  return text.empty() ? "-" : text;
}

// "double_tap 899 (90%), client_retry 99 (10%)"
std::string RootCauses(const RunResult& r) {
  std::string text;
  for (std::size_t c = 0; c < kRootCauseCount; ++c) {
    const std::uint64_t n = r.duplicates_by_cause[c];
    if (n == 0) continue;
    const auto share = static_cast<int>(
        100.0 * static_cast<double>(n) / static_cast<double>(r.duplicate_charges) + 0.5);
    if (!text.empty()) text += ", ";
    text += std::string(RootCauseName(static_cast<RootCause>(c))) + ' ' + std::to_string(n) + " (" +
            std::to_string(share) + "%)";
  }
  return text;
}

void RenderRow(const std::vector<std::string>& cells, std::ostream& out) {
  out << '|';
  for (const std::string& cell : cells) out << ' ' << cell << " |";
  out << '\n';
}

void RenderScenario(const Report& report, const RunResult* begin, const RunResult* end,
                    std::ostream& out) {
  const RunResult& first = *begin;
  out << "### " << MarkdownText(first.scenario) << " ("
      << MarkdownCode(first.scenario_source, false) << ", seed " << first.seed;
  const bool same_intents =
      std::all_of(begin, end, [&](const RunResult& r) { return r.intents == first.intents; });
  if (same_intents) out << ", " << first.intents << " intents";
  out << ")\n\n";
  if (const ScenarioSummary* summary = report.SummaryOf(first)) {
    const std::string description = MarkdownText(summary->description);
    if (!description.empty()) out << description << "\n\n";
  }
  RenderRow({"strategy", "duplicates", "dup rate (95% CI)", "intents duplicated (95% CI)",
             "lost, rate (95% CI)", "false blocks, rate (95% CI)", "time to confirmation p50 / p99",
             "costs"},
            out);
  RenderRow({":---", "---:", "---:", "---:", "---:", "---:", "---:", ":---"}, out);
  for (const RunResult* r = begin; r != end; ++r) {
    RenderRow(
        {MarkdownCode(r->strategy_config, true), std::to_string(r->duplicate_charges),
         FormatRateWithInterval(r->duplicate_rate),
         CountAndRate(r->intents_with_duplicates, r->duplicated_intent_rate),
         CountAndRate(r->lost_payments, r->lost_payment_rate),
         CountAndRate(r->false_blocks, r->false_block_rate), TimeToConfirmation(*r), Costs(*r)},
        out);
  }
  out << '\n';
  if (std::none_of(begin, end, [](const RunResult& r) { return r.duplicate_charges > 0; })) {
    return;
  }
  out << "Root causes of the duplicates:\n\n";
  for (const RunResult* r = begin; r != end; ++r) {
    if (r->duplicate_charges == 0) continue;
    out << "- " << MarkdownCode(r->strategy_config, false) << ": " << MarkdownText(RootCauses(*r))
        << '\n';
  }
  out << '\n';
}

void RenderExpectation(const ExpectationResult& e, std::ostream& out) {
  out << "- " << VerdictMark(e.verdict) << ' ' << MarkdownText(ExpectationText(e)) << '\n';
}

// "### Failed" with only the expectations of that verdict, in (scenario, strategy) order;
// nothing when there are none.
void RenderVerdictSection(const CheckOutcome& check, Verdict verdict, std::string_view title,
                          std::ostream& out) {
  if (check.Count(verdict) == 0) return;
  out << "### " << title << "\n\n";
  for (const ExpectationResult& e : check.expectations) {
    if (e.verdict == verdict) RenderExpectation(e, out);
  }
  out << '\n';
}

// "99%", "99.5%"
std::string Percent(double fraction) {
  char text[32];
  std::snprintf(text, sizeof text, "%g%%", 100 * fraction);
  return text;
}

void RenderComparisons(const CheckOutcome& check, Change change, std::string_view title,
                       std::ostream& out) {
  if (check.Count(change) == 0) return;
  out << title << ":\n\n";
  for (const BaselineComparison& c : check.comparisons) {
    if (c.change != change) continue;
    out << "- " << ChangeMark(c.change) << ' ' << MarkdownText(ComparisonText(c)) << '\n';
  }
  out << '\n';
}

// Changed scenarios and those the baseline has no fingerprint for, in the terminal's words.
void RenderBaselineNotes(const CheckOutcome& check, std::ostream& out) {
  if (check.changed_scenarios.empty() && check.without_fingerprint.empty()) return;
  out << "Scenarios:\n\n";
  for (const ScenarioChange& c : check.changed_scenarios) {
    out << "- " << MarkdownText(ScenarioChangeText(c)) << '\n';
  }
  for (const std::string& scenario : check.without_fingerprint) {
    out << "- " << MarkdownText(NoFingerprintText(scenario)) << '\n';
  }
  out << '\n';
}

void RenderBaseline(const CheckOutcome& check, std::ostream& out) {
  if (check.baseline.empty()) return;
  out << "### Baseline (" << MarkdownCode(check.baseline, false) << ", confidence "
      << Percent(check.confidence) << ")\n\n";
  RenderComparisons(check, Change::kRegression, "Regressions", out);
  RenderComparisons(check, Change::kImprovement, "Improvements", out);
  const std::size_t unchanged = check.Count(Change::kNoChange);
  if (unchanged > 0) {
    out << unchanged << (unchanged == 1 ? " comparison shows" : " comparisons show")
        << " no significant change.\n\n";
  }
  if (!check.not_in_baseline.empty()) {
    out << "Not in the baseline:\n\n";
    for (const auto& [scenario, strategy] : check.not_in_baseline) {
      out << "- " << MarkdownText(RunName(scenario, strategy)) << '\n';
    }
    out << '\n';
  }
  RenderBaselineNotes(check, out);
}

void RenderCheck(const CheckOutcome& check, std::ostream& out) {
  out << "## dupsim check: " << MarkdownText(CheckSummaryText(check)) << "\n\n";
  RenderVerdictSection(check, Verdict::kFail, "Failed", out);
  RenderVerdictSection(check, Verdict::kInconclusive, "Inconclusive", out);
  const std::size_t n = check.expectations.size();
  if (n == 0) {
    out << "No expectations.\n\n";
  } else {
    // GitHub renders Markdown inside <details> when blank lines set it apart.
    out << "<details><summary>All " << n << (n == 1 ? " expectation" : " expectations")
        << "</summary>\n\n";
    for (const ExpectationResult& e : check.expectations) RenderExpectation(e, out);
    out << "\n</details>\n\n";
  }
  RenderBaseline(check, out);
}

}  // namespace

std::string MarkdownText(std::string_view text) {
  const std::string line = OneLine(text);
  std::string out;
  out.reserve(line.size() + line.size() / 8);
  for (std::size_t i = 0; i < line.size(); ++i) {
    const char c = line[i];
    bool escape = false;
    switch (c) {
      case '\\':
      case '`':
      case '*':
      case '[':
      case ']':
      case '<':
      case '>':
      case '|':
      case '~':
      case '&':
      case '$':
        escape = true;
        break;
      case '_':
        // Inside a word ("duplicate_rate") `_` never starts emphasis; at a word's edge it may.
        escape = i == 0 || i + 1 == line.size() || !IsAlnum(line[i - 1]) || !IsAlnum(line[i + 1]);
        break;
      case '#':
      case '-':
      case '+':
      case '=':
        escape = i == 0;  // would start a heading, a list or a rule
        break;
      case '.':
      case ')':
        // "1. " at the start would start an ordered list.
        escape = i > 0 && (i + 1 == line.size() || line[i + 1] == ' ') &&
                 std::all_of(line.begin(), line.begin() + static_cast<std::ptrdiff_t>(i),
                             [](char d) { return d >= '0' && d <= '9'; });
        break;
      default:
        break;
    }
    if (escape) out += '\\';
    out += c;
  }
  return out;
}

std::string MarkdownCode(std::string_view text, bool in_table) {
  const std::string line = OneLine(text);
  if (line.empty()) return "";
  std::size_t longest = 0;
  for (std::size_t i = 0, run = 0; i < line.size(); ++i) {
    run = line[i] == '`' ? run + 1 : 0;
    longest = std::max(longest, run);
  }
  const std::string fence(longest + 1, '`');
  // A span that starts or ends with a backtick needs a space to part it from the fence;
  // Markdown strips one space from each end again.
  const bool pad = line.front() == '`' || line.back() == '`';
  std::string out = fence;
  if (pad) out += ' ';
  for (const char c : line) {
    if (in_table && c == '|') out += '\\';
    out += c;
  }
  if (pad) out += ' ';
  out += fence;
  return out;
}

void MarkdownReport::Render(const Report& report, std::ostream& sink) const {
  // Each block ends with a blank line; the document with one newline.
  std::ostringstream out;
  if (report.check.checked) {
    RenderCheck(report.check, out);
  } else {
    out << "## dupsim run\n\n";
  }
  if (report.results.empty()) out << "No results.\n";
  const RunResult* const results = report.results.data();
  const std::size_t count = report.results.size();
  for (std::size_t begin = 0; begin < count;) {
    std::size_t end = begin + 1;
    while (end < count && SameScenario(results[begin], results[end])) ++end;
    RenderScenario(report, results + begin, results + end, out);
    begin = end;
  }
  std::string text = std::move(out).str();
  while (!text.empty() && text.back() == '\n') text.pop_back();
  sink << text << '\n';
}

}  // namespace dupsim
