#include "fakes/ledger_writer_queue.h"

#include <cassert>

#include "fakes/confirmation_channel.h"
#include "fakes/ledger.h"
#include "sim/model/trace_detail_fields.h"
#include "sim/model/trace_event.h"

namespace dupsim {

LedgerWriterQueue::LedgerWriterQueue(Scheduler& sim, LedgerQueueOptions options,
                                     RandomStream stream, std::uint32_t intents, Ledger& ledger,
                                     ConfirmationChannel& confirmation)
    : sim_(sim),
      self_(sim.Register(this)),
      options_(std::move(options)),
      ledger_(ledger),
      confirmation_(confirmation) {
  if (!options_.enabled) return;  // nothing to draw, nothing to hold
  assert(options_.write_delay);
  assert(options_.max_deliveries >= 1 && options_.max_deliveries <= 255);
  per_intent_.reserve(intents);
  for (std::uint32_t i = 0; i < intents; ++i) per_intent_.push_back(stream.Derive(i));
  commands_.Reserve(1024);
}

void LedgerWriterQueue::Enqueue(IntentId intent, const ChargeOrigin& origin, Money amount) {
  assert(options_.enabled);
  ++counters_.enqueued;
  const Slot c = commands_.Alloc();
  commands_[c] = Command{intent, origin, amount};
  commands_[c].origin.delivery = 1;
  sim_.Schedule(options_.write_delay->Sample(per_intent_[intent]), self_, 0, c);
}

void LedgerWriterQueue::UseInbox(Time retention) {
  inbox_.emplace(retention);
  inbox_retention_ = retention;
}

void LedgerWriterQueue::Handle(const Event& event) {
  Deliver(static_cast<Slot>(event.payload));
}

void LedgerWriterQueue::Deliver(Slot c) {
  Command& command = commands_[c];
  ++counters_.deliveries;
  if (command.origin.delivery > 1) ++counters_.redeliveries;
  if (inbox_ && command.written_at >= 0 &&
      (inbox_retention_ == HeldEntries::kForever ||
       sim_.Now() < command.written_at + inbox_retention_)) {
    // Written before, and the id is still in the inbox: ack without writing.
    Trace(sim_, Lane::kLedger, Lane::kLedger, TraceKind::kQueueWrite, command.intent,
          command.origin.checkout, command.origin.tap, command.origin.attempt,
          DeliveryDetail{command.origin.delivery, true}.Pack());
    ++counters_.inbox_skips;
    commands_.Free(c);
    return;
  }
  if (inbox_) {  // a first write, or one whose id the inbox has forgotten
    command.written_at = sim_.Now();
    inbox_->Add(sim_.Now());
  }
  const ChargedDetail charge = ledger_.Commit(command.intent, command.origin, command.amount);
  Trace(sim_, Lane::kLedger, Lane::kLedger, TraceKind::kQueueWrite, command.intent,
        command.origin.checkout, command.origin.tap, command.origin.attempt,
        DeliveryDetail{command.origin.delivery, false}.Pack());
  Trace(sim_, Lane::kLedger, Lane::kLedger, TraceKind::kCharged, command.intent,
        command.origin.checkout, command.origin.tap, command.origin.attempt, charge.Pack());
  confirmation_.Notify(command.intent);
  RandomStream& rng = per_intent_[command.intent];
  // Two draws per delivery whatever happens: the consumer's fate, then the next write delay.
  const bool dies_before_ack = rng.Bernoulli(options_.crash_before_ack_probability);
  const Time next_write = options_.write_delay->Sample(rng);
  if (!dies_before_ack || command.origin.delivery >= options_.max_deliveries) {
    commands_.Free(c);  // acked (or dead-lettered after too many tries)
    return;
  }
  ++command.origin.delivery;
  sim_.Schedule(options_.visibility_timeout + next_write, self_, 0, c);
}

}  // namespace dupsim
