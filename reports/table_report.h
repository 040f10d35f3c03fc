// `--format table`: a plain-text report for a terminal. One block per
// scenario (its name, source, seed and description as a heading), one row per
// strategy, numbers right-aligned and each rate followed by its 95% interval;
// then root causes, false blocks and costs, and, from `dupsim check`, one
// verdict line per expectation. ANSI colour only when the report says the sink
// is a terminal.
#pragma once

#include "reports/report_format.h"

namespace dupsim {

class TableReport final : public ReportFormat {
 public:
  std::string_view name() const override { return "table"; }
  std::string_view summary() const override {
    return "aligned plain-text table, one block per scenario (default)";
  }
  void Render(const Report& report, std::ostream& out) const override;
};

}  // namespace dupsim
