// The parameters a strategy was given, e.g. `{ name: client_debounce, window: 1s }`,
// as text with the position each value came from. Strategies read them through
// typed getters that report bad values at that position; Finish() reports any
// key no getter asked for, so a misspelt parameter is an error, not a default,
// and lists the ones the strategy asked for (the same words for a scenario's
// `strategies` and the --strategy flag, which both end here).
#pragma once

#include <map>
#include <set>
#include <string>
#include <vector>

#include "sim/engine/virtual_time.h"
#include "sim/input/input_error.h"

namespace dupsim {

class StrategyParams {
 public:
  struct Value {
    std::string text;
    SourcePos pos;
  };

  StrategyParams() = default;
  StrategyParams(std::string key_path, SourcePos pos) : key_path_(std::move(key_path)), pos_(pos) {}

  // Precondition: `key` not added before (the YAML layer rejects duplicate keys first).
  void Add(const std::string& key, Value value) { values_[key] = std::move(value); }

  Time Duration(const std::string& key, Time fallback);
  Time PositiveDuration(const std::string& key, Time fallback);  // as Duration, but 0 is an error
  double Probability(const std::string& key, double fallback);
  // One of `options` (its index); `fallback` when absent.
  std::size_t Choice(const std::string& key, const std::vector<std::string>& options,
                     std::size_t fallback);
  // Whether the key was given at all (without reading it; the key counts as a known one).
  bool Has(const std::string& key) const;
  std::uint64_t Count(const std::string& key, std::uint64_t fallback, std::uint64_t min,
                      std::uint64_t max);

  // Throws InputError naming the first key that no getter read, with a "did you mean" hint
  // and every parameter `strategy` (its name, for the message) asked for.
  void Finish(const std::string& strategy) const;

  // Throws InputError at `key`'s value (or at the strategy, if absent) with `message`: for
  // parameters that are well-formed but do not go together ("only with claim: ...").
  [[noreturn]] void Reject(const std::string& key, const std::string& message) const;

  const std::string& key_path() const { return key_path_; }
  const SourcePos& pos() const { return pos_; }

 private:
  const Value* Take(const std::string& key);
  void Know(const std::string& key) const;
  std::string PathOf(const std::string& key) const { return key_path_ + "." + key; }

  std::string key_path_;  // e.g. "strategies[1]"
  SourcePos pos_;
  std::map<std::string, Value> values_;
  std::set<std::string> read_;
  // Every key a getter or Has() asked for, in the order asked: the strategy's parameters.
  mutable std::vector<std::string> known_;
};

}  // namespace dupsim
