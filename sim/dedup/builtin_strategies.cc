#include "sim/dedup/builtin_strategies.h"

namespace dupsim {

void RegisterBuiltinStrategies(StrategyRegistry& registry) {
  registry.Add(NoDedupStrategy());
  registry.Add(ClientDebounceStrategy());
  registry.Add(IdempotencyKeyStrategy());
  registry.Add(IdempotencyKeyPerAttemptStrategy());
  registry.Add(DisableUntilResponseStrategy());
  registry.Add(FingerprintWindowStrategy());
  registry.Add(OrderIdStrategy());
  registry.Add(ReconcileAndRefundStrategy());
  registry.Add(QueryBeforeRetryStrategy());
  registry.Add(ConfirmOnRepeatStrategy());
  registry.Add(TwoStepConfirmationStrategy());
  registry.Add(InboxDedupStrategy());
  registry.Add(RiskScoreStrategy());
}

}  // namespace dupsim
