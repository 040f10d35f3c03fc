// The Mermaid form checked for structure, as Mermaid's parser would read it:
// it starts with `sequenceDiagram`, declares every participant before any
// message or note uses it, arrows join declared participants, a lost message
// is a crossed arrow (`-x` / `--x`), and every `rect` is closed.
#include <gtest/gtest.h>

#include <regex>
#include <set>
#include <sstream>

#include "sim/cli/dupsim_cli.h"

namespace dupsim {
namespace {

std::string Mermaid(const std::vector<std::string>& extra) {
  std::vector<std::string> args = {"explain", "timeout_retry", "--intents", "20000", "--nth",
                                   "3",       "--format",      "mermaid"};
  args.insert(args.end(), extra.begin(), extra.end());
  std::ostringstream out, err;
  EXPECT_EQ(RunDupsim(args, out, err), 0) << err.str();
  return out.str();
}

void CheckStructure(const std::string& text) {
  std::istringstream lines(text);
  std::string line;
  ASSERT_TRUE(std::getline(lines, line));
  EXPECT_EQ(line, "sequenceDiagram");
  const std::regex participant(R"(^    participant (\w+) as (.+)$)");
  const std::regex arrow(R"(^    (\w+)(->>|-->>|-x|--x|->|-->)(\w+): \+\d+\.\d{3}s .+$)");
  const std::regex note(R"(^    Note over (\w+): \+\d+\.\d{3}s .+$)");
  std::set<std::string> declared;
  int arrows = 0, lost = 0, notes = 0, open_rects = 0, duplicates = 0;
  bool messages_started = false;
  while (std::getline(lines, line)) {
    std::smatch m;
    if (line.rfind("    %%", 0) == 0) continue;
    if (std::regex_match(line, m, participant)) {
      EXPECT_FALSE(messages_started) << "participant declared after a message: " << line;
      EXPECT_TRUE(declared.insert(m[1]).second) << "declared twice: " << line;
    } else if (std::regex_match(line, m, arrow)) {
      messages_started = true;
      EXPECT_TRUE(declared.count(m[1])) << line;
      EXPECT_TRUE(declared.count(m[3])) << line;
      EXPECT_NE(m[1], m[3]) << "a message to itself is a note: " << line;
      ++arrows;
      if (m[2] == "-x" || m[2] == "--x") {
        ++lost;
        EXPECT_NE(line.find("\u2717"), std::string::npos) << line;
      }
    } else if (std::regex_match(line, m, note)) {
      messages_started = true;
      EXPECT_TRUE(declared.count(m[1])) << line;
      ++notes;
      if (line.find("DUPLICATE") != std::string::npos ||
          line.find("重复扣款") != std::string::npos) {
        ++duplicates;
        EXPECT_EQ(open_rects, 1) << "the duplicate is highlighted in a rect";
      }
    } else if (line.rfind("    rect rgb(", 0) == 0) {
      ++open_rects;
    } else if (line == "    end") {
      --open_rects;
      EXPECT_GE(open_rects, 0);
    } else {
      ADD_FAILURE() << "unexpected line: " << line;
    }
    EXPECT_EQ(line.find(';'), std::string::npos) << "';' ends a Mermaid statement: " << line;
  }
  EXPECT_EQ(open_rects, 0);
  EXPECT_EQ(declared,
            (std::set<std::string>{"User", "App", "Network", "Server", "Ledger", "Confirmation"}));
  EXPECT_GT(arrows, 10);
  EXPECT_GT(notes, 2);
  EXPECT_EQ(lost, 1) << "this story's response to attempt 1 was lost";
  EXPECT_EQ(duplicates, 1);
}

TEST(MermaidExplanation, IsAWellFormedSequenceDiagram) {
  CheckStructure(Mermaid({}));
}

TEST(MermaidExplanation, ChineseKeepsTheStructureAndNamesTheParticipants) {
  const std::string text = Mermaid({"--lang", "zh"});
  CheckStructure(text);
  EXPECT_NE(text.find("participant Network as 网络"), std::string::npos);
  EXPECT_NE(text.find("重复扣款"), std::string::npos);
}

TEST(MermaidExplanation, TheNarrativeAndTableAreComments) {
  const std::string text = Mermaid({});
  EXPECT_NE(text.find("    %% Why it was charged twice\n"), std::string::npos);
  EXPECT_NE(text.find("    %% Attempt 1 reached the server"), std::string::npos);
  EXPECT_NE(
      text.find("    %% strategy: idempotency_key | this intent: charged 1\u00d7 | prevented: yes"),
      std::string::npos);
}

}  // namespace
}  // namespace dupsim
