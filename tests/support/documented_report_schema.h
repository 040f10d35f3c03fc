// The report schema as reports/README.md states it. That file is the one hand-written list of
// the JSON keys and the CSV columns: tests read it and compare what the writers produce with
// it, so adding a metric means a row in metrics/metric_table.cc and its line in the doc, and no
// test restating the schema.
#pragma once

#include <gtest/gtest.h>

#include <string>
#include <string_view>
#include <vector>

namespace dupsim::testing {

// Where the schema is documented, relative to the source root; failures send you there.
inline constexpr std::string_view kReportSchemaDoc = "reports/README.md";

// The names in the first cells of one Markdown table, in order: the first table of the
// section headed "## `SECTION`" whose header row has exactly the cells `header` (which tells
// it from the section's other tables). A first cell holds one or more backticked names, comma
// separated. Throws std::runtime_error naming the line when the section, the table or a cell
// is not of that form, so a doc edit that breaks the parse fails loudly, not as an empty list.
std::vector<std::string> DocumentedNames(std::string_view markdown, std::string_view section,
                                         const std::vector<std::string>& header);

// The lists kReportSchemaDoc documents, read once.
const std::vector<std::string>& DocumentedJsonTopLevelKeys();  // the report object's keys
const std::vector<std::string>& DocumentedJsonResultKeys();    // one entry of "results"
const std::vector<std::string>& DocumentedCsvColumns();        // the CSV header row

// Success when `actual` (what the code writes) equals `documented`; otherwise a failure that
// names the first differing entry (`what`, e.g. "JSON result key", and its 1-based position),
// both sides of it, and the table of kReportSchemaDoc to edit.
::testing::AssertionResult MatchesDocumented(const std::vector<std::string>& actual,
                                             const std::vector<std::string>& documented,
                                             std::string_view what, std::string_view table);

// MatchesDocumented against each documented list.
::testing::AssertionResult MatchesDocumentedJsonTopLevelKeys(const std::vector<std::string>& keys);
::testing::AssertionResult MatchesDocumentedJsonResultKeys(const std::vector<std::string>& keys);
::testing::AssertionResult MatchesDocumentedCsvColumns(const std::vector<std::string>& columns);

}  // namespace dupsim::testing
