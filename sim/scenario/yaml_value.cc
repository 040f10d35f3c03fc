#include "sim/scenario/yaml_value.h"

#include <charconv>
#include <cmath>

#include "sim/input/closest_name.h"
#include "sim/input/duration.h"
#include "sim/input/money.h"

namespace dupsim {
namespace {

// yaml-cpp tags a scalar written in quotes "!" and a plain one "?".
bool IsQuoted(const YAML::Node& node) {
  return node.Tag() == "!";
}

// Enough of a long value to recognise it; a pasted block would drown the message.
std::string Abbreviated(const std::string& text) {
  constexpr std::size_t kLimit = 60;
  if (text.size() <= kLimit) return text;
  return text.substr(0, kLimit) + "...";
}

}  // namespace

YamlValue::YamlValue(std::shared_ptr<const YamlSource> source, YAML::Node node, std::string path,
                     YAML::Mark mark)
    : source_(std::move(source)), node_(std::move(node)), path_(std::move(path)), mark_(mark) {}

YamlValue YamlValue::Nested(YAML::Node node, std::string path, YAML::Mark mark) const {
  return YamlValue(source_, std::move(node), std::move(path), mark);
}

SourcePos YamlValue::PosOf(const YAML::Mark& mark) const {
  SourcePos pos;
  pos.file = source_->name;
  if (source_->has_lines && mark.line >= 0) {
    pos.line = mark.line + 1;
    pos.column = mark.column + 1;
  }
  return pos;
}

std::string YamlValue::ChildPath(std::string_view key) const {
  if (path_.empty()) return std::string(key);
  return path_ + "." + std::string(key);
}

void YamlValue::Fail(std::string_view message) const {
  throw InputError::At(pos(), path_, message);
}

std::string YamlValue::Describe() const {
  switch (node_.Type()) {
    case YAML::NodeType::Map:
      return "a map";
    case YAML::NodeType::Sequence:
      return "a list";
    case YAML::NodeType::Scalar: {
      // Appended rather than "'" + text: GCC 12 raises a false -Wrestrict on the latter
      // (PR105329).
      std::string out = IsQuoted(node_) ? "\"" : "'";
      out += Abbreviated(node_.Scalar());
      out += IsQuoted(node_) ? "\" (a quoted string)" : "'";
      return out;
    }
    case YAML::NodeType::Null:
    case YAML::NodeType::Undefined:
      break;
  }
  return "nothing";
}

std::string YamlValue::Text() const {
  if (!node_.IsScalar()) Fail("expected text, got " + Describe());
  return node_.Scalar();
}

const std::string& YamlValue::PlainScalar(std::string_view expected) const {
  if (!node_.IsScalar() || IsQuoted(node_)) {
    Fail("expected " + std::string(expected) + ", got " + Describe());
  }
  return node_.Scalar();
}

double YamlValue::Number() const {
  const std::string& text = PlainScalar("a number");
  double value = 0;
  const char* end = text.data() + text.size();
  auto [stop, ec] = std::from_chars(text.data(), end, value);
  if (ec != std::errc() || stop != end || !std::isfinite(value)) {
    Fail("expected a number, got " + Describe());
  }
  return value;
}

std::int64_t YamlValue::Money() const {
  const std::string& text = PlainScalar("an amount such as 25 or 19.99");
  std::string why;
  auto cents = ParseMoney(text, &why);
  if (!cents) Fail("expected an amount such as 25 or 19.99, got " + Describe() + ": " + why);
  return *cents;
}

double YamlValue::Probability() const {
  const double p = Number();
  if (!(p >= 0 && p <= 1)) Fail("probability must be in [0, 1], got " + node_.Scalar());
  return p;
}

std::uint64_t YamlValue::Count(std::uint64_t min, std::uint64_t max) const {
  const std::string& text = PlainScalar("a whole number");
  std::uint64_t value = 0;
  const char* end = text.data() + text.size();
  auto [stop, ec] = std::from_chars(text.data(), end, value);
  const bool overflow = ec == std::errc::result_out_of_range && stop == end;
  if (!overflow && (ec != std::errc() || stop != end)) {
    Fail("expected a whole number, got " + Describe());
  }
  if (overflow || value < min || value > max) {
    Fail("must be in [" + std::to_string(min) + ", " + std::to_string(max) + "], got " +
         Abbreviated(text));
  }
  return value;
}

Time YamlValue::Duration() const {
  static constexpr std::string_view kForm = "expected a duration such as 250ms, 3s or 2m";
  if (!node_.IsScalar()) Fail(std::string(kForm) + ", got " + Describe());
  std::string why;
  auto t = ParseDuration(node_.Scalar(), &why);
  if (!t) {
    std::string message = std::string(kForm) + ", got " + Describe();
    // ParseDuration's own "expected ..." reason would only repeat the form.
    if (why.rfind("expected", 0) != 0) message += ": " + why;
    Fail(message);
  }
  return *t;
}

bool YamlValue::Bool() const {
  const std::string& text = PlainScalar("true or false");
  if (text == "true" || text == "True" || text == "TRUE") return true;
  if (text == "false" || text == "False" || text == "FALSE") return false;
  Fail("expected true or false, got " + Describe());
}

std::size_t YamlValue::Choice(std::initializer_list<std::string_view> options) const {
  std::string list;
  std::size_t index = 0;
  const std::string text = node_.IsScalar() ? node_.Scalar() : std::string();
  for (std::string_view option : options) {
    if (node_.IsScalar() && text == option) return index;
    if (!list.empty()) list += ", ";
    list += option;
    ++index;
  }
  Fail("expected one of " + list + "; got " + Describe() + DidYouMean(text, options));
}

std::vector<YamlValue> YamlValue::Items() const {
  if (!node_.IsSequence()) Fail("expected a list, got " + Describe());
  std::vector<YamlValue> items;
  std::size_t i = 0;
  for (const YAML::Node& item : node_) {
    // A null item has no token of its own; the list's position is the better pointer.
    const YAML::Mark mark = item.IsNull() ? mark_ : item.Mark();
    items.push_back(Nested(item, path_ + "[" + std::to_string(i) + "]", mark));
    ++i;
  }
  return items;
}

}  // namespace dupsim
