// The words of a run's costs, one item each ("prompts 200 (50 refused)", "inbox skips 12",
// "refunds 997, p50 36.0h after the charge", "time to confirmation +1.2ms p50, -35ms p99 vs
// none"), shared by the table and Markdown reports so one figure reads the same in both.
#pragma once

#include <string>
#include <vector>

#include "metrics/run_result.h"

namespace dupsim {

// What the defence asked in return, in order; empty when it asked nothing. Counts with
// cost words in metrics/metric_table.h come between the prompts and the refunds.
std::vector<std::string> CostItems(const RunResult& r);

}  // namespace dupsim
