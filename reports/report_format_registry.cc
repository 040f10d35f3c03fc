#include "reports/report_format_registry.h"

#include <cassert>

namespace dupsim {

const ReportFormatRegistry& ReportFormatRegistry::Builtin() {
  static const ReportFormatRegistry registry = [] {
    ReportFormatRegistry r;
    RegisterBuiltinReportFormats(r);
    return r;
  }();
  return registry;
}

void ReportFormatRegistry::Add(std::unique_ptr<ReportFormat> format) {
  assert(format && !formats_.count(format->name()));
  std::string name(format->name());
  formats_.emplace(std::move(name), std::move(format));
}

const ReportFormat* ReportFormatRegistry::Find(std::string_view name) const {
  auto it = formats_.find(name);
  return it == formats_.end() ? nullptr : it->second.get();
}

std::vector<const ReportFormat*> ReportFormatRegistry::All() const {
  std::vector<const ReportFormat*> out;
  for (const auto& [name, format] : formats_) out.push_back(format.get());
  return out;
}

std::string ReportFormatRegistry::Names() const {
  std::string out;
  for (const auto& [name, format] : formats_) {
    if (!out.empty()) out += ", ";
    out += name;
  }
  return out;
}

}  // namespace dupsim
