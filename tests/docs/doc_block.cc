#include "tests/docs/doc_block.h"

#include <string_view>

#include "tests/support/shell_words.h"

namespace dupsim {
namespace {

constexpr std::string_view kMarkerStart = "<!-- dupsim:";
constexpr std::string_view kMarkerEnd = "-->";
constexpr std::string_view kFence = "```";

// One line of the file: its text without '\n' and where the next line starts.
struct Line {
  std::string_view text;
  std::size_t begin = 0;
  std::size_t next = 0;
};

std::vector<Line> SplitLines(const std::string& text) {
  std::vector<Line> lines;
  std::size_t begin = 0;
  while (begin < text.size()) {
    std::size_t end = text.find('\n', begin);
    const std::size_t next = end == std::string::npos ? text.size() : end + 1;
    if (end == std::string::npos) end = text.size();
    lines.push_back({std::string_view(text).substr(begin, end - begin), begin, next});
    begin = next;
  }
  return lines;
}

std::string Trim(std::string_view s) {
  const std::size_t first = s.find_first_not_of(" \t");
  if (first == std::string_view::npos) return "";
  const std::size_t last = s.find_last_not_of(" \t");
  return std::string(s.substr(first, last - first + 1));
}

DocBlockError ErrorAt(const std::string& file, std::size_t line_index, const std::string& what) {
  return DocBlockError(file + ":" + std::to_string(line_index + 1) + ": " + what);
}

// The block whose marker is lines[i]; `i` is left on the closing fence.
DocBlock ParseBlock(const std::string& file, const std::vector<Line>& lines, std::size_t& i) {
  DocBlock block;
  block.file = file;
  block.marker_line = static_cast<int>(i + 1);
  const std::string marker = Trim(lines[i].text);
  if (marker.size() < kMarkerStart.size() + kMarkerEnd.size() ||
      marker.compare(marker.size() - kMarkerEnd.size(), kMarkerEnd.size(), kMarkerEnd) != 0) {
    throw ErrorAt(file, i, "dupsim marker does not end with --> on its line");
  }
  block.command = Trim(std::string_view(marker).substr(
      kMarkerStart.size(), marker.size() - kMarkerStart.size() - kMarkerEnd.size()));
  block.args = SplitShellWords(block.command);
  if (block.args.empty()) throw ErrorAt(file, i, "dupsim marker names no command");
  if (i + 1 >= lines.size() || lines[i + 1].text.substr(0, kFence.size()) != kFence) {
    throw ErrorAt(file, i, "dupsim marker is not followed by a ``` fenced block on the next line");
  }
  const std::size_t open = i + 1;
  for (std::size_t j = open + 1; j < lines.size(); ++j) {
    if (lines[j].text != kFence) continue;
    block.begin = lines[open].next;
    block.end = lines[j].begin;
    i = j;
    return block;
  }
  throw ErrorAt(file, open, "fenced block of the dupsim marker never closes");
}

}  // namespace

std::vector<DocBlock> ParseDocBlocks(const std::string& file, const std::string& text) {
  const std::vector<Line> lines = SplitLines(text);
  std::vector<DocBlock> blocks;
  for (std::size_t i = 0; i < lines.size(); ++i) {
    if (Trim(lines[i].text).rfind(kMarkerStart, 0) != 0) continue;
    DocBlock block = ParseBlock(file, lines, i);
    block.expected = text.substr(block.begin, block.end - block.begin);
    blocks.push_back(std::move(block));
  }
  return blocks;
}

std::string RewriteDocBlocks(const std::string& text, const std::vector<DocBlock>& blocks,
                             const std::vector<std::string>& outputs) {
  if (blocks.size() != outputs.size()) {
    throw std::invalid_argument("RewriteDocBlocks: one output per block");
  }
  std::string rewritten;
  std::size_t copied = 0;
  for (std::size_t i = 0; i < blocks.size(); ++i) {
    rewritten.append(text, copied, blocks[i].begin - copied);
    rewritten += outputs[i];
    if (!outputs[i].empty() && outputs[i].back() != '\n') rewritten += '\n';
    copied = blocks[i].end;
  }
  rewritten.append(text, copied, std::string::npos);
  return rewritten;
}

std::vector<std::string> SplitShellWords(const std::string& line) {
  return testing::ShellWords(line);
}

}  // namespace dupsim
