// Money as people write it in scenarios: "25", "19.99", "0.5" in currency
// units, held as whole cents so totals add up exactly (no float drift in the
// ledger's books).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace dupsim {

using Money = std::int64_t;  // cents

// The amount, or nullopt with `why` set ("negative amount", "more than two decimals", ...).
std::optional<Money> ParseMoney(std::string_view text, std::string* why);

// "12.34", "0.05", "100.00".
std::string FormatMoney(Money cents);

}  // namespace dupsim
