// Arrivals of payment intents. First payments arrive as a Poisson process at a
// fixed rate, one pending arrival at a time, in id order; a legitimate repeat
// (fakes/intent_catalog.h) arrives its catalog gap after the intent it repeats.
// Ids are fixed by the catalog, so with repeats they are not in arrival order.
#pragma once

#include <atomic>
#include <cstdint>
#include <optional>
#include <vector>

#include "fakes/arrival_profile.h"

#include "sim/engine/random_stream.h"
#include "sim/engine/scheduler.h"

namespace dupsim {

class IntentCatalog;
class User;

class IntentSource final : public EventHandler {
 public:
  enum EventKind : std::uint32_t { kFirstPayment = 0, kRepeat = 1 };

  // Precondition: rate_per_s > 0 without stages. `rate_per_s` is the rate of first payments
  // (the start rate with stages, fakes/arrival_profile.h); repeats come on top.
  IntentSource(Scheduler& sim, double rate_per_s, std::vector<ArrivalStage> stages,
               RandomStream stream, const IntentCatalog& catalog, User& user);

  // Schedules the first arrival at time 0.
  void Start();

  // Counts every intent started into `counter` too (relaxed), for a progress line read by
  // another thread. Optional; call before Start.
  void CountStartsIn(std::atomic<std::uint64_t>* counter) { started_counter_ = counter; }

  void Handle(const Event& event) override;

 private:
  Scheduler& sim_;
  HandlerId self_;
  double mean_gap_us_;
  std::optional<ArrivalProfile> profile_;  // only with stages
  RandomStream rng_;
  const IntentCatalog& catalog_;
  User& user_;
  std::atomic<std::uint64_t>* started_counter_ = nullptr;
};

}  // namespace dupsim
