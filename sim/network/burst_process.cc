#include "sim/network/burst_process.h"

#include <cassert>
#include <cmath>
#include <limits>

namespace dupsim {

BurstProcess::BurstProcess(double time_fraction, Time length_mean, RandomStream stream)
    : rng_(stream), state_end_us_(std::numeric_limits<double>::infinity()) {
  assert(time_fraction >= 0 && time_fraction < 1);
  if (time_fraction == 0) return;  // always good: the end of the good state never comes
  assert(length_mean > 0);
  burst_mean_us_ = static_cast<double>(length_mean);
  // Long-run fraction = burst mean / (good mean + burst mean).
  good_mean_us_ = burst_mean_us_ * (1 - time_fraction) / time_fraction;
  // Stationary start: in a burst with probability time_fraction; by memorylessness
  // the remaining sojourn is exponential with the state's full mean.
  in_burst_ = rng_.Bernoulli(time_fraction);
  state_end_us_ = NextSojournUs();
}

double BurstProcess::NextSojournUs() {
  const double mean = in_burst_ ? burst_mean_us_ : good_mean_us_;
  return -mean * std::log(rng_.NextOpenUnit());
}

bool BurstProcess::InBurstAt(Time now) {
  assert(now >= last_asked_);
  last_asked_ = now;
  while (static_cast<double>(now) >= state_end_us_) {
    in_burst_ = !in_burst_;
    state_end_us_ += NextSojournUs();
  }
  return in_burst_;
}

}  // namespace dupsim
