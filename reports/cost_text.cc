#include "reports/cost_text.h"

#include "metrics/metric_table.h"
#include "sim/engine/duration_text.h"

namespace dupsim {

std::vector<std::string> CostItems(const RunResult& r) {
  std::vector<std::string> items;
  if (r.prompts_shown > 0) {
    items.push_back("prompts " + std::to_string(r.prompts_shown) + " (" +
                    std::to_string(r.prompts_refused) + " refused)");
  }
  for (const MetricRow& row : MetricTable()) {
    if (row.cost_words.empty()) continue;
    const std::uint64_t count = FieldOf<std::uint64_t>(row, r);
    if (count > 0) items.push_back(std::string(row.cost_words) + " " + std::to_string(count));
  }
  if (r.refunded_duplicates > 0) {
    items.push_back("refunds " + std::to_string(r.refunded_duplicates) + ", p50 " +
                    DurationSecondsToHours(r.time_to_refund_p50) + " after the charge");
  }
  if (r.has_baseline &&
      (r.extra_time_to_confirmation_p50 != 0 || r.extra_time_to_confirmation_p99 != 0)) {
    // An ASCII minus, for terminals.
    items.push_back(
        "time to confirmation " +
        SignedDurationMillisOrSeconds(r.extra_time_to_confirmation_p50, "-") + " p50, " +
        SignedDurationMillisOrSeconds(r.extra_time_to_confirmation_p99, "-") + " p99 vs none");
  }
  return items;
}

}  // namespace dupsim
