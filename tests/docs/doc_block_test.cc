// The marked-block parser of tests/docs/doc_block.h on exact Markdown: what a block holds, where
// it is, the errors that name file:line, and the rewrite that replaces only the fenced text.
#include "tests/docs/doc_block.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace dupsim {
namespace {

const std::string kTwoBlocks =
    "# Title\n"
    "\n"
    "<!-- dupsim: run delayed_confirmation --intents 20000 -->\n"
    "```\n"
    "line one\n"
    "line two\n"
    "```\n"
    "Prose.\n"
    "  <!-- dupsim: run x --strategy '{name: a, w: 2s}' -->\n"
    "```text\n"
    "```\n";

TEST(DocBlock, ParsesEachMarkedBlock) {
  const std::vector<DocBlock> blocks = ParseDocBlocks("a.md", kTwoBlocks);
  ASSERT_EQ(blocks.size(), 2u);
  EXPECT_EQ(blocks[0].file, "a.md");
  EXPECT_EQ(blocks[0].marker_line, 3);
  EXPECT_EQ(blocks[0].command, "run delayed_confirmation --intents 20000");
  EXPECT_EQ(blocks[0].args,
            (std::vector<std::string>{"run", "delayed_confirmation", "--intents", "20000"}));
  EXPECT_EQ(blocks[0].expected, "line one\nline two\n");
  EXPECT_EQ(kTwoBlocks.substr(blocks[0].begin, blocks[0].end - blocks[0].begin),
            "line one\nline two\n");

  EXPECT_EQ(blocks[1].marker_line, 9);
  EXPECT_EQ(blocks[1].args,
            (std::vector<std::string>{"run", "x", "--strategy", "{name: a, w: 2s}"}));
  EXPECT_EQ(blocks[1].expected, "");
}

TEST(DocBlock, FencesWithoutAMarkerAreNotBlocks) {
  EXPECT_TRUE(ParseDocBlocks("a.md", "```\ndupsim run\n```\n<!-- other -->\n").empty());
}

TEST(DocBlock, MarkerWithoutAFenceNamesFileAndLine) {
  try {
    ParseDocBlocks("lesson/x.md", "one\n<!-- dupsim: run -->\n\n```\nout\n```\n");
    FAIL() << "no error";
  } catch (const DocBlockError& e) {
    EXPECT_EQ(
        std::string(e.what()),
        "lesson/x.md:2: dupsim marker is not followed by a ``` fenced block on the next line");
  }
  EXPECT_THROW(ParseDocBlocks("x.md", "<!-- dupsim: run -->"), DocBlockError);
}

TEST(DocBlock, MalformedMarkersAndOpenFencesAreErrors) {
  auto message = [](const std::string& text) {
    try {
      ParseDocBlocks("x.md", text);
    } catch (const DocBlockError& e) {
      return std::string(e.what());
    }
    return std::string("no error");
  };
  EXPECT_EQ(message("<!-- dupsim: run\n```\n```\n"),
            "x.md:1: dupsim marker does not end with --> on its line");
  EXPECT_EQ(message("a\n<!-- dupsim:  -->\n```\n```\n"), "x.md:2: dupsim marker names no command");
  EXPECT_EQ(message("<!-- dupsim: list -->\n```\nout\n"),
            "x.md:2: fenced block of the dupsim marker never closes");
}

TEST(DocBlock, RewriteReplacesOnlyTheFencedText) {
  const std::vector<DocBlock> blocks = ParseDocBlocks("a.md", kTwoBlocks);
  const std::string rewritten = RewriteDocBlocks(kTwoBlocks, blocks, {"new\n", "added"});
  EXPECT_EQ(rewritten,
            "# Title\n"
            "\n"
            "<!-- dupsim: run delayed_confirmation --intents 20000 -->\n"
            "```\n"
            "new\n"
            "```\n"
            "Prose.\n"
            "  <!-- dupsim: run x --strategy '{name: a, w: 2s}' -->\n"
            "```text\n"
            "added\n"
            "```\n");
  // Rewriting with what the blocks hold changes nothing.
  EXPECT_EQ(RewriteDocBlocks(kTwoBlocks, blocks, {blocks[0].expected, blocks[1].expected}),
            kTwoBlocks);
  EXPECT_THROW(RewriteDocBlocks(kTwoBlocks, blocks, {"one"}), std::invalid_argument);
}

TEST(DocBlock, ShellWordsKeepQuotedSpaces) {
  EXPECT_EQ(SplitShellWords("  run a \"b c\"  'd e'f "),
            (std::vector<std::string>{"run", "a", "b c", "d ef"}));
  EXPECT_TRUE(SplitShellWords("   ").empty());
}

}  // namespace
}  // namespace dupsim
