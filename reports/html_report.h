// `--format html`: one self-contained page for people — per scenario, charts of
// the duplicate rate with its intervals, of duplicates by root cause and of the
// time to confirmation, the costs of each defence beside its benefit, and the
// scenario's parameters; a check's verdicts on top. No scripts and nothing
// fetched from the network; the page is polyglot XHTML (well-formed XML as
// well as HTML), and the same report always gives the same bytes.
#pragma once

#include "reports/report_format.h"

namespace dupsim {

class HtmlReport final : public ReportFormat {
 public:
  std::string_view name() const override { return "html"; }
  std::string_view summary() const override {
    return "one self-contained HTML page with charts, costs and verdicts";
  }
  void Render(const Report& report, std::ostream& out) const override;
};

}  // namespace dupsim
