// The command line called as a function (dupsim_cli), without a process:
// the same contract as the binary, checked where a debugger can reach it.
#include <gtest/gtest.h>

#include <sstream>

#include "reports/tool_version.h"
#include "sim/cli/command.h"
#include "sim/cli/dupsim_cli.h"

namespace dupsim {
namespace {

struct Outcome {
  int status;
  std::string out, err;
};

Outcome Call(const std::vector<std::string>& args) {
  std::ostringstream out, err;
  const int status = RunDupsim(args, out, err);
  return {status, out.str(), err.str()};
}

TEST(InProcessCli, Version) {
  const Outcome o = Call({"--version"});
  EXPECT_EQ(o.status, 0);
  EXPECT_EQ(o.out, "dupsim " + std::string(ToolVersion()) + "\n");
  EXPECT_EQ(o.err, "");
}

TEST(InProcessCli, BadInputIsOneLineAndStatusTwo) {
  const Outcome o = Call({"run", "--intents", "1e3"});
  EXPECT_EQ(o.status, 2);
  EXPECT_EQ(o.out, "");
  EXPECT_EQ(o.err, "dupsim: error: --intents: expected a whole number, got '1e3'\n");
}

TEST(InProcessCli, EveryCommandIsFoundByName) {
  ASSERT_EQ(Commands().size(), 7u);
  for (const Command& c : Commands()) {
    EXPECT_EQ(FindCommand(c.name), &c);
    EXPECT_EQ(Call({std::string(c.name), "--help"}).status, 0) << c.name;
  }
  EXPECT_EQ(FindCommand("frobnicate"), nullptr);
}

TEST(InProcessCli, RunRendersTheChosenFormat) {
  const Outcome o = Call({"run", "--intents", "500", "--strategy", "none", "--format", "json"});
  ASSERT_EQ(o.status, 0) << o.err;
  EXPECT_EQ(o.out.rfind("{\n  \"tool\": \"dupsim\",\n", 0), 0u) << o.out;
  EXPECT_NE(o.out.find("\"strategy\": \"none\""), std::string::npos);
}

}  // namespace
}  // namespace dupsim
