#include "sim/input/strategy_params.h"

#include <algorithm>
#include <charconv>

#include "sim/input/closest_name.h"
#include "sim/input/duration.h"

namespace dupsim {

void StrategyParams::Know(const std::string& key) const {
  if (std::find(known_.begin(), known_.end(), key) == known_.end()) known_.push_back(key);
}

bool StrategyParams::Has(const std::string& key) const {
  Know(key);
  return values_.count(key) > 0;
}

const StrategyParams::Value* StrategyParams::Take(const std::string& key) {
  Know(key);
  read_.insert(key);
  auto it = values_.find(key);
  return it == values_.end() ? nullptr : &it->second;
}

void StrategyParams::Reject(const std::string& key, const std::string& message) const {
  auto it = values_.find(key);
  throw InputError::At(it == values_.end() ? pos_ : it->second.pos, PathOf(key), message);
}

Time StrategyParams::Duration(const std::string& key, Time fallback) {
  const Value* v = Take(key);
  if (!v) return fallback;
  std::string why;
  auto t = ParseDuration(v->text, &why);
  if (!t) throw InputError::At(v->pos, PathOf(key), why + ", got '" + v->text + "'");
  return *t;
}

Time StrategyParams::PositiveDuration(const std::string& key, Time fallback) {
  const Time t = Duration(key, fallback);
  if (t == 0) throw InputError::At(values_.at(key).pos, PathOf(key), "must be > 0, got 0");
  return t;
}

std::size_t StrategyParams::Choice(const std::string& key, const std::vector<std::string>& options,
                                   std::size_t fallback) {
  const Value* v = Take(key);
  if (!v) return fallback;
  std::string list;
  for (std::size_t i = 0; i < options.size(); ++i) {
    if (v->text == options[i]) return i;
    list += (i ? ", " : "") + options[i];
  }
  const std::vector<std::string_view> names(options.begin(), options.end());
  throw InputError::At(
      v->pos, PathOf(key),
      "expected one of " + list + ", got '" + v->text + "'" + DidYouMean(v->text, names));
}

double StrategyParams::Probability(const std::string& key, double fallback) {
  const Value* v = Take(key);
  if (!v) return fallback;
  double p = 0;
  auto [end, ec] = std::from_chars(v->text.data(), v->text.data() + v->text.size(), p);
  if (ec != std::errc() || end != v->text.data() + v->text.size()) {
    throw InputError::At(v->pos, PathOf(key), "expected a probability, got '" + v->text + "'");
  }
  if (!(p >= 0 && p <= 1)) {
    throw InputError::At(v->pos, PathOf(key), "probability must be in [0, 1], got " + v->text);
  }
  return p;
}

std::uint64_t StrategyParams::Count(const std::string& key, std::uint64_t fallback,
                                    std::uint64_t min, std::uint64_t max) {
  const Value* v = Take(key);
  if (!v) return fallback;
  std::uint64_t n = 0;
  auto [end, ec] = std::from_chars(v->text.data(), v->text.data() + v->text.size(), n);
  if (ec != std::errc() || end != v->text.data() + v->text.size() || n < min || n > max) {
    throw InputError::At(v->pos, PathOf(key),
                         "expected a whole number in [" + std::to_string(min) + ", " +
                             std::to_string(max) + "], got '" + v->text + "'");
  }
  return n;
}

void StrategyParams::Finish(const std::string& strategy) const {
  for (const auto& [key, value] : values_) {
    if (read_.count(key)) continue;
    if (known_.empty()) {
      throw InputError::At(value.pos, PathOf(key),
                           "unknown parameter (" + strategy + " takes no parameters)");
    }
    std::string list;
    for (const std::string& name : known_) list += (list.empty() ? "" : ", ") + name;
    const std::vector<std::string_view> names(known_.begin(), known_.end());
    throw InputError::At(
        value.pos, PathOf(key),
        "unknown parameter" + DidYouMean(key, names) + " (" + strategy + " takes: " + list + ")");
  }
}

}  // namespace dupsim
