#include "reports/html_style.h"

namespace dupsim {

std::string_view HtmlStyleSheet() {
  // System fonts only: the report must not fetch anything. Figures use tabular digits so
  // columns of numbers line up.
  return R"css(
:root { color-scheme: light; }
* { box-sizing: border-box; }
body {
  margin: 0; background: #f4f5f7; color: #1f2933;
  font: 15px/1.5 -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, "Liberation Sans", sans-serif;
}
main { max-width: 1040px; margin: 0 auto; padding: 28px 24px 48px; }
code, pre { font-family: ui-monospace, "SFMono-Regular", Menlo, Consolas, "Liberation Mono", monospace; }
h1 { font-size: 26px; line-height: 1.2; margin: 0; font-weight: 700; letter-spacing: -0.01em; }
h2 { font-size: 21px; line-height: 1.25; margin: 0 0 6px; font-weight: 700; }
h3 { font-size: 15px; margin: 22px 0 8px; font-weight: 650; color: #3e4c59; }
.subtitle { margin: 4px 0 0; color: #616e7c; }
nav.scenarios { margin: 12px 0 0; font-size: 14px; }
nav.scenarios a { color: #4338ca; text-decoration: none; margin-right: 16px; white-space: nowrap; }
nav.scenarios a:hover { text-decoration: underline; }
section.card {
  background: #fff; border: 1px solid #e1e4e8; border-radius: 10px;
  padding: 24px 28px 26px; margin-top: 22px;
}
.meta { margin: 0; color: #616e7c; font-size: 13.5px; }
.meta span + span::before { content: "\00B7"; margin: 0 8px; color: #9aa5b1; }
.meta code { font-size: 12.5px; color: #3e4c59; }
.description { margin: 12px 0 0; max-width: 80ch; }
.empty { color: #616e7c; font-style: italic; margin: 4px 0 0; }
figure { margin: 26px 0 0; }
figcaption { margin: 0 0 8px; }
.chart-title { font-weight: 650; font-size: 15.5px; }
.chart-note { color: #616e7c; font-size: 13.5px; }
figure > svg { display: block; width: 100%; height: auto; overflow: visible; }
svg text { font-family: inherit; }
svg .bar-label {
  font-size: 13px; font-weight: 600; fill: #1f2933;
  paint-order: stroke; stroke: #fff; stroke-width: 4px; stroke-linejoin: round;
}
svg .bar-value { font-weight: 400; fill: #52606d; }
svg .tick-label { font-size: 11.5px; fill: #616e7c; font-variant-numeric: tabular-nums; }
svg .axis-title { font-size: 12px; fill: #616e7c; }
svg .grid { stroke: #e9ecef; stroke-width: 1; }
svg .baseline, svg .axis-line, svg .tick { stroke: #9aa5b1; stroke-width: 1; }
svg .ci { stroke: #111827; stroke-width: 1.5; }
svg .segment { stroke: #fff; stroke-width: 1; }
svg .segment-label { font-size: 11.5px; font-weight: 600; fill: #fff; font-variant-numeric: tabular-nums; }
svg .segment-label.dark { fill: #1f2933; }
svg .cdf { fill: none; stroke-width: 2; stroke-linejoin: round; }
svg .cdf.dash-1 { stroke-dasharray: 9 5; }
svg .cdf.dash-2 { stroke-dasharray: 2 4; }
svg .cdf.dash-3 { stroke-dasharray: 12 4 2 4; }
.legend { list-style: none; display: flex; flex-wrap: wrap; gap: 4px 22px; padding: 0; margin: 10px 0 0; font-size: 13px; }
.legend li { display: flex; align-items: center; gap: 7px; }
.swatch { display: inline-block; width: 12px; height: 12px; border-radius: 2px; flex: none; }
svg.swatch-line { width: 28px; height: 6px; flex: none; overflow: visible; }
.legend-value { color: #616e7c; font-variant-numeric: tabular-nums; }
.table-scroll { overflow-x: auto; }
table.costs { width: 100%; border-collapse: collapse; font-size: 13.5px; font-variant-numeric: tabular-nums; }
table.costs th {
  text-align: right; vertical-align: bottom; padding: 4px 10px 6px; font-size: 12.5px;
  font-weight: 600; color: #52606d; border-bottom: 1px solid #d5dae0;
}
table.costs tr.group th { border-bottom: none; padding-bottom: 0; text-transform: uppercase;
  letter-spacing: 0.06em; font-size: 11px; color: #7b8794; }
table.costs tr.group th.costs-group { border-bottom: 2px solid #e1e4e8; text-align: center; }
table.costs tr.group th.benefit-group { border-bottom: 2px solid #6366f1; text-align: center; }
table.costs td { text-align: right; vertical-align: top; padding: 8px 10px; border-bottom: 1px solid #eef0f3; white-space: nowrap; }
table.costs th.strategy, table.costs td.strategy { text-align: left; white-space: normal; }
table.costs td.strategy { font-weight: 600; overflow-wrap: break-word; }
table.costs td.benefit { background: #f5f5ff; }
.interval { display: block; color: #7b8794; font-size: 12px; }
.absent { color: #9aa5b1; }
details { margin-top: 22px; }
summary { cursor: pointer; font-weight: 650; color: #3e4c59; }
details .note { color: #616e7c; font-size: 13px; margin: 6px 0 0; }
pre {
  margin: 8px 0 0; padding: 12px 14px; background: #f6f7f9; border: 1px solid #e1e4e8;
  border-radius: 6px; font-size: 12.5px; line-height: 1.45; overflow-x: auto;
}
.check-summary { font-size: 17px; font-weight: 650; margin: 4px 0 0; }
.check-summary.failing { color: #b42318; }
.check-summary.passing { color: #1e7a46; }
table.verdicts { border-collapse: collapse; width: 100%; font-size: 13.5px; }
table.verdicts td { padding: 5px 10px; border-bottom: 1px solid #eef0f3; vertical-align: top; }
table.verdicts td.mark { width: 2.2em; text-align: center; font-weight: 700; }
tr.pass td.mark, tr.improvement td.mark { color: #1e7a46; }
tr.fail td.mark, tr.regression td.mark { color: #b42318; }
tr.inconclusive td.mark { color: #a15c07; }
tr.no-change td.mark { color: #7b8794; }
tr.fail, tr.regression { background: #fef3f2; }
tr.inconclusive { background: #fffaeb; }
ul.runs { margin: 0; padding-left: 20px; font-size: 13.5px; }
footer { margin-top: 26px; color: #7b8794; font-size: 12.5px; }
)css";
}

}  // namespace dupsim
