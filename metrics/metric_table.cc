#include "metrics/metric_table.h"

#include <array>

namespace dupsim {
namespace {

using K = MetricKind;
using S = MetricSide;
using P = MetricPresence;
using R = RunResult;

// In JSON key order (reports/README.md: new fields come last), with explicit CSV positions
// because the CSV's columns were added in an order of their own.
// clang-format off
const MetricRow kRows[] = {
    // name                             kind          field                    side        presence
    {"scenario",                        K::kText,     &R::scenario,            S::kNeutral, P::kAlways, false, 0},
    {"source",                          K::kText,     &R::scenario_source,     S::kNeutral, P::kAlways, false, 1},
    {"strategy",                        K::kText,     &R::strategy,            S::kNeutral, P::kAlways, false, 2},
    {"strategy_config",                 K::kText,     &R::strategy_config,     S::kNeutral, P::kAlways, false, 3},
    {"seed",                            K::kCount,    &R::seed,                S::kNeutral, P::kAlways, false, 4},
    {"intents",                         K::kCount,    &R::intents,             S::kNeutral, P::kAlways, false, 5},
    {"charges",                         K::kCount,    &R::charges,             S::kNeutral, P::kAlways, false, 6},
    {"charged_amount",                  K::kMoney,    &R::charged_amount,      S::kNeutral, P::kAlways, false, 14},
    {"duplicate_charges",               K::kCount,    &R::duplicate_charges,   S::kCost,    P::kAlways, false, 7},
    {"duplicate_amount",                K::kMoney,    &R::duplicate_amount,    S::kCost,    P::kAlways, false, 15},
    {"duplicate_square_sum",            K::kSquareSum, {},                     S::kNeutral, P::kAlways, true,  31},
    {"duplicate_rate",                  K::kRate,     &R::duplicate_rate,      S::kCost,    P::kAlways, false, 8,
     {}, &R::duplicate_charges, true},
    {"intents_with_duplicates",         K::kCount,    &R::intents_with_duplicates, S::kCost, P::kAlways, false, 29},
    {"duplicated_intent_rate",          K::kRate,     &R::duplicated_intent_rate, S::kCost, P::kAlways, false, 30,
     {}, &R::intents_with_duplicates},
    {"duplicates_by_cause",             K::kCauseCounts, {},                   S::kCost,    P::kAlways, false, 13},
    {"lost_payments",                   K::kCount,    &R::lost_payments,       S::kCost,    P::kAlways, false, 9},
    {"lost_payment_rate",               K::kRate,     &R::lost_payment_rate,   S::kCost,    P::kAlways, false, 10,
     {}, &R::lost_payments},
    {"false_blocks",                    K::kCount,    &R::false_blocks,        S::kCost,    P::kAlways, false, 11},
    {"false_block_rate",                K::kRate,     &R::false_block_rate,    S::kCost,    P::kAlways, false, 12,
     {}, &R::false_blocks},
    {"taps",                            K::kCount,    &R::taps,                S::kNeutral},
    {"taps_swallowed",                  K::kCount,    &R::taps_swallowed,      S::kNeutral},
    {"pay_agains",                      K::kCount,    &R::pay_agains,          S::kNeutral},
    {"attempts",                        K::kCount,    &R::attempts,            S::kNeutral},
    {"timeouts",                        K::kCount,    &R::timeouts,            S::kNeutral},
    {"replayed_responses",              K::kCount,    &R::replayed_responses,  S::kNeutral},
    {"requests_rejected",               K::kCount,    &R::requests_rejected,   S::kNeutral},
    {"requests_declined",               K::kCount,    &R::requests_declined,   S::kNeutral},
    {"server_crashes",                  K::kCount,    &R::server_crashes,      S::kNeutral},
    {"requests_killed",                 K::kCount,    &R::requests_killed,     S::kNeutral},
    {"proxy_retries",                   K::kCount,    &R::proxy_retries,       S::kNeutral},
    {"gateway_timeouts",                K::kCount,    &R::gateway_timeouts,    S::kNeutral},
    {"queue_redeliveries",              K::kCount,    &R::queue_redeliveries,  S::kNeutral},
    {"notifications_redelivered",       K::kCount,    &R::notifications_redelivered, S::kNeutral},
    {"confirmed_intents",               K::kCount,    &R::confirmed_intents,   S::kBenefit},
    {"time_to_confirmation_p50",        K::kDuration, &R::time_to_confirmation_p50, S::kCost, P::kWhenConfirmed, false, 18},
    {"time_to_confirmation_p99",        K::kDuration, &R::time_to_confirmation_p99, S::kCost, P::kWhenConfirmed, false, 19},
    {"events",                          K::kCount,    &R::events,              S::kNeutral, P::kAlways, false, 28},
    {"virtual_end",                     K::kDuration, &R::virtual_end,         S::kNeutral},
    {"legitimate_repeats",              K::kCount,    &R::legitimate_repeats,  S::kNeutral},
    {"status_queries",                  K::kCount,    &R::status_queries,      S::kNeutral},
    {"fraud_payments",                  K::kCount,    &R::fraud_payments,      S::kCost},
    {"refunded_duplicates",             K::kCount,    &R::refunded_duplicates, S::kBenefit, P::kAlways, false, 16},
    {"refunded_amount",                 K::kMoney,    &R::refunded_amount,     S::kBenefit, P::kAlways, false, 17},
    {"time_to_refund_p50",              K::kDuration, &R::time_to_refund_p50,  S::kCost},
    {"time_to_refund_p99",              K::kDuration, &R::time_to_refund_p99,  S::kCost},
    {"money_hours_held",                K::kNumber,   &R::money_hours_held,    S::kCost},
    {"support_contacts",                K::kCount,    &R::support_contacts,    S::kCost},
    {"prompts_shown",                   K::kCount,    &R::prompts_shown,       S::kCost,    P::kAlways, false, 22},
    {"prompts_refused",                 K::kCount,    &R::prompts_refused,     S::kCost,    P::kAlways, false, 23},
    {"taps_blocked",                    K::kCount,    &R::taps_blocked,        S::kCost,    P::kAlways, false, 24, "taps blocked"},
    {"conflicts",                       K::kCount,    &R::conflicts,           S::kCost,    P::kAlways, false, 25, "409 answers"},
    {"inbox_skips",                     K::kCount,    &R::inbox_skips,         S::kCost,    P::kAlways, false, 26, "inbox skips"},
    {"duplicate_notifications_handled", K::kCount,    &R::duplicate_notifications_handled, S::kCost},
    {"peak_keys_held",                  K::kCount,    &R::peak_keys_held,      S::kCost,    P::kAlways, false, 27, "peak keys held"},
    {"extra_time_to_confirmation_p50",  K::kDuration, &R::extra_time_to_confirmation_p50, S::kCost, P::kWhenBaseline, false, 20},
    {"extra_time_to_confirmation_p99",  K::kDuration, &R::extra_time_to_confirmation_p99, S::kCost, P::kWhenBaseline, false, 21},
    {"time_to_confirmation_percentiles", K::kDurationPercentiles, {},          S::kNeutral},
    {"retries",                         K::kCount,    &R::retries,             S::kNeutral, P::kAlways, true},
    {"idle_mechanisms",                 K::kIdleMechanisms, {},                S::kNeutral, P::kAlways, true},
    {"scenario_fingerprint",            K::kScenarioFingerprint, {},           S::kNeutral, P::kAlways, true},
    {"scenario_parameters",             K::kScenarioParameters, {},            S::kNeutral, P::kAlways, true},
};
// clang-format on

}  // namespace

std::span<const MetricRow> MetricTable() {
  return kRows;
}

const MetricRow* FindMetric(std::string_view name) {
  for (const MetricRow& row : kRows) {
    if (row.name == name) return &row;
  }
  return nullptr;
}

std::string JsonKeyOf(const MetricRow& row) {
  std::string key(row.name);
  if (row.kind == MetricKind::kDuration || row.kind == MetricKind::kDurationPercentiles) {
    key += "_us";
  }
  return key;
}

bool IsPresent(const MetricRow& row, const RunResult& r) {
  switch (row.presence) {
    case MetricPresence::kAlways:
      return true;
    case MetricPresence::kWhenConfirmed:
      return r.confirmed_intents > 0;
    case MetricPresence::kWhenBaseline:
      return r.has_baseline;
  }
  return true;
}

}  // namespace dupsim
