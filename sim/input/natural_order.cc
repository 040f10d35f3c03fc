#include "sim/input/natural_order.h"

#include <cctype>
#include <optional>
#include <string>

#include "sim/input/duration.h"

namespace dupsim {
namespace {

bool IsDigit(char c) {
  return std::isdigit(static_cast<unsigned char>(c)) != 0;
}
bool IsLetter(char c) {
  return std::isalpha(static_cast<unsigned char>(c)) != 0;
}

// One piece of a name: a run of text (no digits), or a number that starts with a digit.
struct Piece {
  std::string_view text;  // as written
  bool number = false;
  std::string_view digits;       // a plain number's digits, leading zeros dropped
  std::optional<Time> duration;  // a duration's value
};

std::size_t SpanOf(std::string_view s, std::size_t from, bool (*in)(char)) {
  std::size_t end = from;
  while (end < s.size() && in(s[end])) ++end;
  return end;
}

// The piece that starts at `at`, which is then moved past it.
Piece NextPiece(std::string_view s, std::size_t& at) {
  const std::size_t start = at;
  Piece piece;
  if (!IsDigit(s[at])) {
    at = SpanOf(s, at, [](char c) { return !IsDigit(c); });
    piece.text = s.substr(start, at - start);
    return piece;
  }
  piece.number = true;
  std::size_t end = SpanOf(s, at, IsDigit);
  std::string_view digits = s.substr(start, end - start);
  while (digits.size() > 1 && digits.front() == '0') digits.remove_prefix(1);
  piece.digits = digits;
  // A fraction and a unit word make it a duration; otherwise the digits alone are the number.
  std::size_t unit = end;
  if (unit + 1 < s.size() && s[unit] == '.' && IsDigit(s[unit + 1]))
    unit = SpanOf(s, unit + 1, IsDigit);
  const std::size_t word_end = SpanOf(s, unit, IsLetter);
  if (word_end > unit) {
    std::string why;
    if (auto time = ParseDuration(s.substr(start, word_end - start), &why)) {
      piece.duration = time;
      end = word_end;
    }
  }
  at = end;
  piece.text = s.substr(start, end - start);
  return piece;
}

// <0, 0 or >0 as `a` sorts before, with or after `b`.
int Compare(const Piece& a, const Piece& b) {
  if (a.number != b.number) {
    // Text never starts with a digit, so its first byte decides, as in byte order.
    return static_cast<unsigned char>(a.text.front()) < static_cast<unsigned char>(b.text.front())
               ? -1
               : 1;
  }
  if (!a.number) return a.text.compare(b.text);
  if (a.duration.has_value() != b.duration.has_value()) return a.duration ? 1 : -1;
  if (a.duration) return *a.duration < *b.duration ? -1 : (*a.duration > *b.duration ? 1 : 0);
  if (a.digits.size() != b.digits.size()) return a.digits.size() < b.digits.size() ? -1 : 1;
  return a.digits.compare(b.digits);
}

}  // namespace

bool NaturalLess(std::string_view a, std::string_view b) {
  std::size_t i = 0;
  std::size_t j = 0;
  while (i < a.size() && j < b.size()) {
    const int order = Compare(NextPiece(a, i), NextPiece(b, j));
    if (order != 0) return order < 0;
  }
  if (i < a.size() || j < b.size()) return j < b.size();  // a prefix sorts first
  return a < b;
}

}  // namespace dupsim
