// Reads the `server` section of a scenario: processing time, replicas, workers
// and queues, and crashes. Keys, defaults and ranges are documented in
// scenarios/README.md under `server`.
#pragma once

#include "sim/scenario/scenario.h"
#include "sim/scenario/yaml_value.h"

namespace dupsim {

// `server` with the keys given in `value` applied; absent keys keep its values.
// Throws InputError for an unknown, repeated or missing key and for a bad value.
Scenario::Server ReadServer(const YamlValue& value, Scenario::Server server);

// The `load_balancer` section: present means enabled.
LoadBalancerOptions ReadLoadBalancer(const YamlValue& value);

}  // namespace dupsim
