// The terminal form, byte for byte, on bundled scenarios at a fixed seed: a
// double tap, a timeout retry whose response was lost (English and Chinese).
// DUPSIM_UPDATE_GOLDEN=1 rewrites the golden files after a deliberate change.
#include <gtest/gtest.h>

#include <cstdlib>
#include <fstream>
#include <sstream>

#include "sim/cli/dupsim_cli.h"
#include "sim/explain/display_width.h"

namespace dupsim {
namespace {

// The strategies the goldens were recorded against: explain compares with every registered one
// by default, so without a fixed list each new strategy would rewrite all four files.
const char* const kAgainst =
    "client_debounce,confirm_on_repeat,disable_until_response,fingerprint_window,"
    "idempotency_key,idempotency_key_per_attempt,inbox_dedup,none,order_id,query_before_retry,"
    "reconcile_and_refund,risk_score,two_step_confirmation";

std::string Explain(const std::vector<std::string>& args) {
  std::vector<std::string> all = {"explain"};
  all.insert(all.end(), args.begin(), args.end());
  all.insert(all.end(), {"--against", kAgainst});
  std::ostringstream out, err;
  EXPECT_EQ(RunDupsim(all, out, err), 0) << err.str();
  return out.str();
}

void ExpectGolden(const std::string& text, const std::string& name) {
  const std::string path = std::string(DUPSIM_SOURCE_DIR) + "/tests/explain/golden/" + name;
  if (std::getenv("DUPSIM_UPDATE_GOLDEN")) std::ofstream(path, std::ios::binary) << text;
  std::ifstream in(path, std::ios::binary);
  ASSERT_TRUE(in) << "missing " << path;
  std::stringstream golden;
  golden << in.rdbuf();
  EXPECT_EQ(text, golden.str());
}

TEST(GoldenTimeline, DoubleTap) {
  ExpectGolden(Explain({"double_tap", "--intents", "2000"}), "double_tap.txt");
}

TEST(GoldenTimeline, TimeoutRetryWithALostResponse) {
  ExpectGolden(Explain({"timeout_retry", "--intents", "20000", "--nth", "3"}),
               "timeout_retry_lost_response.txt");
}

TEST(GoldenTimeline, TimeoutRetryInChinese) {
  ExpectGolden(Explain({"timeout_retry", "--intents", "20000", "--nth", "3", "--lang", "zh"}),
               "timeout_retry_lost_response.zh.txt");
}

TEST(GoldenTimeline, ProxyRetryThroughTheLoadBalancer) {
  ExpectGolden(Explain({"proxy_retry_post", "--intents", "5000"}), "proxy_retry_post.txt");
}

// The diagram part fits a wide terminal: every row up to the lanes' end within 140 columns.
TEST(GoldenTimeline, LanesFitAWideTerminal) {
  const std::string text = Explain({"double_tap", "--intents", "2000"});
  std::istringstream lines(text);
  std::string line;
  while (std::getline(lines, line)) {
    if (line.rfind("+", 0) != 0) continue;  // only the diagram's rows start with a time
    // Notes come after the last lane, two spaces on; the lanes end where they begin.
    const std::size_t notes = line.find("|  ");
    const std::string lanes = line.substr(0, notes == std::string::npos ? line.size() : notes + 1);
    EXPECT_LE(DisplayWidth(lanes), 140) << line;
  }
}

}  // namespace
}  // namespace dupsim
