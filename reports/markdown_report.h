// `--format markdown`: GitHub-flavoured Markdown for a CI job summary
// (`>> $GITHUB_STEP_SUMMARY`). A `##` title, then for a check the failed and
// inconclusive expectations first, every expectation in a collapsible block and
// the baseline comparison; then one `###` section per scenario with a table of
// its strategies and the root causes of their duplicates. Text from scenario
// files is escaped, so a name or description cannot break the layout.
#pragma once

#include <string>
#include <string_view>

#include "reports/report_format.h"

namespace dupsim {

class MarkdownReport final : public ReportFormat {
 public:
  std::string_view name() const override { return "markdown"; }
  std::string_view summary() const override {
    return "GitHub-flavoured Markdown for a CI job summary, verdicts first for a check";
  }
  void Render(const Report& report, std::ostream& out) const override;
};

// `text` as one line of Markdown prose that renders as itself: whitespace runs (line
// breaks included) become one space, and characters Markdown would act on (`*`, `|`, `<`,
// a word-edge `_`, a leading `#`, ...) get a backslash.
std::string MarkdownText(std::string_view text);

// `text` as an inline code span, with a fence longer than any backtick run inside; in a
// table cell (`in_table`) its `|` are escaped as GitHub tables require.
std::string MarkdownCode(std::string_view text, bool in_table);

}  // namespace dupsim
