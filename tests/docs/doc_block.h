// Marked output blocks in the project's Markdown: a line `<!-- dupsim: ARGS -->` followed at once
// by a fenced code block holding exactly what `dupsim ARGS` prints. The doc-figures test runs each
// and compares; DUPSIM_UPDATE_DOCS=1 rewrites the blocks from the real output instead.
#pragma once

#include <cstddef>
#include <stdexcept>
#include <string>
#include <vector>

namespace dupsim {

struct DocBlock {
  std::string file;               // as given to the parser, for messages
  int marker_line = 0;            // 1-based line of the `<!-- dupsim: ... -->` marker
  std::string command;            // ARGS as written
  std::vector<std::string> args;  // ARGS split as a POSIX shell would
  std::string expected;           // the fenced text, each line ending in '\n'
  std::size_t begin = 0;          // byte range of `expected` in the file
  std::size_t end = 0;
};

// A malformed marker or block; what() starts with "file:line: ".
class DocBlockError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// Every marked block of `text` in order; throws DocBlockError on a marker with no arguments, no
// closing `-->`, no fence on the next line, or a fence that never closes.
std::vector<DocBlock> ParseDocBlocks(const std::string& file, const std::string& text);

// `text` with each block's expected text replaced by outputs[i] (given a final '\n' if it has
// none). `blocks` must come from ParseDocBlocks(text) and match `outputs` in number.
std::string RewriteDocBlocks(const std::string& text, const std::vector<DocBlock>& blocks,
                             const std::vector<std::string>& outputs);

// Words, '...' and "..." quotes (no escapes), # comments: tests/support/shell_words.h.
std::vector<std::string> SplitShellWords(const std::string& line);

}  // namespace dupsim
