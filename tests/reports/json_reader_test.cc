// Saved results read back: the same report renders the same bytes, and a file
// that is not a dupsim report is a one-line error naming where it is wrong.
#include "reports/json_reader.h"

#include <gtest/gtest.h>

#include <sstream>

#include "reports/json_report.h"
#include "sim/input/input_error.h"
#include "tests/reports/sample_report.h"

namespace dupsim {
namespace {

std::string Render(const Report& report) {
  std::ostringstream out;
  JsonReport().Render(report, out);
  return out.str();
}

std::string ReadError(const std::string& text) {
  try {
    ReadJsonReport(text, "r.json");
  } catch (const InputError& e) {
    return e.what();
  }
  return "(no error)";
}

TEST(JsonReader, ARunReadBackRendersTheSameBytes) {
  const std::string json = Render(SampleReport());
  EXPECT_EQ(Render(ReadJsonReport(json, "r.json")), json);
}

TEST(JsonReader, ACheckReadBackRendersTheSameBytes) {
  const std::string json = Render(SampleCheckedReport());
  const Report back = ReadJsonReport(json, "r.json");
  EXPECT_EQ(Render(back), json);
  ASSERT_EQ(back.check.expectations.size(), SampleCheckedReport().check.expectations.size());
  EXPECT_EQ(back.check.Count(Verdict::kInconclusive), 1u);
  EXPECT_EQ(back.check.Count(Change::kRegression), 1u);
  EXPECT_EQ(back.results[0].time_to_confirmation_percentiles.size(), 101u);
  EXPECT_EQ(back.scenarios[0].cause, "user_misoperation");
}

TEST(JsonReader, BadFilesNameWhereTheyAreWrong) {
  EXPECT_EQ(ReadError("{\n  \"tool\": \"dupsim\",\n  oops\n}"),
            "r.json:3:3: not valid JSON: syntax error while parsing object key - invalid "
            "literal; last read: '\"dupsim\",<U+000A>  o'; expected string literal");
  EXPECT_EQ(ReadError("[1, 2]"), "r.json: not a dupsim report (no \"tool\": \"dupsim\")");
  EXPECT_EQ(ReadError("{\"tool\": \"other\"}"),
            "r.json: not a dupsim report (no \"tool\": \"dupsim\")");
  std::string json = Render(SampleReport());
  const std::string field = "\"duplicate_charges\": 0,";
  json.erase(json.find(field), field.size());
  EXPECT_EQ(ReadError(json), "r.json: results[1].duplicate_charges: missing");
  json = Render(SampleReport());
  json.replace(json.find("\"seed\": 42"), 10, "\"seed\": -4");
  EXPECT_EQ(ReadError(json), "r.json: results[0].seed: expected a whole number >= 0");
}

TEST(JsonReader, AMissingFileIsAnError) {
  try {
    ReadJsonReportFile("/nonexistent/r.json");
    ADD_FAILURE() << "read a missing file";
  } catch (const InputError& e) {
    EXPECT_EQ(std::string(e.what()),
              "/nonexistent/r.json: cannot read file: No such file or directory");
  }
}

}  // namespace
}  // namespace dupsim
