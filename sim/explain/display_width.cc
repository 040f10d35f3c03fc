#include "sim/explain/display_width.h"

#include <cstdint>

namespace dupsim {
namespace {

// The blocks of East Asian wide and full-width characters that occur in text (Unicode's
// East_Asian_Width W and F, coarsely): Hangul Jamo, CJK symbols to Yi, Hangul syllables,
// compatibility ideographs, vertical and full-width forms.
bool IsWide(std::uint32_t c) {
  return (c >= 0x1100 && c <= 0x115F) || (c >= 0x2E80 && c <= 0xA4CF) ||
         (c >= 0xAC00 && c <= 0xD7A3) || (c >= 0xF900 && c <= 0xFAFF) ||
         (c >= 0xFE30 && c <= 0xFE4F) || (c >= 0xFF00 && c <= 0xFF60) ||
         (c >= 0xFFE0 && c <= 0xFFE6) || (c >= 0x20000 && c <= 0x3FFFD);
}

// Punctuation that must not start a line (Chinese line-breaking rules).
bool ClosesPhrase(std::string_view glyph) {
  for (std::string_view p : {"，", "。", "、", "；", "：", "）", "」", "！", "？"}) {
    if (glyph == p) return true;
  }
  return false;
}

}  // namespace

std::vector<Glyph> Glyphs(std::string_view text) {
  std::vector<Glyph> glyphs;
  std::size_t i = 0;
  while (i < text.size()) {
    const auto lead = static_cast<unsigned char>(text[i]);
    std::size_t length = 1;
    std::uint32_t code = lead;
    if (lead >= 0xF0) {
      length = 4;
      code = lead & 0x07;
    } else if (lead >= 0xE0) {
      length = 3;
      code = lead & 0x0F;
    } else if (lead >= 0xC0) {
      length = 2;
      code = lead & 0x1F;
    }
    if (i + length > text.size()) length = 1;
    for (std::size_t k = 1; k < length; ++k) {
      const auto next = static_cast<unsigned char>(text[i + k]);
      if ((next & 0xC0) != 0x80) {
        length = 1;
        code = lead;
        break;
      }
      code = (code << 6) | (next & 0x3F);
    }
    glyphs.push_back({text.substr(i, length), length > 1 && IsWide(code) ? 2 : 1});
    i += length;
  }
  return glyphs;
}

int DisplayWidth(std::string_view text) {
  int width = 0;
  for (const Glyph& g : Glyphs(text)) width += g.width;
  return width;
}

std::vector<std::string> WrapText(std::string_view text, int width) {
  // Units that stay together: a word of narrow characters, one space, one wide character.
  enum class Kind { kWord, kSpace, kWide };
  struct Unit {
    std::string text;
    int width = 0;
    Kind kind = Kind::kWord;
  };
  std::vector<Unit> units;
  for (const Glyph& g : Glyphs(text)) {
    const Kind kind = g.bytes == " " ? Kind::kSpace : g.width == 2 ? Kind::kWide : Kind::kWord;
    if (kind == Kind::kWord && !units.empty() && units.back().kind == Kind::kWord) {
      units.back().text += g.bytes;
      units.back().width += 1;
    } else {
      units.push_back({std::string(g.bytes), g.width, kind});
    }
  }
  std::vector<std::string> lines(1);
  int used = 0;
  for (const Unit& u : units) {
    const bool fits = used + u.width <= width || ClosesPhrase(u.text) || used == 0;
    if (!fits) {
      while (!lines.back().empty() && lines.back().back() == ' ') lines.back().pop_back();
      lines.emplace_back();
      used = 0;
      if (u.kind == Kind::kSpace) continue;
    }
    if (u.kind == Kind::kSpace && used == 0) continue;
    lines.back() += u.text;
    used += u.width;
  }
  if (lines.back().empty() && lines.size() > 1) lines.pop_back();
  return lines;
}

}  // namespace dupsim
