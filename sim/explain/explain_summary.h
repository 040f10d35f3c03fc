// What every format says around the diagram, worded once: the title, the
// subtitle, and the counterfactual table's cells.
#pragma once

#include <string>
#include <vector>

#include "sim/explain/explain_text.h"
#include "sim/explain/explanation.h"

namespace dupsim {

std::string ExplainTitle(const Explanation& e, const ExplainText& text);
std::string ExplainSubtitle(const Explanation& e, const ExplainText& text);

// The counterfactual table: its headings, then one row of cells per strategy (the explained
// strategy first). Which columns are numbers (right-aligned in text) is NumericColumn().
struct CounterfactualTable {
  std::vector<std::string> headings;
  std::vector<std::vector<std::string>> rows;
  std::vector<bool> prevented;  // per row: the strategy would have prevented the duplicate
  std::vector<bool> explained;  // per row: the explained strategy
};
CounterfactualTable MakeCounterfactualTable(const Explanation& e, const ExplainText& text);
bool NumericColumn(std::size_t column);

}  // namespace dupsim
