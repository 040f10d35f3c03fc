// A new strategy is one file: first_tap_only.cc, compiled into this target and named by no
// other file, appears in `dupsim list`, runs on a bundled scenario, and is replayed by
// `dupsim explain`, all through the ordinary libraries.
#include <gtest/gtest.h>

#include <sstream>

#include "sim/cli/dupsim_cli.h"
#include "sim/dedup/strategy_registry.h"

namespace dupsim {
namespace {

std::string Dupsim(const std::vector<std::string>& args) {
  std::ostringstream out, err;
  EXPECT_EQ(RunDupsim(args, out, err), 0) << err.str();
  return out.str();
}

TEST(StrategyRegistration, TheRegistryHasTheTestsStrategyAmongTheBuiltins) {
  const StrategyRegistry& registry = StrategyRegistry::Builtin();
  ASSERT_TRUE(registry.Has("first_tap_only"));
  EXPECT_TRUE(registry.Has("none"));
  EXPECT_TRUE(registry.Has("idempotency_key"));
  EXPECT_NE(registry.Names().find("fingerprint_window, first_tap_only, idempotency_key"),
            std::string::npos)
      << "sorted by name: " << registry.Names();
}

TEST(StrategyRegistration, ListShowsIt) {
  EXPECT_NE(Dupsim({"list"}).find("\n  first_tap_only  "), std::string::npos);
}

TEST(StrategyRegistration, RunsOnABundledScenario) {
  const std::string out = Dupsim({"run", "double_tap", "--intents", "2000", "--strategy",
                                  "first_tap_only", "--format", "csv"});
  EXPECT_NE(out.find("first_tap_only"), std::string::npos) << out;
}

// Explain compares with every registered strategy by default: this one prevents the double
// tap, as a debounce with an endless window must.
TEST(StrategyRegistration, ExplainReplaysIt) {
  const std::string out = Dupsim({"explain", "double_tap", "--intents", "2000"});
  const std::size_t row = out.find("\n  first_tap_only ");
  ASSERT_NE(row, std::string::npos) << out;
  const std::string line = out.substr(row + 1, out.find('\n', row + 1) - row - 1);
  EXPECT_NE(line.find("charged 1×"), std::string::npos) << line;
  EXPECT_NE(line.find(" yes "), std::string::npos) << line;
}

}  // namespace
}  // namespace dupsim
