// The `network` section: burst loss, reordering and partitions land in their
// fields with the documented defaults, and every bad value is one InputError
// line pointing at the offending text.
#include <gtest/gtest.h>

#include "sim/scenario/scenario_loader.h"
#include "tests/scenario/load_error.h"

namespace dupsim {
namespace {

using testing::ErrorAfterBaseOf;
using testing::LoadAfterBase;

TEST(NetworkReaderTest, AbsentKnobsAreOff) {
  const Scenario s = LoadAfterBase("network: { request: { loss: 0.1 } }\n");
  for (const LinkOptions* link : {&s.network.request, &s.network.response}) {
    EXPECT_EQ(link->burst_time_fraction, 0.0);
    EXPECT_EQ(link->reorder_probability, 0.0);
    EXPECT_TRUE(link->partitions.empty());
    EXPECT_EQ(link->duplicate_probability, 0.0);
  }
  EXPECT_EQ(s.network.request.loss_probability, 0.1);
  EXPECT_TRUE(s.network.partitions.empty());
}

TEST(NetworkReaderTest, ReadsBurstLossReorderAndPartitions) {
  const Scenario s = LoadAfterBase(
      "network:\n"
      "  request:\n"
      "    loss: 0.001\n"
      "    burst_loss: { time_fraction: 0.02, mean_length: 1.5s, loss: 0.8 }\n"
      "    reorder: { probability: 0.01, extra_delay: { dist: constant, value: 2s } }\n"
      "  response:\n"
      "    burst_loss: { time_fraction: 0.1, mean_length: 300ms }\n"
      "  partitions:\n"
      "    - { start: 30s, duration: 10s, direction: both }\n"
      "    - { start: 0, duration: 250ms, direction: request }\n"
      "    - { start: 2m, duration: 1s }\n");
  const LinkOptions& request = s.network.request;
  EXPECT_EQ(request.loss_probability, 0.001);
  EXPECT_EQ(request.burst_time_fraction, 0.02);
  EXPECT_EQ(request.burst_length_mean, 1500 * kMillisecond);
  EXPECT_EQ(request.burst_loss_probability, 0.8);
  EXPECT_EQ(request.reorder_probability, 0.01);
  ASSERT_TRUE(request.reorder_extra_delay);
  EXPECT_EQ(request.reorder_extra_delay->Describe(), "constant(2s)");
  EXPECT_EQ(s.network.response.burst_time_fraction, 0.1);
  EXPECT_EQ(s.network.response.burst_length_mean, 300 * kMillisecond);
  EXPECT_EQ(s.network.response.burst_loss_probability, 1.0);  // a burst drops everything
  EXPECT_EQ(s.network.response.reorder_probability, 0.0);

  const std::vector<Partition>& p = s.network.partitions;
  ASSERT_EQ(p.size(), 3u);
  EXPECT_EQ(p[0].start, 30 * kSecond);
  EXPECT_EQ(p[0].duration, 10 * kSecond);
  EXPECT_EQ(p[0].direction, PartitionDirection::kBoth);
  EXPECT_EQ(p[1].start, 0);
  EXPECT_EQ(p[1].direction, PartitionDirection::kRequest);
  EXPECT_EQ(p[2].start, 2 * kMinute);
  EXPECT_EQ(p[2].direction, PartitionDirection::kBoth);  // the default
}

TEST(NetworkReaderTest, BurstLossErrors) {
  EXPECT_EQ(ErrorAfterBaseOf(
                "network:\n  request: { burst_loss: { time_fraction: 1, mean_length: 1s } }\n"),
            "x.yaml:5:43: network.request.burst_loss.time_fraction: must be < 1 (a link always in "
            "a burst is just `loss`), got 1");
  EXPECT_EQ(ErrorAfterBaseOf(
                "network:\n  request: { burst_loss: { time_fraction: 1.5, mean_length: 1s } }\n"),
            "x.yaml:5:43: network.request.burst_loss.time_fraction: probability must be in [0, 1], "
            "got 1.5");
  EXPECT_EQ(ErrorAfterBaseOf(
                "network:\n  request: { burst_loss: { time_fraction: 0.1, mean_length: 0 } }\n"),
            "x.yaml:5:61: network.request.burst_loss.mean_length: must be > 0, got 0");
  EXPECT_EQ(ErrorAfterBaseOf("network:\n  request: { burst_loss: { time_fraction: 0.1 } }\n"),
            "x.yaml:5:26: network.request.burst_loss.mean_length: required key is missing");
  EXPECT_EQ(
      ErrorAfterBaseOf("network:\n  request: { burst_loss: { time_fraction: 0.1, mean_length: 10, "
                       "loss: 1 } }\n"),
      "x.yaml:5:61: network.request.burst_loss.mean_length: expected a duration such as "
      "250ms, 3s or 2m, got '10': missing unit (us, ms, s, m, h)");
  EXPECT_EQ(ErrorAfterBaseOf("network:\n  response: { burst_loss: { rate: 0.1 } }\n"),
            "x.yaml:5:29: network.response.burst_loss.rate: unknown key (allowed here: "
            "time_fraction, mean_length, loss)");
}

TEST(NetworkReaderTest, ReorderErrors) {
  EXPECT_EQ(ErrorAfterBaseOf("network:\n  request: { reorder: { probability: 0.1 } }\n"),
            "x.yaml:5:23: network.request.reorder.extra_delay: required key is missing");
  EXPECT_EQ(
      ErrorAfterBaseOf("network:\n  request: { reorder: { probability: 2, extra_delay: { dist: "
                       "constant, value: 1s } } }\n"),
      "x.yaml:5:38: network.request.reorder.probability: probability must be in [0, 1], "
      "got 2");
  EXPECT_EQ(
      ErrorAfterBaseOf("network:\n  request: { reorder: { probability: 0.1, extra_delay: 1s } }\n"),
      "x.yaml:5:56: network.request.reorder.extra_delay: expected a distribution such as "
      "{ dist: lognormal, median: 40ms, p99: 300ms }, got '1s'");
}

TEST(NetworkReaderTest, PartitionErrors) {
  EXPECT_EQ(ErrorAfterBaseOf("network: { partitions: [ { start: 1s, duration: 0 } ] }\n"),
            "x.yaml:4:49: network.partitions[0].duration: must be > 0, got 0");
  EXPECT_EQ(ErrorAfterBaseOf("network: { partitions: [ { start: -1s, duration: 1s } ] }\n"),
            "x.yaml:4:35: network.partitions[0].start: expected a duration such as 250ms, 3s or "
            "2m, got '-1s': negative duration");
  EXPECT_EQ(ErrorAfterBaseOf("network: { partitions: [ { duration: 1s } ] }\n"),
            "x.yaml:4:26: network.partitions[0].start: required key is missing");
  EXPECT_EQ(ErrorAfterBaseOf("network:\n  partitions:\n    - { start: 1s, duration: 1s }\n"
                             "    - { start: 1s, duration: 1s, direction: up }\n"),
            "x.yaml:7:45: network.partitions[1].direction: expected one of request, response, "
            "both; got 'up'");
  EXPECT_EQ(ErrorAfterBaseOf("network: { partitions: { start: 1s } }\n"),
            "x.yaml:4:24: network.partitions: expected a list, got a map");
  EXPECT_EQ(
      ErrorAfterBaseOf("network: { partition: [] }\n"),
      "x.yaml:4:12: network.partition: unknown key; did you mean 'partitions'? (allowed here: "
      "request, response, "
      "partitions)");
  EXPECT_EQ(ErrorAfterBaseOf("network:\n  request: { reorder_probability: 0.1 }\n"),
            "x.yaml:5:14: network.request.reorder_probability: unknown key (allowed here: "
            "latency, loss, burst_loss, reorder, duplicate)");
}

}  // namespace
}  // namespace dupsim
