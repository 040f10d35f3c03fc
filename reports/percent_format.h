// Rates as people read them in tables: percentages with two decimals, and
// more for small values so that at least two significant digits show
// ("9.98%", "0.031%", "0.0038%"). A rate is worth little without its
// interval, so the usual form is "9.98% (9.80-10.17%)". A rate that counts
// events per trial (duplicate charges per intent) can pass 1, where a
// percentage stops reading naturally: once the rate or its interval's top is
// above 1 it prints as "1.21 per intent (1.18-1.24)". Each end is rounded the
// same way as the rate, so a printed interval never excludes its printed rate.
#pragma once

#include <string>

#include "metrics/run_result.h"

namespace dupsim {

// `fraction` in [0, 1] as a percentage without the sign: 0.0998 -> "9.98",
// 0.00031 -> "0.031"; exactly 0 -> "0" and exactly 1 -> "100".
std::string FormatPercent(double fraction);

// "9.98% (9.80-10.17%)"; "0% (0-0.0038%)" for a zero count; "1.21 per intent (1.18-1.24)"
// above 1; "-" with no trials.
std::string FormatRateWithInterval(const RateEstimate& estimate);

// The two parts of the above, for tables that align them separately:
// "9.98%" and "(9.80-10.17%)", or "1.21 per intent" and "(1.18-1.24)"; "-" and "" with no
// trials.
std::string FormatRate(const RateEstimate& estimate);
std::string FormatInterval(const RateEstimate& estimate);

// True when `estimate` prints per intent rather than as a percentage (see above).
bool ReadsPerIntent(const RateEstimate& estimate);

}  // namespace dupsim
