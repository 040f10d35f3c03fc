// Every bundled scenario's stories, as the parties trace them and as explain draws them,
// against what the model did: each scenario (its intents capped so the suite stays quick)
// runs under its own strategies and every built-in one, with every record kept, and each
// intent's story must obey rules that hold whatever the switches say. A user never gives up
// "with no confirmation" once the app showed "paid" or a notification arrived; the app
// showing "paid" means the user was told; every charge drawn is one in the ledger, after a
// commit; every attempt ends once; every request that reached the server has a fate; the
// network's copies are told as copies; and the counts of steps equal the run's counters.
#include <gtest/gtest.h>

#include <algorithm>
#include <map>
#include <memory>
#include <sstream>
#include <string>
#include <vector>

#include "fakes/ledger.h"
#include "sim/explain/explain_text.h"
#include "sim/explain/explanation.h"
#include "sim/explain/sequence_diagram.h"
#include "sim/network/message.h"
#include "sim/run/world.h"
#include "sim/scenario/bundled_scenarios.h"
#include "sim/trace/trace_recorder.h"

namespace dupsim {
namespace {

constexpr std::uint64_t kIntents = 3000;

bool Is(const TraceRecord& r, TraceKind kind) {
  return static_cast<TraceKind>(r.kind) == kind;
}

std::uint32_t AttemptOf(const TraceRecord& r) {
  return (std::uint32_t{r.checkout} << 16) | (std::uint32_t{r.tap} << 8) | r.attempt;
}

// Broken rules by name: how often, and the first story that broke each.
class Findings {
 public:
  void Add(const std::string& rule, const std::string& where) {
    auto& [count, first] = found_[rule];
    if (count++ == 0) first = where;
  }
  std::string Report() const {
    std::ostringstream out;
    for (const auto& [rule, found] : found_) {
      out << rule << ": " << found.first << " times, first " << found.second << '\n';
    }
    return out.str();
  }
  bool empty() const { return found_.empty(); }

 private:
  std::map<std::string, std::pair<std::uint64_t, std::string>> found_;
};

struct Run {
  RunResult result;
  std::vector<std::vector<TraceRecord>> stories;  // by intent
  std::vector<std::uint32_t> ledger_charges;      // by intent
};

Run RunRecorded(const Scenario& scenario, const ConfiguredStrategy& strategy) {
  TraceRecorder recorder;
  auto world = std::make_unique<World>(scenario, strategy);
  world->SetTraceSink(&recorder);
  Run run;
  run.result = world->Run();
  run.stories.resize(scenario.intents);
  for (const TraceRecord& r : recorder.records()) run.stories.at(r.intent).push_back(r);
  for (std::uint32_t i = 0; i < scenario.intents; ++i) {
    run.ledger_charges.push_back(world->ledger().ChargesOf(i));
  }
  return run;
}

// The rules on one intent's story, in record order.
void CheckStory(const std::vector<TraceRecord>& story, std::uint32_t ledger_charges,
                const std::string& where, Findings& findings) {
  bool user_knows = false;  // the app showed "paid", a notification came, or the user was told
  bool told = false;
  // The app's "paid" and a notification tell the user at that very instant (the user's step
  // follows theirs); heard_by checks that it did.
  const TraceRecord* unheard = nullptr;
  auto heard_by = [&](Time now) {
    if (unheard != nullptr && now > unheard->at) {
      findings.Add(Is(*unheard, TraceKind::kShowSuccess)
                       ? "the app shows \"paid\" but the user is not told"
                       : "a notification arrives but the user is not told",
                   where);
      unheard = nullptr;
    }
  };
  std::map<std::uint32_t, int> sent, ended, answers, replies, arrivals, fates, first_hops,
      copies_made, copies_arrived, lost_requests, committed;
  std::uint32_t charges = 0, notifications = 0;
  // No latency in the bundled scenarios comes near a minute: a message that takes longer was
  // held back by the network (reordered), and the story must say so.
  std::map<std::uint32_t, Time> sent_at, replied_at;
  std::map<std::uint32_t, int> held_requests, held_responses;
  auto slow = [&](const TraceRecord& r, std::map<std::uint32_t, Time>& since,
                  std::map<std::uint32_t, int>& held) {
    const auto from = since.find(AttemptOf(r));
    if (from != since.end() && r.at - from->second > 60 * kSecond && held[AttemptOf(r)] == 0) {
      findings.Add("a message arrives a minute late with no word why", where);
    }
  };
  for (const TraceRecord& r : story) {
    const std::uint32_t a = AttemptOf(r);
    heard_by(r.at);
    switch (static_cast<TraceKind>(r.kind)) {
      case TraceKind::kToldPaid:
        told = user_knows = true;
        unheard = nullptr;
        break;
      case TraceKind::kShowSuccess:
        if (!told) unheard = &r;
        user_knows = true;
        break;
      case TraceKind::kNotificationDelivered:
        if ((r.detail & 256) == 0) {
          if (!told) unheard = &r;
          user_knows = true;
        }
        break;
      case TraceKind::kPatienceOver:
      case TraceKind::kStatusLookup:
      case TraceKind::kPayAgain:
        if (user_knows) findings.Add("the user gives up unconfirmed after being told", where);
        break;
      case TraceKind::kAttemptSent:
        ++sent[a];
        sent_at[a] = r.at;
        break;
      case TraceKind::kMessageHeld:
        ++((r.detail & 1) ? held_responses : held_requests)[a];
        break;
      case TraceKind::kResponse:
        ++ended[a];
        ++answers[a];
        slow(r, replied_at, held_responses);
        break;
      case TraceKind::kAttemptTimedOut:
        ++ended[a];
        break;
      case TraceKind::kLateResponse:
        if (static_cast<Lane>(r.lane) == Lane::kApp) {
          ++answers[a];
          slow(r, replied_at, held_responses);
        }
        break;
      case TraceKind::kReplied:
      case TraceKind::kGatewayTimeout:
        ++replies[a];
        replied_at[a] = r.at;  // the latest: a request's held copy is answered late too
        break;
      case TraceKind::kMessageCopied:
        if (r.detail & 1) {
          ++replies[a];  // one more answer on its way
        } else {
          ++copies_made[a];
        }
        break;
      case TraceKind::kMessageLost:
        if ((r.detail & 1) == 0) ++lost_requests[a];
        break;
      case TraceKind::kRequestArrived:
        ++arrivals[a];
        ++(r.detail ? copies_arrived : first_hops)[a];
        slow(r, sent_at, held_requests);
        break;
      case TraceKind::kProxyTry:
        ++arrivals[a];
        ++((r.detail & 256) ? copies_arrived : first_hops)[a];
        slow(r, sent_at, held_requests);
        break;
      case TraceKind::kProxyRetry:
        ++arrivals[a];
        break;
      case TraceKind::kAdmission:
      case TraceKind::kRequestShed:
      case TraceKind::kRequestRefused:
      case TraceKind::kKilled:
        ++fates[a];
        break;
      case TraceKind::kCommitted:
        ++committed[a];
        break;
      case TraceKind::kCharged:
        ++charges;
        if (committed[a] == 0) findings.Add("a charge with no commit before it", where);
        break;
      case TraceKind::kNotificationSent:
        ++notifications;
        break;
      default:
        break;
    }
  }
  heard_by(story.empty() ? 0 : story.back().at + 1);
  if (charges != ledger_charges) findings.Add("charges traced != charges in the ledger", where);
  if (notifications != charges) findings.Add("a charge without its notification", where);
  for (const auto& [a, n] : sent) {
    if (ended[a] != n) findings.Add("an attempt that does not end exactly once", where);
    if (first_hops[a] + lost_requests[a] != n) {
      findings.Add("requests sent != requests lost + originals arrived", where);
    }
    if (copies_arrived[a] != copies_made[a]) {
      findings.Add("network copies made != copies arrived", where);
    }
  }
  for (const auto& [a, n] : answers) {
    if (n > replies[a]) findings.Add("a response the server never sent", where);
  }
  for (const auto& [a, n] : arrivals) {
    if (n > fates[a]) findings.Add("a request that reached the server and vanished", where);
  }
}

// A crash after the commit: the story tells the commit first, then the crash.
void CheckCrashOrder(const std::vector<TraceRecord>& story, const std::string& where,
                     Findings& findings) {
  for (std::size_t i = 0; i < story.size(); ++i) {
    if (!Is(story[i], TraceKind::kCommitted) || story[i].detail == 0) continue;
    for (std::size_t k = 0; k < i; ++k) {
      if (Is(story[k], TraceKind::kKilled) && AttemptOf(story[k]) == AttemptOf(story[i]) &&
          story[k].at == story[i].at) {
        findings.Add("a crash after the commit told before the commit", where);
      }
    }
  }
}

// How many of a kind the run traced.
std::uint64_t Count(const Run& run, TraceKind kind, bool (*also)(const TraceRecord&) = nullptr) {
  std::uint64_t n = 0;
  for (const auto& story : run.stories) {
    for (const TraceRecord& r : story) n += Is(r, kind) && (also == nullptr || also(r));
  }
  return n;
}

void CheckCounts(const Run& run, const std::string& where, Findings& findings) {
  const RunResult& r = run.result;
  auto expect = [&](const char* what, std::uint64_t counted, std::uint64_t traced) {
    if (counted != traced) {
      findings.Add(std::string(what) + ": counted != traced",
                   where + " (" + std::to_string(counted) + " vs " + std::to_string(traced) + ")");
    }
  };
  expect("taps", r.taps, Count(run, TraceKind::kTap) + Count(run, TraceKind::kConfirmTap));
  expect("taps swallowed", r.taps_swallowed, Count(run, TraceKind::kTapSwallowed));
  expect("taps blocked", r.taps_blocked, Count(run, TraceKind::kTapBlocked));
  expect("prompts", r.prompts_shown,
         Count(run, TraceKind::kPromptShown) + Count(run, TraceKind::kReviewShown));
  expect("prompts refused", r.prompts_refused,
         Count(run, TraceKind::kPromptAnswer, [](const TraceRecord& t) { return t.detail == 0; }) +
             Count(run, TraceKind::kReviewLeft));
  expect("attempts", r.attempts, Count(run, TraceKind::kAttemptSent));
  expect("timeouts", r.timeouts, Count(run, TraceKind::kAttemptTimedOut));
  expect("pay-agains", r.pay_agains, Count(run, TraceKind::kPayAgain));
  expect("status look-ups", r.status_queries, Count(run, TraceKind::kStatusLookup));
  expect("confirmed intents", r.confirmed_intents, Count(run, TraceKind::kToldPaid));
  expect("scams", r.fraud_payments, Count(run, TraceKind::kScammed));
  expect("shed", r.requests_rejected, Count(run, TraceKind::kRequestShed));
  expect("killed", r.requests_killed, Count(run, TraceKind::kKilled));
  expect("proxy retries", r.proxy_retries, Count(run, TraceKind::kProxyRetry));
  expect("gateway timeouts", r.gateway_timeouts, Count(run, TraceKind::kGatewayTimeout));
  expect(
      "replayed", r.replayed_responses,
      Count(run, TraceKind::kReplied, [](const TraceRecord& t) { return (t.detail & 256) != 0; }));
  expect("charges", r.charges, Count(run, TraceKind::kCharged));
  expect("refunds", r.refunded_duplicates, Count(run, TraceKind::kRefunded));
  expect("queue redeliveries", r.queue_redeliveries,
         Count(run, TraceKind::kQueueWrite,
               [](const TraceRecord& t) { return (t.detail & 0xff) > 1; }));
  expect("notification redeliveries", r.notifications_redelivered,
         Count(run, TraceKind::kNotificationDelivered,
               [](const TraceRecord& t) { return (t.detail & 0xff) > 1; }));
  auto dropped = [](const TraceRecord& t) { return (t.detail & 256) != 0; };
  expect("inbox skips", r.inbox_skips,
         Count(run, TraceKind::kQueueWrite, dropped) +
             Count(run, TraceKind::kNotificationDelivered, dropped));
}

// What explain draws for a duplicated intent: the same rules in its own words.
void CheckDiagram(const std::vector<TraceRecord>& story, std::uint32_t ledger_charges,
                  const std::string& where, Findings& findings) {
  const ExplainText& text = ExplainTextFor(ExplainLanguage::kEnglish);
  const SequenceDiagram diagram = BuildSequenceDiagram(story, DiagramOptions{}, text);
  const std::string gives_up(text.patience_over.substr(0, text.patience_over.find('{')));
  bool shown_paid = false;
  std::uint32_t charges = 0;
  for (const DiagramStep& s : diagram.steps) {
    if (s.label == text.show_success || s.label == text.told_paid) shown_paid = true;
    if (s.label.rfind(gives_up, 0) == 0 && shown_paid) {
      findings.Add("the diagram shows \"paid\", then the user gives up unconfirmed", where);
    }
    charges += s.style == StepStyle::kCharge || s.style == StepStyle::kDuplicate;
  }
  if (charges != ledger_charges) findings.Add("charges drawn != charges in the ledger", where);
}

Findings CheckScenarioUnder(const Scenario& scenario,
                            const std::vector<ConfiguredStrategy>& strategies) {
  Findings findings;
  for (const ConfiguredStrategy& strategy : strategies) {
    const Run run = RunRecorded(scenario, strategy);
    const std::string under = scenario.name + " under " + strategy.label;
    CheckCounts(run, under, findings);
    for (std::uint32_t i = 0; i < run.stories.size(); ++i) {
      const std::string where = under + ", intent " + std::to_string(i);
      CheckStory(run.stories[i], run.ledger_charges[i], where, findings);
      CheckCrashOrder(run.stories[i], where, findings);
      if (run.ledger_charges[i] > 1) {
        CheckDiagram(run.stories[i], run.ledger_charges[i], where, findings);
      }
    }
  }
  return findings;
}

// Under its own strategies and every built-in one.
Findings CheckScenario(const Scenario& scenario) {
  std::vector<ConfiguredStrategy> strategies;
  for (const Alternative& a : CounterfactualStrategies(scenario)) strategies.push_back(a.strategy);
  return CheckScenarioUnder(scenario, strategies);
}

Scenario Capped(Scenario s) {
  s.intents = std::min<std::uint64_t>(s.intents, kIntents);
  return s;
}

TEST(StoryConsistency, EveryBundledScenarioUnderEveryStrategy) {
  for (const BundledScenario& bundled : BundledScenarios()) {
    const Findings findings = CheckScenario(Capped(LoadBundledScenario(bundled)));
    EXPECT_TRUE(findings.empty()) << bundled.name << ":\n" << findings.Report();
  }
}

// Crashes are rare at a few thousand intents: the crash scenarios at their own size, under
// their own strategies, so requests refused by a replica that is down and crashes after the
// commit are in the stories.
TEST(StoryConsistency, CrashScenariosAtTheirOwnSize) {
  for (const char* name : {"crash_after_commit", "retry_storm"}) {
    const Scenario s = LoadBundledScenario(*FindBundledScenario(name));
    const Findings findings = CheckScenarioUnder(s, s.strategies);
    EXPECT_TRUE(findings.empty()) << name << ":\n" << findings.Report();
  }
}

// No bundled scenario puts a load balancer behind a network that copies messages: this one
// does, in both directions, so the balancer's copies and the app's copies of answers are told.
TEST(StoryConsistency, ABalancerBehindANetworkThatCopiesMessages) {
  Scenario s = Capped(LoadBundledScenario(*FindBundledScenario("proxy_retry_post")));
  s.network.request.duplicate_probability = 0.05;
  s.network.response.duplicate_probability = 0.05;
  const Findings findings = CheckScenario(s);
  EXPECT_TRUE(findings.empty()) << findings.Report();
}

// The lesson an educator uses first: the app only says "processing" (response_confirms:
// false), so its explained story must not show "paid" before the user gives up.
TEST(StoryConsistency, DelayedConfirmationShowsProcessingNotPaid) {
  Scenario s = LoadBundledScenario(*FindBundledScenario("delayed_confirmation"));
  ASSERT_FALSE(s.client.response_confirms);
  s.intents = 5000;
  ExplainRequest request;
  request.strategy = s.strategies.front();
  const Explanation e = Explain(s, request);
  ASSERT_EQ(e.cause, RootCause::kUserRepayNoConfirmation);
  const ExplainText& text = ExplainTextFor(ExplainLanguage::kEnglish);
  const SequenceDiagram diagram = BuildSequenceDiagram(e.story, DiagramOptions{}, text);
  // The notification may still come, after the user paid again; the app never says "paid".
  bool processing = false, gave_up = false;
  for (const DiagramStep& s : diagram.steps) {
    EXPECT_NE(s.label, text.show_success) << "the app showed \"paid\" at " << s.at;
    if (s.label == text.show_processing) processing = true;
    if (s.label.rfind("no confirmation after", 0) == 0) {
      EXPECT_TRUE(processing) << "the user gave up before the app said anything";
      gave_up = true;
    }
  }
  EXPECT_TRUE(processing && gave_up);
}

TraceRecord Step(Time at, TraceKind kind, Lane lane, std::uint8_t attempt,
                 std::uint32_t detail = 0) {
  return TraceRecord{at,
                     0,
                     static_cast<std::uint8_t>(lane),
                     static_cast<std::uint8_t>(lane),
                     static_cast<std::uint16_t>(kind),
                     0,
                     0,
                     attempt,
                     detail};
}

// A response discarded because its attempt timed out is late; one discarded because the
// attempt had its answer already (the network copied it) is not.
TEST(StoryConsistency, ACopiedResponseIsNotCalledLate) {
  const ExplainText& text = ExplainTextFor(ExplainLanguage::kEnglish);
  const std::vector<TraceRecord> copied = {
      Step(0, TraceKind::kAttemptSent, Lane::kApp, 1),
      Step(100, TraceKind::kResponse, Lane::kServer, 1, 0),
      Step(150, TraceKind::kLateResponse, Lane::kApp, 1, 0),
  };
  const SequenceDiagram a = BuildSequenceDiagram(copied, DiagramOptions{}, text);
  ASSERT_EQ(a.steps.size(), 3u);
  EXPECT_EQ(a.steps[2].label, "200 OK for attempt 1 again: already answered, discarded");
  const std::vector<TraceRecord> late = {
      Step(0, TraceKind::kAttemptSent, Lane::kApp, 1),
      Step(100, TraceKind::kAttemptTimedOut, Lane::kApp, 1),
      Step(150, TraceKind::kLateResponse, Lane::kApp, 1, 0),
  };
  const SequenceDiagram b = BuildSequenceDiagram(late, DiagramOptions{}, text);
  ASSERT_EQ(b.steps.size(), 3u);
  EXPECT_EQ(b.steps[2].label, "200 OK for attempt 1: too late, discarded");
}

// Steps explain drew nothing for, or drew as something else.
TEST(StoryConsistency, RefusalsInboxDropsAndConfirmTapsAreDrawn) {
  const ExplainText& text = ExplainTextFor(ExplainLanguage::kEnglish);
  const std::vector<TraceRecord> story = {
      Step(0, TraceKind::kConfirmTap, Lane::kUser, 0),
      Step(1, TraceKind::kRequestRefused, Lane::kServer, 1, 2),
      Step(2, TraceKind::kQueueWrite, Lane::kLedger, 1, 2 | 256),
      Step(3, TraceKind::kShowProcessing, Lane::kApp, 1),
      Step(4, TraceKind::kMessageHeld, Lane::kNetwork, 2, 0 | 7200000 << 1),
  };
  const SequenceDiagram d = BuildSequenceDiagram(story, DiagramOptions{}, text);
  ASSERT_EQ(d.steps.size(), 5u);
  EXPECT_EQ(d.steps[4].label, "holds attempt 2 back 2 h");
  EXPECT_EQ(d.steps[0].label, "taps Confirm");
  EXPECT_EQ(d.steps[1].label, "replica down: attempt 1 refused, no reply");
  EXPECT_EQ(d.steps[2].label,
            "the queue delivers the charge again (delivery 2): the inbox drops it");
  EXPECT_EQ(d.steps[3].label, "shows \u201cprocessing\u201d, not \u201cpaid\u201d");
}

}  // namespace
}  // namespace dupsim
