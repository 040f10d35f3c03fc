// The repository's own files as a user's clone has them: `git ls-files` when the source tree
// is a git checkout, else every file under it outside build trees and hidden folders.
#pragma once

#include <string>
#include <vector>

namespace dupsim {

// Paths relative to the source root, sorted.
std::vector<std::string> RepositoryFiles();

std::string ReadRepositoryFile(const std::string& relative_path);

}  // namespace dupsim
