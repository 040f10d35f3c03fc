#include "fakes/arrival_profile.h"

#include <cassert>
#include <cmath>
#include <limits>

namespace dupsim {

ArrivalProfile::ArrivalProfile(double start_rate_per_s, std::vector<ArrivalStage> stages) {
  assert(start_rate_per_s >= 0);
  double t = 0;
  double rate = start_rate_per_s;
  for (const ArrivalStage& stage : stages) {
    assert(stage.duration > 0 && stage.target_rate_per_s >= 0);
    const double length = static_cast<double>(stage.duration) / kSecond;
    segments_.push_back({t, t + length, rate, (stage.target_rate_per_s - rate) / length});
    t += length;
    rate = stage.target_rate_per_s;
  }
  assert(rate > 0);  // else arrivals could stop before every intent has come
  segments_.push_back({t, std::numeric_limits<double>::infinity(), rate, 0});
}

Time ArrivalProfile::Advance(Time now, double expected) const {
  assert(expected > 0);
  double t = static_cast<double>(now) / kSecond;
  double remaining = expected;
  for (const Segment& s : segments_) {
    if (t >= s.end_s) continue;
    const double rate_now = s.start_rate + s.slope * (t - s.start_s);
    const double span = s.end_s - t;
    // Expected arrivals from t to the segment's end: the area under the linear rate.
    const double capacity =
        std::isinf(span) ? remaining + 1 : span * (rate_now + s.slope * span / 2);
    if (remaining > capacity) {
      remaining -= capacity;
      t = s.end_s;
      continue;
    }
    // Solve rate_now * d + slope / 2 * d^2 = remaining for the smallest d >= 0.
    double d;
    if (std::abs(s.slope) < 1e-12) {
      d = remaining / rate_now;
    } else {
      const double disc = std::max(0.0, rate_now * rate_now + 2 * s.slope * remaining);
      d = (std::sqrt(disc) - rate_now) / s.slope;
    }
    const Time at = static_cast<Time>(std::llround((t + d) * kSecond));
    return at < now ? now : at;
  }
  assert(false && "the last segment never ends");
  return now;
}

}  // namespace dupsim
