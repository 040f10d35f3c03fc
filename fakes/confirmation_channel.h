// The "you paid" notification (push, SMS, e-mail) the payment provider sends
// for every committed charge, late and sometimes never. Delayed confirmations
// are why users pay again even when every request was handled exactly once.
#pragma once

#include <cstdint>
#include <vector>

#include "fakes/payment_confirmation_listener.h"
#include "sim/engine/distribution.h"
#include "sim/engine/simulator.h"

namespace dupsim {

struct ConfirmationChannelOptions {
  DistributionPtr delay;          // from the commit to delivery (required)
  double loss_probability = 0.0;  // the notification never arrives
};

class ConfirmationChannel final : public EventHandler {
 public:
  ConfirmationChannel(Simulator& sim, ConfirmationChannelOptions options, RandomStream stream,
                      std::uint32_t intents, PaymentConfirmationListener& listener);

  // A charge for `intent` was committed now.
  void Notify(IntentId intent);

  void Handle(const Event& event) override;

  std::uint64_t Sent() const { return sent_; }
  std::uint64_t Lost() const { return lost_; }

 private:
  Simulator& sim_;
  HandlerId self_;
  ConfirmationChannelOptions options_;
  std::vector<RandomStream> per_intent_;
  PaymentConfirmationListener& listener_;
  std::uint64_t sent_ = 0;
  std::uint64_t lost_ = 0;
};

}  // namespace dupsim
