#include "sim/scenario/network_reader.h"

#include <string>

#include "sim/scenario/distribution_registry.h"
#include "sim/scenario/yaml_map_reader.h"

namespace dupsim {
namespace {

DistributionPtr ReadDistribution(const YamlMapReader& map, std::string_view key,
                                 DistributionPtr fallback) {
  auto value = map.Find(key);
  return value ? DistributionRegistry::Builtin().Read(*value) : fallback;
}

// `burst_loss: { time_fraction: 0.01, mean_length: 2s, loss: 0.9 }`
void ReadBurstLoss(const YamlValue& value, LinkOptions& link) {
  const YamlMapReader reader(value, {"time_fraction", "mean_length", "loss"});
  const YamlValue fraction = reader.Get("time_fraction");
  link.burst_time_fraction = fraction.Probability();
  if (link.burst_time_fraction >= 1) {
    fraction.Fail("must be < 1 (a link always in a burst is just `loss`), got " +
                  fraction.node().Scalar());
  }
  const YamlValue length = reader.Get("mean_length");
  link.burst_length_mean = length.Duration();
  if (link.burst_length_mean == 0) length.Fail("must be > 0, got " + length.node().Scalar());
  link.burst_loss_probability = reader.Probability("loss", link.burst_loss_probability);
}

// `reorder: { probability: 0.01, extra_delay: { dist: exponential, mean: 500ms } }`
void ReadReorder(const YamlValue& value, LinkOptions& link) {
  const YamlMapReader reader(value, {"probability", "extra_delay"});
  link.reorder_probability = reader.Get("probability").Probability();
  link.reorder_extra_delay = DistributionRegistry::Builtin().Read(reader.Get("extra_delay"));
}

LinkOptions ReadLink(const YamlValue& value, LinkOptions link) {
  const YamlMapReader reader(value, {"latency", "loss", "burst_loss", "reorder", "duplicate"});
  link.latency = ReadDistribution(reader, "latency", link.latency);
  link.loss_probability = reader.Probability("loss", link.loss_probability);
  if (auto burst_loss = reader.Find("burst_loss")) ReadBurstLoss(*burst_loss, link);
  if (auto reorder = reader.Find("reorder")) ReadReorder(*reorder, link);
  link.duplicate_probability = reader.Probability("duplicate", link.duplicate_probability);
  return link;
}

// `{ start: 30s, duration: 10s, direction: both }`
Partition ReadPartition(const YamlValue& value) {
  const YamlMapReader reader(value, {"start", "duration", "direction"});
  Partition partition;
  // Durations are never negative (the duration parser rejects "-1s"), so start >= 0 holds.
  partition.start = reader.Get("start").Duration();
  const YamlValue duration = reader.Get("duration");
  partition.duration = duration.Duration();
  if (partition.duration == 0) duration.Fail("must be > 0, got " + duration.node().Scalar());
  if (auto direction = reader.Find("direction")) {
    constexpr PartitionDirection kByIndex[] = {
        PartitionDirection::kRequest, PartitionDirection::kResponse, PartitionDirection::kBoth};
    partition.direction = kByIndex[direction->Choice({"request", "response", "both"})];
  }
  return partition;
}

std::vector<Partition> ReadPartitions(const YamlValue& value) {
  std::vector<Partition> partitions;
  for (const YamlValue& item : value.Items()) partitions.push_back(ReadPartition(item));
  return partitions;
}

}  // namespace

Scenario::Network ReadNetwork(const YamlValue& value, Scenario::Network network) {
  const YamlMapReader reader(value, {"request", "response", "partitions"});
  if (auto request = reader.Find("request")) network.request = ReadLink(*request, network.request);
  if (auto response = reader.Find("response")) {
    network.response = ReadLink(*response, network.response);
  }
  if (auto partitions = reader.Find("partitions")) network.partitions = ReadPartitions(*partitions);
  return network;
}

}  // namespace dupsim
