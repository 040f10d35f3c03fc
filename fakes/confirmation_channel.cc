#include "fakes/confirmation_channel.h"

#include <cassert>

namespace dupsim {

ConfirmationChannel::ConfirmationChannel(Simulator& sim, ConfirmationChannelOptions options,
                                         RandomStream stream, std::uint32_t intents,
                                         PaymentConfirmationListener& listener)
    : sim_(sim), self_(sim.Register(this)), options_(std::move(options)), listener_(listener) {
  assert(options_.delay);
  per_intent_.reserve(intents);
  for (std::uint32_t i = 0; i < intents; ++i) per_intent_.push_back(stream.Derive(i));
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
  listener_.OnPaymentConfirmed(static_cast<IntentId>(event.payload));
}

}  // namespace dupsim
