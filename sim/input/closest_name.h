// "Did you mean" for a name a user typed that is not known: a scenario key, a
// strategy or its parameter, a command, a flag. One rule everywhere, so the
// hints agree: the known name fewest edits away (Damerau-Levenshtein in its
// optimal-string-alignment form: insert, delete, substitute, or swap two
// neighbours; letters compared ignoring ASCII case), when that is few for the
// length typed: at most one edit up to 5 characters, two up to 8, and so on
// (a third of the length), and fewer than the length itself, so "x" never
// suggests "h".
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace dupsim {

// The number of edits that turn `a` into `b`, as described above.
std::size_t EditDistance(std::string_view a, std::string_view b);

// The closest of `known` to `typed`, or nullopt when none is close enough (or `typed` is one
// of them). Ties go to the one listed first, so a hint never depends on hashing or locale.
std::optional<std::string_view> ClosestName(std::string_view typed,
                                            const std::vector<std::string_view>& known);

// "; did you mean 'window'?" to append to an error's message, or "" when nothing is close.
std::string DidYouMean(std::string_view typed, const std::vector<std::string_view>& known);

}  // namespace dupsim
