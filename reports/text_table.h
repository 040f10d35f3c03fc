// Columns of text aligned for a fixed-width terminal: each column as wide as
// its widest cell, text left-aligned and numbers right-aligned. Widths count
// bytes, which is right for the ASCII that names and numbers are made of.
#pragma once

#include <cstddef>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

namespace dupsim {

class TextTable {
 public:
  enum class Align { kLeft, kRight };

  // `gap` spaces separate the column from the one before it; a gap of 1 lets
  // two columns read as one ("9.98%" then "(9.80-10.17%)").
  void AddColumn(std::string header, Align align, std::size_t gap = 2);

  // Precondition: one cell per column.
  void AddRow(std::vector<std::string> cells);

  // The header, a rule of dashes under it, then the rows; every line starts
  // with `indent` and has no trailing spaces.
  void Render(std::ostream& out, std::string_view indent = "") const;

 private:
  struct Column {
    std::string header;
    Align align;
    std::size_t gap;
  };

  std::string Line(const std::vector<std::string>& cells,
                   const std::vector<std::size_t>& widths) const;

  std::vector<Column> columns_;
  std::vector<std::vector<std::string>> rows_;
};

}  // namespace dupsim
