#include "fakes/reconciler.h"

#include <algorithm>
#include <cassert>
#include <cmath>

#include "fakes/ledger.h"
#include "sim/model/trace_event.h"

namespace dupsim {
namespace {

// Refunds pending at once in a typical run before the pool has to grow: detection
// delays of hours keep every duplicate of a run of this size pending together.
constexpr std::size_t kExpectedPendingRefunds = 4096;

}  // namespace

Reconciler::Reconciler(Scheduler& sim, ReconcilerOptions options, RandomStream stream,
                       Ledger& ledger)
    : sim_(sim),
      self_(sim.Register(this)),
      options_(std::move(options)),
      stream_(stream),
      ledger_(ledger) {
  if (!options_.enabled) return;
  assert(options_.detection_delay && options_.refund_processing);
  assert(options_.refund_fraction > 0 && options_.refund_fraction <= 1);
  ledger_.EnableRefunds(kExpectedPendingRefunds);
  pending_.Reserve(kExpectedPendingRefunds);
  times_to_refund_.reserve(kExpectedPendingRefunds);
}

void Reconciler::OnCharged(IntentId intent, std::uint32_t ordinal, Money amount) {
  if (ordinal == 0) return;  // a first charge is what the customer meant to pay
  held_.Hold(amount, sim_.Now());
  if (!options_.enabled) return;
  RandomStream rng = stream_.Derive(intent).Derive(ordinal);
  const Time found_after = options_.detection_delay->Sample(rng);
  const Time processing = options_.refund_processing->Sample(rng);
  const Slot slot = pending_.Alloc();
  pending_[slot] = PendingRefund{intent, ordinal, amount, sim_.Now()};
  sim_.Schedule(found_after + processing, self_, 0, slot);
}

void Reconciler::Handle(const Event& event) {
  const auto slot = static_cast<Slot>(event.payload);
  const PendingRefund refund = pending_[slot];
  pending_.Free(slot);
  const Money amount = RefundOf(refund.amount);
  ledger_.Refund(refund.intent, refund.ordinal, amount);
  Trace(sim_, Lane::kBackOffice, Lane::kLedger, TraceKind::kRefunded, refund.intent, 0, 0, 0,
        refund.ordinal);
  held_.Release(amount, refund.committed_at, sim_.Now());
  ++refunded_duplicates_;
  times_to_refund_.push_back(sim_.Now() - refund.committed_at);
}

Money Reconciler::RefundOf(Money charged) const {
  if (options_.refund_fraction >= 1) return charged;
  const auto share =
      static_cast<Money>(std::llround(static_cast<double>(charged) * options_.refund_fraction));
  return std::clamp<Money>(share, 0, charged);
}

}  // namespace dupsim
