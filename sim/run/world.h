// One simulated world: every party of one scenario wired together around one
// simulator, under one strategy. Built, run once, then read for its RunResult.
//
//   IntentSource -> User -> ClientApp -> request NetworkLink -> PaymentServer
//        PaymentServer -> Ledger, IdempotencyStore, ConfirmationChannel -> User
//        PaymentServer -> response NetworkLink -> ClientApp -> User
//
// Every party draws from its own stream, named below, derived from the seed.
#pragma once

#include <atomic>
#include <memory>

#include "fakes/client_app.h"
#include "fakes/confirmation_channel.h"
#include "fakes/idempotency_store.h"
#include "fakes/intent_catalog.h"
#include "fakes/intent_source.h"
#include "fakes/ledger.h"
#include "fakes/ledger_writer_queue.h"
#include "fakes/load_balancer.h"
#include "fakes/payment_server.h"
#include "fakes/reconciler.h"
#include "fakes/status_query_service.h"
#include "fakes/support_desk.h"
#include "fakes/user.h"
#include "metrics/run_result.h"
#include "sim/engine/simulator.h"
#include "sim/network/network_link.h"
#include "sim/scenario/scenario.h"

namespace dupsim {

class World {
 public:
  // Precondition: the scenario passed the loader's validation (1 <= intents < 2^32, every
  // distribution set).
  World(const Scenario& scenario, const ConfiguredStrategy& strategy);
  World(const World&) = delete;
  World& operator=(const World&) = delete;

  // Runs until no event is pending; call once. `intents_started`, if set, counts the intents
  // as they start, for a progress line on another thread.
  RunResult Run(std::atomic<std::uint64_t>* intents_started = nullptr);

  // Before Run: every party reports its steps to `sink` (sim/model/trace_event.h).
  void SetTraceSink(TraceSink* sink) { sim_.SetTraceSink(sink); }

  const Ledger& ledger() const { return ledger_; }
  const User& user() const { return user_; }

 private:
  // Copies the parties' counters, as the run left them, into `r`.
  void FillCounters(RunResult& r) const;

  const Scenario& scenario_;
  const ConfiguredStrategy& configured_;
  std::uint32_t intents_;
  Simulator sim_;
  MessagePool pool_;
  std::unique_ptr<Strategy> strategy_;
  IntentCatalog catalog_;
  IdempotencyStore store_;
  Ledger ledger_;
  StatusQueryService status_queries_;
  ClientApp client_;
  User user_;
  ConfirmationChannel confirmation_;
  LedgerWriterQueue ledger_queue_;
  PaymentServer server_;
  NetworkLink response_link_;
  std::unique_ptr<LoadBalancer> balancer_;  // only when the scenario has one
  NetworkLink request_link_;
  IntentSource source_;
  Reconciler reconciler_;  // hears every charge from the ledger; refunds only when enabled
  SupportDesk support_;
};

}  // namespace dupsim
