// Arrivals of payment intents: a Poisson process at a fixed rate, one pending
// arrival event at a time, ids 0..intents-1 in arrival order.
#pragma once

#include <cstdint>

#include "sim/engine/random_stream.h"
#include "sim/engine/simulator.h"

namespace dupsim {

class User;

class IntentSource final : public EventHandler {
 public:
  // Preconditions: rate_per_s > 0, intents >= 1.
  IntentSource(Simulator& sim, double rate_per_s, RandomStream stream, std::uint32_t intents,
               User& user);

  // Schedules the first arrival at time 0.
  void Start();

  void Handle(const Event& event) override;

 private:
  Simulator& sim_;
  HandlerId self_;
  double mean_gap_us_;
  RandomStream rng_;
  std::uint32_t intents_;
  User& user_;
};

}  // namespace dupsim
