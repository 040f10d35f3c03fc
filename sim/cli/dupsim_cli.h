// The `dupsim` command line as a function, so tests can run it in-process and
// main() stays one line. Exit status: 0 on success, 2 for bad input or usage
// (one "dupsim: error: ..." line on `err`), 1 for an internal failure.
#pragma once

#include <ostream>
#include <string>
#include <vector>

namespace dupsim {

// `args` are the arguments after the program name: {"run", "--intents", "2000"}.
int RunDupsim(const std::vector<std::string>& args, std::ostream& out, std::ostream& err);

}  // namespace dupsim
