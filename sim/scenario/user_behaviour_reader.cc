#include "sim/scenario/user_behaviour_reader.h"

#include "sim/scenario/distribution_registry.h"

namespace dupsim {
namespace {

DistributionPtr ReadRequiredDistribution(const YamlMapReader& map, std::string_view key) {
  return DistributionRegistry::Builtin().Read(map.Get(key));
}

// `status_query: { probability: 0.5, latency: { dist: constant, value: 2s }, failure: 0.1,
//                 stale_by: 500ms }`
void ReadStatusQuery(const YamlValue& value, Scenario::User& user) {
  const YamlMapReader reader(value, {"probability", "latency", "failure", "stale_by"});
  user.status_query_probability = reader.Get("probability").Probability();
  user.status_query.latency = ReadRequiredDistribution(reader, "latency");
  user.status_query.failure_probability =
      reader.Probability("failure", user.status_query.failure_probability);
  if (auto stale_by = reader.Find("stale_by")) user.status_query.stale_by = stale_by->Duration();
}

// `legitimate_repeat: { probability: 0.02, gap: { dist: exponential, mean: 10m } }`
void ReadLegitimateRepeat(const YamlValue& value, Scenario::User& user) {
  const YamlMapReader reader(value, {"probability", "gap"});
  user.legitimate_repeat.probability = reader.Get("probability").Probability();
  user.legitimate_repeat.gap = ReadRequiredDistribution(reader, "gap");
}

// `fraud: { probability: 0.001, delay: { dist: uniform, min: 1m, max: 1h } }`
void ReadFraud(const YamlValue& value, Scenario::User& user) {
  const YamlMapReader reader(value, {"probability", "delay"});
  user.fraud.probability = reader.Get("probability").Probability();
  user.fraud.delay = ReadRequiredDistribution(reader, "delay");
}

}  // namespace

void ReadUserBehaviour(const YamlMapReader& user_map, Scenario::User& user) {
  if (auto status_query = user_map.Find("status_query")) ReadStatusQuery(*status_query, user);
  if (auto repeat = user_map.Find("legitimate_repeat")) ReadLegitimateRepeat(*repeat, user);
  if (auto fraud = user_map.Find("fraud")) ReadFraud(*fraud, user);
}

}  // namespace dupsim
