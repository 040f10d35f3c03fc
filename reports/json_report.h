// `--format json`: every field of every result, for scripts. The key order and
// the number formatting are fixed, so the same results give identical bytes;
// reports/README.md documents each field.
#pragma once

#include "reports/report_format.h"

namespace dupsim {

class JsonReport final : public ReportFormat {
 public:
  std::string_view name() const override { return "json"; }
  std::string_view summary() const override {
    return "JSON with every field, stable key order (schema in reports/README.md)";
  }
  void Render(const Report& report, std::ostream& out) const override;
};

}  // namespace dupsim
