// The network's fault mechanisms: scheduled partitions, Gilbert-Elliott burst
// loss and reordering hold-ups. Link-level tests drive one NetworkLink with a
// fixed sending pattern and check its rates against their closed forms;
// world-level tests check what each fault does to charges, exactly where the
// model makes it exact (constant delays, no jitter), and that every fault is a
// function of virtual time and the intent's own stream, never of other traffic.
#include <gtest/gtest.h>

#include <cmath>
#include <memory>
#include <vector>

#include "sim/run/scenario_runner.h"
#include "sim/run/world.h"
#include "tests/world/quiet_world.h"

namespace dupsim {
namespace {

using testing::Constant;
using testing::QuietWorld;
using testing::Strategy;

using testing::ByCause;

// |measured - expected| within 4 standard errors.
void ExpectNear(double measured, double expected, double standard_error) {
  EXPECT_NEAR(measured, expected, 4 * standard_error);
}

// ---------------------------------------------------------------------------
// One link on its own: messages sent at chosen times, deliveries recorded.

class LinkHarness final : public EventHandler {
 public:
  struct Arrival {
    std::uint32_t intent;
    Time at;
  };

  LinkHarness(NetworkLinkOptions options, std::uint32_t intents, std::uint64_t seed = 5)
      : self_(sim_.Register(this)),
        link_(sim_, pool_, std::move(options), RandomStream::ForComponent(seed, "link"), intents,
              self_, kDeliver),
        deliveries_(intents, 0),
        first_arrival_(intents, -1) {}

  void SendAt(Time at, std::uint32_t intent) { sim_.ScheduleAt(at, self_, kSend, intent); }
  void Run() { sim_.Run(); }

  const NetworkLinkCounters& counters() const { return link_.counters(); }
  std::uint32_t Deliveries(std::uint32_t intent) const { return deliveries_[intent]; }
  Time FirstArrival(std::uint32_t intent) const { return first_arrival_[intent]; }
  const std::vector<Arrival>& arrivals() const { return arrivals_; }

  void Handle(const Event& event) override {
    if (event.kind == kSend) {
      const Slot slot = pool_.Alloc();
      pool_[slot] = Message{};
      pool_[slot].intent = static_cast<std::uint32_t>(event.payload);
      link_.Send(slot);
      return;
    }
    const auto slot = static_cast<Slot>(event.payload);
    const std::uint32_t intent = pool_[slot].intent;
    if (deliveries_[intent]++ == 0) first_arrival_[intent] = sim_.Now();
    arrivals_.push_back({intent, sim_.Now()});
    pool_.Free(slot);
  }

 private:
  enum Kind : std::uint32_t { kSend, kDeliver };

  Simulator sim_;
  MessagePool pool_;
  HandlerId self_;
  NetworkLink link_;
  std::vector<std::uint32_t> deliveries_;
  std::vector<Time> first_arrival_;
  std::vector<Arrival> arrivals_;
};

NetworkLinkOptions ConstantLatencyLink(Time latency = 10 * kMillisecond) {
  NetworkLinkOptions o;
  o.latency = Constant(latency);
  return o;
}

// Intent i sends one message at i * gap.
void SendOnePerIntent(LinkHarness& h, std::uint32_t intents, Time gap) {
  for (std::uint32_t i = 0; i < intents; ++i) h.SendAt(static_cast<Time>(i) * gap, i);
}

// P(the next intent's message is lost | this one's was), over consecutive intents.
double LossAfterLoss(const LinkHarness& h, std::uint32_t intents) {
  std::uint64_t lost_pairs = 0;
  std::uint64_t lost = 0;
  for (std::uint32_t i = 0; i + 1 < intents; ++i) {
    if (h.Deliveries(i) != 0) continue;
    ++lost;
    lost_pairs += h.Deliveries(i + 1) == 0;
  }
  return lost == 0 ? 0.0 : static_cast<double>(lost_pairs) / static_cast<double>(lost);
}

TEST(BurstLossTest, LongRunLossIsTheMixtureOfBackgroundAndBurstLoss) {
  const double background = 0.01;
  const double burst_loss = 0.9;
  const double pi = 0.1;  // share of time in bursts
  const Time burst_mean = kSecond;
  NetworkLinkOptions o = ConstantLatencyLink();
  o.loss_probability = background;
  o.burst_time_fraction = pi;
  o.burst_length_mean = burst_mean;
  o.burst_loss_probability = burst_loss;
  const std::uint32_t n = 400000;
  const Time gap = 50 * kMillisecond;  // 20000 s of virtual time, about 2000 bursts
  LinkHarness h(o, n);
  SendOnePerIntent(h, n, gap);
  h.Run();
  const NetworkLinkCounters& c = h.counters();
  ASSERT_EQ(c.sent, n);

  // The share of time in bursts, sampled every 50 ms. For a two-state Markov process with rates
  // a (into a burst) and b (out of it), the time average over T has variance 2ab / (a+b)^3 / T.
  const double b = 1.0 / (static_cast<double>(burst_mean) / kSecond);
  const double a = b * pi / (1 - pi);
  const double horizon_s = static_cast<double>(n) * static_cast<double>(gap) / kSecond;
  const double fraction_var = 2 * a * b / std::pow(a + b, 3) / horizon_s;
  const double in_burst = static_cast<double>(c.sent_in_burst) / n;
  ExpectNear(in_burst, pi, std::sqrt(fraction_var));

  // Given the state, each message is an independent Bernoulli draw.
  const double lost_in_burst = static_cast<double>(c.lost_in_burst) / c.sent_in_burst;
  ExpectNear(lost_in_burst, burst_loss,
             std::sqrt(burst_loss * (1 - burst_loss) / static_cast<double>(c.sent_in_burst)));
  const double good_sent = static_cast<double>(c.sent - c.sent_in_burst);
  ExpectNear(static_cast<double>(c.lost - c.lost_in_burst) / good_sent, background,
             std::sqrt(background * (1 - background) / good_sent));

  // Overall: background (1 - pi) + burst_loss pi, the state's variance dominating.
  const double expected = background * (1 - pi) + burst_loss * pi;
  const double measured = static_cast<double>(c.lost) / n;
  ExpectNear(measured, expected,
             std::sqrt(std::pow(burst_loss - background, 2) * fraction_var +
                       expected * (1 - expected) / n));
  EXPECT_EQ(c.partitioned, 0u);
  EXPECT_EQ(c.held_back, 0u);
}

TEST(BurstLossTest, LossesClusterUnlikeIndependentLossWithTheSameMean) {
  NetworkLinkOptions bursty = ConstantLatencyLink();
  bursty.loss_probability = 0.01;
  bursty.burst_time_fraction = 0.1;
  bursty.burst_length_mean = kSecond;
  bursty.burst_loss_probability = 0.9;
  const std::uint32_t n = 200000;
  const Time gap = 50 * kMillisecond;
  LinkHarness b(bursty, n);
  SendOnePerIntent(b, n, gap);
  b.Run();
  const double mean_loss = static_cast<double>(b.counters().lost) / n;

  NetworkLinkOptions independent = ConstantLatencyLink();
  independent.loss_probability = mean_loss;
  LinkHarness i(independent, n);
  SendOnePerIntent(i, n, gap);
  i.Run();

  // Independent: the next loss is as likely as any (within its sampling error, about
  // sqrt(p / n) over the n p lost messages). Bursty: the next message, 50 ms later, is most
  // likely still in the same 1 s burst, so it is lost with probability near 0.9 e^(-0.05).
  const double after_loss_independent = LossAfterLoss(i, n);
  ExpectNear(after_loss_independent, mean_loss,
             std::sqrt(mean_loss * (1 - mean_loss) / (mean_loss * n)));
  const double after_loss_bursty = LossAfterLoss(b, n);
  EXPECT_GT(after_loss_bursty, 0.75);
  EXPECT_GT(after_loss_bursty, 5 * after_loss_independent);
}

TEST(BurstLossTest, AnIntentsFateDoesNotDependOnOtherIntentsTraffic) {
  // Every fault on at once; link `busy` also carries three messages from each of n more
  // intents between the shared ones. A burst process driven by message counts, or draws
  // shared between intents, would change the shared intents' fates.
  NetworkLinkOptions o = ConstantLatencyLink();
  o.latency = std::make_shared<UniformDistribution>(5 * kMillisecond, 50 * kMillisecond);
  o.loss_probability = 0.02;
  o.burst_time_fraction = 0.2;
  o.burst_length_mean = 500 * kMillisecond;
  o.burst_loss_probability = 0.8;
  o.duplicate_probability = 0.05;
  o.reorder_probability = 0.1;
  o.reorder_extra_delay = std::make_shared<ExponentialDistribution>(300 * kMillisecond);
  o.partitions = {{20 * kSecond, 5 * kSecond, PartitionDirection::kBoth}};
  const std::uint32_t n = 10000;
  const Time gap = 10 * kMillisecond;
  LinkHarness quiet(o, 2 * n);
  LinkHarness busy(o, 2 * n);
  SendOnePerIntent(quiet, n, gap);
  SendOnePerIntent(busy, n, gap);
  for (std::uint32_t i = 0; i < n; ++i) {
    for (Time k = 1; k <= 3; ++k) busy.SendAt(static_cast<Time>(i) * gap + 2 * k, n + i);
  }
  quiet.Run();
  busy.Run();
  ASSERT_EQ(busy.counters().sent, 4u * n);
  ASSERT_GT(quiet.counters().lost_in_burst, 0u);
  ASSERT_GT(quiet.counters().partitioned, 0u);
  ASSERT_GT(quiet.counters().held_back, 0u);
  for (std::uint32_t i = 0; i < n; ++i) {
    ASSERT_EQ(quiet.Deliveries(i), busy.Deliveries(i)) << "intent " << i;
    ASSERT_EQ(quiet.FirstArrival(i), busy.FirstArrival(i)) << "intent " << i;
  }
}

TEST(PartitionTest, LinkDropsExactlyWhatIsSentInsideItsMergedWindows) {
  NetworkLinkOptions o = ConstantLatencyLink();
  // Two overlapping windows make one, [1 s, 3 s); a third touches nothing sent.
  o.partitions = {{kSecond, kSecond, PartitionDirection::kBoth},
                  {1500 * kMillisecond, 1500 * kMillisecond, PartitionDirection::kBoth},
                  {10 * kSecond, kSecond, PartitionDirection::kBoth}};
  const std::uint32_t n = 500;
  const Time gap = 10 * kMillisecond;  // the last message leaves at 4.99 s
  LinkHarness h(o, n);
  SendOnePerIntent(h, n, gap);
  h.Run();
  for (std::uint32_t i = 0; i < n; ++i) {
    const Time sent = static_cast<Time>(i) * gap;
    const bool down = sent >= kSecond && sent < 3 * kSecond;
    EXPECT_EQ(h.Deliveries(i), down ? 0u : 1u) << "sent at " << sent;
  }
  EXPECT_EQ(h.counters().partitioned, 200u);
  EXPECT_EQ(h.counters().lost, 200u);
}

TEST(PartitionTest, EachLinkKeepsThePartitionsOfItsDirection) {
  const std::vector<Partition> all = {{kSecond, kSecond, PartitionDirection::kRequest},
                                      {2 * kSecond, kSecond, PartitionDirection::kResponse},
                                      {5 * kSecond, kSecond, PartitionDirection::kBoth}};
  const std::vector<Partition> request = PartitionsCutting(all, PartitionDirection::kRequest);
  const std::vector<Partition> response = PartitionsCutting(all, PartitionDirection::kResponse);
  ASSERT_EQ(request.size(), 2u);
  EXPECT_EQ(request[0].start, kSecond);
  EXPECT_EQ(request[1].start, 5 * kSecond);
  ASSERT_EQ(response.size(), 2u);
  EXPECT_EQ(response[0].start, 2 * kSecond);
  EXPECT_EQ(response[1].start, 5 * kSecond);
}

TEST(ReorderTest, HeldBackShareIsTheProbabilityAndLaterMessagesOvertake) {
  const double r = 0.05;
  NetworkLinkOptions o = ConstantLatencyLink();
  o.reorder_probability = r;
  o.reorder_extra_delay = Constant(5 * kSecond);
  const std::uint32_t n = 100000;
  const Time gap = 10 * kMillisecond;
  LinkHarness h(o, n);
  SendOnePerIntent(h, n, gap);
  h.Run();
  std::uint64_t late = 0;
  for (std::uint32_t i = 0; i < n; ++i) {
    ASSERT_EQ(h.Deliveries(i), 1u);
    const Time delay = h.FirstArrival(i) - static_cast<Time>(i) * gap;
    ASSERT_TRUE(delay == 10 * kMillisecond || delay == 5010 * kMillisecond) << delay;
    late += delay > 10 * kMillisecond;
  }
  EXPECT_EQ(late, h.counters().held_back);
  ExpectNear(static_cast<double>(late) / n, r, std::sqrt(r * (1 - r) / n));
  // Deliveries out of send order: a held-back message arrives after up to 500 later ones.
  std::uint64_t overtaken = 0;
  for (std::size_t k = 1; k < h.arrivals().size(); ++k) {
    overtaken += h.arrivals()[k].intent < h.arrivals()[k - 1].intent;
  }
  EXPECT_GT(overtaken, 0u);
}

TEST(ReorderTest, HoldUpsLeaveEveryOtherDrawAlone) {
  // Same seed, with and without hold-ups: exactly the same messages are lost and copied.
  NetworkLinkOptions plain = ConstantLatencyLink();
  plain.loss_probability = 0.1;
  plain.duplicate_probability = 0.1;
  NetworkLinkOptions held = plain;
  held.reorder_probability = 0.3;
  held.reorder_extra_delay = std::make_shared<ExponentialDistribution>(kSecond);
  const std::uint32_t n = 20000;
  LinkHarness a(plain, n);
  LinkHarness b(held, n);
  SendOnePerIntent(a, n, kMillisecond);
  SendOnePerIntent(b, n, kMillisecond);
  a.Run();
  b.Run();
  ASSERT_GT(b.counters().held_back, 0u);
  EXPECT_EQ(a.counters().lost, b.counters().lost);
  EXPECT_EQ(a.counters().duplicated, b.counters().duplicated);
  for (std::uint32_t i = 0; i < n; ++i) ASSERT_EQ(a.Deliveries(i), b.Deliveries(i)) << i;
}

// ---------------------------------------------------------------------------
// Whole worlds.

// The arrival times IntentSource draws (fakes/intent_source.cc), replayed from the same
// stream so the partition tests can name the intents a window cuts. If every exact-set
// check below fails at once, this copy no longer matches the source.
std::vector<Time> ArrivalTimes(const Scenario& s) {
  RandomStream rng = RandomStream::ForComponent(s.seed, "arrivals");
  const double mean_gap_us = static_cast<double>(kSecond) / s.arrivals.rate_per_s;
  std::vector<Time> at(s.intents, 0);
  for (std::size_t i = 1; i < at.size(); ++i) {
    at[i] =
        at[i - 1] + static_cast<Time>(std::llround(-mean_gap_us * std::log(rng.NextOpenUnit())));
  }
  return at;
}

bool Inside(Time t, const Partition& p) {
  return t >= p.start && t < p.end();
}

// 1000 intents a second for 20 s, retries without jitter so every attempt's time is known:
// attempt 1 at t, attempt 2 at t + 1 s + 200 ms, attempt 3 at t + 2.6 s.
Scenario PartitionWorld() {
  Scenario s = QuietWorld(20000);
  s.arrivals.rate_per_s = 1000;
  s.client.jitter = Jitter::kNone;
  return s;
}

TEST(PartitionWorldTest, BothWaysWithoutRetriesLosesExactlyTheIntentsSentInside) {
  Scenario s = PartitionWorld();
  s.client.max_attempts = 1;
  const Partition cut{5 * kSecond, kSecond, PartitionDirection::kBoth};
  s.network.partitions = {cut};
  const std::vector<Time> arrivals = ArrivalTimes(s);
  const ConfiguredStrategy none = Strategy("none");
  World world(s, none);
  const RunResult r = world.Run();
  std::uint64_t expected_lost = 0;
  for (std::uint32_t i = 0; i < s.intents; ++i) {
    const bool cut_off = Inside(arrivals[i], cut);
    expected_lost += cut_off;
    ASSERT_EQ(world.ledger().ChargesOf(i), cut_off ? 0u : 1u) << "intent " << i;
  }
  EXPECT_EQ(r.lost_payments, expected_lost);
  EXPECT_EQ(r.duplicate_charges, 0u);
  // And the count is the window's share of a Poisson stream: rate x duration.
  ExpectNear(static_cast<double>(r.lost_payments), 1000.0, std::sqrt(1000.0));
}

TEST(PartitionWorldTest, RetriesOutlastingTheWindowLoseNobodyAndDuplicateOnlyCutResponses) {
  Scenario s = PartitionWorld();
  s.server.processing = Constant(500 * kMillisecond);  // a response leaves 510 ms after its request
  const Partition cut{5 * kSecond, 500 * kMillisecond, PartitionDirection::kBoth};
  s.network.partitions = {cut};
  const std::vector<Time> arrivals = ArrivalTimes(s);
  const ConfiguredStrategy none = Strategy("none");
  World world(s, none);
  const RunResult r = world.Run();
  // Charged twice: the request got through before the window, its response left inside it,
  // and the retry (1.2 s later) is after it. Every other intent is charged once.
  std::uint64_t expected_duplicates = 0;
  for (std::uint32_t i = 0; i < s.intents; ++i) {
    const bool request_cut = Inside(arrivals[i], cut);
    const bool response_cut = !request_cut && Inside(arrivals[i] + 510 * kMillisecond, cut);
    expected_duplicates += response_cut;
    ASSERT_EQ(world.ledger().ChargesOf(i), response_cut ? 2u : 1u) << "intent " << i;
  }
  EXPECT_GT(expected_duplicates, 400u);
  EXPECT_EQ(r.lost_payments, 0u);
  EXPECT_EQ(r.duplicate_charges, expected_duplicates);
  EXPECT_EQ(ByCause(r, RootCause::kClientRetry), expected_duplicates);

  // The same window on requests only: retries get through, nothing is charged twice.
  s.network.partitions = {{cut.start, cut.duration, PartitionDirection::kRequest}};
  const RunResult requests_only = RunScenario(s, none);
  EXPECT_EQ(requests_only.lost_payments, 0u);
  EXPECT_EQ(requests_only.duplicate_charges, 0u);
  EXPECT_GT(requests_only.attempts, requests_only.intents);

  s.network.partitions = {cut};
  const RunResult keyed = RunScenario(s, Strategy("idempotency_key"));
  EXPECT_EQ(keyed.lost_payments, 0u);
  EXPECT_EQ(keyed.duplicate_charges, 0u);
}

TEST(PartitionWorldTest, ResponseWindowChargesEveryRequestAndRetriesChargeAgain) {
  Scenario s = PartitionWorld();  // 3 attempts
  const Partition cut{5 * kSecond, 10 * kSecond, PartitionDirection::kResponse};
  s.network.partitions = {cut};
  const std::vector<Time> arrivals = ArrivalTimes(s);
  const ConfiguredStrategy none = Strategy("none");
  World world(s, none);
  const RunResult r = world.Run();
  // Every request is charged; attempt k's response leaves 20 ms after it. Attempt 2 follows a
  // cut first response, attempt 3 a cut second one.
  std::uint64_t expected_duplicates = 0;
  for (std::uint32_t i = 0; i < s.intents; ++i) {
    const Time t = arrivals[i];
    const bool first_cut = Inside(t + 20 * kMillisecond, cut);
    const bool second_cut = first_cut && Inside(t + 1220 * kMillisecond, cut);
    const std::uint32_t charges = 1 + first_cut + second_cut;
    expected_duplicates += charges - 1;
    ASSERT_EQ(world.ledger().ChargesOf(i), charges) << "intent " << i;
  }
  EXPECT_GT(expected_duplicates, 15000u);  // about 10000 intents, most with two retries
  EXPECT_EQ(r.duplicate_charges, expected_duplicates);
  EXPECT_EQ(ByCause(r, RootCause::kClientRetry), expected_duplicates);
  EXPECT_EQ(r.lost_payments, 0u);
  EXPECT_EQ(r.charges, r.attempts);  // no request was cut

  const RunResult keyed = RunScenario(s, Strategy("idempotency_key"));
  EXPECT_EQ(keyed.duplicate_charges, 0u);
  EXPECT_EQ(keyed.lost_payments, 0u);
}

Scenario BurstyRequestWorld(double double_tap_probability) {
  Scenario s = QuietWorld(20000);
  s.client.max_attempts = 1;
  s.user.double_tap_probability = double_tap_probability;  // second taps 5 ms later, in flight
  s.network.request.loss_probability = 0.01;
  s.network.request.burst_time_fraction = 0.05;
  s.network.request.burst_length_mean = 2 * kSecond;
  s.network.request.burst_loss_probability = 1.0;
  return s;
}

std::vector<std::uint32_t> ChargesPerIntent(const Scenario& s, const char* strategy) {
  const ConfiguredStrategy configured = Strategy(strategy);
  World world(s, configured);
  world.Run();
  const auto charges = world.ledger().ChargesPerIntent();
  return {charges.begin(), charges.end()};
}

TEST(BurstWorldTest, TheSameIntentsLoseTheirFirstRequestUnderEveryStrategy) {
  const Scenario s = BurstyRequestWorld(0.3);
  const std::vector<std::uint32_t> none = ChargesPerIntent(s, "none");
  const std::vector<std::uint32_t> keyed = ChargesPerIntent(s, "idempotency_key");
  std::uint64_t lost = 0;
  for (std::uint32_t i = 0; i < s.intents; ++i) {
    // Without keys each delivered tap is a charge; with them, any delivered tap is one.
    ASSERT_EQ(keyed[i], std::min(none[i], 1u)) << "intent " << i;
    lost += none[i] == 0;
  }
  EXPECT_GT(lost, 500u);  // mostly bursts: 5% of the time, everything is lost

  // More traffic from others (double taps) must not change any intent's first request:
  // with them, an intent is charged as without, plus at most its own second tap.
  const std::vector<std::uint32_t> single_taps = ChargesPerIntent(BurstyRequestWorld(0), "none");
  for (std::uint32_t i = 0; i < s.intents; ++i) {
    ASSERT_GE(none[i], single_taps[i]) << "intent " << i;
    ASSERT_LE(none[i], single_taps[i] + 1) << "intent " << i;
  }
}

TEST(ReorderWorldTest, HoldUpsShorterThanTheTimeoutChangeNoCharge) {
  Scenario s = QuietWorld(20000);
  s.client.max_attempts = 1;
  s.network.request.loss_probability = 0.1;  // the only other fault
  const std::vector<std::uint32_t> plain = ChargesPerIntent(s, "none");
  // Held back up to 400 ms each way: every response still beats the 1 s timeout.
  for (LinkOptions* link : {&s.network.request, &s.network.response}) {
    link->reorder_probability = 0.2;
    link->reorder_extra_delay = std::make_shared<UniformDistribution>(0, 400 * kMillisecond);
  }
  const std::vector<std::uint32_t> held = ChargesPerIntent(s, "none");
  EXPECT_EQ(held, plain);
  const RunResult r = RunScenario(s, Strategy("none"));
  EXPECT_EQ(r.duplicate_charges, 0u);
  EXPECT_EQ(r.timeouts, r.lost_payments);  // only lost requests time out
}

TEST(NetworkFaultsWorldTest, AbsentKnobsChangeNothing) {
  // Bursts at time fraction 0, no hold-ups, partitions on neither link: the default world.
  Scenario s = QuietWorld(5000);
  s.network.response.loss_probability = 0.2;
  s.network.request.duplicate_probability = 0.05;
  const RunResult before = RunScenario(s, Strategy("none"));
  s.network.request.burst_length_mean = kSecond;  // ignored while the time fraction is 0
  s.network.partitions = {{kHour, kSecond, PartitionDirection::kBoth}};  // after the run
  testing::ExpectSameRun(RunScenario(s, Strategy("none")), before);
}

}  // namespace
}  // namespace dupsim
