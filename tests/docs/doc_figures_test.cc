// Every figure in README.md, scenarios/README.md and the lessons is what the command in the
// marker before it prints (tests/docs/doc_block.h describes the markers). Each command runs
// once on the real binary: a fenced block must be its output; a table or paragraph of rates is
// checked rate by rate against the command's JSON results:
//   - a table row belongs to the first bundled scenario named in backticks in its first cell; a
//     column headed by one of that scenario's strategies holds that strategy's rate; a column
//     headed "duplicate rate" holds the rates of the scenario's strategies in order, a rate
//     followed by " blocked" being the false-block rate of the one before;
//   - anywhere, "STRATEGY: 3.74% (3.62-3.86%)" (the label as the table prints it, or its bare
//     name when that is unambiguous; backticks allowed) is that strategy's rate and interval in
//     the scenario named last in backticks (at first, the command's first scenario);
//   - a quoted "root causes, ..." or "costs, ..." line is that line of the table output.
// With DUPSIM_UPDATE_DOCS=1 the test rewrites every block and figure from the real output
// instead (check the diff); without it, a difference fails and names file:line.
#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <regex>
#include <sstream>
#include <string>
#include <vector>

#include "metrics/run_result.h"
#include "reports/json_reader.h"
#include "reports/percent_format.h"
#include "reports/report_format_registry.h"
#include "tests/cli/dupsim_process.h"
#include "tests/docs/doc_block.h"

namespace dupsim {
namespace {

namespace fs = std::filesystem;
const fs::path kRoot = DUPSIM_SOURCE_DIR;

bool Updating() {
  const char* update = std::getenv("DUPSIM_UPDATE_DOCS");
  return update != nullptr && std::string(update) == "1";
}

std::vector<std::string> SplitLines(const std::string& text) {
  std::vector<std::string> lines;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) lines.push_back(line);
  return lines;
}

std::string JoinLines(const std::vector<std::string>& lines) {
  std::string text;
  for (const std::string& line : lines) text += line + "\n";
  return text;
}

// The binary run from the source root, so relative paths in commands work as for a reader.
ProcessResult RunInSourceRoot(const std::vector<std::string>& args) {
  const fs::path previous = fs::current_path();
  fs::current_path(kRoot);
  ProcessResult r = RunDupsimBinary(args);
  fs::current_path(previous);
  return r;
}

// A command's JSON results, indexed by scenario (its bundled or file name and its `name:`).
struct Results {
  Report report;
  std::vector<std::string> scenarios;  // file stems, in run order
  std::map<std::string, std::vector<const RunResult*>> by_scenario;
  std::vector<std::string> table;  // the table format's lines
};

std::string Stem(const std::string& source) {
  return fs::path(source).stem().string();
}

class CommandCache {
 public:
  const std::vector<std::string>& Output(const std::vector<std::string>& args, std::string* error) {
    auto it = outputs_.find(args);
    if (it != outputs_.end()) return it->second;
    const ProcessResult r = RunInSourceRoot(args);
    if (r.exit_status != 0) *error = "exit " + std::to_string(r.exit_status) + ": " + r.err;
    return outputs_[args] = SplitLines(r.out);
  }

  const Results& Json(const std::vector<std::string>& args, std::string* error) {
    auto it = json_.find(args);
    if (it != json_.end()) return it->second;
    Results& results = json_[args];
    std::vector<std::string> json_args = args;
    json_args.insert(json_args.end(), {"--format", "json"});
    const ProcessResult r = RunInSourceRoot(json_args);
    if (r.exit_status != 0) {
      *error = "exit " + std::to_string(r.exit_status) + ": " + r.err;
      return results;
    }
    results.report = ReadJsonReport(r.out, "dupsim " + args[0] + " --format json");
    for (const RunResult& result : results.report.results) {
      const std::string stem = Stem(result.scenario_source);
      if (results.by_scenario.count(stem) == 0) results.scenarios.push_back(stem);
      results.by_scenario[stem].push_back(&result);
      if (result.scenario != stem) results.by_scenario[result.scenario].push_back(&result);
    }
    std::ostringstream table;
    ReportFormatRegistry::Builtin().Find("table")->Render(results.report, table);
    results.table = SplitLines(table.str());
    return results;
  }

 private:
  std::map<std::vector<std::string>, std::vector<std::string>> outputs_;
  std::map<std::vector<std::string>, Results> json_;
};

CommandCache& Cache() {
  static CommandCache cache;
  return cache;
}

// The strategy of `runs` that `label` names: its label exactly, or its registry name if only
// one of the runs has it.
const RunResult* FindStrategy(const std::vector<const RunResult*>& runs, const std::string& label) {
  const RunResult* by_name = nullptr;
  int named = 0;
  for (const RunResult* r : runs) {
    if (r->strategy_config == label) return r;
    if (r->strategy == label) {
      by_name = r;
      ++named;
    }
  }
  return named == 1 ? by_name : nullptr;
}

// What one figure should read, and where it is.
struct Figure {
  RateToken token;
  std::string expected;  // the token's text as the output has it
  std::string what;      // "double_tap/none duplicate rate", for messages
};

std::string Expected(const RateEstimate& rate, const RateToken& token) {
  std::string text = FormatRate(rate);
  if (!token.interval.empty()) text += " " + FormatInterval(rate);
  return text;
}

std::string TokenText(const RateToken& token) {
  return token.interval.empty() ? token.rate : token.rate + " " + token.interval;
}

// Checks (or rewrites) one block of figures; appends a message per mismatch to `failures`.
class FigureBlock {
 public:
  FigureBlock(const Results& results, std::vector<std::string>& lines, const std::string& where)
      : results_(results), lines_(lines), where_(where) {
    if (!results.scenarios.empty()) scenario_ = results.scenarios.front();
  }

  void Check(const DocBlock& block, std::vector<std::string>* failures) {
    std::vector<std::string> header;
    for (std::size_t i = block.begin; i < block.end; ++i) {
      std::vector<Figure> figures;
      const std::string& line = lines_[i];
      if (line.rfind("|", 0) == 0) {
        std::vector<std::pair<std::size_t, std::string>> cells = Cells(line);
        if (header.empty()) {
          for (const auto& cell : cells) header.push_back(Trim(cell.second));
          continue;
        }
        if (line.find("---") != std::string::npos &&
            line.find_first_not_of("|-: ") == std::string::npos)
          continue;
        TableRow(i, cells, header, &figures, failures);
      } else {
        Prose(i, &figures, failures);
      }
      Quotes(i, failures);
      Apply(i, figures, failures);
    }
  }

 private:
  static std::string Trim(const std::string& s) {
    const std::size_t a = s.find_first_not_of(' ');
    const std::size_t b = s.find_last_not_of(' ');
    return a == std::string::npos ? "" : s.substr(a, b - a + 1);
  }

  // Cells of a table row with their offsets in the line.
  static std::vector<std::pair<std::size_t, std::string>> Cells(const std::string& line) {
    std::vector<std::pair<std::size_t, std::string>> cells;
    std::size_t start = 1;
    while (start < line.size()) {
      const std::size_t bar = line.find('|', start);
      if (bar == std::string::npos) break;
      cells.emplace_back(start, line.substr(start, bar - start));
      start = bar + 1;
    }
    return cells;
  }

  static std::string Unticked(std::string s) {
    s = Trim(s);
    if (s.size() >= 2 && s.front() == '`' && s.back() == '`') s = s.substr(1, s.size() - 2);
    return s;
  }

  const std::vector<const RunResult*>* Runs(const std::string& scenario) const {
    auto it = results_.by_scenario.find(scenario);
    return it == results_.by_scenario.end() ? nullptr : &it->second;
  }

  // Switches scenario_ at every backticked scenario name in `text` before `until`.
  void FollowScenarios(const std::string& text, std::size_t from, std::size_t until) {
    static const std::regex kTicked("`([A-Za-z0-9_.-]+)`");
    const std::string part = text.substr(from, until - from);
    for (auto it = std::sregex_iterator(part.begin(), part.end(), kTicked);
         it != std::sregex_iterator(); ++it) {
      if (Runs((*it)[1]) != nullptr) scenario_ = (*it)[1];
    }
  }

  // "label: " (or "`label`: ") right before `at`: the label, else "".
  static std::string LabelBefore(const std::string& line, std::size_t at) {
    static const std::regex kLabel(R"(`?([A-Za-z_][A-Za-z0-9_+]*(?:\([^()]*\))?)`?: $)");
    std::smatch m;
    const std::string before = line.substr(0, at);
    if (!std::regex_search(before, m, kLabel)) return "";
    return m[1];
  }

  void AddFigure(const RateToken& t, const RunResult& r, bool false_block,
                 std::vector<Figure>* figures) {
    Figure f;
    f.token = t;
    f.expected = Expected(false_block ? r.false_block_rate : r.duplicate_rate, t);
    f.what = Stem(r.scenario_source) + "/" + r.strategy_config +
             (false_block ? " false-block rate" : " duplicate rate");
    figures->push_back(f);
  }

  void Prose(std::size_t i, std::vector<Figure>* figures, std::vector<std::string>* failures) {
    const std::string& line = lines_[i];
    std::size_t followed = 0;
    for (const RateToken& t : FindRateTokens(line, i)) {
      FollowScenarios(line, followed, t.at);
      followed = t.at;
      const std::string label = LabelBefore(line, t.at);
      if (label.empty()) continue;  // not a measured figure ("10% of users")
      const auto* runs = Runs(scenario_);
      const RunResult* r = runs == nullptr ? nullptr : FindStrategy(*runs, label);
      if (r == nullptr) {
        failures->push_back(where_ + ":" + std::to_string(i + 1) + ": " + label + ": " +
                            TokenText(t) + " names no strategy of " + scenario_ + " in the run");
        continue;
      }
      AddFigure(t, *r, t.blocked, figures);
    }
  }

  void TableRow(std::size_t i, const std::vector<std::pair<std::size_t, std::string>>& cells,
                const std::vector<std::string>& header, std::vector<Figure>* figures,
                std::vector<std::string>* failures) {
    const std::string& line = lines_[i];
    scenario_.clear();
    FollowScenarios(cells.front().second, 0, cells.front().second.size());
    const auto* runs = Runs(scenario_);
    if (runs == nullptr) return;  // a row of no scenario in the run: nothing to check
    const std::vector<RateToken> tokens = FindRateTokens(line, i);
    for (std::size_t c = 1; c < cells.size() && c < header.size(); ++c) {
      const std::size_t begin = cells[c].first, end = begin + cells[c].second.size();
      const RunResult* column = FindStrategy(*runs, Unticked(header[c]));
      const bool positional = header[c] == "duplicate rate";
      std::size_t next = 0;  // position among the scenario's strategies
      const RunResult* previous = nullptr;
      bool column_used = false;
      for (const RateToken& t : tokens) {
        if (t.at < begin || t.at >= end) continue;
        const std::string label = LabelBefore(line, t.at);
        const RunResult* r = nullptr;
        if (!label.empty() && FindStrategy(*runs, label) != nullptr) {
          r = FindStrategy(*runs, label);
        } else if (column != nullptr && !column_used) {
          r = column;
          column_used = true;
        } else if (positional && t.blocked && previous != nullptr) {
          AddFigure(t, *previous, true, figures);
          continue;
        } else if (positional && next < runs->size()) {
          r = (*runs)[next++];
        } else if (positional || column != nullptr) {
          failures->push_back(where_ + ":" + std::to_string(i + 1) + ": " + TokenText(t) +
                              ": more rates than " + scenario_ + " has strategies");
          continue;
        } else {
          continue;  // a column of words, not figures
        }
        previous = r;
        AddFigure(t, *r, false, figures);
      }
      if (positional && next != 0 && next < runs->size()) {
        failures->push_back(where_ + ":" + std::to_string(i + 1) + ": " + scenario_ + " has " +
                            std::to_string(runs->size()) + " strategies, the row gives " +
                            std::to_string(next) + " rates");
      }
    }
  }

  // A quoted table line: "root causes, none: ..." must be a line of the table output.
  void Quotes(std::size_t i, std::vector<std::string>* failures) {
    static const std::regex kQuote("\"((?:root causes|costs), [^\":]+:[^\"]*)\"");
    std::string& line = lines_[i];
    std::smatch m;
    std::string rest = line;
    std::size_t offset = 0;
    while (std::regex_search(rest, m, kQuote)) {
      const std::string quoted = m[1];
      const std::string prefix = quoted.substr(0, quoted.find(':') + 1);
      std::string actual;
      for (const std::string& t : results_.table) {
        const std::string trimmed = Trim(t);
        if (trimmed.rfind(prefix, 0) == 0) actual = trimmed;
      }
      const std::size_t at = offset + static_cast<std::size_t>(m.position(1));
      if (actual.empty()) {
        failures->push_back(where_ + ":" + std::to_string(i + 1) + ": no output line starts \"" +
                            prefix + "\"");
      } else if (actual != quoted) {
        if (Updating()) {
          line.replace(at, quoted.size(), actual);
        } else {
          failures->push_back(where_ + ":" + std::to_string(i + 1) + ": \"" + quoted +
                              "\" but the output says \"" + actual + "\"");
        }
      }
      offset = at + (Updating() ? actual.size() : quoted.size()) + 1;
      rest = line.substr(offset);
    }
  }

  void Apply(std::size_t i, const std::vector<Figure>& figures,
             std::vector<std::string>* failures) {
    // Right to left, so earlier offsets stay valid while rewriting.
    for (auto f = figures.rbegin(); f != figures.rend(); ++f) {
      const std::string written = TokenText(f->token);
      if (written == f->expected) continue;
      if (Updating()) {
        lines_[i].replace(f->token.at, f->token.length, f->expected);
      } else {
        failures->push_back(where_ + ":" + std::to_string(i + 1) + ": " + written + " but " +
                            f->what + " is " + f->expected);
      }
    }
  }

  const Results& results_;
  std::vector<std::string>& lines_;
  std::string where_;
  std::string scenario_;
};

// Checks (or, updating, rewrites) every marked block of one Markdown file; returns the number
// of blocks.
int CheckFile(const std::string& relative) {
  const fs::path path = kRoot / relative;
  std::ifstream in(path);
  std::stringstream text;
  text << in.rdbuf();
  std::vector<std::string> lines = SplitLines(text.str());
  std::string error;
  const std::vector<DocBlock> blocks = FindDocBlocks(lines, &error);
  EXPECT_EQ(error, "") << relative;
  std::vector<std::string> failures;
  // Back to front: rewriting a fenced block may change the number of lines after it.
  for (auto b = blocks.rbegin(); b != blocks.rend(); ++b) {
    const std::string where = relative + ":" + std::to_string(b->comment_line + 1);
    std::string run_error;
    if (b->args.empty()) {
      failures.push_back(where + ": empty command");
    } else if (b->fenced) {
      const std::vector<std::string>& output = Cache().Output(b->args, &run_error);
      std::vector<std::string> expected = SelectLines(output, b->lines);
      if (b->begin < b->end && lines[b->begin].rfind("$ ", 0) == 0) {
        expected.insert(expected.begin(), "$ dupsim " + b->command);
      }
      const std::vector<std::string> written(lines.begin() + static_cast<long>(b->begin),
                                             lines.begin() + static_cast<long>(b->end));
      if (written != expected) {
        if (Updating()) {
          lines.erase(lines.begin() + static_cast<long>(b->begin),
                      lines.begin() + static_cast<long>(b->end));
          lines.insert(lines.begin() + static_cast<long>(b->begin), expected.begin(),
                       expected.end());
        } else {
          failures.push_back(where + ": the block is not what `dupsim " + b->command +
                             "` prints; it prints:\n" + JoinLines(expected));
        }
      }
    } else {
      const Results& results = Cache().Json(b->args, &run_error);
      FigureBlock(results, lines, relative).Check(*b, &failures);
    }
    if (!run_error.empty()) failures.push_back(where + ": dupsim " + b->command + ": " + run_error);
  }
  for (const std::string& f : failures) ADD_FAILURE() << f;
  if (Updating()) std::ofstream(path) << JoinLines(lines);
  return static_cast<int>(blocks.size());
}

// The Markdown files whose figures are measured, each with the least number of marked blocks
// it must have.
std::vector<std::pair<std::string, int>> MeasuredFiles() {
  std::vector<std::pair<std::string, int>> files = {{"README.md", 3}, {"scenarios/README.md", 1}};
  for (const auto& entry : fs::directory_iterator(kRoot / "scenarios/lessons")) {
    if (entry.path().extension() == ".md" && entry.path().filename() != "README.md") {
      files.emplace_back(fs::relative(entry.path(), kRoot).string(), 1);
    }
  }
  std::sort(files.begin(), files.end());
  return files;
}

TEST(DocFigures, EveryMarkedBlockIsWhatItsCommandPrints) {
  for (const auto& [file, minimum] : MeasuredFiles()) {
    SCOPED_TRACE(file);
    EXPECT_GE(CheckFile(file), minimum) << file << " has fewer measured blocks than it should";
  }
}

// A rate with its interval is a measurement: it belongs in a marked block, where the test sees
// it. (Rates without one are also parameters, "10% of users", and cannot be told apart.)
TEST(DocFigures, NoMeasuredRateOutsideAMarkedBlock) {
  static const std::regex kMeasured(R"([0-9.]+% \([0-9.]+-[0-9.]+%\))");
  for (const auto& [file, minimum] : MeasuredFiles()) {
    std::ifstream in(kRoot / file);
    std::stringstream text;
    text << in.rdbuf();
    const std::vector<std::string> lines = SplitLines(text.str());
    std::string error;
    const std::vector<DocBlock> blocks = FindDocBlocks(lines, &error);
    std::vector<bool> covered(lines.size(), false);
    for (const DocBlock& b : blocks) {
      for (std::size_t i = b.begin; i < b.end; ++i) covered[i] = true;
    }
    for (std::size_t i = 0; i < lines.size(); ++i) {
      if (!covered[i] && std::regex_search(lines[i], kMeasured)) {
        ADD_FAILURE() << file << ":" << i + 1 << ": a measured rate outside a <!-- dupsim: -->"
                      << " block: " << lines[i];
      }
    }
  }
}

}  // namespace
}  // namespace dupsim
