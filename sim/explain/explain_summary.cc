#include "sim/explain/explain_summary.h"

#include "reports/percent_format.h"
#include "sim/engine/duration_text.h"

namespace dupsim {
namespace {

std::string_view CauseText(RootCause cause, const ExplainText& text) {
  return text.cause[static_cast<std::size_t>(cause)];
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
         comparable ? SignedDurationMillisOneDecimal(
                          row.run.time_to_confirmation_p50 - explained.time_to_confirmation_p50,
                          text.extra_time_unit)
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
