#include "metrics/run_result.h"

#include <algorithm>

namespace dupsim {

RateEstimate RateEstimate::Of(std::uint64_t count, std::uint64_t trials) {
  RateEstimate r;
  r.count = count;
  r.trials = trials;
  if (trials == 0) return r;
  r.rate = static_cast<double>(count) / static_cast<double>(trials);
  r.ci95 = WilsonInterval(std::min(count, trials), trials);
  return r;
}

}  // namespace dupsim
