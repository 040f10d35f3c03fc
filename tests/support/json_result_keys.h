// The documented key order of one entry of the JSON report's "results" array
// (reports/README.md). Tests of the renderer and of the CLI both check it.
#pragma once

#include <string>
#include <vector>

namespace dupsim::testing {

inline const std::vector<std::string>& JsonResultKeys() {
  static const std::vector<std::string> keys = {"scenario",
                                                "source",
                                                "strategy",
                                                "strategy_config",
                                                "seed",
                                                "intents",
                                                "charges",
                                                "charged_amount",
                                                "duplicate_charges",
                                                "duplicate_amount",
                                                "duplicate_square_sum",
                                                "duplicate_rate",
                                                "duplicate_rate_ci95",
                                                "intents_with_duplicates",
                                                "duplicated_intent_rate",
                                                "duplicated_intent_rate_ci95",
                                                "duplicates_by_cause",
                                                "lost_payments",
                                                "lost_payment_rate",
                                                "lost_payment_rate_ci95",
                                                "false_blocks",
                                                "false_block_rate",
                                                "false_block_rate_ci95",
                                                "taps",
                                                "taps_swallowed",
                                                "pay_agains",
                                                "attempts",
                                                "timeouts",
                                                "replayed_responses",
                                                "requests_rejected",
                                                "requests_declined",
                                                "server_crashes",
                                                "requests_killed",
                                                "proxy_retries",
                                                "gateway_timeouts",
                                                "queue_redeliveries",
                                                "notifications_redelivered",
                                                "confirmed_intents",
                                                "time_to_confirmation_p50_us",
                                                "time_to_confirmation_p99_us",
                                                "events",
                                                "virtual_end_us",
                                                "legitimate_repeats",
                                                "status_queries",
                                                "fraud_payments",
                                                "refunded_duplicates",
                                                "refunded_amount",
                                                "time_to_refund_p50_us",
                                                "time_to_refund_p99_us",
                                                "money_hours_held",
                                                "support_contacts",
                                                "prompts_shown",
                                                "prompts_refused",
                                                "taps_blocked",
                                                "conflicts",
                                                "inbox_skips",
                                                "duplicate_notifications_handled",
                                                "peak_keys_held",
                                                "extra_time_to_confirmation_p50_us",
                                                "extra_time_to_confirmation_p99_us",
                                                "time_to_confirmation_percentiles_us",
                                                "retries",
                                                "idle_mechanisms",
                                                "scenario_fingerprint",
                                                "scenario_parameters"};
  return keys;
}

}  // namespace dupsim::testing
