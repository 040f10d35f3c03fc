// A command line split as a POSIX shell would for the simple lines the docs and lessons
// show: words, '...' and "..." quotes (no escapes), and a comment from an unquoted # that
// starts a word. Shared by the doc-block checker and the lessons test.
#pragma once

#include <string>
#include <vector>

namespace dupsim::testing {

std::vector<std::string> ShellWords(const std::string& line);

}  // namespace dupsim::testing
