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

// `text` broken into lines of at most `width` columns, where the language allows: at spaces
// (not between a number and its unit: "2 秒", "28.343 s"), after closing punctuation such as
// "，" or "。" (which never starts a line), before opening punctuation such as "（" (which
// never ends one). Not inside an English word, a figure or a name, and not between two
// Chinese characters unless a run of them is longer than a line. A word longer than a
// line gets a line of its own.
std::vector<std::string> WrapText(std::string_view text, int width);

}  // namespace dupsim
