// Report formats by name, in the one registry pattern of every `--format`
// (format_registry.h). Adding a format is one new file (a ReportFormat subclass)
// plus one line in builtin_report_formats.cc.
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "reports/format_registry.h"
#include "reports/report_format.h"

namespace dupsim {

class ReportFormatRegistry {
 public:
  // The registry holding every built-in format.
  static const ReportFormatRegistry& Builtin();

  // Precondition: no format of that name yet.
  void Add(std::unique_ptr<ReportFormat> format);

  const ReportFormat* Find(std::string_view name) const;  // nullptr if unknown
  // The format `flag` names, or FormatRegistry's InputError for a name it does not know.
  const ReportFormat& Choose(std::string_view name, std::string_view flag) const;
  std::vector<const ReportFormat*> All() const;  // in the order added
  std::string Names() const;                     // "csv, html, json" for messages

 private:
  FormatRegistry<std::unique_ptr<ReportFormat>> formats_;
};

// Registers the built-in formats; builtin_report_formats.cc has one line per format.
void RegisterBuiltinReportFormats(ReportFormatRegistry& registry);

}  // namespace dupsim
