// The payment API: admits each arriving charge request through the strategy,
// processes it (a processing-time draw), commits one charge to the ledger,
// triggers the confirmation notification and replies. Requests parked on a key
// that is still in flight are answered when that key's charge commits. First
// cut: one logical server with unlimited concurrency and no crashes.
#pragma once

#include <cstdint>
#include <vector>

#include "sim/dedup/strategy.h"
#include "sim/engine/distribution.h"
#include "sim/engine/simulator.h"
#include "sim/network/message.h"

namespace dupsim {

class ConfirmationChannel;
class IdempotencyStore;
class Ledger;
class NetworkLink;

struct PaymentServerOptions {
  DistributionPtr processing;  // from arrival to commit of an admitted request (required)
};

struct PaymentServerCounters {
  std::uint64_t requests = 0;
  std::uint64_t processed = 0;
  std::uint64_t parked = 0;    // waited for the first request with their key
  std::uint64_t replayed = 0;  // answered from the key store (at once or after waiting)
};

class PaymentServer final : public EventHandler {
 public:
  enum EventKind : std::uint32_t { kRequestArrived = 0, kProcessed = 1 };

  struct Parts {
    Strategy& strategy;
    IdempotencyStore& store;
    Ledger& ledger;
    ConfirmationChannel& confirmation;
  };

  PaymentServer(Simulator& sim, MessagePool& pool, PaymentServerOptions options,
                RandomStream stream, std::uint32_t intents, Parts parts);

  void ConnectResponseLink(NetworkLink* link) { response_link_ = link; }
  HandlerId handler_id() const { return self_; }

  void Handle(const Event& event) override;

  const PaymentServerCounters& counters() const { return counters_; }

 private:
  void OnRequest(Slot message);
  void OnProcessed(Slot message);
  void Reply(Slot message, bool replayed);

  Simulator& sim_;
  HandlerId self_;
  MessagePool& pool_;
  PaymentServerOptions options_;
  std::vector<RandomStream> per_intent_;
  Parts parts_;
  NetworkLink* response_link_ = nullptr;
  PaymentServerCounters counters_;
};

}  // namespace dupsim
