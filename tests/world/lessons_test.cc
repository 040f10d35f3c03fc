// The lessons for educators (scenarios/lessons/*.md): each lesson's takeaway, asserted on the
// bundled scenario it names (one TEST per lesson, named after it), with fewer intents where the
// claim stays decided; that every lesson is written and listed in the index; and that every
// `dupsim run` line in the lessons works on the real binary.
#include <gtest/gtest.h>

#include <algorithm>
#include <array>
#include <cstdint>
#include <filesystem>
#include <sstream>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "metrics/run_result.h"
#include "sim/run/scenario_runner.h"
#include "sim/scenario/bundled_scenarios.h"
#include "sim/scenario/scenario_loader.h"
#include "tests/cli/dupsim_process.h"
#include "tests/support/shell_words.h"

namespace dupsim {
namespace {

using testing::ShellWords;

// Enough for every claim below to be decided by exact counts or disjoint 95% intervals.
constexpr std::uint64_t kLessonIntents = 20000;

constexpr std::array<std::string_view, 11> kLessons = {
    "technical_fault",      "user_misoperation",    "delayed_confirmation", "fraud",
    "debounce_and_disable", "idempotency_keys",     "order_numbers",        "status_queries",
    "confirmation_prompts", "idempotent_consumers", "after_the_fact",
};

const std::string kLessonDir = std::string(DUPSIM_SOURCE_DIR) + "/scenarios/lessons";

Scenario Bundled(const std::string& name) {
  const BundledScenario* bundled = FindBundledScenario(name);
  if (bundled == nullptr) throw std::runtime_error("no bundled scenario " + name);
  Scenario s = LoadBundledScenario(*bundled);
  s.intents = kLessonIntents;
  return s;
}

// `strategy` as on the command line: "none" or "{name: client_debounce, window: 200ms}".
RunResult RunUnder(const Scenario& scenario, const std::string& strategy) {
  return RunScenario(scenario, ParseStrategyFlag(strategy));
}

RunResult RunUnder(const std::string& scenario, const std::string& strategy) {
  return RunUnder(Bundled(scenario), strategy);
}

std::uint64_t ByCause(const RunResult& r, RootCause cause) {
  return r.duplicates_by_cause[static_cast<std::size_t>(cause)];
}

// a's duplicate rate is below b's: their 95% intervals do not overlap.
void ExpectFewerDuplicates(const RunResult& a, const RunResult& b) {
  EXPECT_LT(a.duplicate_rate.ci95.high, b.duplicate_rate.ci95.low)
      << a.strategy_config << " " << a.duplicate_rate.rate << " vs " << b.strategy_config << " "
      << b.duplicate_rate.rate;
}

// The same charges for the same reasons.
void ExpectSameDuplicates(const RunResult& a, const RunResult& b) {
  EXPECT_EQ(a.duplicate_charges, b.duplicate_charges)
      << a.strategy_config << " vs " << b.strategy_config;
  EXPECT_EQ(a.duplicates_by_cause, b.duplicates_by_cause)
      << a.strategy_config << " vs " << b.strategy_config;
}

// Retries are not taps: a debounce changes nothing; a page key stops every one; a fresh key per
// attempt stops none of the app's own retries.
TEST(Lessons, TechnicalFault) {
  for (const char* name :
       {"timeout_retry", "bursty_loss", "crash_after_commit", "proxy_retry_post"}) {
    SCOPED_TRACE(name);
    const Scenario s = Bundled(name);
    const RunResult none = RunUnder(s, "none");
    EXPECT_GT(none.duplicate_charges, 0u);
    // Nobody repeated anything by hand.
    EXPECT_EQ(ByCause(none, RootCause::kDoubleTap), 0u);
    EXPECT_EQ(ByCause(none, RootCause::kUserRepayNoConfirmation), 0u);
    ExpectSameDuplicates(RunUnder(s, "client_debounce"), none);
    EXPECT_EQ(RunUnder(s, "idempotency_key").duplicate_charges, 0u);
  }
  const RunResult crash = RunUnder("crash_after_commit", "none");
  EXPECT_GT(ByCause(crash, RootCause::kCrashReplay), crash.duplicate_charges / 2);
  const RunResult proxy = RunUnder("proxy_retry_post", "none");
  EXPECT_GT(ByCause(proxy, RootCause::kProxyRetry), proxy.duplicate_charges / 2);

  const RunResult none = RunUnder("timeout_retry", "none");
  const RunResult per_attempt = RunUnder("timeout_retry", "idempotency_key_per_attempt");
  EXPECT_GT(ByCause(none, RootCause::kClientRetry), 0u);
  // Every retry by the app still gets through: at least as many as under none.
  EXPECT_GE(ByCause(per_attempt, RootCause::kClientRetry), ByCause(none, RootCause::kClientRetry));
  EXPECT_EQ(ByCause(per_attempt, RootCause::kNetworkDuplicate), 0u);
}

// A second tap charges twice only while the first request is in flight; a debounce must outlast
// the gap between taps.
TEST(Lessons, UserMisoperation) {
  const RunResult none = RunUnder("double_tap", "none");
  EXPECT_GT(none.duplicate_charges, 0u);
  EXPECT_EQ(ByCause(none, RootCause::kDoubleTap), none.duplicate_charges);
  // 10% of users tap twice, far fewer are charged twice.
  EXPECT_LT(none.duplicate_rate.ci95.high, 0.05);
  EXPECT_EQ(RunUnder("double_tap", "client_debounce").duplicate_charges, 0u);
  EXPECT_EQ(RunUnder("double_tap", "idempotency_key").duplicate_charges, 0u);

  const Scenario slow = Bundled("impatient_retap");
  const RunResult slow_none = RunUnder(slow, "none");
  const RunResult debounce = RunUnder(slow, "client_debounce");
  EXPECT_GT(ByCause(debounce, RootCause::kDoubleTap), 0u);  // re-taps after the 1 s window
  EXPECT_LT(ByCause(debounce, RootCause::kDoubleTap), ByCause(slow_none, RootCause::kDoubleTap));
  EXPECT_EQ(ByCause(RunUnder(slow, "disable_until_response"), RootCause::kDoubleTap), 0u);
}

// Keys do not stop the user who pays again after a lost confirmation; status queries do.
TEST(Lessons, DelayedConfirmation) {
  const Scenario s = Bundled("delayed_confirmation");
  const RunResult none = RunUnder(s, "none");
  EXPECT_GT(none.duplicate_charges, 0u);
  EXPECT_EQ(ByCause(none, RootCause::kUserRepayNoConfirmation), none.duplicate_charges);
  ExpectSameDuplicates(RunUnder(s, "idempotency_key"), none);
  ExpectSameDuplicates(RunUnder(s, "client_debounce"), none);
  EXPECT_EQ(RunUnder(s, "{name: query_before_retry, asks: app_and_user}").duplicate_charges, 0u);
  // The same world where users look the payment up first.
  ExpectFewerDuplicates(RunUnder("status_query_saves", "none"), none);
}

// No duplicate check stops a payment the customer really makes; only refunds, later.
TEST(Lessons, Fraud) {
  const Scenario s = Bundled("fraud_scam");
  const RunResult none = RunUnder(s, "none");
  EXPECT_GT(none.duplicate_charges, 0u);
  EXPECT_EQ(ByCause(none, RootCause::kFraudInduced), none.duplicate_charges);
  EXPECT_EQ(none.refunded_duplicates, 0u);
  for (const char* strategy : {"client_debounce", "{name: idempotency_key, ttl: 24h}", "order_id",
                               "{name: fingerprint_window, window: 5m}", "reconcile_and_refund"}) {
    SCOPED_TRACE(strategy);
    ExpectSameDuplicates(RunUnder(s, strategy), none);
  }
  const RunResult refunded = RunUnder(s, "reconcile_and_refund");
  EXPECT_EQ(refunded.refunded_duplicates, refunded.duplicate_charges);
  EXPECT_EQ(refunded.refunded_amount, refunded.duplicate_amount);
  // The refunds came after the customers noticed: the same support calls.
  EXPECT_GT(none.support_contacts, 0u);
  EXPECT_EQ(refunded.support_contacts, none.support_contacts);
}

// They stop taps and only taps; disabling until the answer catches slow re-taps.
TEST(Lessons, DebounceAndDisable) {
  const Scenario fast = Bundled("double_tap");
  EXPECT_GT(RunUnder(fast, "{name: client_debounce, window: 200ms}").duplicate_charges, 0u);
  EXPECT_EQ(RunUnder(fast, "client_debounce").duplicate_charges, 0u);
  EXPECT_EQ(RunUnder(fast, "disable_until_response").duplicate_charges, 0u);

  const Scenario slow = Bundled("impatient_retap");
  const RunResult debounce = RunUnder(slow, "client_debounce");
  const RunResult disable = RunUnder(slow, "disable_until_response");
  ExpectFewerDuplicates(disable, debounce);
  EXPECT_GT(ByCause(debounce, RootCause::kDoubleTap), 0u);
  EXPECT_EQ(ByCause(disable, RootCause::kDoubleTap), 0u);

  const Scenario retries = Bundled("timeout_retry");
  const RunResult none = RunUnder(retries, "none");
  ExpectSameDuplicates(RunUnder(retries, "client_debounce"), none);
  ExpectSameDuplicates(RunUnder(retries, "disable_until_response"), none);
}

// A page key stops repeats with its key in a store that remembers it; not pay-agains on a new
// page, expired keys, racy or lagging stores, nor a key made per attempt.
TEST(Lessons, IdempotencyKeys) {
  EXPECT_EQ(RunUnder("timeout_retry", "idempotency_key").duplicate_charges, 0u);
  EXPECT_EQ(RunUnder("double_tap", "idempotency_key").duplicate_charges, 0u);

  const RunResult repay_none = RunUnder("delayed_confirmation", "none");
  const RunResult repay_key = RunUnder("delayed_confirmation", "idempotency_key");
  EXPECT_GT(ByCause(repay_none, RootCause::kUserRepayNoConfirmation), 0u);
  EXPECT_EQ(ByCause(repay_key, RootCause::kUserRepayNoConfirmation),
            ByCause(repay_none, RootCause::kUserRepayNoConfirmation));

  const Scenario expiry = Bundled("key_expiry");
  const RunResult expiry_none = RunUnder(expiry, "none");
  const RunResult day = RunUnder(expiry, "{name: idempotency_key, ttl: 24h}");
  EXPECT_GT(expiry_none.duplicate_charges, 0u);
  EXPECT_EQ(day.duplicate_charges, expiry_none.duplicate_charges);
  EXPECT_EQ(ByCause(day, RootCause::kKeyExpired), day.duplicate_charges);
  EXPECT_EQ(RunUnder(expiry, "{name: idempotency_key, ttl: 744h}").duplicate_charges, 0u);

  const Scenario race = Bundled("check_then_insert_race");
  const RunResult narrow =
      RunUnder(race, "{name: idempotency_key, claim: check_then_insert, race_window: 5ms}");
  const RunResult wide =
      RunUnder(race, "{name: idempotency_key, claim: check_then_insert, race_window: 25ms}");
  EXPECT_EQ(ByCause(wide, RootCause::kConcurrentInFlight), wide.duplicate_charges);
  ExpectFewerDuplicates(narrow, wide);
  EXPECT_GT(narrow.duplicate_charges, 0u);
  EXPECT_EQ(RunUnder(race, "idempotency_key").duplicate_charges, 0u);

  const Scenario lag = Bundled("replication_lag");
  const RunResult lagging =
      RunUnder(lag, "{name: idempotency_key, store: per_replica, replication_lag: 1s}");
  EXPECT_GT(lagging.duplicate_charges, 0u);
  EXPECT_EQ(ByCause(lagging, RootCause::kReplicationLag), lagging.duplicate_charges);
  EXPECT_EQ(RunUnder(lag, "idempotency_key").duplicate_charges, 0u);

  const RunResult retry_none = RunUnder("timeout_retry", "none");
  EXPECT_GE(
      ByCause(RunUnder("timeout_retry", "idempotency_key_per_attempt"), RootCause::kClientRetry),
      ByCause(retry_none, RootCause::kClientRetry));
}

// An order number survives paying again and blocks no real repeat; a scam is a new order.
TEST(Lessons, OrderNumbers) {
  const RunResult repay_none = RunUnder("delayed_confirmation", "none");
  EXPECT_GT(repay_none.duplicate_charges, 0u);
  EXPECT_EQ(RunUnder("delayed_confirmation", "order_id").duplicate_charges, 0u);
  ExpectSameDuplicates(RunUnder("delayed_confirmation", "idempotency_key"), repay_none);

  const Scenario mixed = Bundled("repeat_or_mistake");
  const RunResult key = RunUnder(mixed, "idempotency_key");
  EXPECT_EQ(ByCause(key, RootCause::kDoubleTap), 0u);
  EXPECT_GT(ByCause(key, RootCause::kUserRepayNoConfirmation), 0u);
  const RunResult order = RunUnder(mixed, "order_id");
  EXPECT_EQ(order.duplicate_charges, 0u);
  EXPECT_EQ(order.false_blocks, 0u);
  EXPECT_EQ(order.legitimate_repeats, key.legitimate_repeats);
  EXPECT_GT(order.legitimate_repeats, 0u);
  // A content rule stops them too, and refuses real repeats.
  const RunResult window = RunUnder(mixed, "{name: fingerprint_window, window: 5m}");
  EXPECT_EQ(window.duplicate_charges, 0u);
  EXPECT_GT(window.false_block_rate.ci95.low, 0.10);

  ExpectSameDuplicates(RunUnder("fraud_scam", "order_id"), RunUnder("fraud_scam", "none"));
}

// Asking before repeating stops what keys cannot see, while the answer is current.
TEST(Lessons, StatusQueries) {
  const Scenario retries = Bundled("timeout_retry");
  const RunResult none = RunUnder(retries, "none");
  const RunResult asked = RunUnder(retries, "query_before_retry");
  ExpectFewerDuplicates(asked, none);
  // Queries answered before the first attempt committed still lead to retries, and the
  // network's own copies never ask.
  EXPECT_GT(ByCause(asked, RootCause::kClientRetry), 0u);
  EXPECT_EQ(ByCause(asked, RootCause::kNetworkDuplicate),
            ByCause(none, RootCause::kNetworkDuplicate));

  const Scenario repay = Bundled("delayed_confirmation");
  const RunResult repay_none = RunUnder(repay, "none");
  ExpectSameDuplicates(RunUnder(repay, "query_before_retry"), repay_none);  // the app only
  EXPECT_EQ(RunUnder(repay, "{name: query_before_retry, asks: app_and_user}").duplicate_charges,
            0u);

  const Scenario looks = Bundled("status_query_saves");
  const RunResult looked = RunUnder(looks, "none");
  ExpectFewerDuplicates(looked, repay_none);
  // Look-ups a minute behind the ledger lose most of the benefit.
  Scenario stale = looks;
  stale.user.status_query.stale_by = kMinute;
  ExpectFewerDuplicates(looked, RunUnder(stale, "none"));
}

// Prompts stop taps the customer did not mean, not payments they mean; a risk threshold trades
// duplicates for refused real payments.
TEST(Lessons, ConfirmationPrompts) {
  const Scenario slow = Bundled("impatient_retap");
  const RunResult none = RunUnder(slow, "none");
  const RunResult prompt = RunUnder(slow, "confirm_on_repeat");
  const RunResult review = RunUnder(slow, "two_step_confirmation");
  ExpectFewerDuplicates(prompt, review);
  ExpectFewerDuplicates(review, none);
  EXPECT_LT(ByCause(prompt, RootCause::kDoubleTap) * 10, ByCause(none, RootCause::kDoubleTap));
  EXPECT_GE(review.time_to_confirmation_p50 - none.time_to_confirmation_p50, 2900 * kMillisecond);

  // Customers who think the first payment failed answer "yes, pay again".
  const Scenario repay = Bundled("delayed_confirmation");
  const std::uint64_t repays =
      ByCause(RunUnder(repay, "none"), RootCause::kUserRepayNoConfirmation);
  const RunResult asked = RunUnder(repay, "confirm_on_repeat");
  EXPECT_GT(repays, 0u);
  EXPECT_GE(ByCause(asked, RootCause::kUserRepayNoConfirmation) * 100, repays * 95);

  // The threshold sweep: lower blocks more duplicates and more real payments.
  const Scenario mixed = Bundled("repeat_or_mistake");
  const RunResult high = RunUnder(mixed, "{name: risk_score, action: block, threshold: 0.9}");
  const RunResult middle = RunUnder(mixed, "{name: risk_score, action: block, threshold: 0.4}");
  const RunResult low = RunUnder(mixed, "{name: risk_score, action: block, threshold: 0.05}");
  EXPECT_GT(high.duplicate_charges, 0u);
  EXPECT_EQ(middle.duplicate_charges, 0u);
  EXPECT_EQ(low.duplicate_charges, 0u);
  EXPECT_LT(high.false_block_rate.ci95.high, middle.false_block_rate.ci95.low);
  EXPECT_LT(middle.false_block_rate.ci95.high, low.false_block_rate.ci95.low);
  EXPECT_GT(low.false_block_rate.ci95.low, 0.10);
}

// Repeats behind the API escape API keys; an inbox stops them if it remembers long enough.
TEST(Lessons, IdempotentConsumers) {
  const Scenario s = Bundled("queue_redelivery");
  const RunResult none = RunUnder(s, "none");
  EXPECT_GT(none.duplicate_charges, 0u);
  EXPECT_EQ(ByCause(none, RootCause::kQueueRedelivery), none.duplicate_charges);
  ExpectSameDuplicates(RunUnder(s, "idempotency_key"), none);
  const RunResult inbox = RunUnder(s, "inbox_dedup");
  EXPECT_EQ(inbox.duplicate_charges, 0u);
  EXPECT_GT(inbox.inbox_skips, 0u);
  ExpectSameDuplicates(RunUnder(s, "{name: inbox_dedup, retention: 20s}"), none);
}

// Refunds do not lower the duplicate rate; the money comes back days later and customers call
// support first; prevention leaves nothing to refund.
TEST(Lessons, AfterTheFact) {
  const Scenario scam = Bundled("fraud_scam");
  const RunResult none = RunUnder(scam, "none");
  const RunResult refunded = RunUnder(scam, "reconcile_and_refund");
  EXPECT_EQ(refunded.charges, none.charges);
  ExpectSameDuplicates(refunded, none);
  EXPECT_EQ(none.refunded_duplicates, 0u);
  EXPECT_EQ(refunded.refunded_duplicates, refunded.duplicate_charges);
  EXPECT_GT(refunded.time_to_refund_p50, 24 * kHour);

  const Scenario later = Bundled("refunds_after_the_fact");
  const RunResult later_none = RunUnder(later, "none");
  EXPECT_GT(later_none.duplicate_charges, 0u);
  EXPECT_EQ(later_none.refunded_duplicates, later_none.duplicate_charges);
  EXPECT_EQ(later_none.refunded_amount, later_none.duplicate_amount);
  EXPECT_GT(later_none.support_contacts, 0u);
  const RunResult prevented = RunUnder(later, "order_id");
  EXPECT_EQ(prevented.duplicate_charges, 0u);
  EXPECT_EQ(prevented.refunded_duplicates, 0u);
  EXPECT_EQ(prevented.support_contacts, 0u);
}

std::string Lesson(std::string_view name) {
  return ReadFile(kLessonDir + "/" + std::string(name) + ".md");
}

TEST(Lessons, EveryLessonIsWrittenAndIndexed) {
  const std::string index = ReadFile(kLessonDir + "/README.md");
  ASSERT_FALSE(index.empty()) << kLessonDir << "/README.md";
  for (std::string_view name : kLessons) {
    SCOPED_TRACE(name);
    const std::string text = Lesson(name);
    ASSERT_FALSE(text.empty());
    EXPECT_NE(index.find("(" + std::string(name) + ".md)"), std::string::npos);
    for (const char* section : {"\n## The story\n", "\n## Run\n", "\n## What the class will see\n",
                                "\n## Takeaway\n", "\n## Discuss\n"}) {
      EXPECT_NE(text.find(section), std::string::npos) << section;
    }
    EXPECT_NE(text.find("\ndupsim run "), std::string::npos);
  }
  // No lesson file that the index and this test do not know.
  for (const auto& entry : std::filesystem::directory_iterator(kLessonDir)) {
    const std::string stem = entry.path().stem().string();
    if (entry.path().extension() != ".md" || stem == "README") continue;
    EXPECT_NE(std::find(kLessons.begin(), kLessons.end(), stem), kLessons.end()) << stem;
  }
}

TEST(Lessons, ShellWordsSplitLikeAShell) {
  EXPECT_EQ(ShellWords("dupsim run a --strategy '{name: x, w: 2s}'   # note"),
            (std::vector<std::string>{"dupsim", "run", "a", "--strategy", "{name: x, w: 2s}"}));
}

// Every line starting with `dupsim run` in the lessons, on the real binary with 2000 intents and
// its output file in a scratch directory, exits 0. (`dupsim explain` lines are run by the next
// test; a line starting with anything else, such as the stale-read copy in status_queries.md,
// is not run here: its claim is asserted in-process by Lessons.StatusQueries.)
TEST(Lessons, EveryRunCommandWorks) {
  const ScratchDir scratch;
  int commands = 0;
  for (std::string_view name : kLessons) {
    std::istringstream lines(Lesson(name));
    for (std::string line; std::getline(lines, line);) {
      if (line.rfind("dupsim run ", 0) != 0) continue;
      SCOPED_TRACE(std::string(name) + ".md: " + line);
      std::vector<std::string> args = ShellWords(line);
      args.erase(args.begin());  // "dupsim"
      std::string output;
      bool has_intents = false;
      for (std::size_t i = 0; i + 1 < args.size(); ++i) {
        if (args[i] == "-o" || args[i] == "--output") {
          args[i + 1] =
              scratch.path() + "/" + std::filesystem::path(args[i + 1]).filename().string();
          output = args[i + 1];
        } else if (args[i] == "--intents") {
          args[i + 1] = "2000";
          has_intents = true;
        }
      }
      if (!has_intents) {
        args.push_back("--intents");
        args.push_back("2000");
      }
      const ProcessResult r = RunDupsimBinary(args);
      EXPECT_EQ(r.exit_status, 0) << r.err;
      if (output.empty()) {
        EXPECT_NE(r.out.find("dup rate"), std::string::npos) << r.out;
      } else {
        EXPECT_FALSE(ReadFile(output).empty()) << output;
        std::filesystem::remove(output);
      }
      ++commands;
    }
  }
  EXPECT_GE(commands, static_cast<int>(kLessons.size()));
}

// Every `dupsim explain` line tells a story: it finds the duplicate it names (at 20000 intents,
// enough for every cause the lessons explain) and exits 0.
TEST(Lessons, EveryExplainCommandTellsAStory) {
  int commands = 0;
  for (std::string_view name : kLessons) {
    std::istringstream lines(Lesson(name));
    for (std::string line; std::getline(lines, line);) {
      if (line.rfind("dupsim explain ", 0) != 0) continue;
      SCOPED_TRACE(std::string(name) + ".md: " + line);
      std::vector<std::string> args = ShellWords(line);
      args.erase(args.begin());  // "dupsim"
      args.insert(args.end(), {"--intents", "20000"});
      const ProcessResult r = RunDupsimBinary(args);
      EXPECT_EQ(r.exit_status, 0) << r.err;
      EXPECT_NE(r.out.find("charged 2 times"), std::string::npos) << r.out;
      ++commands;
    }
  }
  EXPECT_GE(commands, 8);
}

}  // namespace
}  // namespace dupsim
