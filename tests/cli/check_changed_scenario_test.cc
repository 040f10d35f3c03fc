// `dupsim check --baseline` across a changed scenario file, end to end on the binary: the
// scenario's runs are named as changed and not compared (exit 0: a changed world is not a
// regression), --compare-changed compares them anyway, and a baseline saved before
// fingerprints is compared as before with a note.
#include <gtest/gtest.h>

#include <cstdlib>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "tests/cli/dupsim_process.h"

namespace dupsim {
namespace {

// Double taps and nothing else, so `none` alone shows what the file says: 2% of users tap
// twice here, 20% in the changed copy, and the changed timeout is a second difference.
std::string World(const std::string& timeout, const std::string& probability) {
  return "name: fp-test\n"
         "seed: 7\n"
         "intents: 4000\n"
         "arrivals: { rate_per_s: 50 }\n"
         "user:\n"
         "  double_tap: { probability: " +
         probability +
         ", gap: { dist: uniform, min: 50ms, max: 400ms } }\n"
         "client: { timeout: " +
         timeout +
         " }\n"
         "network:\n"
         "  request:  { latency: { dist: constant, value: 40ms } }\n"
         "  response: { latency: { dist: constant, value: 40ms } }\n"
         "strategies: [none]\n";
}

bool Contains(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

class CheckChangedScenario : public ::testing::Test {
 protected:
  void SetUp() override {
    if (const char* value = std::getenv("GITHUB_STEP_SUMMARY")) saved_ = value;
    unsetenv("GITHUB_STEP_SUMMARY");
    // The same path for the baseline's scenario and the changed one, as when a user edits
    // the file in place.
    scenario_ = dir_.Write("fp_test.yaml", World("2s", "0.02"));
    baseline_ = dir_.path() + "/saved.json";
    const ProcessResult saved =
        RunDupsimBinary({"run", scenario_, "--format", "json", "-o", baseline_, "--quiet"});
    ASSERT_EQ(saved.exit_status, 0) << saved.err;
  }
  void TearDown() override {
    if (saved_) {
      setenv("GITHUB_STEP_SUMMARY", saved_->c_str(), 1);
    } else {
      unsetenv("GITHUB_STEP_SUMMARY");
    }
  }

  ProcessResult Check(std::vector<std::string> args) {
    args.insert(args.begin(), "check");
    args.push_back("--quiet");
    return RunDupsimBinary(args);
  }

  ScratchDir dir_;
  std::string scenario_;
  std::string baseline_;

 private:
  std::optional<std::string> saved_;
};

TEST_F(CheckChangedScenario, TheReportCarriesTheFingerprintAndTheParameters) {
  const auto doc = nlohmann::json::parse(ReadFile(baseline_));
  const auto& result = doc["results"][0];
  const std::string fingerprint = result["scenario_fingerprint"].get<std::string>();
  EXPECT_EQ(fingerprint.size(), 16u);
  EXPECT_EQ(fingerprint.find_first_not_of("0123456789abcdef"), std::string::npos) << fingerprint;
  EXPECT_EQ(result["scenario_parameters"]["client.timeout"], "2s");
  EXPECT_EQ(result["scenario_parameters"]["user.double_tap.probability"], "0.02");
}

TEST_F(CheckChangedScenario, AnUnchangedScenarioIsComparedWithoutANote) {
  const ProcessResult same = Check({scenario_, "--baseline", baseline_});
  EXPECT_EQ(same.exit_status, 0) << same.out << same.err;
  EXPECT_FALSE(Contains(same.out, "changed since the baseline")) << same.out;
  EXPECT_TRUE(Contains(same.out,
                       "check: 0 passed, 0 failed, 0 inconclusive; 0 regressions, "
                       "0 improvements\n"))
      << same.out;
}

TEST_F(CheckChangedScenario, AChangedScenarioIsNamedAndNotCompared) {
  dir_.Write("fp_test.yaml", World("500ms", "0.2"));
  const ProcessResult changed = Check({scenario_, "--baseline", baseline_});
  EXPECT_EQ(changed.exit_status, 0) << changed.out << changed.err;
  EXPECT_TRUE(Contains(changed.out,
                       "\n  baseline: scenario fp-test changed since the baseline "
                       "(client.timeout: 2s -> 500ms; 1 more): not compared (--compare-changed "
                       "compares anyway)\n"))
      << changed.out;
  EXPECT_FALSE(Contains(changed.out, "\u2717")) << changed.out;
  EXPECT_TRUE(Contains(changed.out,
                       "check: 0 passed, 0 failed, 0 inconclusive; 0 regressions, 0 improvements; "
                       "1 scenario changed since the baseline\n"))
      << changed.out;
  EXPECT_EQ(changed.err, "");
}

TEST_F(CheckChangedScenario, CompareChangedReportsTheRegression) {
  dir_.Write("fp_test.yaml", World("500ms", "0.2"));
  const ProcessResult compared = Check({scenario_, "--baseline", baseline_, "--compare-changed"});
  EXPECT_EQ(compared.exit_status, 1) << compared.out << compared.err;
  EXPECT_TRUE(Contains(compared.out,
                       "\n  baseline: scenario fp-test changed since the baseline "
                       "(client.timeout: 2s -> 500ms; 1 more): compared anyway "
                       "(--compare-changed)\n"))
      << compared.out;
  // Both duplicate figures: duplicates per intent and the share of intents duplicated.
  EXPECT_TRUE(Contains(compared.out, "\u2717 regression fp-test / none: duplicated_intent_rate"))
      << compared.out;
  EXPECT_TRUE(Contains(compared.out, "\u2717 regression fp-test / none: duplicate_rate"))
      << compared.out;
  EXPECT_TRUE(Contains(compared.out, "; 2 regressions, 0 improvements; 1 scenario changed"))
      << compared.out;
}

TEST_F(CheckChangedScenario, TheJsonReportListsEveryChange) {
  dir_.Write("fp_test.yaml", World("500ms", "0.2"));
  const std::string out = dir_.path() + "/check.json";
  const ProcessResult changed =
      Check({scenario_, "--baseline", baseline_, "--format", "json", "-o", out});
  EXPECT_EQ(changed.exit_status, 0) << changed.out << changed.err;
  const auto doc = nlohmann::json::parse(ReadFile(out));
  const auto& changes = doc["check"]["changed_scenarios"];
  ASSERT_EQ(changes.size(), 1u);
  EXPECT_EQ(changes[0]["scenario"], "fp-test");
  EXPECT_EQ(changes[0]["compared"], false);
  EXPECT_EQ(changes[0]["changes"],
            nlohmann::json::parse(R"([{"key": "client.timeout", "baseline": "2s",
                                       "current": "500ms"},
                                      {"key": "user.double_tap.probability",
                                       "baseline": "0.02", "current": "0.2"}])"));
  EXPECT_TRUE(doc["check"]["comparisons"].empty());
}

TEST_F(CheckChangedScenario, MarkdownAndJunitSayTheSame) {
  dir_.Write("fp_test.yaml", World("500ms", "0.2"));
  const std::string md = dir_.path() + "/check.md";
  const std::string xml = dir_.path() + "/check.xml";
  const ProcessResult changed =
      Check({scenario_, "--baseline", baseline_, "--markdown", md, "--junit", xml});
  EXPECT_EQ(changed.exit_status, 0) << changed.out << changed.err;
  // Markdown escapes the arrow's '>' so it is not read as a quote.
  EXPECT_TRUE(Contains(ReadFile(md),
                       "\n- baseline: scenario fp-test changed since the baseline "
                       "(client.timeout: 2s -\\> 500ms; 1 more): not compared (--compare-changed "
                       "compares anyway)\n"))
      << ReadFile(md);
  EXPECT_TRUE(Contains(ReadFile(xml),
                       "<skipped message=\"baseline: scenario fp-test changed since the baseline "
                       "(client.timeout: 2s -&gt; 500ms; 1 more): not compared (--compare-changed "
                       "compares anyway)\"/>"))
      << ReadFile(xml);
}

// A baseline saved before fingerprints: compared as before, and the report says it could not
// tell whether the scenario changed.
TEST_F(CheckChangedScenario, ABaselineWithoutFingerprintsIsComparedWithANote) {
  auto doc = nlohmann::ordered_json::parse(ReadFile(baseline_));
  for (auto& result : doc["results"]) {
    result.erase("scenario_fingerprint");
    result.erase("scenario_parameters");
  }
  const std::string old = dir_.Write("old.json", doc.dump(2));
  dir_.Write("fp_test.yaml", World("500ms", "0.2"));
  const ProcessResult compared = Check({scenario_, "--baseline", old});
  EXPECT_EQ(compared.exit_status, 1) << compared.out << compared.err;
  EXPECT_TRUE(Contains(compared.out,
                       "\n  baseline: scenario fp-test: the baseline carries no scenario "
                       "fingerprint; compared without knowing whether the scenario changed\n"))
      << compared.out;
  // Both duplicate figures: duplicates per intent and the share of intents duplicated.
  EXPECT_TRUE(Contains(compared.out, "\u2717 regression fp-test / none: duplicated_intent_rate"))
      << compared.out;
  EXPECT_TRUE(Contains(compared.out, "\u2717 regression fp-test / none: duplicate_rate"))
      << compared.out;
}

TEST_F(CheckChangedScenario, CompareChangedWithoutABaselineIsBadInput) {
  const ProcessResult r = Check({scenario_, "--compare-changed"});
  EXPECT_EQ(r.exit_status, 2) << r.out << r.err;
  EXPECT_EQ(r.out, "");
  EXPECT_EQ(r.err, "dupsim: error: --compare-changed: only means something with --baseline\n");
}

}  // namespace
}  // namespace dupsim
