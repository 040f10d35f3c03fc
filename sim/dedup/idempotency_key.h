// The server-side key dedup shared by `idempotency_key` and its buggy sibling
// `idempotency_key_per_attempt`: claims on arrival, waits for or replays the
// first result, and the key-store options (ttl, claim, store) that say how
// real stores still let repeats through, and what a request whose key's first
// request is still in flight gets (in_flight).
#pragma once

#include <string>

#include "sim/input/strategy_params.h"
#include "sim/model/key_store.h"
#include "sim/model/strategy.h"

namespace dupsim {

// A request arriving while its key's first request is still in flight.
enum class InFlight {
  kWait,     // parked until the first commits, then answered alike
  kReject,   // 409 Conflict at once: the app retries later (Stripe's concurrent-request answer)
  kProcess,  // charged too: a store that marks keys only at commit (concurrent_in_flight)
};

struct KeyDedupOptions {
  ClaimPolicy policy;
  InFlight in_flight = InFlight::kWait;
};

class IdempotencyKeyDedup : public Strategy, public ServerDefence {
 public:
  // `name` heads Describe(): "idempotency_key(ttl=24h)".
  IdempotencyKeyDedup(std::string name, KeyDedupOptions options)
      : name_(std::move(name)), policy_(options.policy), in_flight_(options.in_flight) {}

  std::string Describe() const override;
  ServerDefence* ServerLayer() override { return this; }
  bool UsesKeyStore() const override { return true; }
  AdmissionDecision AdmitRequest(const ChargeRequestView& request, KeyStore& store) override;
  void OnCommitted(const ChargeRequestView& request, KeyStore& store) override;
  // Whatever the claim mode, it rolls back with a charge that never happened.
  void OnAbandoned(const ChargeRequestView& request, KeyStore& store) override;

 private:
  std::string name_;
  ClaimPolicy policy_;
  InFlight in_flight_;
};

// Reads ttl, claim, race_window, store, replication_lag and in_flight (InputError on bad
// ones).
KeyDedupOptions ReadKeyDedupOptions(StrategyParams& params);

}  // namespace dupsim
