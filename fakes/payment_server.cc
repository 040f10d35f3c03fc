#include "fakes/payment_server.h"

#include <cassert>

#include "fakes/confirmation_channel.h"
#include "fakes/idempotency_store.h"
#include "fakes/ledger.h"
#include "sim/network/network_link.h"

namespace dupsim {

PaymentServer::PaymentServer(Simulator& sim, MessagePool& pool, PaymentServerOptions options,
                             RandomStream stream, std::uint32_t intents, Parts parts)
    : sim_(sim),
      self_(sim.Register(this)),
      pool_(pool),
      options_(std::move(options)),
      parts_(parts) {
  assert(options_.processing);
  per_intent_.reserve(intents);
  for (std::uint32_t i = 0; i < intents; ++i) per_intent_.push_back(stream.Derive(i));
}

void PaymentServer::Handle(const Event& event) {
  const auto slot = static_cast<Slot>(event.payload);
  switch (event.kind) {
    case kRequestArrived:
      OnRequest(slot);
      return;
    case kProcessed:
      OnProcessed(slot);
      return;
  }
  assert(false && "unknown server event");
}

void PaymentServer::OnRequest(Slot m) {
  ++counters_.requests;
  Message& msg = pool_[m];
  const ChargeRequestView view{msg.intent, msg.key, sim_.Now()};
  const AdmissionDecision decision = parts_.strategy.AdmitRequest(view, parts_.store);
  msg.dedup_miss = decision.miss;
  switch (decision.action) {
    case Admission::kProcess: {
      const Time processing = options_.processing->Sample(per_intent_[msg.intent]);
      sim_.Schedule(processing, self_, kProcessed, m);
      return;
    }
    case Admission::kWaitForFirst:
      ++counters_.parked;
      msg.next_waiter = parts_.store.ExchangeWaiterHead(msg.key, m);
      return;
    case Admission::kReplayFirst:
      Reply(m, true);
      return;
  }
}

void PaymentServer::OnProcessed(Slot m) {
  ++counters_.processed;
  const Message msg = pool_[m];
  parts_.ledger.Commit(
      msg.intent,
      ChargeOrigin{msg.checkout, msg.tap, msg.attempt, msg.network_copy, msg.dedup_miss},
      msg.amount);
  const ChargeRequestView view{msg.intent, msg.key, sim_.Now()};
  parts_.strategy.OnCommitted(view, parts_.store);
  parts_.confirmation.Notify(msg.intent);
  Reply(m, false);
  if (msg.key == 0) return;
  // Everyone who waited on this key gets the first request's result.
  Slot w = parts_.store.ExchangeWaiterHead(msg.key, kNoSlot);
  while (w != kNoSlot) {
    const Slot next = pool_[w].next_waiter;
    Reply(w, true);
    w = next;
  }
}

void PaymentServer::Reply(Slot m, bool replayed) {
  assert(response_link_ != nullptr);
  if (replayed) ++counters_.replayed;
  Message& msg = pool_[m];
  msg.kind = MessageKind::kChargeResponse;
  msg.replayed = replayed;
  msg.next_waiter = kNoSlot;
  response_link_->Send(m);
}

}  // namespace dupsim
