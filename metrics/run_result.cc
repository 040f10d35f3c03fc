#include "metrics/run_result.h"

#include <cassert>

namespace dupsim {

RateEstimate RateEstimate::Of(std::uint64_t count, std::uint64_t trials) {
  assert(count <= trials);
  return OfCounts(count, count, trials);
}

RateEstimate RateEstimate::OfCounts(std::uint64_t count, std::uint64_t square_sum,
                                    std::uint64_t trials) {
  assert(count <= square_sum);
  RateEstimate r;
  r.count = count;
  r.square_sum = square_sum;
  r.trials = trials;
  if (trials == 0) return r;
  r.rate = static_cast<double>(count) / static_cast<double>(trials);
  r.ci95 = CountRateInterval(count, square_sum, trials);
  return r;
}

}  // namespace dupsim
