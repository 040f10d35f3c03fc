// Flag parsing for the commands, on Boost.Program_options, with every error a
// user can make turned into one InputError line that names the flag:
// "unrecognised option '--frobnicate'", "--intents: expected a whole number,
// got 'abc'". Numbers are read as text and checked here rather than by
// lexical_cast, which would accept "-1" for an unsigned flag.
#pragma once

#include <boost/program_options.hpp>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace dupsim {

struct ParsedFlags {
  boost::program_options::variables_map values;
  std::vector<std::string> positional;  // the arguments that are not flags, in order
};

// Parses `args` against `options`. Prefixes of long names are not accepted, so
// adding a flag later cannot change what an existing command line means.
ParsedFlags ParseFlags(const std::vector<std::string>& args,
                       const boost::program_options::options_description& options);

// `text` as a whole number in [min, max]; throws InputError naming `flag` otherwise.
std::uint64_t ParseWholeNumber(std::string_view flag, const std::string& text, std::uint64_t min,
                               std::uint64_t max);

// Throws InputError "COMMAND: unexpected argument 'x'" when `positional` is not empty.
void RejectArguments(std::string_view command, const std::vector<std::string>& positional);

}  // namespace dupsim
