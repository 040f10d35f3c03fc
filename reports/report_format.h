// The interface of a report format (`--format table`, `json`, ...). A format
// turns a whole Report into bytes; it must be deterministic, so that the same
// results always give identical output. Formats are found by name in
// ReportFormatRegistry.
#pragma once

#include <ostream>
#include <string_view>

#include "reports/report.h"

namespace dupsim {

class ReportFormat {
 public:
  virtual ~ReportFormat() = default;

  virtual std::string_view name() const = 0;     // the `--format` value: "table"
  virtual std::string_view summary() const = 0;  // one line for help and `dupsim list`

  virtual void Render(const Report& report, std::ostream& out) const = 0;
};

}  // namespace dupsim
