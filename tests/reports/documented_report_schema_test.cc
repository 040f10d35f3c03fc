// The reader of reports/README.md's schema tables (tests/support/documented_report_schema.h):
// it picks the right table, reads every name of a cell, refuses what it cannot read exactly,
// and a mismatch names the first differing entry and the file to edit.
#include "tests/support/documented_report_schema.h"

#include <gtest/gtest.h>

#include <stdexcept>
#include <string>
#include <vector>

namespace dupsim {
namespace {

using Names = std::vector<std::string>;

const Names kKeyHeader = {"key", "type", "meaning"};

const char kDoc[] =
    "# reports\n"
    "\n"
    "## `table`\n"
    "\n"
    "| key | type | meaning |\n"
    "| --- | --- | --- |\n"
    "| `elsewhere` | string | another section's table |\n"
    "\n"
    "## `json`\n"
    "\n"
    "```\n"
    "## `csv`\n"
    "| key | type | meaning |\n"
    "```\n"
    "\n"
    "| key | type | unit | meaning |\n"
    "| --- | --- | --- | --- |\n"
    "| `wide` | string | | a table with another header |\n"
    "\n"
    "| key | type | meaning |\n"
    "| :-- | --- | --- |\n"
    "| `a` | string | one name |\n"
    "| `b`, `c_2` | integer | two names, in order |\n"
    "\n"
    "After the table: `not_a_key`.\n"
    "\n"
    "## `csv`\n";

// The text of the exception DocumentedNames throws, or "" when it returns.
std::string ParseError(const std::string& doc, const std::string& section, const Names& header) {
  try {
    testing::DocumentedNames(doc, section, header);
  } catch (const std::runtime_error& e) {
    return e.what();
  }
  return "";
}

TEST(DocumentedReportSchema, ReadsTheTableWithTheGivenHeaderInTheGivenSection) {
  EXPECT_EQ(testing::DocumentedNames(kDoc, "json", kKeyHeader), (Names{"a", "b", "c_2"}));
  EXPECT_EQ(testing::DocumentedNames(kDoc, "json", {"key", "type", "unit", "meaning"}),
            Names{"wide"});
  EXPECT_EQ(testing::DocumentedNames(kDoc, "table", kKeyHeader), Names{"elsewhere"});
}

TEST(DocumentedReportSchema, AMissingSectionOrTableIsAnError) {
  EXPECT_EQ(ParseError(kDoc, "html", kKeyHeader),
            "reports/README.md: no section headed \"## `html`\"");
  // The "## `csv`" inside the fence is no heading; the real one has no table.
  EXPECT_EQ(ParseError(kDoc, "csv", kKeyHeader),
            "reports/README.md: section `csv` has no table headed | key | type | meaning |");
}

TEST(DocumentedReportSchema, ACellThatIsNotBacktickedNamesIsAnErrorAtItsLine) {
  for (const char* cell : {"plain", "`cause_*`", "`a` and `b`", "`a`,", "``"}) {
    const std::string doc =
        std::string("## `json`\n\n| key | type | meaning |\n| --- | --- | --- |\n") +
        "| `ok` | string | |\n| " + cell + " | string | |\n";
    EXPECT_EQ(ParseError(doc, "json", kKeyHeader).rfind("reports/README.md:6: ", 0), 0u)
        << cell << ": " << ParseError(doc, "json", kKeyHeader);
  }
}

TEST(DocumentedReportSchema, AMismatchNamesTheFirstDifferenceAndTheFileToEdit) {
  EXPECT_TRUE(testing::MatchesDocumented({"a", "b"}, {"a", "b"}, "key", "the table"));
  const auto differs = testing::MatchesDocumented({"a", "x", "b"}, {"a", "b"}, "key", "the table");
  ASSERT_FALSE(differs);
  EXPECT_EQ(std::string(differs.message()),
            "key 2 (after `a`): the code writes `x`, reports/README.md documents `b`. Edit the "
            "table in reports/README.md to list what the code writes, in its order (or fix the "
            "code, if its output is what is wrong).");
  const auto longer = testing::MatchesDocumented({"a", "b"}, {"a"}, "key", "the table");
  EXPECT_NE(std::string(longer.message())
                .find("the code writes `b`, reports/README.md "
                      "documents nothing"),
            std::string::npos)
      << longer.message();
  const auto shorter = testing::MatchesDocumented({}, {"a"}, "key", "the table");
  EXPECT_EQ(std::string(shorter.message()).rfind("key 1: the code writes nothing, ", 0), 0u)
      << shorter.message();
}

// The real doc parses; the writers' tests compare their output with these lists.
TEST(DocumentedReportSchema, TheReadmeDocumentsEveryList) {
  EXPECT_EQ(testing::DocumentedJsonTopLevelKeys().front(), "tool");
  EXPECT_EQ(testing::DocumentedJsonResultKeys().front(), "scenario");
  EXPECT_EQ(testing::DocumentedCsvColumns().front(), "scenario");
}

}  // namespace
}  // namespace dupsim
