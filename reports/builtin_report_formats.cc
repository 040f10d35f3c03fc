#include "reports/json_report.h"
#include "reports/report_format_registry.h"
#include "reports/table_report.h"

namespace dupsim {

void RegisterBuiltinReportFormats(ReportFormatRegistry& registry) {
  registry.Add(std::make_unique<JsonReport>());
  registry.Add(std::make_unique<TableReport>());
}

}  // namespace dupsim
