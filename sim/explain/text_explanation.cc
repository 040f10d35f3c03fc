// The terminal form: lanes as columns with vertical bars, one row per step,
// arrows "|---attempt 1--->|" with their label inside when it fits and to the
// right of the lanes otherwise; notes marked on their lane and worded on the
// right. Columns are display columns, so Chinese labels line up too.
#include <algorithm>
#include <cstdlib>

#include "sim/engine/duration_text.h"
#include "sim/explain/display_width.h"
#include "sim/explain/explain_summary.h"
#include "sim/explain/narrative.h"
#include "sim/explain/renderers.h"

namespace dupsim {
namespace {

constexpr int kPageWidth = 140;    // what the diagram aims to fit
constexpr int kNotesAtLeast = 40;  // columns kept right of the lanes for notes
constexpr int kLaneSpacingMin = 12;
constexpr int kArrowPadding = 4;  // dashes and arrowhead around a label inside an arrow
constexpr int kNarrativeWidth = 100;

constexpr std::string_view kBold = "\033[1m";
constexpr std::string_view kRed = "\033[31m";
constexpr std::string_view kBoldRed = "\033[1;31m";
constexpr std::string_view kYellow = "\033[33m";
constexpr std::string_view kReset = "\033[0m";

// One row of the diagram, a cell per display column; a wide character fills its cell and
// leaves the next one empty.
class Row {
 public:
  explicit Row(int width) : cells_(static_cast<std::size_t>(width), " ") {}

  void Put(int x, std::string_view text) {
    for (const Glyph& g : Glyphs(text)) {
      if (x < 0 || x + g.width > static_cast<int>(cells_.size())) break;
      cells_[static_cast<std::size_t>(x)] = std::string(g.bytes);
      if (g.width == 2) cells_[static_cast<std::size_t>(x) + 1].clear();
      x += g.width;
    }
  }

  std::string Text() const {
    std::string line;
    for (const std::string& c : cells_) line += c;
    while (!line.empty() && line.back() == ' ') line.pop_back();
    return line;
  }

 private:
  std::vector<std::string> cells_;
};

struct Layout {
  int time_width = 0;  // the time column, with its gap
  int spacing = 0;     // between two lanes' bars
  bool short_names = false;
  std::vector<int> bar;  // each lane's bar column
  int notes_at = 0;      // where notes and labels that did not fit begin
};

std::string_view LaneName(const ExplainText& text, Lane lane, bool short_name) {
  const auto i = static_cast<std::size_t>(lane);
  return short_name ? text.lane_short[i] : text.lane[i];
}

// Spacing at which the lane names, centred on their bars, do not touch.
int NameSpacing(const SequenceDiagram& d, const ExplainText& text, bool short_names) {
  int spacing = kLaneSpacingMin;
  for (std::size_t i = 0; i + 1 < d.lanes.size(); ++i) {
    const int a = DisplayWidth(LaneName(text, d.lanes[i], short_names));
    const int b = DisplayWidth(LaneName(text, d.lanes[i + 1], short_names));
    spacing = std::max(spacing, (a + 1) / 2 + (b + 1) / 2 + 2);
  }
  return spacing;
}

Layout LayOut(const SequenceDiagram& d, const ExplainText& text) {
  Layout layout;
  for (const DiagramStep& s : d.steps) {
    layout.time_width =
        std::max(layout.time_width, DisplayWidth(SignedDurationSecondsThreeDecimals(s.at)) + 2);
  }
  const int lanes = static_cast<int>(d.lanes.size());
  // Wide enough for every arrow's label inside it, within the page.
  int wanted = kLaneSpacingMin;
  for (const DiagramStep& s : d.steps) {
    if (s.IsNote()) continue;
    const int span =
        std::abs(static_cast<int>(ColumnOf(d, s.to)) - static_cast<int>(ColumnOf(d, s.from)));
    wanted = std::max(wanted, (DisplayWidth(s.label) + kArrowPadding + 1 + span - 1) / span);
  }
  const int room =
      lanes > 1 ? (kPageWidth - layout.time_width - kNotesAtLeast) / (lanes - 1) : wanted;
  const int full_names = NameSpacing(d, text, false);
  layout.spacing = std::max(std::min(wanted, room), kLaneSpacingMin);
  if (layout.spacing < full_names) {
    const int short_names = NameSpacing(d, text, true);
    layout.short_names = full_names > room;
    layout.spacing = std::max(layout.spacing, layout.short_names ? short_names : full_names);
  }
  const int first_name = DisplayWidth(LaneName(text, d.lanes.front(), layout.short_names));
  for (int i = 0; i < lanes; ++i) {
    layout.bar.push_back(layout.time_width + (first_name + 1) / 2 + i * layout.spacing);
  }
  layout.notes_at = layout.bar.back() + 3;
  return layout;
}

char Marker(StepStyle style) {
  switch (style) {
    case StepStyle::kCharge:
    case StepStyle::kDuplicate:
      return '$';
    case StepStyle::kTrouble:
      return '!';
    case StepStyle::kLate:
      return '~';
    case StepStyle::kMessage:
    case StepStyle::kLost:
    case StepStyle::kNote:
      return '*';
  }
  return '*';
}

// The row's arrow, or its note's marker; returns whatever goes in the notes column.
std::string DrawStep(const DiagramStep& s, const SequenceDiagram& d, const Layout& layout,
                     Row& row) {
  const int from = layout.bar[ColumnOf(d, s.from)];
  if (s.IsNote()) {
    row.Put(from, std::string(1, Marker(s.style)));
    return s.label;
  }
  const int to = layout.bar[ColumnOf(d, s.to)];
  const int lo = std::min(from, to) + 1;
  const int inner = std::abs(to - from) - 1;
  const std::string fill(1, s.style == StepStyle::kLate ? '~' : '-');
  for (int x = lo; x < lo + inner; ++x) row.Put(x, fill);
  if (s.style == StepStyle::kLost) {
    // It never arrives: the arrow stops short of the lane with a cross.
    row.Put(to < from ? to + 1 : to - 1, " ");
    row.Put(to < from ? to + 2 : to - 2, "\u2717");
  } else {
    row.Put(to < from ? to + 1 : to - 1, to < from ? "<" : ">");
  }
  const int width = DisplayWidth(s.label);
  if (width + kArrowPadding > inner) return s.label;
  row.Put(lo + (inner - width) / 2, s.label);
  return "";
}

std::string_view ColourOf(StepStyle style) {
  switch (style) {
    case StepStyle::kDuplicate:
      return kBoldRed;
    case StepStyle::kLost:
      return kRed;
    case StepStyle::kLate:
    case StepStyle::kTrouble:
      return kYellow;
    case StepStyle::kMessage:
    case StepStyle::kNote:
    case StepStyle::kCharge:
      return "";
  }
  return "";
}

void WriteDiagram(const SequenceDiagram& d, const ExplainText& text, bool colour,
                  std::ostream& out) {
  if (d.lanes.empty()) return;  // a story with nothing to draw
  const Layout layout = LayOut(d, text);
  const int width = layout.notes_at + 1;
  Row header(width + 40);
  for (std::size_t i = 0; i < d.lanes.size(); ++i) {
    const std::string_view name = LaneName(text, d.lanes[i], layout.short_names);
    header.Put(layout.bar[i] - (DisplayWidth(name) - 1) / 2, name);
  }
  out << (colour ? kBold : "") << header.Text() << (colour ? kReset : "") << '\n';
  for (const DiagramStep& s : d.steps) {
    Row row(width);
    row.Put(0, SignedDurationSecondsThreeDecimals(s.at));
    for (int bar : layout.bar) row.Put(bar, "|");
    const std::string note = DrawStep(s, d, layout, row);
    std::string line = row.Text();
    if (!note.empty()) {
      line.append(static_cast<std::size_t>(std::max(0, layout.notes_at - DisplayWidth(line))), ' ');
      line += note;
    }
    const std::string_view paint = colour ? ColourOf(s.style) : "";
    out << paint << line << (paint.empty() ? "" : kReset) << '\n';
  }
  out << std::string(static_cast<std::size_t>(layout.time_width), ' ') << text.legend << '\n';
}

void WriteTable(const CounterfactualTable& table, bool colour, std::ostream& out) {
  std::vector<int> widths;
  for (const std::string& h : table.headings) widths.push_back(DisplayWidth(h));
  for (const auto& row : table.rows) {
    for (std::size_t c = 0; c < row.size(); ++c) {
      widths[c] = std::max(widths[c], DisplayWidth(row[c]));
    }
  }
  auto write_row = [&](const std::vector<std::string>& cells) {
    std::string line = "  ";
    for (std::size_t c = 0; c < cells.size(); ++c) {
      const std::string pad(static_cast<std::size_t>(widths[c] - DisplayWidth(cells[c])), ' ');
      line += NumericColumn(c) ? pad + cells[c] : cells[c] + pad;
      if (c + 1 < cells.size()) line += "  ";
    }
    while (!line.empty() && line.back() == ' ') line.pop_back();
    return line;
  };
  out << write_row(table.headings) << '\n';
  int total = 0;
  for (int w : widths) total += w + 2;
  out << "  " << std::string(static_cast<std::size_t>(total - 2), '-') << '\n';
  for (std::size_t r = 0; r < table.rows.size(); ++r) {
    const bool bold = colour && (table.prevented[r] || table.explained[r]);
    out << (bold ? kBold : "") << write_row(table.rows[r]) << (bold ? kReset : "") << '\n';
  }
}

}  // namespace

void RenderTextExplanation(const Explanation& e, const SequenceDiagram& diagram,
                           const ExplainText& text, bool colour, std::ostream& out) {
  out << (colour ? kBold : "") << ExplainTitle(e, text) << (colour ? kReset : "") << '\n'
      << ExplainSubtitle(e, text) << "\n\n";
  WriteDiagram(diagram, text, colour, out);
  out << '\n' << (colour ? kBold : "") << text.why_heading << (colour ? kReset : "") << '\n';
  for (const std::string& line : WrapText(Narrative(e, text), kNarrativeWidth)) {
    out << "  " << line << '\n';
  }
  out << '\n'
      << (colour ? kBold : "") << text.counterfactual_heading << (colour ? kReset : "") << '\n';
  WriteTable(MakeCounterfactualTable(e, text), colour, out);
  for (const std::string& line : WrapText(text.counterfactual_note, kNarrativeWidth)) {
    out << "  " << line << '\n';
  }
}

}  // namespace dupsim
