// Splits YAML text into documents without yaml-cpp 0.7's LoadAll, which never
// returns on a ',' outside a flow collection: its parser reports an empty
// document there without consuming the ',' and LoadAll collects such
// documents until memory runs out. Reading stops after the second document,
// which is all a one-document format needs to know.
#pragma once

#include <string>

#include <yaml-cpp/yaml.h>

namespace dupsim {

struct YamlDocuments {
  int count = 0;            // 0, 1, or 2 meaning "two or more"
  YAML::Node first;         // the first document; null when count is 0
  YAML::Mark second_start;  // where the second document starts, when count is 2
};

// Throws YAML::ParserException on a syntax error, the stray ',' included.
YamlDocuments ReadYamlDocuments(const std::string& text);

}  // namespace dupsim
