#include "reports/csv_report.h"
#include "reports/html_report.h"
#include "reports/json_report.h"
#include "reports/junit_report.h"
#include "reports/markdown_report.h"
#include "reports/report_format_registry.h"
#include "reports/table_report.h"

namespace dupsim {

// By name: the order added is the order `dupsim list`, help and errors show them.
void RegisterBuiltinReportFormats(ReportFormatRegistry& registry) {
  registry.Add(std::make_unique<CsvReport>());
  registry.Add(std::make_unique<HtmlReport>());
  registry.Add(std::make_unique<JsonReport>());
  registry.Add(std::make_unique<JunitReport>());
  registry.Add(std::make_unique<MarkdownReport>());
  registry.Add(std::make_unique<TableReport>());
}

}  // namespace dupsim
