// The layers of the code, enforced: one table says which source folders each folder may
// include, and every #include "..." of the repository's own headers and sources is checked
// against it, and against CMake: a folder's library must link (directly or through what it
// links) the library of every folder it includes, so that a header compiles only where its
// code is linked. A wrong include fails here, naming the file, the line and the edge.
// There are no exceptions: the last known ones left with issue 11.
#include <gtest/gtest.h>

#include <map>
#include <regex>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "tests/docs/repo_files.h"

namespace dupsim {
namespace {

struct Layer {
  std::string folder;
  std::string target;                 // the library its sources build; "" for none
  std::set<std::string> may_include;  // other folders; its own is always allowed
};

// Lowest first. A folder may include only folders listed before it, never after.
const std::vector<Layer> kLayers = {
    {"sim/engine", "dupsim_engine", {}},
    {"sim/model", "dupsim_model", {"sim/engine"}},
    {"sim/network", "dupsim_network", {"sim/engine", "sim/model"}},
    {"sim/input", "dupsim_input", {"sim/engine", "sim/model"}},
    {"metrics", "dupsim_metrics", {"sim/engine", "sim/model", "sim/input"}},
    {"fakes", "dupsim_fakes", {"sim/engine", "sim/model", "sim/network", "sim/input", "metrics"}},
    // The strategies: beside the parties, not above them; both speak sim/model's interfaces.
    {"sim/dedup", "dupsim_strategies", {"sim/engine", "sim/model", "sim/input", "metrics"}},
    // The trace's renderers; its vocabulary, which the parties report in, is in sim/model.
    {"sim/trace",
     "dupsim_trace",
     {"sim/engine", "sim/model", "sim/network", "sim/input", "metrics"}},
    {"sim/scenario",
     "dupsim_scenario",
     {"sim/engine", "sim/model", "sim/network", "sim/input", "metrics", "fakes", "sim/dedup"}},
    {"sim/run",
     "dupsim_run",
     {"sim/engine", "sim/model", "sim/network", "sim/input", "metrics", "fakes", "sim/dedup",
      "sim/scenario"}},
    {"reports", "dupsim_reports", {"sim/engine", "sim/model", "sim/input", "metrics"}},
    {"sim/explain",
     "dupsim_explain",
     {"sim/engine", "sim/model", "sim/network", "sim/input", "metrics", "sim/trace", "fakes",
      "sim/dedup", "sim/scenario", "sim/run", "reports"}},
    {"sim/cli",
     "dupsim_cli",
     {"sim/engine", "sim/model", "sim/network", "sim/input", "metrics", "sim/trace", "fakes",
      "sim/dedup", "sim/scenario", "sim/run", "reports", "sim/explain"}},
    // Plug-ins link nothing: they resolve dupsim's symbols from the executable when loaded.
    {"plugins", "", {"sim/engine", "sim/model", "sim/input", "sim/dedup"}},
};

struct Include {
  std::string file;
  int line = 0;
  std::string header;
};

const Layer* LayerOf(const std::string& path) {
  const Layer* found = nullptr;
  for (const Layer& layer : kLayers) {
    const std::string prefix = layer.folder + "/";
    if (path.rfind(prefix, 0) == 0 && (!found || layer.folder.size() > found->folder.size())) {
      found = &layer;
    }
  }
  return found;
}

bool IsSource(const std::string& path) {
  const auto ends = [&](const std::string& tail) {
    return path.size() > tail.size() &&
           path.compare(path.size() - tail.size(), tail.size(), tail) == 0;
  };
  return ends(".h") || ends(".cc");
}

bool InTests(const std::string& path) {
  return path.rfind("tests/", 0) == 0;
}

// Every #include "..." in the layered folders that names a file of the repository.
std::vector<Include> RepositoryIncludes() {
  const std::vector<std::string> files = RepositoryFiles();
  const std::set<std::string> known(files.begin(), files.end());
  const std::regex include_line(R"(^\s*#\s*include\s*"([^"]+)\")");
  std::vector<Include> includes;
  for (const std::string& file : files) {
    if (!IsSource(file) || InTests(file) || LayerOf(file) == nullptr) continue;
    std::istringstream in(ReadRepositoryFile(file));
    int number = 0;
    for (std::string line; std::getline(in, line);) {
      ++number;
      std::smatch match;
      if (std::regex_search(line, match, include_line) && known.count(match[1].str())) {
        includes.push_back({file, number, match[1].str()});
      }
    }
  }
  return includes;
}

// target -> the dupsim_* targets it names in target_link_libraries (any scope), from every
// CMakeLists.txt outside tests/.
std::map<std::string, std::set<std::string>> LinkedTargets() {
  std::map<std::string, std::set<std::string>> links;
  const std::regex call(R"(target_link_libraries\s*\(\s*([A-Za-z0-9_]+)([^)]*)\))");
  const std::regex target(R"(dupsim_[A-Za-z0-9_]+)");
  for (const std::string& file : RepositoryFiles()) {
    if (InTests(file) || file.size() < 14 ||
        file.compare(file.size() - 14, 14, "CMakeLists.txt") != 0) {
      continue;
    }
    const std::string text = ReadRepositoryFile(file);
    for (auto it = std::sregex_iterator(text.begin(), text.end(), call);
         it != std::sregex_iterator(); ++it) {
      const std::string args = (*it)[2].str();
      std::set<std::string>& to = links[(*it)[1].str()];
      for (auto t = std::sregex_iterator(args.begin(), args.end(), target);
           t != std::sregex_iterator(); ++t) {
        to.insert(t->str());
      }
    }
  }
  return links;
}

std::set<std::string> Reachable(const std::map<std::string, std::set<std::string>>& links,
                                const std::string& from) {
  std::set<std::string> seen;
  std::vector<std::string> todo = {from};
  while (!todo.empty()) {
    const std::string at = todo.back();
    todo.pop_back();
    if (!seen.insert(at).second) continue;
    const auto found = links.find(at);
    if (found != links.end()) todo.insert(todo.end(), found->second.begin(), found->second.end());
  }
  return seen;
}

TEST(LayeringTest, EverySourceFolderHasALayer) {
  const std::set<std::string> roots = {"sim", "metrics", "fakes", "reports", "plugins"};
  for (const std::string& file : RepositoryFiles()) {
    if (!IsSource(file) || !roots.count(file.substr(0, file.find('/')))) continue;
    EXPECT_NE(LayerOf(file), nullptr) << file << ": its folder is missing from kLayers";
  }
}

TEST(LayeringTest, TheTableOnlyPointsDown) {
  std::map<std::string, std::size_t> position;
  for (std::size_t i = 0; i < kLayers.size(); ++i) position[kLayers[i].folder] = i;
  for (std::size_t i = 0; i < kLayers.size(); ++i) {
    for (const std::string& lower : kLayers[i].may_include) {
      ASSERT_TRUE(position.count(lower)) << kLayers[i].folder << " may include unknown " << lower;
      EXPECT_LT(position[lower], i)
          << kLayers[i].folder << " may include " << lower << ", which is not below it";
    }
  }
}

// The top-level CMakeLists.txt adds the libraries' folders in one foreach, in dependency order
// as its comment says: the same order as this table, so the two cannot drift apart.
TEST(LayeringTest, TopLevelCMakeAddsTheFoldersInTableOrder) {
  const std::string text = ReadRepositoryFile("CMakeLists.txt");
  std::smatch found;
  ASSERT_TRUE(std::regex_search(text, found, std::regex(R"(foreach\(dir ([^)]*)\))")))
      << "CMakeLists.txt: no foreach(dir ...) adding the library folders";
  std::vector<std::string> added;
  std::istringstream words(found[1].str());
  for (std::string word; words >> word;) added.push_back(word);
  std::vector<std::string> table;
  for (const Layer& layer : kLayers) {
    if (!layer.target.empty()) table.push_back(layer.folder);
  }
  EXPECT_EQ(added, table) << "CMakeLists.txt's foreach(dir ...) and kLayers list the folders in "
                             "different orders";
}

// Why `include` breaks the layers ("" when it does not): a folder the table forbids, or a
// library its includer does not link.
std::string Violation(const Include& include,
                      const std::map<std::string, std::set<std::string>>& links) {
  const Layer* from = LayerOf(include.file);
  const Layer* to = LayerOf(include.header);
  if (to == nullptr || to == from) return "";
  if (!from->may_include.count(to->folder)) {
    return from->folder + " may not include " + to->folder;
  }
  if (!from->target.empty() && !to->target.empty() &&
      !Reachable(links, from->target).count(to->target)) {
    return from->target + " does not link " + to->target;
  }
  return "";
}

TEST(LayeringTest, EachLayeredLibraryHasItsLinks) {
  const auto links = LinkedTargets();
  for (const Layer& layer : kLayers) {
    if (layer.target.empty() || layer.may_include.empty()) continue;
    EXPECT_TRUE(links.count(layer.target))
        << layer.target << " (" << layer.folder << ") has no target_link_libraries";
  }
}

// The libraries of the layered folders a target links directly; a link to an alias (dupsim_dedup,
// the strategies linked whole-archive) counts as a link to what the alias links.
std::set<const Layer*> DirectlyLinkedLayers(
    const std::map<std::string, std::set<std::string>>& links, const std::string& target) {
  std::map<std::string, const Layer*> layer_of;
  for (const Layer& layer : kLayers) {
    if (!layer.target.empty()) layer_of[layer.target] = &layer;
  }
  std::set<const Layer*> linked;
  const auto direct = links.find(target);
  if (direct == links.end()) return linked;
  for (const std::string& name : direct->second) {
    if (layer_of.count(name)) {
      linked.insert(layer_of[name]);
      continue;
    }
    const auto alias = links.find(name);
    if (alias == links.end()) continue;
    for (const std::string& behind : alias->second) {
      if (layer_of.count(behind)) linked.insert(layer_of[behind]);
    }
  }
  return linked;
}

// The other half of "each library links exactly what it includes": a library links directly
// only libraries of folders its files include, so no link stands for a dependency the code
// does not have (one that would let a wrong include build).
TEST(LayeringTest, EachLibraryLinksOnlyWhatItIncludes) {
  const auto links = LinkedTargets();
  std::map<std::string, std::set<std::string>> included;  // folder -> folders it includes
  for (const Include& include : RepositoryIncludes()) {
    const Layer* from = LayerOf(include.file);
    const Layer* to = LayerOf(include.header);
    if (from != nullptr && to != nullptr && from != to) included[from->folder].insert(to->folder);
  }
  for (const Layer& layer : kLayers) {
    if (layer.target.empty()) continue;
    for (const Layer* lower : DirectlyLinkedLayers(links, layer.target)) {
      if (lower == &layer) continue;
      EXPECT_TRUE(included[layer.folder].count(lower->folder))
          << layer.target << " links " << lower->target << ", but no file of " << layer.folder
          << " includes one of " << lower->folder;
    }
  }
}

TEST(LayeringTest, IncludesPointDownTheLayersAndAreLinked) {
  const auto links = LinkedTargets();
  const std::vector<Include> includes = RepositoryIncludes();
  ASSERT_GT(includes.size(), 100u) << "the scan found too few includes to be reading the code";
  for (const Include& include : includes) {
    const std::string violation = Violation(include, links);
    if (!violation.empty()) {
      ADD_FAILURE() << include.file << ":" << include.line << ": includes " << include.header
                    << ", but " << violation;
    }
  }
}

}  // namespace
}  // namespace dupsim
