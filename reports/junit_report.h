// `--format junit`: JUnit XML, the test report CI systems read (GitHub Actions test
// reporters, GitLab's `artifacts:reports:junit`, Jenkins' JUnit plug-in), so a
// `dupsim check` shows up as tests: one <testsuite> per scenario, one <testcase> per
// expectation, and a `baseline` <testsuite> with one <testcase> per (run, rate) compared.
// A failed or inconclusive expectation and a regression are <failure>s whose message is the
// verdict's wording (verdict_text.h): the measured figure, its interval and the bound.
// Without a check (`dupsim run`), each run is a passing <testcase> with a summary line.
// Deterministic: no timestamps or host names, every time="0". reports/README.md has the
// details.
#pragma once

#include <string>
#include <string_view>

#include "reports/report_format.h"

namespace dupsim {

class JunitReport final : public ReportFormat {
 public:
  std::string_view name() const override { return "junit"; }
  std::string_view summary() const override {
    return "JUnit XML for CI test reporters: a testcase per expectation and baseline rate";
  }
  void Render(const Report& report, std::ostream& out) const override;
};

// `text` as XML character data or a double-quoted attribute value: & < > " as entities, tab,
// newline and carriage return as character references (attribute values would fold them into spaces
// otherwise), other control characters and bytes that are not valid UTF-8 (XML 1.0 allows neither)
// as U+FFFD.
std::string XmlEscape(std::string_view text);

}  // namespace dupsim
