// At-least-once delivery between the payment API and the ledger writer. With
// the queue on, the API acknowledges a charge once it has enqueued the write
// command; a consumer writes it to the ledger `write_delay` later and then
// acks. If the consumer dies between the write and the ack, the message becomes
// visible again after `visibility_timeout` and is written again: a duplicate
// no client asked for (queue_redelivery; SQS standard queues deliver at least
// once, SQS FIFO dedups only within 5 minutes: docs/repeated-delivery.md#at-least-once-queues).
// Each
// write also sends its "you paid" notification, so redeliveries notify twice.
// An inbox (inbox_dedup) records each message id with its write, so the
// consumer skips a redelivery it already wrote, for as long as ids are kept.
#pragma once

#include <cstdint>
#include <optional>
#include <vector>

#include "metrics/held_entries.h"
#include "sim/engine/distribution.h"
#include "sim/engine/scheduler.h"
#include "sim/engine/slot_pool.h"
#include "sim/input/money.h"
#include "sim/model/charge_origin.h"
#include "sim/model/ids.h"

namespace dupsim {

class ConfirmationChannel;
class Ledger;

struct LedgerQueueOptions {
  bool enabled = false;         // off: the API writes the ledger itself, at the commit
  DistributionPtr write_delay;  // from enqueue to the consumer's write (required when on)
  double crash_before_ack_probability = 0.0;  // the consumer dies after a write, before its ack
  Time visibility_timeout = 30 * kSecond;     // an unacked message reappears after this
  std::uint32_t max_deliveries = 10;          // a message is dead-lettered after this many (1..255)
};

struct LedgerQueueCounters {
  std::uint64_t enqueued = 0;
  std::uint64_t deliveries = 0;    // writes, redeliveries included
  std::uint64_t redeliveries = 0;  // deliveries beyond each message's first
  std::uint64_t inbox_skips = 0;   // redeliveries the inbox recognised and did not write
};

class LedgerWriterQueue final : public EventHandler {
 public:
  LedgerWriterQueue(Scheduler& sim, LedgerQueueOptions options, RandomStream stream,
                    std::uint32_t intents, Ledger& ledger, ConfirmationChannel& confirmation);

  bool Enabled() const { return options_.enabled; }

  // Consumers keep an inbox of written message ids for `retention` (HeldEntries::kForever
  // for ever). Call before the run.
  void UseInbox(Time retention);
  std::uint64_t PeakInboxEntries() const { return inbox_ ? inbox_->Peak() : 0; }

  // The API committed a charge: queue its write. Precondition: Enabled().
  void Enqueue(IntentId intent, const ChargeOrigin& origin, Money amount);

  void Handle(const Event& event) override;

  const LedgerQueueCounters& counters() const { return counters_; }

 private:
  struct Command {
    IntentId intent = 0;
    ChargeOrigin origin;
    Money amount = 0;
    Time written_at = -1;  // the first write, as the inbox recorded it; -1: not yet
  };

  void Deliver(Slot command);

  Scheduler& sim_;
  HandlerId self_;
  LedgerQueueOptions options_;
  std::vector<RandomStream> per_intent_;
  Ledger& ledger_;
  ConfirmationChannel& confirmation_;
  SlotPool<Command> commands_;
  std::optional<HeldEntries> inbox_;
  Time inbox_retention_ = HeldEntries::kForever;
  LedgerQueueCounters counters_;
};

}  // namespace dupsim
