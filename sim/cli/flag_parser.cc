#include "sim/cli/flag_parser.h"

#include <charconv>

#include "sim/input/closest_name.h"
#include "sim/input/input_error.h"

namespace dupsim {
namespace {

namespace po = boost::program_options;

// Not a flag anyone can type by accident; ParseFlags rejects it if typed on purpose.
constexpr const char* kPositional = "positional-arguments";

InputError FlagError(const std::string& flag, std::string_view message) {
  return InputError::At(SourcePos{flag, 0, 0}, "", message);
}

// "; did you mean '--intents'?" for a flag a letter or two off one of `options`, or given with
// one dash ("-intents").
std::string FlagHint(const std::string& flag, const po::options_description& options) {
  const std::size_t dashes = flag.find_first_not_of('-');
  if (dashes == std::string::npos || dashes == 0) return "";
  const std::string typed = "--" + flag.substr(dashes);
  std::vector<std::string> names;
  for (const auto& option : options.options()) {
    if (option->long_name().empty()) continue;
    names.push_back("--" + option->long_name());
    if (names.back() == typed && typed != flag) return "; did you mean '" + typed + "'?";
  }
  return DidYouMean(typed, std::vector<std::string_view>(names.begin(), names.end()));
}

// Boost's messages are close but vary by version and kind; these name the flag first.
InputError Translate(const po::error_with_option_name& e, const po::options_description& options) {
  const std::string flag = e.get_option_name();
  if (dynamic_cast<const po::unknown_option*>(&e)) {
    return InputError("unrecognised option '" + flag + "'" + FlagHint(flag, options));
  }
  if (dynamic_cast<const po::multiple_occurrences*>(&e)) {
    return FlagError(flag, "given more than once");
  }
  if (auto syntax = dynamic_cast<const po::invalid_command_line_syntax*>(&e)) {
    switch (syntax->kind()) {
      case po::invalid_syntax::missing_parameter:
      case po::invalid_syntax::empty_adjacent_parameter:
        return FlagError(flag, "missing value");
      case po::invalid_syntax::extra_parameter:
        return FlagError(flag, "takes no value");
      default:  // Boost's enum, not ours: its other kinds keep Boost's own words below
        break;
    }
  }
  return InputError(e.what());
}

}  // namespace

ParsedFlags ParseFlags(const std::vector<std::string>& args,
                       const po::options_description& options) {
  po::options_description all;
  all.add(options);
  all.add_options()(kPositional, po::value<std::vector<std::string>>());
  po::positional_options_description positional;
  positional.add(kPositional, -1);

  ParsedFlags flags;
  try {
    const po::parsed_options parsed =
        po::command_line_parser(args)
            .options(all)
            .positional(positional)
            .style(po::command_line_style::default_style & ~po::command_line_style::allow_guessing)
            .run();
    for (const po::option& option : parsed.options) {
      if (option.string_key == kPositional && option.position_key < 0) {
        throw InputError(std::string("unrecognised option '--") + kPositional + "'");
      }
    }
    po::store(parsed, flags.values);
    po::notify(flags.values);
  } catch (const po::error_with_option_name& e) {
    throw Translate(e, options);
  } catch (const po::error& e) {
    throw InputError(e.what());
  }
  if (flags.values.count(kPositional)) {
    flags.positional = flags.values[kPositional].as<std::vector<std::string>>();
  }
  return flags;
}

std::uint64_t ParseWholeNumber(std::string_view flag, const std::string& text, std::uint64_t min,
                               std::uint64_t max) {
  std::uint64_t value = 0;
  const char* end = text.data() + text.size();
  const auto [ptr, ec] = std::from_chars(text.data(), end, value);
  const std::string name(flag);
  if (text.empty() || ptr != end || ec == std::errc::invalid_argument) {
    throw FlagError(name, "expected a whole number, got '" + text + "'");
  }
  if (ec == std::errc::result_out_of_range || value > max) {
    throw FlagError(name, "must be at most " + std::to_string(max) + ", got " + text);
  }
  if (value < min) {
    throw FlagError(name, "must be at least " + std::to_string(min) + ", got " + text);
  }
  return value;
}

void RejectArguments(std::string_view command, const std::vector<std::string>& positional) {
  if (positional.empty()) return;
  throw InputError(std::string(command) + ": unexpected argument '" + positional.front() + "'");
}

}  // namespace dupsim
