// Every `--format` is chosen from one kind of registry (reports/format_registry.h): the same
// order in help and errors, the same error text with its did-you-mean hint.
#include <gtest/gtest.h>

#include <sstream>

#include "reports/report_format_registry.h"
#include "sim/cli/explain_formats.h"
#include "sim/cli/trace_formats.h"
#include "sim/input/input_error.h"

namespace dupsim {
namespace {

std::string ErrorOf(const auto& registry, std::string_view name) {
  try {
    registry.Choose(name, "--format");
  } catch (const InputError& e) {
    return e.what();
  }
  return "(no error)";
}

TEST(FormatChoice, EachCommandListsItsFormatsInTheOrderAdded) {
  EXPECT_EQ(ExplainFormats().Names(), "text, mermaid, svg, html");
  EXPECT_EQ(TraceFormats().Names(), "chrome, jsonl");
  EXPECT_EQ(ReportFormatRegistry::Builtin().Names(), "csv, html, json, junit, markdown, table");
}

TEST(FormatChoice, AnUnknownNameIsOneErrorTextEverywhere) {
  EXPECT_EQ(ErrorOf(ExplainFormats(), "pdf"),
            "--format: unknown value 'pdf' (known: text, mermaid, svg, html)");
  EXPECT_EQ(ErrorOf(TraceFormats(), "jsnl"),
            "--format: unknown value 'jsnl'; did you mean 'jsonl'? (known: chrome, jsonl)");
  EXPECT_EQ(ErrorOf(ReportFormatRegistry::Builtin(), "markdwn"),
            "--format: unknown value 'markdwn'; did you mean 'markdown'? (known: csv, html, "
            "json, junit, markdown, table)");
}

TEST(FormatChoice, AKnownNameIsItsRenderer) {
  EXPECT_EQ(ReportFormatRegistry::Builtin().Choose("json", "--format").name(), "json");
  EXPECT_EQ(TraceFormats().Find("jsonl"), &TraceFormats().Choose("jsonl", "--format"));
  std::ostringstream out;
  TraceFormats().Choose("jsonl", "--format")({}, TraceMetadata{}, out);
  EXPECT_EQ(out.str(), "");  // no steps, no lines
}

TEST(FormatChoice, AnAddedFormatIsFoundAndListedLast) {
  FormatRegistry<int> registry;
  registry.Add("b", 1);
  registry.Add("a", 2);
  EXPECT_EQ(registry.Names(), "b, a");
  EXPECT_EQ(registry.Choose("a", "--format"), 2);
  EXPECT_EQ(registry.Find("c"), nullptr);
}

}  // namespace
}  // namespace dupsim
