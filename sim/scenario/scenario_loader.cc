#include "sim/scenario/scenario_loader.h"

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <memory>
#include <sstream>

#include <yaml-cpp/depthguard.h>

#include "sim/scenario/scenario_reader.h"
#include "sim/scenario/strategy_spec_reader.h"
#include "sim/scenario/yaml_documents.h"

namespace dupsim {
namespace {

// Values are quoted in messages as written, and a YAML scalar may span lines; a message must not.
InputError OnOneLine(const InputError& error) {
  std::string line;
  for (char c : std::string_view(error.what())) {
    if (c == '\n') {
      line += "\\n";
    } else if (c == '\r') {
      line += "\\r";
    } else {
      line += c;
    }
  }
  return InputError(line);
}

SourcePos PositionIn(const std::string& source_name, const YAML::Mark& mark) {
  SourcePos pos{source_name};
  if (mark.line >= 0) {
    pos.line = mark.line + 1;
    pos.column = mark.column + 1;
  }
  return pos;
}

}  // namespace

Scenario LoadScenarioText(const std::string& yaml, const std::string& source_name) {
  auto source = std::make_shared<const YamlSource>(YamlSource{source_name, true});
  const SourcePos start{source_name, 1, 1};
  try {
    const YamlDocuments documents = ReadYamlDocuments(yaml);
    if (documents.count == 0 || documents.first.IsNull()) {
      throw InputError::At(start, "",
                           "the scenario is empty; expected a map with at least name, intents "
                           "and arrivals");
    }
    if (documents.count > 1) {
      throw InputError::At(PositionIn(source_name, documents.second_start), "",
                           "a second YAML document starts here; a file holds one scenario");
    }
    Scenario scenario =
        ReadScenario(YamlValue(source, documents.first, "", documents.first.Mark()));
    scenario.text = yaml;
    scenario.source = source_name;
    return scenario;
  } catch (const InputError& e) {
    throw OnOneLine(e);
  } catch (const YAML::DeepRecursion& e) {
    throw InputError::At(PositionIn(source_name, e.mark), "", "YAML nesting is too deep");
  } catch (const YAML::ParserException& e) {
    // e.what() would repeat the position in yaml-cpp's words; e.msg is the reason alone.
    throw InputError::At(PositionIn(source_name, e.mark), "", "YAML syntax error: " + e.msg);
  } catch (const YAML::Exception& e) {
    throw InputError::At(PositionIn(source_name, e.mark), "", "YAML error: " + e.msg);
  } catch (const std::exception& e) {
    throw InputError::At(start, "", std::string("cannot read the scenario: ") + e.what());
  }
}

Scenario LoadScenarioFile(const std::string& path) {
  const SourcePos where{path};
  std::error_code ec;
  if (std::filesystem::is_directory(path, ec)) {
    throw InputError::At(where, "", "cannot read file: it is a directory");
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    throw InputError::At(where, "", std::string("cannot read file: ") + std::strerror(errno));
  }
  std::ostringstream text;
  text << in.rdbuf();
  if (in.bad()) throw InputError::At(where, "", "cannot read file: read error");
  return LoadScenarioText(text.str(), path);
}

namespace {

// The strategy and its `expect:`, which only ParseStrategyFlags keeps.
StrategySpec ParseStrategySpecFlag(const std::string& text) {
  static constexpr std::string_view kFlag = "--strategy";
  const std::string expected =
      "expected a strategy name such as idempotency_key or a map such as "
      "{name: client_debounce, window: 2s}, got '" +
      text + "'";
  auto source = std::make_shared<const YamlSource>(YamlSource{"", false});
  try {
    const YamlDocuments documents = ReadYamlDocuments(text);
    if (documents.count != 1 || documents.first.IsNull()) {
      throw InputError::At({}, kFlag, expected);
    }
    return ReadStrategySpec(YamlValue(source, documents.first, std::string(kFlag), YAML::Mark()));
  } catch (const InputError& e) {
    throw OnOneLine(e);
  } catch (const YAML::Exception& e) {
    throw OnOneLine(InputError::At({}, kFlag, expected + " (" + e.msg + ")"));
  } catch (const std::exception& e) {
    throw OnOneLine(InputError::At({}, kFlag, expected + " (" + e.what() + ")"));
  }
}

}  // namespace

ConfiguredStrategy ParseStrategyFlag(const std::string& text) {
  return ParseStrategySpecFlag(text).strategy;
}

std::vector<StrategySpec> ParseStrategyFlags(const std::vector<std::string>& texts) {
  std::vector<StrategySpec> strategies;
  for (const std::string& text : texts) {
    StrategySpec spec = ParseStrategySpecFlag(text);
    if (auto first = FindSameStrategy(strategies, spec.strategy)) {
      throw InputError::At(
          {}, "--strategy",
          spec.strategy.label + " is already given by --strategy #" + std::to_string(*first + 1));
    }
    strategies.push_back(std::move(spec));
  }
  return strategies;
}

}  // namespace dupsim
