// One YAML node together with its key path ("user.double_tap.gap") and position,
// so every typed read can fail with the one-line InputError the user sees. The
// typed reads are strict: a quoted "0.1" is not a number, `yes` is not a bool,
// a bare 3 is not a duration. Only const yaml-cpp nodes are kept, because the
// non-const operator[] of yaml-cpp inserts the keys it looks up.
#pragma once

#include <cstdint>
#include <initializer_list>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include <yaml-cpp/yaml.h>

#include "sim/engine/virtual_time.h"
#include "sim/input/input_error.h"

namespace dupsim {

// Where the YAML text came from.
struct YamlSource {
  std::string name;       // a path or "<bundled>/x.yaml"; empty for a command-line flag
  bool has_lines = true;  // false for flag text: its errors name the flag, not a line
};

class YamlValue {
 public:
  // `mark` is where errors about this value point (yaml-cpp marks are 0-based).
  YamlValue(std::shared_ptr<const YamlSource> source, YAML::Node node, std::string path,
            YAML::Mark mark);

  // A value inside this one (a map entry or a list item), from the same source.
  YamlValue Nested(YAML::Node node, std::string path, YAML::Mark mark) const;

  const YAML::Node& node() const { return node_; }
  const std::string& path() const { return path_; }
  SourcePos pos() const { return PosOf(mark_); }
  SourcePos PosOf(const YAML::Mark& mark) const;

  // "user.double_tap" + "gap" -> "user.double_tap.gap".
  std::string ChildPath(std::string_view key) const;

  [[noreturn]] void Fail(std::string_view message) const;

  // How the value reads in a message: "'abc'", "\"0.1\" (a quoted string)", "a map", ...
  std::string Describe() const;

  bool IsNull() const { return node_.IsNull(); }
  bool IsScalar() const { return node_.IsScalar(); }
  bool IsMap() const { return node_.IsMap(); }

  // Non-null scalar text, quoted or not.
  std::string Text() const;
  // A finite number written as a plain scalar.
  double Number() const;
  // A number in [0, 1].
  double Probability() const;
  // A whole number in [min, max].
  std::uint64_t Count(std::uint64_t min, std::uint64_t max) const;
  // "250ms", "3s", "2m", or 0 (see sim/input/duration.h).
  Time Duration() const;
  // "25", "19.99": currency units with at most two decimals, as cents (sim/input/money.h).
  std::int64_t Money() const;
  // true or false (YAML 1.2 spellings only: not yes/no/on/off).
  bool Bool() const;
  // One of `options`; returns its index.
  std::size_t Choice(std::initializer_list<std::string_view> options) const;
  // The items of a list, with paths "path[i]".
  std::vector<YamlValue> Items() const;

 private:
  // Scalar text that must be written plain (numbers and bools), else fails with `expected`.
  const std::string& PlainScalar(std::string_view expected) const;

  std::shared_ptr<const YamlSource> source_;
  YAML::Node node_;
  std::string path_;
  YAML::Mark mark_;
};

}  // namespace dupsim
