#include "sim/cli/explain_formats.h"

#include "sim/explain/renderers.h"

namespace dupsim {

const FormatRegistry<ExplainRenderer>& ExplainFormats() {
  using E = const Explanation&;
  using D = const SequenceDiagram&;
  using T = const ExplainText&;
  static const FormatRegistry<ExplainRenderer> formats = [] {
    FormatRegistry<ExplainRenderer> r;
    r.Add("text", [](E e, D d, T t, bool colour, std::ostream& out) {
      RenderTextExplanation(e, d, t, colour, out);
    });
    r.Add("mermaid",
          [](E e, D d, T t, bool, std::ostream& out) { RenderMermaidExplanation(e, d, t, out); });
    r.Add("svg",
          [](E e, D d, T t, bool, std::ostream& out) { RenderSvgExplanation(e, d, t, out); });
    r.Add("html",
          [](E e, D d, T t, bool, std::ostream& out) { RenderHtmlExplanation(e, d, t, out); });
    return r;
  }();
  return formats;
}

}  // namespace dupsim
