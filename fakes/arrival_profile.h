// The arrival rate of first payments over virtual time, k6 "ramping arrival
// rate" style: it starts at `start_rate_per_s` and moves linearly to each
// stage's target over that stage's duration, then stays at the last target.
// Arrivals are a non-homogeneous Poisson process, drawn by time rescaling: one
// Exp(1) draw per arrival, whatever the profile, so the stream stays aligned.
// Ramps make load, and with it timeouts and retries, grow and shrink over a
// run: retry storms.
#pragma once

#include <vector>

#include "sim/engine/virtual_time.h"

namespace dupsim {

struct ArrivalStage {
  Time duration = 0;             // > 0
  double target_rate_per_s = 0;  // >= 0; the last stage's must be > 0
};

class ArrivalProfile {
 public:
  // Preconditions: start_rate_per_s >= 0; every stage as documented; with no stages,
  // start_rate_per_s > 0.
  ArrivalProfile(double start_rate_per_s, std::vector<ArrivalStage> stages);

  // The time at which `expected` (> 0) more arrivals are expected after `now`: the next
  // arrival when `expected` is an Exp(1) draw. Never earlier than `now`.
  Time Advance(Time now, double expected) const;

 private:
  struct Segment {
    double start_s;     // seconds
    double end_s;       // seconds; the last segment never ends
    double start_rate;  // per second
    double slope;       // per second, per second
  };
  std::vector<Segment> segments_;
};

}  // namespace dupsim
