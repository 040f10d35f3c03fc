// The user keys for status look-ups, legitimate repeats and fraud: read into the
// scenario when right, one positioned error line when wrong.
#include <gtest/gtest.h>

#include "sim/scenario/scenario_loader.h"
#include "tests/scenario/load_error.h"

namespace dupsim {
namespace {

using testing::ErrorAfterBaseOf;
using testing::LoadAfterBase;

TEST(UserKeys, AbsentKeysLeaveTheBehaviourOff) {
  const Scenario s = LoadAfterBase("");
  EXPECT_EQ(s.user.status_query_probability, 0.0);
  EXPECT_EQ(s.user.status_query.failure_probability, 0.0);
  EXPECT_EQ(s.user.legitimate_repeat.probability, 0.0);
  EXPECT_EQ(s.user.fraud.probability, 0.0);
}

TEST(UserKeys, ReadsEveryKey) {
  const Scenario s = LoadAfterBase(
      "user:\n"
      "  status_query: { probability: 0.5, latency: { dist: constant, value: 2s }, failure: 0.1 }\n"
      "  legitimate_repeat: { probability: 0.02, gap: { dist: exponential, mean: 10m } }\n"
      "  fraud: { probability: 0.001, delay: { dist: uniform, min: 1m, max: 1h } }\n");
  EXPECT_EQ(s.user.status_query_probability, 0.5);
  EXPECT_EQ(s.user.status_query.failure_probability, 0.1);
  EXPECT_EQ(s.user.status_query.latency->Describe(), "constant(2s)");
  EXPECT_EQ(s.user.legitimate_repeat.probability, 0.02);
  EXPECT_EQ(s.user.legitimate_repeat.gap->Describe(), "exponential(mean=10m)");
  EXPECT_EQ(s.user.fraud.probability, 0.001);
  EXPECT_EQ(s.user.fraud.delay->Describe(), "uniform(1m..1h)");
}

TEST(UserKeys, UnknownKeysListTheAllowedOnes) {
  EXPECT_EQ(ErrorAfterBaseOf("user: { fruad: { probability: 0.1 } }\n"),
            "x.yaml:4:9: user.fruad: unknown key; did you mean 'fraud'? (allowed here: double_tap, "
            "patience, "
            "pay_again_without_confirmation, pay_again_limit, amount, status_query, "
            "legitimate_repeat, fraud)");
  EXPECT_EQ(ErrorAfterBaseOf("user:\n  status_query: { probability: 1, latency: { dist: constant, "
                             "value: 1s }, timeout: 2s }\n"),
            "x.yaml:5:75: user.status_query.timeout: unknown key (allowed here: probability, "
            "latency, failure, stale_by)");
}

TEST(UserKeys, RequiredKeysAreReportedAtTheirMap) {
  EXPECT_EQ(ErrorAfterBaseOf("user:\n  status_query: { probability: 1 }\n"),
            "x.yaml:5:17: user.status_query.latency: required key is missing");
  EXPECT_EQ(
      ErrorAfterBaseOf("user:\n  legitimate_repeat: { gap: { dist: constant, value: 1m } }\n"),
      "x.yaml:5:22: user.legitimate_repeat.probability: required key is missing");
  EXPECT_EQ(ErrorAfterBaseOf("user:\n  fraud: { probability: 0.1 }\n"),
            "x.yaml:5:10: user.fraud.delay: required key is missing");
}

TEST(UserKeys, BadValues) {
  EXPECT_EQ(ErrorAfterBaseOf(
                "user:\n  fraud: { probability: 1.5, delay: { dist: constant, value: 1m } }\n"),
            "x.yaml:5:25: user.fraud.probability: probability must be in [0, 1], got 1.5");
  EXPECT_EQ(ErrorAfterBaseOf("user:\n  status_query: { probability: 1, latency: { dist: constant, "
                             "value: 1s }, failure: \"0.1\" }\n"),
            "x.yaml:5:84: user.status_query.failure: expected a number, got \"0.1\" (a quoted "
            "string)");
  EXPECT_EQ(ErrorAfterBaseOf("user:\n  legitimate_repeat: { probability: 0.1, gap: 10m }\n"),
            "x.yaml:5:47: user.legitimate_repeat.gap: expected a distribution such as "
            "{ dist: lognormal, median: 40ms, p99: 300ms }, got '10m'");
  EXPECT_EQ(ErrorAfterBaseOf(
                "user:\n  fraud: { probability: 0.1, delay: { dist: constant, value: 10 } }\n"),
            "x.yaml:5:62: user.fraud.delay.value: expected a duration such as 250ms, 3s or 2m, "
            "got '10': missing unit (us, ms, s, m, h)");
}

}  // namespace
}  // namespace dupsim
