// Loads strategy plug-ins (sim/dedup/plugin_api.h) named by --plugin flags.
#pragma once

#include <string>
#include <vector>

#include <boost/program_options.hpp>

namespace dupsim {

// Adds the repeatable --plugin PATH option to a command's options.
void AddPluginOption(boost::program_options::options_description& options);

// Loads every --plugin given, in order. Throws InputError "--plugin: ..." for a file that does
// not load, lacks the registration function, was built for another API version, or registers
// a name already taken.
void LoadPlugins(const boost::program_options::variables_map& values);

// One plug-in; the same errors.
void LoadStrategyPlugin(const std::string& path);

}  // namespace dupsim
