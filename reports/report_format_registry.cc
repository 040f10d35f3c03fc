#include "reports/report_format_registry.h"

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
  std::string name(format->name());
  formats_.Add(std::move(name), std::move(format));
}

const ReportFormat* ReportFormatRegistry::Find(std::string_view name) const {
  const std::unique_ptr<ReportFormat>* format = formats_.Find(name);
  return format ? format->get() : nullptr;
}

const ReportFormat& ReportFormatRegistry::Choose(std::string_view name,
                                                 std::string_view flag) const {
  return *formats_.Choose(name, flag);
}

std::vector<const ReportFormat*> ReportFormatRegistry::All() const {
  std::vector<const ReportFormat*> out;
  for (const auto& [name, format] : formats_.All()) out.push_back(format.get());
  return out;
}

std::string ReportFormatRegistry::Names() const {
  return formats_.Names();
}

}  // namespace dupsim
