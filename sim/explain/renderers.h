// The formats of `dupsim explain`: a terminal diagram (text), Mermaid for
// Markdown, a standalone SVG, and an HTML page with the SVG, the narrative and
// the counterfactual table. Each draws the same SequenceDiagram and says the
// same sentences, from the same language table; output depends only on the
// explanation and the language, so the same run gives the same bytes.
#pragma once

#include <optional>
#include <ostream>
#include <string>
#include <string_view>

#include "sim/explain/explain_text.h"
#include "sim/explain/explanation.h"
#include "sim/explain/sequence_diagram.h"

namespace dupsim {

// `--format` chooses among these by name in sim/cli/explain_formats.* (one registry for every
// format choice); the enum serves RenderExplanation's callers in code.
enum class ExplainFormat { kText, kMermaid, kSvg, kHtml };

std::optional<ExplainLanguage> ExplainLanguageNamed(std::string_view name);
std::string_view ExplainLanguageNames();  // "en, zh"

struct ExplainRenderOptions {
  ExplainLanguage language = ExplainLanguage::kEnglish;
  bool colour = false;  // text only: ANSI colours for a terminal
};

void RenderExplanation(const Explanation& e, ExplainFormat format,
                       const ExplainRenderOptions& options, std::ostream& out);

SequenceDiagram DiagramOf(const Explanation& e, const ExplainText& text);

void RenderTextExplanation(const Explanation& e, const SequenceDiagram& diagram,
                           const ExplainText& text, bool colour, std::ostream& out);
void RenderMermaidExplanation(const Explanation& e, const SequenceDiagram& diagram,
                              const ExplainText& text, std::ostream& out);
// The <svg> element alone, for a page to embed (`titled`: with the title and subtitle, which
// a page shows itself); RenderSvgExplanation makes it a file.
std::string SequenceDiagramSvg(const Explanation& e, const SequenceDiagram& diagram,
                               const ExplainText& text, bool titled);
void RenderSvgExplanation(const Explanation& e, const SequenceDiagram& diagram,
                          const ExplainText& text, std::ostream& out);
void RenderHtmlExplanation(const Explanation& e, const SequenceDiagram& diagram,
                           const ExplainText& text, std::ostream& out);

}  // namespace dupsim
