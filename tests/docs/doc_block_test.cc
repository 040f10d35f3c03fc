// The marker syntax of measured blocks (doc_block.h): what is a block, which lines it keeps,
// which rates it holds, and that a malformed marker is an error rather than a block skipped.
#include "tests/docs/doc_block.h"

#include <gtest/gtest.h>

namespace dupsim {
namespace {

TEST(DocBlock, FindsFencedAndFigureBlocks) {
  const std::vector<std::string> lines = {
      "text",                                              // 0
      "<!-- dupsim: run double_tap -->",                   // 1
      "```",                                               // 2
      "out 1",                                             // 3
      "```",                                               // 4
      "",                                                  // 5
      "<!-- dupsim: explain x --nth 3 | lines 1-2,5 -->",  // 6
      "```",                                               // 7
      "```",                                               // 8
      "<!-- dupsim: run a b -->",                          // 9
      "| s | none |",                                      // 10
      "| `a` | 1% |",                                      // 11
      "",                                                  // 12
  };
  std::string error;
  const std::vector<DocBlock> blocks = FindDocBlocks(lines, &error);
  ASSERT_EQ(error, "");
  ASSERT_EQ(blocks.size(), 3u);
  EXPECT_TRUE(blocks[0].fenced);
  EXPECT_EQ(blocks[0].begin, 3u);
  EXPECT_EQ(blocks[0].end, 4u);
  EXPECT_EQ(blocks[1].command, "explain x --nth 3");
  EXPECT_EQ(blocks[1].args, (std::vector<std::string>{"explain", "x", "--nth", "3"}));
  ASSERT_EQ(blocks[1].lines.size(), 2u);
  EXPECT_EQ(blocks[1].lines[0].first, 1u);
  EXPECT_EQ(blocks[1].lines[0].last, 2u);
  EXPECT_EQ(blocks[1].lines[1].first, 5u);
  EXPECT_EQ(blocks[1].begin, blocks[1].end);  // an empty fenced block
  EXPECT_FALSE(blocks[2].fenced);
  EXPECT_EQ(blocks[2].begin, 10u);
  EXPECT_EQ(blocks[2].end, 12u);
}

TEST(DocBlock, MalformedMarkersAreErrors) {
  std::string error;
  FindDocBlocks({"<!-- dupsim: -->"}, &error);
  EXPECT_EQ(error, "line 1: a marker reads <!-- dupsim: COMMAND [| lines A-B,C] -->");
  FindDocBlocks({"<!-- dupsim: run x | lines 3-1 -->", "```", "```"}, &error);
  EXPECT_EQ(error, "line 1: bad line ranges '3-1'");
  FindDocBlocks({"", "<!-- dupsim: run x -->", "```", "a"}, &error);
  EXPECT_EQ(error, "line 2: the fenced block after the marker is not closed");
  FindDocBlocks({"<!-- dupsim: run x -->", ""}, &error);
  EXPECT_EQ(error, "line 1: no block follows the marker");
  FindDocBlocks({"<!-- dupsim: run x | lines 1 -->", "| a |"}, &error);
  EXPECT_EQ(error, "line 1: '| lines' is for fenced output blocks");
}

TEST(DocBlock, SelectLinesElidesWhatIsLeftOut) {
  const std::vector<std::string> out = {"1", "2", "3", "4", "5", "6"};
  EXPECT_EQ(SelectLines(out, {}), out);
  EXPECT_EQ(SelectLines(out, {{1, 2}, {4, 4}}),
            (std::vector<std::string>{"1", "2", "...", "4", "..."}));
  EXPECT_EQ(SelectLines(out, {{2, 3}, {5, 6}}),
            (std::vector<std::string>{"...", "2", "3", "...", "5", "6"}));
}

TEST(DocBlock, RateTokens) {
  const std::string line = "none: 3.74% (3.62-3.86%); window 5 m 0% (15.9% blocked), x10% 1.5";
  const std::vector<RateToken> t = FindRateTokens(line, 7);
  ASSERT_EQ(t.size(), 3u);
  EXPECT_EQ(t[0].rate, "3.74%");
  EXPECT_EQ(t[0].interval, "(3.62-3.86%)");
  EXPECT_EQ(line.substr(t[0].at, t[0].length), "3.74% (3.62-3.86%)");
  EXPECT_EQ(t[0].line, 7u);
  EXPECT_FALSE(t[0].blocked);
  EXPECT_EQ(t[1].rate, "0%");
  EXPECT_EQ(t[1].interval, "");
  EXPECT_EQ(t[2].rate, "15.9%");
  EXPECT_TRUE(t[2].blocked);
}

TEST(DocBlock, ShellWords) {
  EXPECT_EQ(ShellWords("run a --strategy '{name: x, w: 2s}'"),
            (std::vector<std::string>{"run", "a", "--strategy", "{name: x, w: 2s}"}));
}

}  // namespace
}  // namespace dupsim
