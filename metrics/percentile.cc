#include "metrics/percentile.h"

#include <algorithm>
#include <cassert>
#include <cmath>

namespace dupsim {

Time NearestRankPercentile(std::vector<Time>& samples, double q) {
  assert(q > 0 && q <= 1);
  if (samples.empty()) return 0;
  const auto rank = static_cast<std::size_t>(std::ceil(q * static_cast<double>(samples.size())));
  const auto nth =
      samples.begin() + static_cast<std::ptrdiff_t>(std::max<std::size_t>(rank, 1) - 1);
  std::nth_element(samples.begin(), nth, samples.end());
  return *nth;
}

std::vector<Time> PercentileTable(std::vector<Time>& samples) {
  std::vector<Time> table;
  if (samples.empty()) return table;
  std::sort(samples.begin(), samples.end());
  const auto n = static_cast<double>(samples.size());
  table.reserve(101);
  for (int k = 0; k <= 100; ++k) {
    const auto rank = static_cast<std::size_t>(std::ceil(k / 100.0 * n));
    table.push_back(samples[std::max<std::size_t>(rank, 1) - 1]);
  }
  return table;
}

}  // namespace dupsim
