#include "tests/support/documented_report_schema.h"

#include <algorithm>
#include <iterator>
#include <stdexcept>

#include "tests/docs/repo_files.h"

namespace dupsim::testing {
namespace {

// One line of the doc and its 1-based number, so that an error can point at it.
struct Line {
  std::size_t number;
  std::string_view text;
};

// One documented table: its section and header row (which tell it from every other table),
// and the words a failure uses for one entry and for the table.
struct SchemaTable {
  std::string_view section;
  std::vector<std::string> header;
  std::string_view what;
  std::string_view where;
};

const SchemaTable kTopLevelTable{"json",
                                 {"key", "type", "meaning"},
                                 "JSON top-level key",
                                 "the `json` section's \"Top level\" table"};
const SchemaTable kResultTable{"json",
                               {"key", "type", "unit", "meaning"},
                               "JSON result key",
                               "the `json` section's table of each element of `results`"};
const SchemaTable kCsvTable{
    "csv", {"column", "unit", "notes"}, "CSV column", "the `csv` section's column table"};

// A doc that does not parse is an error at its line (0: the whole file), not an empty list.
[[noreturn]] void Fail(std::size_t line, const std::string& why) {
  std::string where(kReportSchemaDoc);
  if (line > 0) where += ":" + std::to_string(line);
  throw std::runtime_error(where + ": " + why);
}

std::string_view Trim(std::string_view s) {
  const std::size_t begin = s.find_first_not_of(" \t");
  if (begin == std::string_view::npos) return {};
  return s.substr(begin, s.find_last_not_of(" \t") - begin + 1);
}

std::vector<Line> Lines(std::string_view text) {
  std::vector<Line> lines;
  for (std::size_t number = 1; !text.empty(); ++number) {
    const std::size_t end = std::min(text.find('\n'), text.size());
    std::string_view line = text.substr(0, end);
    if (line.ends_with('\r')) line.remove_suffix(1);
    lines.push_back({number, line});
    text.remove_prefix(std::min(end + 1, text.size()));
  }
  return lines;
}

// The lines under "## `SECTION`" up to the next heading of level 1 or 2. Lines of ``` fences
// are left out: a code sample's "| x |" or "## x" is neither a table row nor a heading.
std::vector<Line> SectionLines(const std::vector<Line>& lines, std::string_view section) {
  const std::string heading = "## `" + std::string(section) + "`";
  std::vector<Line> body;
  bool found = false;
  bool in_fence = false;
  for (const Line& line : lines) {
    if (line.text.starts_with("```")) {
      in_fence = !in_fence;
      continue;
    }
    if (in_fence) continue;
    if (line.text.starts_with("# ") || line.text.starts_with("## ")) {
      if (found) break;
      found = Trim(line.text) == heading;
    } else if (found) {
      body.push_back(line);
    }
  }
  if (!found) Fail(0, "no section headed \"" + heading + "\"");
  return body;
}

bool IsTableRow(std::string_view text) {
  return Trim(text).starts_with('|');
}

// The delimiter row under a table's header, "| --- | :---: |".
bool IsDelimiterRow(std::string_view text) {
  return IsTableRow(text) && Trim(text).find_first_not_of("|-: \t") == std::string_view::npos;
}

// A row's cells, trimmed, without the outer pipes: "| a | b |" gives {"a", "b"}. Only header
// rows and first cells are read, so a pipe inside a later cell's code span cannot matter.
std::vector<std::string> Cells(std::string_view row) {
  row = Trim(row);
  if (row.starts_with('|')) row.remove_prefix(1);
  if (row.ends_with('|')) row.remove_suffix(1);
  std::vector<std::string> cells;
  for (std::size_t bar; (bar = row.find('|')) != std::string_view::npos;) {
    cells.emplace_back(Trim(row.substr(0, bar)));
    row.remove_prefix(bar + 1);
  }
  cells.emplace_back(Trim(row));
  return cells;
}

bool IsName(std::string_view name) {
  return !name.empty() && name.find_first_not_of(
                              "abcdefghijklmnopqrstuvwxyz"
                              "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_") == std::string_view::npos;
}

// "`a`, `b`" gives {"a", "b"}. Names are literal: a pattern such as `cause_*` is refused, so
// the doc lists every column (the root causes' included) as it appears in the output.
std::vector<std::string> BacktickedNames(const Line& line, std::string_view cell) {
  std::vector<std::string> names;
  for (std::string_view rest = cell;;) {
    const std::size_t comma = std::min(rest.find(','), rest.size());
    const std::string_view item = Trim(rest.substr(0, comma));
    const bool quoted = item.size() >= 2 && item.front() == '`' && item.back() == '`';
    if (!quoted || !IsName(item.substr(1, item.size() - 2))) {
      Fail(line.number, "the first cell must list backticked names, comma separated; got \"" +
                            std::string(cell) + "\"");
    }
    names.emplace_back(item.substr(1, item.size() - 2));
    if (comma == rest.size()) return names;
    rest.remove_prefix(comma + 1);
  }
}

std::string HeaderText(const std::vector<std::string>& header) {
  std::string text = "|";
  for (const std::string& cell : header) text += " " + cell + " |";
  return text;
}

// The README itself, read once from the source tree the tests were built from.
const std::string& SchemaDoc() {
  static const std::string text = [] {
    std::string doc = ReadRepositoryFile(std::string(kReportSchemaDoc));
    if (doc.empty()) Fail(0, "missing or empty");
    return doc;
  }();
  return text;
}

std::vector<std::string> Documented(const SchemaTable& table) {
  return DocumentedNames(SchemaDoc(), table.section, table.header);
}

// "`name`", or "nothing" past the end of its list, for failure messages.
std::string Shown(const std::vector<std::string>& names, std::size_t at) {
  return at < names.size() ? "`" + names[at] + "`" : "nothing";
}

::testing::AssertionResult Matches(const std::vector<std::string>& actual,
                                   const std::vector<std::string>& documented,
                                   const SchemaTable& table) {
  return MatchesDocumented(actual, documented, table.what, table.where);
}

}  // namespace

std::vector<std::string> DocumentedNames(std::string_view markdown, std::string_view section,
                                         const std::vector<std::string>& header) {
  const std::vector<Line> lines = SectionLines(Lines(markdown), section);
  auto row = std::find_if(lines.begin(), lines.end(), [&](const Line& line) {
    return IsTableRow(line.text) && Cells(line.text) == header;
  });
  if (row == lines.end()) {
    Fail(0, "section `" + std::string(section) + "` has no table headed " + HeaderText(header));
  }
  if (++row == lines.end() || !IsDelimiterRow(row->text)) {
    Fail(std::prev(row)->number, "the header row is not followed by a | --- | row");
  }
  std::vector<std::string> names;
  for (++row; row != lines.end() && IsTableRow(row->text); ++row) {
    for (std::string& name : BacktickedNames(*row, Cells(row->text).front())) {
      names.push_back(std::move(name));
    }
  }
  return names;
}

const std::vector<std::string>& DocumentedJsonTopLevelKeys() {
  static const std::vector<std::string> keys = Documented(kTopLevelTable);
  return keys;
}

const std::vector<std::string>& DocumentedJsonResultKeys() {
  static const std::vector<std::string> keys = Documented(kResultTable);
  return keys;
}

const std::vector<std::string>& DocumentedCsvColumns() {
  static const std::vector<std::string> columns = Documented(kCsvTable);
  return columns;
}

// The code's output is the truth the doc must state, so the message sends you to the doc
// first, naming the one entry to look at rather than printing two long lists.
::testing::AssertionResult MatchesDocumented(const std::vector<std::string>& actual,
                                             const std::vector<std::string>& documented,
                                             std::string_view what, std::string_view table) {
  const auto [a, d] =
      std::mismatch(actual.begin(), actual.end(), documented.begin(), documented.end());
  if (a == actual.end() && d == documented.end()) return ::testing::AssertionSuccess();
  const auto at = static_cast<std::size_t>(a - actual.begin());
  ::testing::AssertionResult failure = ::testing::AssertionFailure();
  failure << what << " " << at + 1;
  if (at > 0) failure << " (after `" << actual[at - 1] << "`)";
  failure << ": the code writes " << Shown(actual, at) << ", " << kReportSchemaDoc << " documents "
          << Shown(documented, at) << ". Edit " << table << " in " << kReportSchemaDoc
          << " to list what the code writes, in its order (or fix the code, "
          << "if its output is what is wrong).";
  return failure;
}

::testing::AssertionResult MatchesDocumentedJsonTopLevelKeys(const std::vector<std::string>& keys) {
  return Matches(keys, DocumentedJsonTopLevelKeys(), kTopLevelTable);
}

::testing::AssertionResult MatchesDocumentedJsonResultKeys(const std::vector<std::string>& keys) {
  return Matches(keys, DocumentedJsonResultKeys(), kResultTable);
}

::testing::AssertionResult MatchesDocumentedCsvColumns(const std::vector<std::string>& columns) {
  return Matches(columns, DocumentedCsvColumns(), kCsvTable);
}

}  // namespace dupsim::testing
