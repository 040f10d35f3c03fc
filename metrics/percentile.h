// Percentiles of a sample of durations, nearest-rank: the value below which a
// fraction q of the sample lies, always one of the observed values (no
// interpolation, so a p99 is a latency someone actually waited).
#pragma once

#include <vector>

#include "sim/engine/virtual_time.h"

namespace dupsim {

// Precondition: 0 < q <= 1. Reorders `samples`; returns 0 for an empty sample.
Time NearestRankPercentile(std::vector<Time>& samples, double q);

// Percentiles 0, 1, ..., 100 by nearest rank (0 is the minimum), for CDF charts. Sorts
// `samples`; empty for an empty sample.
std::vector<Time> PercentileTable(std::vector<Time>& samples);

}  // namespace dupsim
