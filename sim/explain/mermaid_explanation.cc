// Mermaid, for Markdown that renders it (GitHub, GitLab, most wikis): a
// `sequenceDiagram` with one participant per lane, `->>` for a message, `--x`
// for one that was lost, `-->>` for one that came too late, `Note over` for
// what a party did alone, and the duplicate charge in a red box. The title,
// the narrative and the counterfactual table follow as %% comments, which
// renderers skip and readers of the source still see.
#include <array>

#include "sim/engine/duration_text.h"
#include "sim/explain/explain_summary.h"
#include "sim/explain/narrative.h"
#include "sim/explain/renderers.h"

namespace dupsim {
namespace {

// Participant ids: ASCII, stable across languages; the language's name is the alias.
constexpr std::array<std::string_view, kLaneCount> kParticipantIds = {
    "User", "App", "Network", "LB", "Server", "Keys", "Ledger", "Confirmation", "BackOffice"};

std::string_view Id(Lane lane) {
  return kParticipantIds[static_cast<std::size_t>(lane)];
}

// Mermaid ends a statement at ';' and reads '#' as the start of an entity: both become
// entities; a line break would end the statement, so it becomes a space.
std::string Escaped(std::string_view text) {
  std::string out;
  for (char c : text) {
    if (c == ';') {
      out += "#59;";
    } else if (c == '#') {
      out += "#35;";
    } else if (c == '\n' || c == '\r') {
      out += ' ';
    } else {
      out += c;
    }
  }
  return out;
}

// A comment is one line whatever it holds.
std::string Comment(std::string_view text) {
  std::string out = "%% ";
  for (char c : text) out += (c == '\n' || c == '\r') ? ' ' : c;
  return out;
}

std::string_view Arrow(StepStyle style) {
  switch (style) {
    case StepStyle::kLost:
      return "--x";
    case StepStyle::kLate:
      return "-->>";
    case StepStyle::kMessage:
    case StepStyle::kNote:
    case StepStyle::kTrouble:
    case StepStyle::kCharge:
    case StepStyle::kDuplicate:
      return "->>";
  }
  return "->>";
}

}  // namespace

void RenderMermaidExplanation(const Explanation& e, const SequenceDiagram& diagram,
                              const ExplainText& text, std::ostream& out) {
  out << "sequenceDiagram\n"
      << "    " << Comment(ExplainTitle(e, text)) << '\n'
      << "    " << Comment(ExplainSubtitle(e, text)) << '\n';
  for (Lane lane : diagram.lanes) {
    out << "    participant " << Id(lane) << " as "
        << Escaped(text.lane[static_cast<std::size_t>(lane)]) << '\n';
  }
  for (const DiagramStep& s : diagram.steps) {
    const std::string label = Escaped(SignedDurationSecondsThreeDecimals(s.at) + " " + s.label);
    if (!s.IsNote()) {
      out << "    " << Id(s.from) << Arrow(s.style) << Id(s.to) << ": " << label << '\n';
    } else if (s.style == StepStyle::kDuplicate) {
      out << "    rect rgb(255, 221, 221)\n"
          << "    Note over " << Id(s.from) << ": " << label << '\n'
          << "    end\n";
    } else {
      out << "    Note over " << Id(s.from) << ": " << label << '\n';
    }
  }
  out << "    " << Comment(text.why_heading) << '\n'
      << "    " << Comment(Narrative(e, text)) << '\n'
      << "    " << Comment(text.counterfactual_heading) << '\n';
  const CounterfactualTable table = MakeCounterfactualTable(e, text);
  for (const std::vector<std::string>& row : table.rows) {
    std::string line;
    for (std::size_t c = 0; c < row.size(); ++c) {
      line += (c == 0 ? "" : " | ") + table.headings[c] + ": " + row[c];
    }
    out << "    " << Comment(line) << '\n';
  }
}

}  // namespace dupsim
