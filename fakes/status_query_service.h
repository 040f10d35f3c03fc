// "Did my payment go through?": the transaction-history screen, or the app
// asking the payment provider for a payment's status. Whoever asks (a user
// before paying again; later, a client strategy before retrying) gets one of
// three answers after a latency draw: charged, not found, or no answer (the
// query failed or timed out). The ledger is read when the answer is given, so
// a charge committed while the query was under way is seen.
//
// Deliberately simpler than a charge request: no network links, no server
// queue; one latency distribution covers the round trip and one probability
// every way it can fail. A status read from a lagging replica (`stale_by`) does
// not yet see a charge committed less than that long before the answer: "not
// found" for a payment that went through, the stale read that makes a careful
// retry charge twice. Each query draws twice (failure, then latency) from a
// stream derived from (intent, asker, tag), so the same question gets the same
// fate under every strategy, whatever else was asked before.
#pragma once

#include <cstdint>
#include <vector>

#include "fakes/charge_listener.h"
#include "sim/engine/distribution.h"
#include "sim/engine/random_stream.h"
#include "sim/engine/scheduler.h"
#include "sim/model/ids.h"
#include "sim/model/payment_status.h"

namespace dupsim {

class Ledger;

struct StatusQueryOptions {
  DistributionPtr latency;           // from asking to the answer (required when queries are made)
  double failure_probability = 0.0;  // the query errors or times out: the asker learns nothing
  Time stale_by = 0;                 // the answer reflects the ledger as it was this long before
};

class StatusQueryListener {
 public:
  // The answer to Ask(asker, intent, tag).
  virtual void OnPaymentStatus(IntentId intent, std::uint32_t tag, PaymentStatus status) = 0;

 protected:
  ~StatusQueryListener() = default;
};

struct StatusQueryCounters {
  std::uint64_t asked = 0;
  std::uint64_t failed = 0;
  std::uint64_t found_charged = 0;
};

class StatusQueryService final : public EventHandler, public ChargeListener {
 public:
  using AskerId = std::uint32_t;

  StatusQueryService(Scheduler& sim, StatusQueryOptions options, RandomStream stream,
                     const Ledger& ledger);

  // Wiring, before the run: who may ask. The id names the asker in Ask.
  AskerId AddAsker(StatusQueryListener* listener);

  // Asks for `intent`'s status; the answer goes to the asker's listener. `tag` comes back
  // with it and tells apart an asker's questions about one intent (e.g. the checkout page).
  // Precondition: options().latency is set.
  void Ask(AskerId asker, IntentId intent, std::uint32_t tag);

  void Handle(const Event& event) override;
  // Only with stale_by > 0, wired to the ledger: when each intent was first charged.
  void OnCharged(IntentId intent, std::uint32_t ordinal, Money amount) override;

  const StatusQueryOptions& options() const { return options_; }
  const StatusQueryCounters& counters() const { return counters_; }

 private:
  Scheduler& sim_;
  HandlerId self_;
  StatusQueryOptions options_;
  RandomStream stream_;
  const Ledger& ledger_;
  std::vector<StatusQueryListener*> askers_;
  std::vector<Time> first_charged_at_;  // per intent, only with stale_by > 0; -1: not yet
  StatusQueryCounters counters_;
};

}  // namespace dupsim
