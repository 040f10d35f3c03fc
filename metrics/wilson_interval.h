// Confidence intervals for rates measured as "k events in n trials".
// The Wilson score interval stays inside [0, 1] and behaves at k = 0, where the
// textbook normal interval collapses to a point: exactly the case of a strategy
// that shows no duplicates in n intents.
#pragma once

#include <cstdint>

namespace dupsim {

struct Interval {
  double low = 0;
  double high = 0;
};

// Precondition: trials > 0 and successes <= trials. z = 1.959963984540054 gives 95%.
Interval WilsonInterval(std::uint64_t successes, std::uint64_t trials,
                        double z = 1.959963984540054);

}  // namespace dupsim
