// The Gilbert-Elliott state of a link: it alternates between a good state and
// a bad one (a burst), staying in each for an exponential time, so losses come
// in clusters the way they do behind a congested queue or a fading radio.
//
// The state is a function of virtual time alone, drawn from the link's own
// stream one sojourn at a time and evaluated lazily, so whether a message is
// sent in a burst never depends on how many messages anyone else sent (or
// whether anyone asked): the same seed gives the same bursts under every
// strategy.
#pragma once

#include "sim/engine/random_stream.h"
#include "sim/engine/virtual_time.h"

namespace dupsim {

class BurstProcess {
 public:
  // `time_fraction`: long-run share of time spent in bursts, in [0, 1); 0 never
  // bursts (and draws nothing). `length_mean`: mean burst duration, > 0 unless
  // time_fraction is 0. The process starts at time 0 in its stationary state.
  BurstProcess(double time_fraction, Time length_mean, RandomStream stream);

  // Whether the link is in a burst at `now`. Precondition: `now` is not earlier
  // than in the previous call (simulated time only moves forward).
  bool InBurstAt(Time now);

 private:
  double NextSojournUs();

  double good_mean_us_ = 0;
  double burst_mean_us_ = 0;
  RandomStream rng_;
  bool in_burst_ = false;
  // The current state lasts until here. Kept in double microseconds so that
  // rounding short sojourns to whole microseconds cannot bias the time fraction.
  double state_end_us_;
  Time last_asked_ = 0;
};

}  // namespace dupsim
