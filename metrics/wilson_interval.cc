#include "metrics/wilson_interval.h"

#include <algorithm>
#include <cassert>
#include <cmath>

namespace dupsim {

Interval WilsonInterval(std::uint64_t successes, std::uint64_t trials, double z) {
  assert(trials > 0 && successes <= trials);
  const double n = static_cast<double>(trials);
  const double p = static_cast<double>(successes) / n;
  const double z2 = z * z;
  const double centre = (p + z2 / (2 * n)) / (1 + z2 / n);
  const double half = z * std::sqrt(p * (1 - p) / n + z2 / (4 * n * n)) / (1 + z2 / n);
  // Exact ends at k = 0 and k = n; clamping also removes rounding just outside [0, 1].
  Interval ci{std::max(0.0, centre - half), std::min(1.0, centre + half)};
  if (successes == 0) ci.low = 0;
  if (successes == trials) ci.high = 1;
  return ci;
}

}  // namespace dupsim
