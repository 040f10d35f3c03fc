// Every figure in README.md, scenarios/README.md and the lessons is what dupsim prints: each
// marked block (tests/docs/doc_block.h) is run on the real binary and compared whole, byte for
// byte. With DUPSIM_UPDATE_DOCS=1 the blocks are rewritten in the source tree from the real output
// instead, so a change to the reports is one command away from docs that agree with it.
#include <gtest/gtest.h>

#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "tests/cli/dupsim_process.h"
#include "tests/docs/doc_block.h"

namespace dupsim {
namespace {

const std::string kSourceDir = DUPSIM_SOURCE_DIR;

// Paths relative to the source root: the READMEs and every lesson.
std::vector<std::string> DocumentsWithFigures() {
  std::vector<std::string> files = {"README.md", "scenarios/README.md"};
  std::vector<std::string> lessons;
  for (const auto& entry : std::filesystem::directory_iterator(kSourceDir + "/scenarios/lessons")) {
    if (entry.path().extension() == ".md") {
      lessons.push_back("scenarios/lessons/" + entry.path().filename().string());
    }
  }
  std::sort(lessons.begin(), lessons.end());
  files.insert(files.end(), lessons.begin(), lessons.end());
  return files;
}

bool UpdatingDocs() {
  const char* update = std::getenv("DUPSIM_UPDATE_DOCS");
  return update != nullptr && std::string(update) == "1";
}

std::vector<std::string> Lines(const std::string& text) {
  std::vector<std::string> lines;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) lines.push_back(line);
  return lines;
}

// The first line where the two differ, with its file line, as a reader fixing it needs it.
std::string FirstDifference(const DocBlock& block, const std::string& actual) {
  const std::vector<std::string> want = Lines(block.expected);
  const std::vector<std::string> got = Lines(actual);
  std::size_t i = 0;
  while (i < want.size() && i < got.size() && want[i] == got[i]) ++i;
  const int file_line = block.marker_line + 2 + static_cast<int>(i);
  std::ostringstream message;
  message << block.file << ":" << file_line << ": output of `dupsim " << block.command
          << "` differs from the block (DUPSIM_UPDATE_DOCS=1 rewrites it)\n"
          << "- " << (i < want.size() ? want[i] : "(block ends)") << "\n"
          << "+ " << (i < got.size() ? got[i] : "(output ends)") << "\n";
  return message.str();
}

class DocFigures : public testing::TestWithParam<std::string> {};

TEST_P(DocFigures, EveryMarkedBlockIsWhatTheCommandPrints) {
  const std::string relative = GetParam();
  const std::string path = kSourceDir + "/" + relative;
  const std::string text = ReadFile(path);
  ASSERT_FALSE(text.empty()) << path;
  const std::vector<DocBlock> blocks = ParseDocBlocks(relative, text);
  // Each lesson shows what the class will see, and only as checked output; the lessons' index
  // shows none.
  if (relative.rfind("scenarios/lessons/", 0) == 0 && relative != "scenarios/lessons/README.md") {
    EXPECT_FALSE(blocks.empty()) << relative << ": no <!-- dupsim: ... --> block";
  }

  std::vector<std::string> outputs;
  for (const DocBlock& block : blocks) {
    const ProcessResult r = RunDupsimBinary(block.args);
    EXPECT_EQ(r.exit_status, 0) << block.file << ":" << block.marker_line << ": `dupsim "
                                << block.command << "`: " << r.err;
    outputs.push_back(r.out);
    std::string actual = r.out;
    if (!actual.empty() && actual.back() != '\n') actual += '\n';
    if (!UpdatingDocs()) {
      EXPECT_TRUE(actual == block.expected) << FirstDifference(block, actual);
    }
  }
  if (UpdatingDocs()) {
    const std::string rewritten = RewriteDocBlocks(text, blocks, outputs);
    if (rewritten != text) std::ofstream(path, std::ios::binary) << rewritten;
  }
}

std::string TestName(const testing::TestParamInfo<std::string>& info) {
  std::string name = info.param.substr(0, info.param.size() - 3);  // without ".md"
  std::replace_if(
      name.begin(), name.end(), [](char c) { return !std::isalnum(c); }, '_');
  return name;
}

INSTANTIATE_TEST_SUITE_P(Docs, DocFigures, testing::ValuesIn(DocumentsWithFigures()), TestName);

}  // namespace
}  // namespace dupsim
