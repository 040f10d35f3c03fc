// Report formats by name. Adding a format is one new file (a ReportFormat
// subclass) plus one line in builtin_report_formats.cc.
#pragma once

#include <functional>
#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "reports/report_format.h"

namespace dupsim {

class ReportFormatRegistry {
 public:
  // The registry holding every built-in format.
  static const ReportFormatRegistry& Builtin();

  // Precondition: no format of that name yet.
  void Add(std::unique_ptr<ReportFormat> format);

  const ReportFormat* Find(std::string_view name) const;  // nullptr if unknown
  std::vector<const ReportFormat*> All() const;           // sorted by name
  std::string Names() const;                              // "json, table" for messages

 private:
  std::map<std::string, std::unique_ptr<ReportFormat>, std::less<>> formats_;
};

// Registers the built-in formats; builtin_report_formats.cc has one line per format.
void RegisterBuiltinReportFormats(ReportFormatRegistry& registry);

}  // namespace dupsim
