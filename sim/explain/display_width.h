// How wide text is on a terminal, for the text diagram's columns and the
// SVG's label boxes: East Asian wide characters (Chinese, full-width
// punctuation, 「」) take two columns, everything else one. Input is UTF-8.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace dupsim {

// One character of UTF-8 text and the columns it takes.
struct Glyph {
  std::string_view bytes;
  int width = 1;
};

// `text` character by character; a byte that starts no valid sequence is one glyph.
std::vector<Glyph> Glyphs(std::string_view text);

int DisplayWidth(std::string_view text);

// `text` broken into lines of at most `width` columns: between words, and between any two
// wide characters, never before closing punctuation such as "，" or "。".
std::vector<std::string> WrapText(std::string_view text, int width);

}  // namespace dupsim
