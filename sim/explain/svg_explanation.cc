// The SVG form: a standalone, self-contained sequence diagram (its styles
// inside, system fonts only, nothing fetched), well-formed XML that the HTML
// page embeds as is. Coordinates print with svg::Number, so the bytes are
// stable. Text widths are estimated (no font metrics here): generous for
// Latin, two Latin widths for a Chinese character.
#include <algorithm>
#include <cstdlib>
#include <sstream>

#include "reports/html_escape.h"
#include "reports/svg_chart.h"
#include "sim/engine/duration_text.h"
#include "sim/explain/display_width.h"
#include "sim/explain/explain_summary.h"
#include "sim/explain/renderers.h"

namespace dupsim {
namespace {

using svg::Number;

constexpr double kColumnWidth = 7.2;  // one display column of 13 px text, about
constexpr double kTimeX = 12;
constexpr double kTitleY = 28;
constexpr double kSubtitleY = 48;
constexpr double kTitleHeight = 56;  // above the lane names, when the title is drawn
constexpr double kHeaderY = 8;
constexpr double kHeaderHeight = 26;
constexpr double kFirstRowY = 66;
constexpr double kRowHeight = 30;
constexpr double kLaneSpacingMin = 130;
constexpr double kLaneSpacingMax = 200;  // longer labels overhang their arrow, on a backdrop
constexpr double kArrowHead = 8;
constexpr double kLostAt = 0.7;  // a lost message's arrow stops this far along

constexpr std::string_view kStyle = R"css(
text { font-family: -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, "Noto Sans CJK SC", "PingFang SC", "Microsoft YaHei", sans-serif; fill: #1f2933; }
.title { font-size: 16px; font-weight: 700; }
.subtitle { font-size: 12.5px; fill: #616e7c; }
.lane-head { fill: #eef2f7; stroke: #9aa5b1; stroke-width: 1; }
.lane-name { font-size: 13px; font-weight: 600; }
.lane { stroke: #9aa5b1; stroke-width: 1; stroke-dasharray: 4 4; }
.time { font-size: 12px; fill: #616e7c; font-variant-numeric: tabular-nums; }
.label { font-size: 13px; }
.arrow line { stroke: #3e4c59; stroke-width: 1.5; }
.arrow polygon { fill: #3e4c59; }
.arrow.late line { stroke: #b7791f; stroke-dasharray: 6 4; }
.arrow.late polygon { fill: #b7791f; }
.arrow.late .label { fill: #8a5a14; }
.arrow.lost line { stroke: #c53030; }
.arrow.lost .label { fill: #c53030; }
.lost-marker line { stroke: #c53030; stroke-width: 2.5; }
.note-bg, .label-bg { fill: #ffffff; opacity: 0.85; }
.marker { stroke: #ffffff; stroke-width: 1.5; }
.marker.note { fill: #616e7c; }
.marker.trouble { fill: #d69e2e; }
.marker.charge { fill: #2f855a; }
.marker.duplicate { fill: #c53030; }
.duplicate-band { fill: #fde2e2; }
.note.duplicate .label { fill: #c53030; font-weight: 700; }
.note.duplicate .note-bg { fill: #fde2e2; }
.note.trouble .label { fill: #8a5a14; }
)css";

double TextWidth(std::string_view text) {
  return DisplayWidth(text) * kColumnWidth;
}

struct SvgLayout {
  double top = 0;  // where the lane names start
  double lane_x0 = 0;
  double spacing = kLaneSpacingMin;
  double width = 0;
  double height = 0;

  double LaneX(std::size_t column) const { return lane_x0 + static_cast<double>(column) * spacing; }
};

SvgLayout LayOut(const Explanation& e, const SequenceDiagram& d, const ExplainText& text,
                 bool titled) {
  SvgLayout layout;
  layout.top = titled ? kTitleHeight : 0;
  double time_width = 0;
  for (const DiagramStep& s : d.steps) {
    time_width = std::max(time_width, TextWidth(SignedDurationSecondsThreeDecimals(s.at)));
  }
  const double first_name =
      d.lanes.empty() ? 0 : TextWidth(text.lane[static_cast<std::size_t>(d.lanes.front())]);
  layout.lane_x0 = kTimeX + time_width + std::max(40.0, first_name / 2 + 24);
  for (const DiagramStep& s : d.steps) {
    if (s.IsNote()) continue;
    const double span =
        std::abs(static_cast<double>(ColumnOf(d, s.to)) - static_cast<double>(ColumnOf(d, s.from)));
    layout.spacing = std::max(layout.spacing, (TextWidth(s.label) + 28) / span);
  }
  for (std::size_t i = 0; i + 1 < d.lanes.size(); ++i) {
    layout.spacing =
        std::max(layout.spacing, (TextWidth(text.lane[static_cast<std::size_t>(d.lanes[i])]) +
                                  TextWidth(text.lane[static_cast<std::size_t>(d.lanes[i + 1])])) /
                                         2 +
                                     32);
  }
  layout.spacing = std::min(layout.spacing, kLaneSpacingMax);
  layout.width = layout.LaneX(d.lanes.empty() ? 0 : d.lanes.size() - 1) + 80;
  for (const DiagramStep& s : d.steps) {
    const double end = s.IsNote() ? layout.LaneX(ColumnOf(d, s.from)) + 12 + TextWidth(s.label) : 0;
    layout.width = std::max(layout.width, end + 16);
  }
  if (titled) {
    layout.width = std::max({layout.width, TextWidth(ExplainTitle(e, text)) * 1.15 + 2 * kTimeX,
                             TextWidth(ExplainSubtitle(e, text)) + 2 * kTimeX});
  }
  layout.height = layout.top + kFirstRowY + static_cast<double>(d.steps.size()) * kRowHeight + 8;
  return layout;
}

std::string_view StyleClass(StepStyle style) {
  switch (style) {
    case StepStyle::kLost:
      return "lost";
    case StepStyle::kLate:
      return "late";
    case StepStyle::kTrouble:
      return "trouble";
    case StepStyle::kCharge:
      return "charge";
    case StepStyle::kDuplicate:
      return "duplicate";
    case StepStyle::kNote:
      return "note";
    case StepStyle::kMessage:
      break;
  }
  return "message";
}

void WriteText(std::ostream& out, double x, double y, std::string_view css_class,
               std::string_view text, std::string_view anchor = "start") {
  out << "<text class=\"" << css_class << "\" x=\"" << Number(x) << "\" y=\"" << Number(y) << '"';
  if (anchor != "start") out << " text-anchor=\"" << anchor << '"';
  out << '>' << EscapeXml(text) << "</text>\n";
}

void WriteLine(std::ostream& out, double x1, double y1, double x2, double y2,
               std::string_view css_class = {}) {
  out << "<line";
  if (!css_class.empty()) out << " class=\"" << css_class << '"';
  out << " x1=\"" << Number(x1) << "\" y1=\"" << Number(y1) << "\" x2=\"" << Number(x2)
      << "\" y2=\"" << Number(y2) << "\"/>\n";
}

void WriteArrow(std::ostream& out, const DiagramStep& s, double from, double to, double y) {
  out << "<g class=\"arrow " << StyleClass(s.style) << "\">\n";
  const double direction = to > from ? 1 : -1;
  if (s.style == StepStyle::kLost) {
    // It never arrives: the line stops on the way, at a cross.
    const double end = from + (to - from) * kLostAt;
    WriteLine(out, from, y, end, y);
    out << "<g class=\"lost-marker\">\n";
    WriteLine(out, end - 6, y - 6, end + 6, y + 6);
    WriteLine(out, end - 6, y + 6, end + 6, y - 6);
    out << "</g>\n";
  } else {
    const double tip = to - direction;
    WriteLine(out, from, y, tip - direction * kArrowHead, y);
    out << "<polygon points=\"" << Number(tip) << ',' << Number(y) << ' '
        << Number(tip - direction * kArrowHead) << ',' << Number(y - 4.5) << ' '
        << Number(tip - direction * kArrowHead) << ',' << Number(y + 4.5) << "\"/>\n";
  }
  const double width = TextWidth(s.label);
  out << "<rect class=\"label-bg\" x=\"" << Number((from + to) / 2 - width / 2 - 3) << "\" y=\""
      << Number(y - 20) << "\" width=\"" << Number(width + 6) << "\" height=\"16\" rx=\"3\"/>\n";
  WriteText(out, (from + to) / 2, y - 7, "label", s.label, "middle");
  out << "</g>\n";
}

void WriteNote(std::ostream& out, const DiagramStep& s, double x, double y) {
  out << "<g class=\"note " << StyleClass(s.style) << "\">\n";
  out << "<rect class=\"note-bg\" x=\"" << Number(x + 8) << "\" y=\"" << Number(y - 12)
      << "\" width=\"" << Number(TextWidth(s.label) + 8) << "\" height=\"18\" rx=\"3\"/>\n";
  out << "<circle class=\"marker " << StyleClass(s.style) << "\" cx=\"" << Number(x) << "\" cy=\""
      << Number(y) << "\" r=\"5.5\"/>\n";
  WriteText(out, x + 12, y + 4.5, "label", s.label);
  out << "</g>\n";
}

}  // namespace

std::string SequenceDiagramSvg(const Explanation& e, const SequenceDiagram& d,
                               const ExplainText& text, bool titled) {
  const SvgLayout layout = LayOut(e, d, text, titled);
  const double header_y = layout.top + kHeaderY;
  const double first_row_y = layout.top + kFirstRowY;
  const std::string title = ExplainTitle(e, text);
  std::ostringstream out;
  out << "<svg xmlns=\"" << svg::kNamespace << "\" class=\"explain-diagram\" width=\""
      << Number(layout.width) << "\" height=\"" << Number(layout.height) << "\" viewBox=\"0 0 "
      << Number(layout.width) << ' ' << Number(layout.height) << "\" role=\"img\" aria-label=\""
      << EscapeXml(title) << "\">\n"
      << "<title>" << EscapeXml(title) << "</title>\n"
      << "<style>" << kStyle << "</style>\n"
      << "<rect x=\"0\" y=\"0\" width=\"" << Number(layout.width) << "\" height=\""
      << Number(layout.height) << "\" fill=\"#ffffff\"/>\n";
  // The duplicate's row stands out across the whole width, under everything else.
  for (std::size_t i = 0; i < d.steps.size(); ++i) {
    if (d.steps[i].style != StepStyle::kDuplicate) continue;
    const double y = first_row_y + static_cast<double>(i) * kRowHeight;
    out << "<rect class=\"duplicate-band\" x=\"0\" y=\"" << Number(y - kRowHeight / 2 - 2)
        << "\" width=\"" << Number(layout.width) << "\" height=\"" << Number(kRowHeight)
        << "\"/>\n";
  }
  if (titled) {
    WriteText(out, kTimeX, kTitleY, "title", title);
    WriteText(out, kTimeX, kSubtitleY, "subtitle", ExplainSubtitle(e, text));
  }
  const double bottom = layout.height - 8;
  for (std::size_t i = 0; i < d.lanes.size(); ++i) {
    const std::string_view name = text.lane[static_cast<std::size_t>(d.lanes[i])];
    const double x = layout.LaneX(i);
    const double box = TextWidth(name) + 20;
    WriteLine(out, x, header_y + kHeaderHeight, x, bottom, "lane");
    out << "<rect class=\"lane-head\" x=\"" << Number(x - box / 2) << "\" y=\"" << Number(header_y)
        << "\" width=\"" << Number(box) << "\" height=\"" << Number(kHeaderHeight)
        << "\" rx=\"4\"/>\n";
    WriteText(out, x, header_y + 17.5, "lane-name", name, "middle");
  }
  for (std::size_t i = 0; i < d.steps.size(); ++i) {
    const DiagramStep& s = d.steps[i];
    const double y = first_row_y + static_cast<double>(i) * kRowHeight;
    WriteText(out, kTimeX, y + 4, "time", SignedDurationSecondsThreeDecimals(s.at));
    const double from = layout.LaneX(ColumnOf(d, s.from));
    if (s.IsNote()) {
      WriteNote(out, s, from, y);
    } else {
      WriteArrow(out, s, from, layout.LaneX(ColumnOf(d, s.to)), y);
    }
  }
  out << "</svg>\n";
  return out.str();
}

void RenderSvgExplanation(const Explanation& e, const SequenceDiagram& diagram,
                          const ExplainText& text, std::ostream& out) {
  out << "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
      << SequenceDiagramSvg(e, diagram, text, /*titled=*/true);
}

}  // namespace dupsim
