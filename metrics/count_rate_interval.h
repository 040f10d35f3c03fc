// Confidence intervals for "events per trial" when one trial can hold several
// events: duplicate charges per intent, where an intent may be charged three
// times. The rate is the mean of per-intent counts x_i, and the interval is the
// score interval for that mean (docs/statistics.md): the values mu with
//   n (m - mu)^2 <= z^2 (mu (1 - mu) + c),   m = sum x / n,  c = sum x (x - 1) / n,
// i.e. Wilson's interval with the variance a Bernoulli trial would have plus the
// extra spread c that repeats add (mu (1 - mu) + c is the per-intent variance
// when mu = m). With no intent above one event, c = 0 and this is exactly the
// Wilson interval; with repeats it widens, and it always contains m, which may
// exceed 1.
#pragma once

#include <cstdint>

#include "metrics/wilson_interval.h"

namespace dupsim {

inline constexpr double kZ95 = 1.959963984540054;

// The score interval for mean `mean` over `trials` (real, so callers can ask how a longer
// run would look) with over-dispersion `extra` = sum x (x - 1) / n.
// Preconditions: trials > 0, mean >= 0, extra >= 0.
Interval ScoreIntervalAt(double mean, double extra, double trials, double z = kZ95);

// The interval from exact counts: `count` = sum x_i, `square_sum` = sum x_i^2 over `trials`
// trials. Preconditions: trials > 0, count <= square_sum (x^2 >= x for whole x >= 0).
// square_sum == count <= trials gives WilsonInterval(count, trials), exact ends included.
Interval CountRateInterval(std::uint64_t count, std::uint64_t square_sum, std::uint64_t trials,
                           double z = kZ95);

}  // namespace dupsim
