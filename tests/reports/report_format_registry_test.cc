#include "reports/report_format_registry.h"

#include <gtest/gtest.h>

#include <sstream>

namespace dupsim {
namespace {

TEST(ReportFormatRegistry, BuiltinHasTableAndJson) {
  const auto& registry = ReportFormatRegistry::Builtin();
  ASSERT_NE(registry.Find("table"), nullptr);
  ASSERT_NE(registry.Find("json"), nullptr);
  EXPECT_EQ(registry.Find("table")->name(), "table");
  EXPECT_EQ(registry.Find("json")->name(), "json");
  EXPECT_EQ(registry.Find("yaml"), nullptr);
  EXPECT_EQ(registry.Find(""), nullptr);
}

TEST(ReportFormatRegistry, AllIsSortedAndNamesListsThem) {
  const auto& registry = ReportFormatRegistry::Builtin();
  const auto all = registry.All();
  ASSERT_GE(all.size(), 2u);
  for (std::size_t i = 1; i < all.size(); ++i) EXPECT_LT(all[i - 1]->name(), all[i]->name());
  for (const ReportFormat* format : all) {
    EXPECT_NE(registry.Names().find(format->name()), std::string::npos);
    EXPECT_FALSE(format->summary().empty());
  }
}

class FixedReport final : public ReportFormat {
 public:
  std::string_view name() const override { return "fixed"; }
  std::string_view summary() const override { return "always the same"; }
  void Render(const Report&, std::ostream& out) const override { out << "fixed\n"; }
};

TEST(ReportFormatRegistry, AddedFormatIsFound) {
  ReportFormatRegistry registry;
  registry.Add(std::make_unique<FixedReport>());
  const ReportFormat* format = registry.Find("fixed");
  ASSERT_NE(format, nullptr);
  std::ostringstream out;
  format->Render(Report{}, out);
  EXPECT_EQ(out.str(), "fixed\n");
  EXPECT_EQ(registry.Names(), "fixed");
}

}  // namespace
}  // namespace dupsim
