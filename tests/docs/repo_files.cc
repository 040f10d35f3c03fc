#include "tests/docs/repo_files.h"

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>

namespace dupsim {
namespace {

const std::filesystem::path kRoot = DUPSIM_SOURCE_DIR;

std::vector<std::string> GitFiles() {
  std::vector<std::string> files;
  if (!std::filesystem::exists(kRoot / ".git")) return files;
  const std::string command = "git -C '" + kRoot.string() + "' ls-files -z 2>/dev/null";
  FILE* pipe = popen(command.c_str(), "r");
  if (pipe == nullptr) return files;
  std::string name;
  for (int c = std::fgetc(pipe); c != EOF; c = std::fgetc(pipe)) {
    if (c == '\0') {
      files.push_back(name);
      name.clear();
    } else {
      name += static_cast<char>(c);
    }
  }
  pclose(pipe);
  return files;
}

std::vector<std::string> WalkedFiles() {
  std::vector<std::string> files;
  for (auto it = std::filesystem::recursive_directory_iterator(kRoot);
       it != std::filesystem::recursive_directory_iterator(); ++it) {
    const std::string name = it->path().filename().string();
    if (it->is_directory() && (name.front() == '.' || name.rfind("build", 0) == 0)) {
      it.disable_recursion_pending();
    } else if (it->is_regular_file()) {
      files.push_back(std::filesystem::relative(it->path(), kRoot).string());
    }
  }
  return files;
}

}  // namespace

std::vector<std::string> RepositoryFiles() {
  std::vector<std::string> files = GitFiles();
  if (files.empty()) files = WalkedFiles();
  // A file deleted in the work tree but still in the index is not there to read.
  files.erase(std::remove_if(files.begin(), files.end(),
                             [](const std::string& f) {
                               return !std::filesystem::is_regular_file(kRoot / f);
                             }),
              files.end());
  std::sort(files.begin(), files.end());
  return files;
}

std::string ReadRepositoryFile(const std::string& relative_path) {
  std::ifstream in(kRoot / relative_path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

}  // namespace dupsim
