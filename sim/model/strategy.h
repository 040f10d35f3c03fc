// The interface every anti-duplicate strategy implements: a strategy acts on one
// or more layers of the payment, where real systems defend, and says which:
//  - the app (AppLayer: a tap's fate, the key scheme, a review screen, status queries);
//  - the server (ServerLayer: a request's admission, with the key store);
//  - the consumers behind it (ConsumerLayer: idempotent inboxes);
//  - after the fact (AfterTheFactLayer: reconciliation and refunds).
// A layer the strategy leaves alone is nullptr (app, server) or an empty setup
// (consumers, after the fact), so each party asks only its own layer, and a stack
// of strategies runs each layer's hooks only through the layers that have them.
//
// A fresh instance is made for every run (sim/dedup/strategy_registry.h), so a
// strategy may keep per-run state; hooks are called on the simulation's single
// thread, in time order.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>

#include "sim/engine/virtual_time.h"
#include "sim/model/app_defence.h"
#include "sim/model/key_store.h"
#include "sim/model/server_defence.h"

namespace dupsim {

// The consumers (the ledger writer, the notification handler): record every message id in an
// inbox atomically with the message's effect, and skip ids already there (inbox_dedup).
struct ConsumerSetup {
  std::optional<Time>
      inbox_retention;  // how long an id is kept (kNoExpiry: forever); none: no inbox
};

// After the fact: run the reconciliation job (with the scenario's settings, or the defaults)
// even when the scenario does not (reconcile_and_refund).
struct AfterTheFactSetup {
  bool reconciliation = false;
};

class Strategy {
 public:
  virtual ~Strategy() = default;

  // "client_debounce(window=1s)": the name and every parameter's value, defaults included.
  virtual std::string Describe() const = 0;

  // The strategy's hooks on each layer; the pointers stay valid for the instance's life.
  virtual AppDefence* AppLayer() { return nullptr; }
  virtual ServerDefence* ServerLayer() { return nullptr; }
  // Asked once per run.
  virtual ConsumerSetup ConsumerLayer() const { return {}; }
  virtual AfterTheFactSetup AfterTheFactLayer() const { return {}; }

  // Dedup entries the strategy keeps in tables of its own (not the key store) at their
  // peak, for the cost report; asked after the run.
  virtual std::uint64_t PeakEntriesHeld() const { return 0; }

  // Bytes per payer of the strategy's tables indexed by payer (payers are intent ids, so
  // they grow to the run's size), for the run's memory estimate (sim/run/memory_estimate.h).
  virtual std::size_t BytesPerPayer() const { return 0; }
};

// A strategy's app setup, the default one when it leaves the app alone.
inline AppSetup AppSetupOf(Strategy& strategy) {
  const AppDefence* app = strategy.AppLayer();
  return app ? app->Setup() : AppSetup{};
}

// Whether the strategy claims keys in the server's key store.
inline bool UsesKeyStore(Strategy& strategy) {
  const ServerDefence* server = strategy.ServerLayer();
  return server && server->UsesKeyStore();
}

}  // namespace dupsim
