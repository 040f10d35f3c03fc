// The server-side key dedup shared by `idempotency_key` and its buggy sibling
// `idempotency_key_per_attempt`: claims on arrival, waits for or replays the
// first result, and the key-store options (ttl, claim, store) that say how
// real stores still let repeats through.
#pragma once

#include <string>

#include "fakes/idempotency_store.h"
#include "sim/dedup/strategy.h"
#include "sim/input/strategy_params.h"

namespace dupsim {

class IdempotencyKeyDedup : public Strategy {
 public:
  // `name` heads Describe(): "idempotency_key(ttl=24h)".
  IdempotencyKeyDedup(std::string name, IdempotencyStore::ClaimPolicy policy)
      : name_(std::move(name)), policy_(policy) {}

  std::string Describe() const override;
  AdmissionDecision AdmitRequest(const ChargeRequestView& request,
                                 IdempotencyStore& store) override;
  void OnCommitted(const ChargeRequestView& request, IdempotencyStore& store) override;
  // Whatever the claim mode, it rolls back with a charge that never happened.
  void OnAbandoned(const ChargeRequestView& request, IdempotencyStore& store) override;

 private:
  std::string name_;
  IdempotencyStore::ClaimPolicy policy_;
};

// Reads ttl, claim, race_window, store and replication_lag (InputError on bad ones).
IdempotencyStore::ClaimPolicy ReadClaimPolicy(StrategyParams& params);

}  // namespace dupsim
