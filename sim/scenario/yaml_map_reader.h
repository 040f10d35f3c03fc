// A strict reader over one YAML mapping. yaml-cpp 0.7 keeps a repeated key
// silently and reports a missing one as a bare "bad conversion", so this
// reader walks the map itself: it rejects repeated and non-text keys up front,
// rejects keys outside an allowed set (listing the allowed ones, and the one
// meant when a key is a near miss: sim/input/closest_name.h), and reports a
// missing required key at the position of the map that lacks it.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "sim/scenario/yaml_value.h"

namespace dupsim {

class YamlMapReader {
 public:
  struct Entry {
    std::string key;
    YAML::Mark key_mark;
    YamlValue value;  // its path is the map's path plus the key
  };

  // Throws InputError unless `map` is a mapping with distinct text keys.
  explicit YamlMapReader(YamlValue map);
  // As above, and every key must be one of `allowed`.
  YamlMapReader(YamlValue map, std::vector<std::string_view> allowed);

  // Throws InputError at the first key (in document order) not in `allowed`.
  void AllowOnly(const std::vector<std::string_view>& allowed) const;

  const YamlValue& map() const { return map_; }
  const std::vector<Entry>& entries() const { return entries_; }

  std::optional<YamlValue> Find(std::string_view key) const;
  // Throws InputError "required key is missing" at the map's position.
  YamlValue Get(std::string_view key) const;

  // Typed optional keys: `fallback` when the key is absent.
  double Probability(std::string_view key, double fallback) const;
  Time Duration(std::string_view key, Time fallback) const;
  bool Bool(std::string_view key, bool fallback) const;

 private:
  YamlValue map_;
  std::vector<Entry> entries_;
};

}  // namespace dupsim
