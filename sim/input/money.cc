#include "sim/input/money.h"

#include <cctype>

namespace dupsim {

std::optional<Money> ParseMoney(std::string_view text, std::string* why) {
  auto fail = [&](const char* reason) -> std::optional<Money> {
    if (why) *why = reason;
    return std::nullopt;
  };
  if (!text.empty() && text.front() == '-') return fail("negative amount");
  std::size_t i = 0;
  Money whole = 0;
  while (i < text.size() && std::isdigit(static_cast<unsigned char>(text[i]))) {
    whole = whole * 10 + (text[i] - '0');
    if (whole > 1'000'000'000'000LL) return fail("amount too large");
    ++i;
  }
  if (i == 0) return fail("expected an amount such as 25 or 19.99");
  Money cents = 0;
  if (i < text.size() && text[i] == '.') {
    ++i;
    int decimals = 0;
    while (i < text.size() && std::isdigit(static_cast<unsigned char>(text[i]))) {
      if (++decimals > 2) return fail("more than two decimals");
      cents = cents * 10 + (text[i] - '0');
      ++i;
    }
    if (decimals == 1) cents *= 10;
  }
  if (i != text.size()) return fail("expected an amount such as 25 or 19.99");
  return whole * 100 + cents;
}

std::string FormatMoney(Money cents) {
  std::string out = std::to_string(cents / 100) + ".";
  const Money rest = cents % 100;
  if (rest < 10) out += '0';
  return out + std::to_string(rest);
}

}  // namespace dupsim
