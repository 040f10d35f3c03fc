// One way to choose an output format by name, for every command with a `--format`: the
// report formats (report_format_registry.h), and `dupsim explain`'s and `dupsim trace`'s
// (sim/cli/explain_formats.h, trace_formats.h). A registry is a table of name -> renderer in
// the order added, which is the order help and errors list them; a name not in it is one
// error text everywhere, with a did-you-mean hint. Here, not in sim/cli, so that the report
// registry, which lives in reports/, is one of them.
#pragma once

#include <cassert>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "sim/input/closest_name.h"
#include "sim/input/input_error.h"

namespace dupsim {

template <typename Renderer>
class FormatRegistry {
 public:
  // Precondition: no format of that name yet.
  void Add(std::string name, Renderer renderer) {
    assert(Find(name) == nullptr);
    formats_.emplace_back(std::move(name), std::move(renderer));
  }

  const Renderer* Find(std::string_view name) const {  // nullptr if unknown
    for (const auto& [n, renderer] : formats_) {
      if (n == name) return &renderer;
    }
    return nullptr;
  }

  // The format `flag` names, or an InputError at `flag`: "--format: unknown value 'jsn'; did
  // you mean 'json'? (known: csv, html, json)".
  const Renderer& Choose(std::string_view name, std::string_view flag) const {
    if (const Renderer* renderer = Find(name)) return *renderer;
    throw InputError::At(SourcePos{std::string(flag), 0, 0}, "",
                         "unknown value '" + std::string(name) + "'" +
                             DidYouMean(name, NameList()) + " (known: " + Names() + ")");
  }

  std::vector<std::string_view> NameList() const {
    std::vector<std::string_view> names;
    for (const auto& [name, renderer] : formats_) names.push_back(name);
    return names;
  }

  std::string Names() const {  // "text, mermaid, svg, html" for help and messages
    std::string out;
    for (const auto& [name, renderer] : formats_) {
      if (!out.empty()) out += ", ";
      out += name;
    }
    return out;
  }

  const std::vector<std::pair<std::string, Renderer>>& All() const { return formats_; }

 private:
  std::vector<std::pair<std::string, Renderer>> formats_;
};

}  // namespace dupsim
