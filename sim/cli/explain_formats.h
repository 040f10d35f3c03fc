// `dupsim explain --format`: the renderers of sim/explain by name, in the one registry
// pattern of every `--format` (reports/format_registry.h), so that explain chooses its
// format as `run` and `trace` choose theirs.
#pragma once

#include <ostream>

#include "reports/format_registry.h"
#include "sim/explain/explain_text.h"
#include "sim/explain/explanation.h"
#include "sim/explain/sequence_diagram.h"

namespace dupsim {

// Draws `diagram` of `e` in `text`'s language; `colour`: ANSI colours for a terminal, which
// only the text format uses.
using ExplainRenderer = void (*)(const Explanation& e, const SequenceDiagram& diagram,
                                 const ExplainText& text, bool colour, std::ostream& out);

// text, mermaid, svg, html: in that order in help and errors.
const FormatRegistry<ExplainRenderer>& ExplainFormats();

}  // namespace dupsim
