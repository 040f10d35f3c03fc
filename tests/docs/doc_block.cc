#include "tests/docs/doc_block.h"

#include <regex>

namespace dupsim {
namespace {

const std::regex kMarker(R"(^<!-- dupsim: (.+?)(?: \| lines ([0-9, -]+))? -->\s*$)");

bool ParseRanges(const std::string& text, std::vector<LineRange>* ranges) {
  static const std::regex kRange(R"(\s*([0-9]+)(?:-([0-9]+))?\s*)");
  std::size_t start = 0;
  while (start <= text.size()) {
    const std::size_t comma = text.find(',', start);
    const std::string part =
        text.substr(start, comma == std::string::npos ? std::string::npos : comma - start);
    std::smatch m;
    if (!std::regex_match(part, m, kRange)) return false;
    LineRange r;
    r.first = std::stoul(m[1]);
    r.last = m[2].matched ? std::stoul(m[2]) : r.first;
    if (r.first == 0 || r.last < r.first) return false;
    if (!ranges->empty() && r.first <= ranges->back().last) return false;
    ranges->push_back(r);
    if (comma == std::string::npos) break;
    start = comma + 1;
  }
  return !ranges->empty();
}

bool IsFence(const std::string& line) {
  return line.rfind("```", 0) == 0;
}

}  // namespace

std::vector<std::string> ShellWords(const std::string& line) {
  std::vector<std::string> words;
  std::string word;
  bool in_word = false;
  char quote = 0;
  for (char c : line) {
    if (quote != 0) {
      if (c == quote) {
        quote = 0;
      } else {
        word += c;
      }
    } else if (c == '\'' || c == '"') {
      quote = c;
      in_word = true;
    } else if (c == ' ' || c == '\t') {
      if (in_word) words.push_back(word);
      word.clear();
      in_word = false;
    } else {
      word += c;
      in_word = true;
    }
  }
  if (in_word) words.push_back(word);
  return words;
}

std::vector<DocBlock> FindDocBlocks(const std::vector<std::string>& lines, std::string* error) {
  std::vector<DocBlock> blocks;
  for (std::size_t i = 0; i < lines.size(); ++i) {
    if (lines[i].rfind("<!-- dupsim:", 0) != 0) continue;
    const std::string where = "line " + std::to_string(i + 1) + ": ";
    std::smatch m;
    if (!std::regex_match(lines[i], m, kMarker)) {
      *error = where + "a marker reads <!-- dupsim: COMMAND [| lines A-B,C] -->";
      return {};
    }
    DocBlock block;
    block.command = m[1];
    block.args = ShellWords(block.command);
    block.comment_line = i;
    if (m[2].matched && !ParseRanges(m[2], &block.lines)) {
      *error = where + "bad line ranges '" + std::string(m[2]) + "'";
      return {};
    }
    std::size_t next = i + 1;
    if (next < lines.size() && IsFence(lines[next])) {
      block.fenced = true;
      block.begin = next + 1;
      block.end = block.begin;
      while (block.end < lines.size() && !IsFence(lines[block.end])) ++block.end;
      if (block.end == lines.size()) {
        *error = where + "the fenced block after the marker is not closed";
        return {};
      }
    } else {
      if (!block.lines.empty()) {
        *error = where + "'| lines' is for fenced output blocks";
        return {};
      }
      block.begin = next;
      block.end = next;
      while (block.end < lines.size() && !lines[block.end].empty()) ++block.end;
    }
    if (block.begin == block.end) {
      *error = where + "no block follows the marker";
      return {};
    }
    blocks.push_back(block);
    i = block.end;
  }
  return blocks;
}

std::vector<std::string> SelectLines(const std::vector<std::string>& output,
                                     const std::vector<LineRange>& ranges) {
  if (ranges.empty()) return output;
  std::vector<std::string> out;
  std::size_t next = 1;  // the first output line not yet shown or elided
  for (const LineRange& r : ranges) {
    if (r.first > next) out.push_back("...");
    for (std::size_t n = r.first; n <= r.last && n <= output.size(); ++n)
      out.push_back(output[n - 1]);
    next = r.last + 1;
  }
  if (next <= output.size()) out.push_back("...");
  return out;
}

std::vector<RateToken> FindRateTokens(const std::string& text, std::size_t line) {
  static const std::regex kRate(
      R"(([0-9]+(?:\.[0-9]+)?%)( \(([0-9]+(?:\.[0-9]+)?-[0-9]+(?:\.[0-9]+)?%)\))?)");
  std::vector<RateToken> tokens;
  for (auto it = std::sregex_iterator(text.begin(), text.end(), kRate);
       it != std::sregex_iterator(); ++it) {
    const std::smatch& m = *it;
    const auto at = static_cast<std::size_t>(m.position(0));
    // Part of a longer number or word ("a10%"): not a figure.
    if (at > 0 && (std::isalnum(static_cast<unsigned char>(text[at - 1])) || text[at - 1] == '.' ||
                   text[at - 1] == '-' || text[at - 1] == '/')) {
      continue;
    }
    RateToken t;
    t.line = line;
    t.at = at;
    t.length = static_cast<std::size_t>(m.length(0));
    t.rate = m[1];
    if (m[2].matched) {
      // Appended piecewise: `"(" + std::string&&` trips GCC 12's false -Wrestrict.
      t.interval = "(";
      t.interval += m[3];
      t.interval += ")";
    }
    t.blocked = text.compare(at + t.length, 8, " blocked") == 0;
    tokens.push_back(t);
  }
  return tokens;
}

}  // namespace dupsim
