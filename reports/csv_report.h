// `--format csv`: one header row, then one row per (scenario, strategy) result,
// for spreadsheets and data frames. The column order is fixed and documented in
// reports/README.md; rates are plain fractions (not percent strings), each with
// its 95% interval in two more columns. A check's verdicts are not here: one row
// per result is the contract, and json, junit and markdown carry verdicts.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "reports/report_format.h"

namespace dupsim {

class CsvReport final : public ReportFormat {
 public:
  std::string_view name() const override { return "csv"; }
  std::string_view summary() const override {
    return "CSV, one row per scenario x strategy, stable columns (reports/README.md)";
  }
  void Render(const Report& report, std::ostream& out) const override;
};

// The header row's names, in order: "scenario", "source", ..., "events".
const std::vector<std::string>& CsvColumns();

// `field` as one RFC 4180 field: quoted, with quotes doubled, when it holds a comma, a
// quote, a CR or an LF; unchanged otherwise.
std::string CsvField(std::string_view field);

}  // namespace dupsim
