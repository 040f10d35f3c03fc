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

// Punctuation that must not end a line.
bool OpensPhrase(std::string_view glyph) {
  for (std::string_view p : {"（", "「", "“"}) {
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

namespace {

// What wrapping keeps together: a word of narrow characters (an English word, a figure
// such as "+0.223s" or a name such as "client_debounce(window=1s)"), one space, or one
// wide character.
enum class WrapKind { kWord, kSpace, kWide };
struct WrapUnit {
  std::string text;
  int width = 0;
  WrapKind kind = WrapKind::kWord;
};

std::vector<WrapUnit> WrapUnits(std::string_view text) {
  std::vector<WrapUnit> units;
  for (const Glyph& g : Glyphs(text)) {
    const WrapKind kind = g.bytes == " " ? WrapKind::kSpace
                          : g.width == 2 ? WrapKind::kWide
                                         : WrapKind::kWord;
    if (kind == WrapKind::kWord && !units.empty() && units.back().kind == WrapKind::kWord) {
      units.back().text += g.bytes;
      units.back().width += 1;
    } else {
      units.push_back({std::string(g.bytes), g.width, kind});
    }
  }
  return units;
}

bool IsUnitWord(const WrapUnit& u) {
  if (u.kind != WrapKind::kWord || u.text.size() > 3) return false;
  for (char c : u.text) {
    if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'))) return false;
  }
  return true;
}

// A space between a number and its unit or measure word ("28.343 s", "2 秒", "3 次") holds
// them together.
bool Glued(const std::vector<WrapUnit>& units, std::size_t space) {
  if (space == 0 || space + 1 >= units.size()) return false;
  const WrapUnit& number = units[space - 1];
  const WrapUnit& unit = units[space + 1];
  const bool ends_in_digit = number.kind == WrapKind::kWord && !number.text.empty() &&
                             number.text.back() >= '0' && number.text.back() <= '9';
  if (!ends_in_digit) return false;
  if (unit.kind == WrapKind::kWide) return !ClosesPhrase(unit.text) && !OpensPhrase(unit.text);
  return IsUnitWord(unit);
}

// Where a line may end before unit `i`: after a space, after closing punctuation such as
// "，" or "。", before opening punctuation that follows Chinese. Not between two Chinese
// characters otherwise: without a dictionary the words of a Chinese sentence are unknown,
// so lines end where its punctuation and spaces are (as CSS `word-break: keep-all` does).
bool CanBreakBefore(const std::vector<WrapUnit>& units, std::size_t i) {
  if (i == 0 || i >= units.size()) return false;
  const WrapUnit& prev = units[i - 1];
  const WrapUnit& cur = units[i];
  if (cur.kind == WrapKind::kSpace || ClosesPhrase(cur.text) || OpensPhrase(prev.text)) {
    return false;
  }
  if (prev.kind == WrapKind::kSpace) return !Glued(units, i - 1);
  if (ClosesPhrase(prev.text)) return true;
  return prev.kind == WrapKind::kWide && OpensPhrase(cur.text);
}

// The last resort, in a run longer than a line: between two characters where one is Chinese.
bool CanSplit(const std::vector<WrapUnit>& units, std::size_t i) {
  if (i == 0 || i >= units.size()) return false;
  const WrapUnit& prev = units[i - 1];
  const WrapUnit& cur = units[i];
  if (prev.kind == WrapKind::kSpace || cur.kind == WrapKind::kSpace) return false;
  if (ClosesPhrase(cur.text) || OpensPhrase(prev.text)) return false;
  return prev.kind == WrapKind::kWide || cur.kind == WrapKind::kWide;
}

}  // namespace

std::vector<std::string> WrapText(std::string_view text, int width) {
  const std::vector<WrapUnit> units = WrapUnits(text);
  std::vector<std::string> lines;
  std::size_t start = 0;  // the current line's first unit
  int used = 0;
  std::size_t last_break = 0;  // the last unit the current line could be cut before; 0: none
  auto emit = [&](std::size_t end) {
    std::size_t last = end;
    while (last > start && units[last - 1].kind == WrapKind::kSpace) --last;
    std::string line;
    for (std::size_t k = start; k < last; ++k) line += units[k].text;
    lines.push_back(std::move(line));
  };
  for (std::size_t i = 0; i < units.size(); ++i) {
    const WrapUnit& u = units[i];
    if (i == start && u.kind == WrapKind::kSpace) {  // no line starts with a space
      ++start;
      continue;
    }
    if (used > 0 && used + u.width > width && u.kind != WrapKind::kSpace) {
      // Cut at the last place the language allows; with none on the line, between two
      // characters of a long run of Chinese; a word or a figure is never cut. Closing
      // punctuation never starts a line: with nowhere earlier to cut, it hangs past the end.
      const bool closes = ClosesPhrase(u.text);
      const std::size_t cut = !closes && CanBreakBefore(units, i) ? i
                              : last_break > start                ? last_break
                              : !closes && CanSplit(units, i)     ? i
                                                                  : 0;
      if (cut > start) {
        emit(cut);
        start = cut;
        while (start < i && units[start].kind == WrapKind::kSpace) ++start;
        used = 0;
        last_break = 0;
        for (std::size_t k = start; k < i; ++k) {
          used += units[k].width;
          if (k > start && CanBreakBefore(units, k)) last_break = k;
        }
      }
    }
    if (i > start && CanBreakBefore(units, i)) last_break = i;
    used += u.width;
  }
  if (start < units.size() || lines.empty()) emit(units.size());
  if (lines.size() > 1 && lines.back().empty()) lines.pop_back();
  return lines;
}

}  // namespace dupsim
