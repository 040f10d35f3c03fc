// The built-in strategy names as "unknown strategy" errors list them, in one place so a new
// strategy changes one line of the tests.
#pragma once

#include <string>

namespace dupsim::testing {

inline const std::string kKnownStrategies =
    "client_debounce, confirm_on_repeat, disable_until_response, fingerprint_window, "
    "idempotency_key, idempotency_key_per_attempt, inbox_dedup, none, order_id, "
    "query_before_retry, reconcile_and_refund, risk_score, two_step_confirmation";

}  // namespace dupsim::testing
