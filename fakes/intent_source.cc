#include "fakes/intent_source.h"

#include <cassert>
#include <cmath>

#include "fakes/intent_catalog.h"
#include "fakes/user.h"

namespace dupsim {

IntentSource::IntentSource(Scheduler& sim, double rate_per_s, std::vector<ArrivalStage> stages,
                           RandomStream stream, const IntentCatalog& catalog, User& user)
    : sim_(sim),
      self_(sim.Register(this)),
      mean_gap_us_(rate_per_s > 0 ? static_cast<double>(kSecond) / rate_per_s : 0),
      rng_(stream),
      catalog_(catalog),
      user_(user) {
  assert(catalog.Size() >= 1);
  if (stages.empty()) {
    assert(rate_per_s > 0);
  } else {
    profile_.emplace(rate_per_s, std::move(stages));
  }
}

void IntentSource::Start() {
  sim_.Schedule(0, self_, kFirstPayment, 0);  // intent 0 is never a repeat
}

void IntentSource::Handle(const Event& event) {
  const auto intent = static_cast<IntentId>(event.payload);
  if (event.kind == kFirstPayment) {
    const IntentId next = catalog_.NextFirstPayment(intent);
    if (next < catalog_.Size()) {
      if (profile_) {
        // The profile gives the next arrival's time; it is scheduled as the gap from now.
        const double expected = -std::log(rng_.NextOpenUnit());
        const Time now = sim_.Now();
        sim_.Schedule(profile_->Advance(now, expected) - now, self_, kFirstPayment, next);
      } else {
        const double gap = -mean_gap_us_ * std::log(rng_.NextOpenUnit());
        sim_.Schedule(static_cast<Time>(std::llround(gap)), self_, kFirstPayment, next);
      }
    }
  }
  const IntentId after = intent + 1;
  if (after < catalog_.Size() && catalog_.RepeatOf(after) == intent) {
    sim_.Schedule(catalog_.RepeatGap(after), self_, kRepeat, after);
  }
  if (started_counter_ != nullptr) started_counter_->fetch_add(1, std::memory_order_relaxed);
  user_.StartIntent(intent);
}

}  // namespace dupsim
