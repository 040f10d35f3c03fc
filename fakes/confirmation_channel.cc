#include "fakes/confirmation_channel.h"

#include <algorithm>
#include <cassert>

#include "sim/model/trace_detail_fields.h"
#include "sim/model/trace_event.h"
#include "sim/network/message.h"

namespace dupsim {

ConfirmationChannel::ConfirmationChannel(Scheduler& sim, ConfirmationChannelOptions options,
                                         RandomStream stream, std::uint32_t intents,
                                         PaymentConfirmationListener& listener)
    : sim_(sim), self_(sim.Register(this)), options_(std::move(options)), listener_(listener) {
  assert(options_.delay);
  per_intent_.reserve(intents);
  for (std::uint32_t i = 0; i < intents; ++i) per_intent_.push_back(stream.Derive(i));
  if (options_.redelivery_probability > 0) {
    assert(options_.redelivery_delay && options_.max_deliveries >= 1);
    // Its own streams, so turning redelivery on leaves every first delivery where it was.
    const RandomStream redelivery = stream.Derive(0xffffffffULL + 1);
    redelivery_per_intent_.reserve(intents);
    for (std::uint32_t i = 0; i < intents; ++i) {
      redelivery_per_intent_.push_back(redelivery.Derive(i));
    }
  }
}

void ConfirmationChannel::Notify(IntentId intent) {
  ++sent_;
  RandomStream& rng = per_intent_[intent];
  const bool lost = rng.Bernoulli(options_.loss_probability);
  const Time delay = options_.delay->Sample(rng);
  Trace(sim_, Lane::kLedger, Lane::kConfirmation, TraceKind::kNotificationSent, intent);
  if (lost) {
    Trace(sim_, Lane::kConfirmation, Lane::kConfirmation, TraceKind::kNotificationLost, intent);
    ++lost_;
    return;
  }
  sim_.Schedule(delay, self_, 0, intent);
}

void ConfirmationChannel::UseInbox(Time retention) {
  inbox_.emplace(retention);
  inbox_retention_ = retention;
}

void ConfirmationChannel::Handle(const Event& event) {
  // Payload: intent in the low 32 bits, the delivery's 1-based number in the next 8 (0
  // meaning 1), and, with an inbox, the slot of the notification's record above.
  const auto intent = static_cast<IntentId>(event.payload);
  const auto delivery =
      std::max<std::uint32_t>(1, static_cast<std::uint32_t>((event.payload >> 32) & 0xff));
  const bool tracked = inbox_ && !redelivery_per_intent_.empty();
  Slot record = kNoSlot;
  if (tracked) {
    record = delivery == 1 ? handled_at_.Alloc() : static_cast<Slot>(event.payload >> 40);
    if (delivery == 1) handled_at_[record] = -1;
  }
  bool handle = true;
  if (delivery > 1) {
    ++redelivered_;
    const Time at = tracked ? handled_at_[record] : -1;
    handle = !(inbox_ && at >= 0 &&
               (inbox_retention_ == HeldEntries::kForever || sim_.Now() < at + inbox_retention_));
    if (handle) ++duplicates_handled_;
  }
  Trace(sim_, Lane::kConfirmation, Lane::kUser, TraceKind::kNotificationDelivered, intent, 0, 0, 0,
        DeliveryDetail{delivery, !handle}.Pack());
  if (handle) {
    if (inbox_) inbox_->Add(sim_.Now());
    if (tracked) handled_at_[record] = sim_.Now();
    listener_.OnPaymentConfirmed(intent);
  }
  if (redelivery_per_intent_.empty()) return;
  RandomStream& rng = redelivery_per_intent_[intent];
  const bool again = rng.Bernoulli(options_.redelivery_probability);
  const Time delay = options_.redelivery_delay->Sample(rng);
  if (!again || delivery >= options_.max_deliveries) {
    if (tracked) handled_at_.Free(record);
    return;
  }
  assert(record == kNoSlot || record < (1u << 24));
  sim_.Schedule(delay, self_, 0,
                intent | (static_cast<std::uint64_t>(delivery + 1) << 32) |
                    (tracked ? static_cast<std::uint64_t>(record) << 40 : 0));
}

}  // namespace dupsim
