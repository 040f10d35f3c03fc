#include "sim/explain/renderers.h"

#include <array>

namespace dupsim {
namespace {

constexpr std::array<std::pair<std::string_view, ExplainLanguage>, 2> kLanguages = {{
    {"en", ExplainLanguage::kEnglish},
    {"zh", ExplainLanguage::kChinese},
}};

}  // namespace

std::optional<ExplainLanguage> ExplainLanguageNamed(std::string_view name) {
  for (const auto& [n, language] : kLanguages) {
    if (n == name) return language;
  }
  return std::nullopt;
}

std::string_view ExplainLanguageNames() {
  return "en, zh";
}

SequenceDiagram DiagramOf(const Explanation& e, const ExplainText& text) {
  return BuildSequenceDiagram(e.story, {e.uses_key_store, e.has_load_balancer}, text);
}

void RenderExplanation(const Explanation& e, ExplainFormat format,
                       const ExplainRenderOptions& options, std::ostream& out) {
  const ExplainText& text = ExplainTextFor(options.language);
  const SequenceDiagram diagram = DiagramOf(e, text);
  switch (format) {
    case ExplainFormat::kText:
      RenderTextExplanation(e, diagram, text, options.colour, out);
      return;
    case ExplainFormat::kMermaid:
      RenderMermaidExplanation(e, diagram, text, out);
      return;
    case ExplainFormat::kSvg:
      RenderSvgExplanation(e, diagram, text, out);
      return;
    case ExplainFormat::kHtml:
      RenderHtmlExplanation(e, diagram, text, out);
      return;
  }
}

}  // namespace dupsim
