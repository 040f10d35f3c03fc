// The "you paid" notification (push, SMS, e-mail, webhook) the payment provider
// sends for every committed charge, late and sometimes never, and sometimes
// more than once (webhooks are delivered at least once: Stripe retries for up
// to 3 days, and one report saw 3x deliveries on average, up to 46x:
// docs/repeated-delivery.md#webhooks-delivered-more-than-once). Delayed confirmations are why users
// pay again even
// when every request was handled exactly once; redeliveries never charge in
// this model (the ledger is behind the API), they only inflate notifications.
// Each delivery reaches the notification handler (the app, a merchant's
// webhook endpoint) unless the handler keeps an inbox of handled notification
// ids (inbox_dedup): then a redelivery it already handled is dropped, for as
// long as ids are kept.
#pragma once

#include <cstdint>
#include <optional>
#include <vector>

#include "fakes/payment_confirmation_listener.h"
#include "metrics/held_entries.h"
#include "sim/engine/distribution.h"
#include "sim/engine/scheduler.h"
#include "sim/engine/slot_pool.h"

namespace dupsim {

struct ConfirmationChannelOptions {
  DistributionPtr delay;                // from the commit to delivery (required)
  double loss_probability = 0.0;        // the notification never arrives
  double redelivery_probability = 0.0;  // a delivered notification is delivered again
  DistributionPtr redelivery_delay;     // from one delivery to the next (required if on)
  std::uint32_t max_deliveries = 10;    // per notification, 1..255
};

class ConfirmationChannel final : public EventHandler {
 public:
  ConfirmationChannel(Scheduler& sim, ConfirmationChannelOptions options, RandomStream stream,
                      std::uint32_t intents, PaymentConfirmationListener& listener);

  // A charge for `intent` was committed now.
  void Notify(IntentId intent);

  void Handle(const Event& event) override;

  std::uint64_t Sent() const { return sent_; }
  std::uint64_t Lost() const { return lost_; }
  std::uint64_t Redelivered() const { return redelivered_; }
  // Redeliveries the handler acted on again (all of them, without an inbox).
  std::uint64_t DuplicatesHandled() const { return duplicates_handled_; }

  // The handler keeps an inbox of handled ids for `retention` (HeldEntries::kForever for
  // ever). Call before the run.
  void UseInbox(Time retention);
  std::uint64_t PeakInboxEntries() const { return inbox_ ? inbox_->Peak() : 0; }

 private:
  Scheduler& sim_;
  HandlerId self_;
  ConfirmationChannelOptions options_;
  std::vector<RandomStream> per_intent_;
  std::vector<RandomStream> redelivery_per_intent_;  // only when redelivery is on
  PaymentConfirmationListener& listener_;
  std::uint64_t sent_ = 0;
  std::uint64_t lost_ = 0;
  std::uint64_t redelivered_ = 0;
  std::uint64_t duplicates_handled_ = 0;
  std::optional<HeldEntries> inbox_;
  Time inbox_retention_ = HeldEntries::kForever;
  // With an inbox and redelivery: per notification, when the handler recorded its id, for
  // as long as redeliveries of it are pending.
  SlotPool<Time> handled_at_;
};

}  // namespace dupsim
