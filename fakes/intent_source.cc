#include "fakes/intent_source.h"

#include <cassert>
#include <cmath>

#include "fakes/user.h"

namespace dupsim {

IntentSource::IntentSource(Simulator& sim, double rate_per_s, RandomStream stream,
                           std::uint32_t intents, User& user)
    : sim_(sim),
      self_(sim.Register(this)),
      mean_gap_us_(static_cast<double>(kSecond) / rate_per_s),
      rng_(stream),
      intents_(intents),
      user_(user) {
  assert(rate_per_s > 0 && intents >= 1);
}

void IntentSource::Start() {
  sim_.Schedule(0, self_, 0, 0);
}

void IntentSource::Handle(const Event& event) {
  const auto intent = static_cast<IntentId>(event.payload);
  if (intent + 1 < intents_) {
    const double gap = -mean_gap_us_ * std::log(rng_.NextOpenUnit());
    sim_.Schedule(static_cast<Time>(std::llround(gap)), self_, 0, intent + 1);
  }
  user_.StartIntent(intent);
}

}  // namespace dupsim
