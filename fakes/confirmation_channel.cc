#include "fakes/confirmation_channel.h"

#include <algorithm>
#include <cassert>

namespace dupsim {

ConfirmationChannel::ConfirmationChannel(Simulator& sim, ConfirmationChannelOptions options,
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
  if (lost) {
    ++lost_;
    return;
  }
  sim_.Schedule(delay, self_, 0, intent);
}

void ConfirmationChannel::Handle(const Event& event) {
  // Payload: intent in the low 32 bits, the delivery's 1-based number above (0 meaning 1).
  const auto intent = static_cast<IntentId>(event.payload);
  const auto delivery = std::max<std::uint32_t>(1, static_cast<std::uint32_t>(event.payload >> 32));
  if (delivery > 1) ++redelivered_;
  listener_.OnPaymentConfirmed(intent);
  if (redelivery_per_intent_.empty()) return;
  RandomStream& rng = redelivery_per_intent_[intent];
  const bool again = rng.Bernoulli(options_.redelivery_probability);
  const Time delay = options_.redelivery_delay->Sample(rng);
  if (!again || delivery >= options_.max_deliveries) return;
  sim_.Schedule(delay, self_, 0, intent | (static_cast<std::uint64_t>(delivery + 1) << 32));
}

}  // namespace dupsim
