#include "reports/text_table.h"

#include <algorithm>
#include <cassert>

namespace dupsim {

void TextTable::AddColumn(std::string header, Align align, std::size_t gap) {
  columns_.push_back(Column{std::move(header), align, gap});
}

void TextTable::AddRow(std::vector<std::string> cells) {
  assert(cells.size() == columns_.size());
  rows_.push_back(std::move(cells));
}

std::string TextTable::Line(const std::vector<std::string>& cells,
                            const std::vector<std::size_t>& widths) const {
  std::string line;
  for (std::size_t i = 0; i < columns_.size(); ++i) {
    if (i > 0) line.append(columns_[i].gap, ' ');
    const std::size_t pad = widths[i] - cells[i].size();
    if (columns_[i].align == Align::kRight) line.append(pad, ' ');
    line += cells[i];
    if (columns_[i].align == Align::kLeft) line.append(pad, ' ');
  }
  line.erase(line.find_last_not_of(' ') + 1);
  return line;
}

void TextTable::Render(std::ostream& out, std::string_view indent) const {
  std::vector<std::size_t> widths;
  std::vector<std::string> headers;
  for (const Column& c : columns_) {
    widths.push_back(c.header.size());
    headers.push_back(c.header);
  }
  for (const auto& row : rows_) {
    for (std::size_t i = 0; i < row.size(); ++i) widths[i] = std::max(widths[i], row[i].size());
  }
  std::size_t total = 0;
  for (std::size_t i = 0; i < columns_.size(); ++i) {
    total += widths[i] + (i > 0 ? columns_[i].gap : 0);
  }
  out << indent << Line(headers, widths) << '\n';
  out << indent << std::string(total, '-') << '\n';
  for (const auto& row : rows_) out << indent << Line(row, widths) << '\n';
}

}  // namespace dupsim
