#include "sim/cli/plugin_loader.h"

#include <dlfcn.h>

#include "sim/dedup/plugin_api.h"
#include "sim/input/input_error.h"

namespace dupsim {
namespace {

InputError PluginError(const std::string& path, const std::string& what) {
  return InputError::At(SourcePos{"--plugin", 0, 0}, "", "'" + path + "': " + what);
}

// Collects a plug-in's strategies first, so a clash leaves the registry as it was.
class CollectingRegistrar final : public PluginRegistrar {
 public:
  void Add(StrategyInfo info) override { added.push_back(std::move(info)); }
  std::vector<StrategyInfo> added;
};

}  // namespace

ParsedFlags ParseFlagsLoadingPlugins(const std::vector<std::string>& args,
                                     boost::program_options::options_description& options) {
  options.add_options()(
      "plugin", boost::program_options::value<std::vector<std::string>>()->value_name("PATH"),
      "load strategies from the plug-in PATH.so first; repeatable");
  ParsedFlags flags = ParseFlags(args, options);
  if (flags.values.count("plugin")) {
    for (const std::string& path : flags.values["plugin"].as<std::vector<std::string>>()) {
      LoadStrategyPlugin(path);
    }
  }
  return flags;
}

void LoadStrategyPlugin(const std::string& path) {
  // dlopen searches the library path for a bare name; a plug-in is always a file.
  const std::string file = path.find('/') == std::string::npos ? "./" + path : path;
  // Never unloaded: its code backs strategies until the process ends.
  void* handle = dlopen(file.c_str(), RTLD_NOW | RTLD_LOCAL);
  if (!handle) {
    const char* why = dlerror();
    throw PluginError(path, std::string("cannot load: ") + (why ? why : "unknown error"));
  }
  auto* register_strategies =
      reinterpret_cast<RegisterStrategiesFunction>(dlsym(handle, kRegisterStrategiesSymbol));
  if (!register_strategies) {
    throw PluginError(
        path, std::string("not a dupsim plug-in (no ") + kRegisterStrategiesSymbol + " function)");
  }
  CollectingRegistrar registrar;
  const int version = register_strategies(registrar);
  if (version != kPluginApiVersion) {
    throw PluginError(path, "built for plug-in API version " + std::to_string(version) +
                                ", this dupsim has version " + std::to_string(kPluginApiVersion));
  }
  StrategyRegistry& registry = StrategyRegistry::ForPlugins();
  for (std::size_t i = 0; i < registrar.added.size(); ++i) {
    const std::string& name = registrar.added[i].name;
    bool repeated = false;
    for (std::size_t j = 0; j < i; ++j) repeated |= registrar.added[j].name == name;
    if (registry.Has(name) || repeated) {
      throw PluginError(path, "strategy name '" + name + "' is already taken");
    }
  }
  for (StrategyInfo& info : registrar.added) registry.Add(std::move(info));
}

}  // namespace dupsim
