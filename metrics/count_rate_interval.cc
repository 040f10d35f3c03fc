#include "metrics/count_rate_interval.h"

#include <algorithm>
#include <cassert>
#include <cmath>

namespace dupsim {

Interval ScoreIntervalAt(double mean, double extra, double trials, double z) {
  assert(trials > 0 && mean >= 0 && extra >= 0);
  // n (m - mu)^2 = z^2 (mu - mu^2 + c) as a quadratic in mu, divided by n:
  // (1 + z^2/n) mu^2 - (2m + z^2/n) mu + (m^2 - z^2 c / n) = 0.
  const double w = z * z / trials;
  const double a = 1 + w;
  const double b = 2 * mean + w;
  // b^2 - 4ac simplified to w (4 (m - m^2 + c) + w (1 + 4c)), which stays >= 0 because
  // m - m^2 + c, the per-intent variance, is never negative for counts.
  const double variance = std::max(0.0, mean - mean * mean + extra);
  const double root = std::sqrt(w * (4 * variance + w * (1 + 4 * extra)));
  Interval ci{(b - root) / (2 * a), (b + root) / (2 * a)};
  // Rounding must not move an end past the mean the interval is built around.
  ci.low = std::clamp(ci.low, 0.0, mean);
  ci.high = std::max(ci.high, mean);
  return ci;
}

Interval CountRateInterval(std::uint64_t count, std::uint64_t square_sum, std::uint64_t trials,
                           double z) {
  assert(trials > 0 && count <= square_sum);
  // Bernoulli outcomes: Wilson's own code, with its exact ends at 0 and n.
  if (square_sum == count && count <= trials) return WilsonInterval(count, trials, z);
  const double n = static_cast<double>(trials);
  const double mean = static_cast<double>(count) / n;
  const double extra = static_cast<double>(square_sum - count) / n;
  return ScoreIntervalAt(mean, extra, n, z);
}

}  // namespace dupsim
