// The reconciliation job: the back office that compares the books after the
// fact, finds each duplicate charge some time after it was committed (a nightly
// batch, a settlement report) and refunds it, the refund itself taking days to
// reach the customer (acquirers move funds in 2-4 days, consumer-facing refunds
// commonly take 1-3 business days; docs/after-the-fact.md#refunds-and-holds).
//
// It refunds exactly the charges the simulator counts as duplicates (every
// charge of an intent beyond its first, known from the ground truth), never a
// first charge. Off unless enabled: a scenario's `reconciliation` section, or
// later a strategy, turns it on. On or off, it meters the money held by
// duplicates (metrics/held_money.h).
//
// Each duplicate's two draws (detection delay, then refund processing) come from
// a stream derived from its intent and its ordinal within the intent, so the
// n-th charge of an intent waits the same under every strategy.
#pragma once

#include <cstdint>
#include <vector>

#include "fakes/charge_listener.h"
#include "metrics/held_money.h"
#include "sim/engine/distribution.h"
#include "sim/engine/scheduler.h"
#include "sim/engine/slot_pool.h"

namespace dupsim {

class Ledger;

struct ReconcilerOptions {
  bool enabled = false;               // off: nothing is ever refunded
  DistributionPtr detection_delay;    // from a duplicate's commit to the job finding it
                                      // (required when enabled)
  DistributionPtr refund_processing;  // from finding it to the money being back with the
                                      // customer (required when enabled)
  double refund_fraction = 1.0;       // (0, 1]: share of a duplicate given back; 1 = in full
};

class Reconciler final : public EventHandler, public ChargeListener {
 public:
  // When enabled, makes `ledger` ready for refunds.
  Reconciler(Scheduler& sim, ReconcilerOptions options, RandomStream stream, Ledger& ledger);

  void OnCharged(IntentId intent, std::uint32_t ordinal, Money amount) override;
  void Handle(const Event& event) override;

  std::uint64_t RefundedDuplicates() const { return refunded_duplicates_; }
  // For each refunded duplicate, in refund order: from its commit to its refund.
  const std::vector<Time>& TimesToRefund() const { return times_to_refund_; }
  // Duplicate money x hours until refunded, or until `end` for what never came back.
  double MoneyHoursHeld(Time end) const { return held_.MoneyHoursUntil(end); }

 private:
  struct PendingRefund {
    IntentId intent = 0;
    std::uint32_t ordinal = 0;
    Money amount = 0;  // what the duplicate charged
    Time committed_at = 0;
  };

  // Rounded to the nearest cent, never more than the charge.
  Money RefundOf(Money charged) const;

  Scheduler& sim_;
  HandlerId self_;
  ReconcilerOptions options_;
  RandomStream stream_;
  Ledger& ledger_;
  SlotPool<PendingRefund> pending_;
  std::vector<Time> times_to_refund_;
  std::uint64_t refunded_duplicates_ = 0;
  HeldMoneyMeter held_;
};

}  // namespace dupsim
