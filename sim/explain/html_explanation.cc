// The HTML form: one self-contained page (polyglot XHTML, like the run
// report, so XML parsers and tests can read it) with the SVG diagram, the
// narrative and the counterfactual table. Nothing is fetched.
#include "reports/html_escape.h"
#include "reports/tool_version.h"
#include "sim/explain/explain_summary.h"
#include "sim/explain/narrative.h"
#include "sim/explain/renderers.h"

namespace dupsim {
namespace {

constexpr std::string_view kPageStyle = R"css(
body { margin: 0; background: #f4f5f7; color: #1f2933;
  font: 15px/1.55 -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, "Noto Sans CJK SC", "PingFang SC", "Microsoft YaHei", sans-serif; }
/* Chinese lines end at its punctuation and spaces, as the text form wraps them, never inside a
   word or a figure; a run longer than the line may still break rather than overflow. */
p, h1, td, th { word-break: keep-all; overflow-wrap: break-word; line-break: strict; }
main { max-width: 1200px; margin: 0 auto; padding: 28px 24px 48px; }
h1 { font-size: 22px; line-height: 1.25; margin: 0; }
h2 { font-size: 18px; margin: 0 0 10px; }
.subtitle { margin: 4px 0 0; color: #616e7c; }
section { background: #fff; border: 1px solid #e1e4e8; border-radius: 10px; padding: 20px 24px; margin-top: 20px; }
.diagram { overflow-x: auto; }
.diagram svg { display: block; max-width: 100%; height: auto; }
.narrative { max-width: 80ch; margin: 0; }
table { border-collapse: collapse; font-size: 14px; }
th, td { padding: 5px 12px; border-bottom: 1px solid #e9ecef; text-align: left; white-space: nowrap; }
th { color: #3e4c59; font-weight: 650; }
td.number, th.number { text-align: right; font-variant-numeric: tabular-nums; }
tr.explained td { background: #fdf2f2; }
tr.prevented td { background: #eef8f1; }
.table-note { color: #616e7c; font-size: 13px; margin: 10px 0 0; max-width: 80ch; }
)css";

void WriteTable(const CounterfactualTable& table, std::ostream& out) {
  out << "<table>\n<thead><tr>";
  for (std::size_t c = 0; c < table.headings.size(); ++c) {
    out << (NumericColumn(c) ? "<th class=\"number\">" : "<th>") << EscapeXml(table.headings[c])
        << "</th>";
  }
  out << "</tr></thead>\n<tbody>\n";
  for (std::size_t r = 0; r < table.rows.size(); ++r) {
    const char* css = table.explained[r]   ? " class=\"explained\""
                      : table.prevented[r] ? " class=\"prevented\""
                                           : "";
    out << "<tr" << css << '>';
    for (std::size_t c = 0; c < table.rows[r].size(); ++c) {
      out << (NumericColumn(c) ? "<td class=\"number\">" : "<td>") << EscapeXml(table.rows[r][c])
          << "</td>";
    }
    out << "</tr>\n";
  }
  out << "</tbody>\n</table>\n";
}

}  // namespace

void RenderHtmlExplanation(const Explanation& e, const SequenceDiagram& diagram,
                           const ExplainText& text, std::ostream& out) {
  const std::string title = ExplainTitle(e, text);
  out << "<!DOCTYPE html>\n"
         "<html xmlns=\"http://www.w3.org/1999/xhtml\" lang=\""
      << text.tag << "\" xml:lang=\"" << text.tag << "\">\n"
      << "<head>\n<meta charset=\"utf-8\"/>\n"
         "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"/>\n"
         "<meta name=\"generator\" content=\""
      << kToolName << ' ' << EscapeXml(ToolVersion()) << "\"/>\n"
      << "<title>" << EscapeXml(title) << "</title>\n"
      << "<style>" << kPageStyle << "</style>\n</head>\n<body>\n<main>\n"
      << "<header>\n<h1>" << EscapeXml(title) << "</h1>\n<p class=\"subtitle\">"
      << EscapeXml(ExplainSubtitle(e, text)) << "</p>\n</header>\n"
      << "<section class=\"diagram\">\n<h2>" << EscapeXml(text.diagram_heading) << "</h2>\n"
      << SequenceDiagramSvg(e, diagram, text, /*titled=*/false) << "</section>\n"
      << "<section>\n<h2>" << EscapeXml(text.why_heading) << "</h2>\n<p class=\"narrative\">"
      << EscapeXml(Narrative(e, text)) << "</p>\n</section>\n"
      << "<section>\n<h2>" << EscapeXml(text.counterfactual_heading) << "</h2>\n";
  WriteTable(MakeCounterfactualTable(e, text), out);
  out << "<p class=\"table-note\">" << EscapeXml(text.counterfactual_note) << "</p>\n"
      << "</section>\n</main>\n</body>\n</html>\n";
}

}  // namespace dupsim
