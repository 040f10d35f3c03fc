#include "sim/explain/explain_summary.h"

#include <cmath>
#include <cstdio>

#include "reports/percent_format.h"

namespace dupsim {
namespace {

std::string_view CauseText(RootCause cause, const ExplainText& text) {
  return text.cause[static_cast<std::size_t>(cause)];
}

// "+0.1ms", "-13.8ms": as the run report's cost lines write extra time to confirmation, with
// the language's unit.
std::string SignedMilliseconds(Time t, const ExplainText& text) {
  char out[32];
  const double ms = static_cast<double>(t) / kMillisecond;
  // What rounds to 0.0 is no difference: "+0.0", never "-0.0".
  std::snprintf(out, sizeof out, "%+.1f", std::abs(ms) < 0.05 ? 0.0 : ms);
  return Fill(text.extra_time, {{"n", out}});
}

std::string ThisIntent(const CounterfactualRow& row, const ExplainText& text) {
  std::string cell = Fill(text.charged_times, {{"n", std::to_string(row.charges)}});
  if (row.refunds > 0) cell += Fill(text.refunded_some, {{"n", std::to_string(row.refunds)}});
  return cell;
}

std::string_view VerdictOf(const CounterfactualRow& row, const ExplainText& text) {
  if (row.explained) return text.verdict_explained;
  if (row.charges == 0) return text.verdict_never_charged;
  return row.Prevented() ? text.verdict_prevented : text.verdict_not_prevented;
}

}  // namespace

std::string ExplainTitle(const Explanation& e, const ExplainText& text) {
  return Fill(text.title, {{"scenario", e.scenario},
                           {"strategy", StrategyShown(e.strategy, text)},
                           {"intent", std::to_string(e.intent)},
                           {"charges", std::to_string(e.Charges())},
                           {"cause", std::string(CauseText(e.cause, text))}});
}

std::string ExplainSubtitle(const Explanation& e, const ExplainText& text) {
  return Fill(e.cause_filter ? text.subtitle_cause : text.subtitle,
              {{"seed", std::to_string(e.seed)},
               {"intents", std::to_string(e.intents)},
               {"nth", std::to_string(e.nth)},
               {"count", std::to_string(e.candidates)},
               {"cause", std::string(CauseText(e.cause, text))}});
}

CounterfactualTable MakeCounterfactualTable(const Explanation& e, const ExplainText& text) {
  CounterfactualTable table;
  table.headings = {std::string(text.column_strategy),     std::string(text.column_this_intent),
                    std::string(text.column_prevented),    std::string(text.column_dup_rate),
                    std::string(text.column_false_blocks), std::string(text.column_prompts),
                    std::string(text.column_extra_p50)};
  const RunResult& explained = e.counterfactual.front().run;
  for (const CounterfactualRow& row : e.counterfactual) {
    // Percentiles over no confirmed intent are 0 by convention, not a time: no comparison.
    const bool comparable = row.run.confirmed_intents > 0 && explained.confirmed_intents > 0;
    table.rows.push_back(
        {StrategyShown(row.strategy, text), ThisIntent(row, text),
         std::string(VerdictOf(row, text)), FormatRate(row.run.duplicate_rate),
         std::to_string(row.run.false_blocks), std::to_string(row.run.prompts_shown),
         comparable
             ? SignedMilliseconds(
                   row.run.time_to_confirmation_p50 - explained.time_to_confirmation_p50, text)
             : std::string(text.absent)});
    table.prevented.push_back(!row.explained && row.charges == 1);
    table.explained.push_back(row.explained);
  }
  return table;
}

bool NumericColumn(std::size_t column) {
  return column >= 3;
}

}  // namespace dupsim
