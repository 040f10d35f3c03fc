// The figures in the project's Markdown (README.md, scenarios/README.md, the lessons) come from
// commands that a test runs. A block of figures is marked by the HTML comment before it, which
// GitHub does not show:
//
//   <!-- dupsim: run double_tap -->              followed by a fenced block: the block is the
//   ```                                           command's output, byte for byte ("| lines 1-9,
//   ...                                           12-14" keeps those lines, with "..." for the
//   ```                                           rest; a first line "$ dupsim ..." is kept)
//
//   <!-- dupsim: run a b -->                     followed by a table or paragraph (up to a blank
//   | scenario | none | idempotency_key |        line): every rate in it ("2.88%", "0%", with
//   | `a` | 2.88% | 0% |                         its interval "3.74% (3.62-3.86%)" if given) is
//                                                 a figure of the command's JSON results.
//
// This file finds the marked blocks and the figures in them; doc_figures_test.cc runs the
// commands, compares, and with DUPSIM_UPDATE_DOCS=1 rewrites the blocks from the real output.
#pragma once

#include <cstddef>
#include <string>
#include <utility>
#include <vector>

namespace dupsim {

struct LineRange {
  std::size_t first = 0;  // 1-based, inclusive
  std::size_t last = 0;
};

struct DocBlock {
  std::vector<std::string> args;  // after "dupsim", split as a shell would
  std::string command;            // as written in the comment, "run double_tap"
  std::vector<LineRange> lines;   // "| lines ..."; empty: every line
  bool fenced = false;            // a fenced output block, else a block of figures
  std::size_t comment_line = 0;   // 0-based index of the marker comment in the file's lines
  std::size_t begin = 0;          // first line of the block's body (after the opening fence)
  std::size_t end = 0;            // one past its last body line (the closing fence, if fenced)
};

// Every marked block of `lines` (a file split at '\n'); a malformed marker is an error naming
// its 1-based line.
std::vector<DocBlock> FindDocBlocks(const std::vector<std::string>& lines, std::string* error);

// A command line split as a POSIX shell would for these simple lines: words, '...' and "..."
// quotes.
std::vector<std::string> ShellWords(const std::string& line);

// `output` cut to `ranges` (all of it when empty), "..." standing for every skipped stretch.
std::vector<std::string> SelectLines(const std::vector<std::string>& output,
                                     const std::vector<LineRange>& ranges);

// One rate written in a block of figures: "2.88%", or "3.74% (3.62-3.86%)" when `interval`.
struct RateToken {
  std::size_t line = 0;  // index into the file's lines
  std::size_t at = 0;    // byte offset of the token in its line
  std::size_t length = 0;
  std::string rate;      // "2.88%"
  std::string interval;  // "(3.62-3.86%)" or ""
  bool blocked = false;  // followed by " blocked": a false-block rate
};

// The rate tokens of `text` (one line), left to right.
std::vector<RateToken> FindRateTokens(const std::string& text, std::size_t line);

}  // namespace dupsim
