// Loads strategy plug-ins (sim/dedup/plugin_api.h) named by --plugin flags.
#pragma once

#include <string>
#include <vector>

#include <boost/program_options.hpp>

#include "sim/cli/flag_parser.h"

namespace dupsim {

// What every command does with its flags: adds the repeatable --plugin PATH option to
// `options`, parses `args`, then loads every --plugin given, in order, before anything reads
// a strategy name. Throws InputError for a bad flag, and "--plugin: ..." for a file that does
// not load, lacks the registration function, was built for another API version, or registers
// a name already taken.
ParsedFlags ParseFlagsLoadingPlugins(const std::vector<std::string>& args,
                                     boost::program_options::options_description& options);

// One plug-in; the same errors.
void LoadStrategyPlugin(const std::string& path);

}  // namespace dupsim
