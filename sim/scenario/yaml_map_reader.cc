#include "sim/scenario/yaml_map_reader.h"

#include <algorithm>

#include "sim/input/closest_name.h"

namespace dupsim {

YamlMapReader::YamlMapReader(YamlValue map) : map_(std::move(map)) {
  if (!map_.IsMap()) map_.Fail("expected a map, got " + map_.Describe());
  for (auto it = map_.node().begin(); it != map_.node().end(); ++it) {
    const YAML::Node key = it->first;
    const YAML::Node value = it->second;
    if (!key.IsScalar()) {
      throw InputError::At(map_.PosOf(key.Mark()), map_.path(), "keys must be plain text");
    }
    const std::string name = key.Scalar();
    const std::string path = map_.ChildPath(name);
    for (const Entry& seen : entries_) {
      if (seen.key != name) continue;
      const SourcePos first = map_.PosOf(seen.key_mark);
      std::string message = "duplicate key";
      if (first.line > 0) {
        message += "; first given at line " + std::to_string(first.line) + ", column " +
                   std::to_string(first.column);
      }
      throw InputError::At(map_.PosOf(key.Mark()), path, message);
    }
    // An empty value has no token of its own: yaml-cpp marks it at whatever follows, often
    // the next line, so its key is the better place to point at.
    const YAML::Mark mark = value.IsNull() ? key.Mark() : value.Mark();
    entries_.push_back(Entry{name, key.Mark(), map_.Nested(value, path, mark)});
  }
}

YamlMapReader::YamlMapReader(YamlValue map, std::vector<std::string_view> allowed)
    : YamlMapReader(std::move(map)) {
  AllowOnly(allowed);
}

void YamlMapReader::AllowOnly(const std::vector<std::string_view>& allowed) const {
  for (const Entry& entry : entries_) {
    if (std::find(allowed.begin(), allowed.end(), entry.key) != allowed.end()) continue;
    std::string list;
    for (std::string_view key : allowed) {
      if (!list.empty()) list += ", ";
      list += key;
    }
    throw InputError::At(
        map_.PosOf(entry.key_mark), entry.value.path(),
        "unknown key" + DidYouMean(entry.key, allowed) + " (allowed here: " + list + ")");
  }
}

std::optional<YamlValue> YamlMapReader::Find(std::string_view key) const {
  for (const Entry& entry : entries_) {
    if (entry.key == key) return entry.value;
  }
  return std::nullopt;
}

YamlValue YamlMapReader::Get(std::string_view key) const {
  if (auto value = Find(key)) return *value;
  throw InputError::At(map_.pos(), map_.ChildPath(key), "required key is missing");
}

double YamlMapReader::Probability(std::string_view key, double fallback) const {
  auto value = Find(key);
  return value ? value->Probability() : fallback;
}

Time YamlMapReader::Duration(std::string_view key, Time fallback) const {
  auto value = Find(key);
  return value ? value->Duration() : fallback;
}

bool YamlMapReader::Bool(std::string_view key, bool fallback) const {
  auto value = Find(key);
  return value ? value->Bool() : fallback;
}

}  // namespace dupsim
