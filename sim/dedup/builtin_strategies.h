// The built-in strategies, one factory function per file in this folder.
#pragma once

#include "sim/dedup/strategy_registry.h"

namespace dupsim {

StrategyInfo NoDedupStrategy();                   // no_dedup.cc
StrategyInfo ClientDebounceStrategy();            // client_debounce.cc
StrategyInfo IdempotencyKeyStrategy();            // idempotency_key.cc
StrategyInfo IdempotencyKeyPerAttemptStrategy();  // idempotency_key_per_attempt.cc
StrategyInfo DisableUntilResponseStrategy();      // disable_until_response.cc
StrategyInfo FingerprintWindowStrategy();         // fingerprint_window.cc
StrategyInfo OrderIdStrategy();                   // order_id.cc
StrategyInfo ReconcileAndRefundStrategy();        // reconcile_and_refund.cc
StrategyInfo QueryBeforeRetryStrategy();          // query_before_retry.cc
StrategyInfo ConfirmOnRepeatStrategy();           // confirm_on_repeat.cc
StrategyInfo TwoStepConfirmationStrategy();       // two_step_confirmation.cc
StrategyInfo InboxDedupStrategy();                // inbox_dedup.cc
StrategyInfo RiskScoreStrategy();                 // risk_score.cc

}  // namespace dupsim
