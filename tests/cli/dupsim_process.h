// Runs the real `dupsim` binary (DUPSIM_BINARY) for the end-to-end tests and
// captures what it printed and how it exited; and a scratch directory for the
// files those tests write.
#pragma once

#include <string>
#include <vector>

namespace dupsim {

struct ProcessResult {
  int exit_status = -1;  // -1 when the process did not exit normally (a crash)
  std::string out;
  std::string err;
};

// `args` follow the program name; standard input reads `stdin_path`. Output goes
// through files, not pipes, so a large report cannot deadlock the wait.
ProcessResult RunDupsimBinary(const std::vector<std::string>& args,
                              const std::string& stdin_path = "/dev/null");

// A fresh directory, removed with everything in it when this goes out of scope.
class ScratchDir {
 public:
  ScratchDir();
  ~ScratchDir();
  ScratchDir(const ScratchDir&) = delete;
  ScratchDir& operator=(const ScratchDir&) = delete;

  const std::string& path() const { return path_; }
  // Writes `text` to a file of that name inside the directory; returns its path.
  std::string Write(const std::string& name, const std::string& text) const;

 private:
  std::string path_;
};

std::string ReadFile(const std::string& path);

}  // namespace dupsim
