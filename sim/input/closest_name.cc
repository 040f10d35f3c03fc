#include "sim/input/closest_name.h"

#include <algorithm>
#include <cctype>
#include <numeric>

namespace dupsim {
namespace {

bool SameLetter(char a, char b) {
  return std::tolower(static_cast<unsigned char>(a)) == std::tolower(static_cast<unsigned char>(b));
}

// The most edits a hint may be away from what was typed (see the header).
std::size_t MostEdits(std::string_view typed) {
  return std::min(std::max<std::size_t>(typed.size(), 3) / 3, typed.size() - 1);
}

}  // namespace

std::size_t EditDistance(std::string_view a, std::string_view b) {
  // Three rows of the dynamic-programming table: the swap looks two rows back.
  std::vector<std::size_t> before(b.size() + 1), previous(b.size() + 1), current(b.size() + 1);
  std::iota(previous.begin(), previous.end(), std::size_t{0});
  for (std::size_t i = 1; i <= a.size(); ++i) {
    current[0] = i;
    for (std::size_t j = 1; j <= b.size(); ++j) {
      const std::size_t substitute = previous[j - 1] + (SameLetter(a[i - 1], b[j - 1]) ? 0 : 1);
      current[j] = std::min({previous[j] + 1, current[j - 1] + 1, substitute});
      if (i > 1 && j > 1 && SameLetter(a[i - 1], b[j - 2]) && SameLetter(a[i - 2], b[j - 1])) {
        current[j] = std::min(current[j], before[j - 2] + 1);
      }
    }
    std::swap(before, previous);
    std::swap(previous, current);
  }
  return previous[b.size()];
}

std::optional<std::string_view> ClosestName(std::string_view typed,
                                            const std::vector<std::string_view>& known) {
  if (typed.empty()) return std::nullopt;
  const std::size_t most = MostEdits(typed);
  std::optional<std::string_view> best;
  std::size_t best_distance = most + 1;
  for (std::string_view name : known) {
    if (name == typed) return std::nullopt;
    // Lengths alone bound the distance from below: skip what cannot win.
    const std::size_t gap =
        name.size() > typed.size() ? name.size() - typed.size() : typed.size() - name.size();
    if (gap >= best_distance) continue;
    const std::size_t distance = EditDistance(typed, name);
    if (distance < best_distance) {
      best = name;
      best_distance = distance;
    }
  }
  return best;
}

std::string DidYouMean(std::string_view typed, const std::vector<std::string_view>& known) {
  const std::optional<std::string_view> name = ClosestName(typed, known);
  return name ? "; did you mean '" + std::string(*name) + "'?" : std::string();
}

}  // namespace dupsim
