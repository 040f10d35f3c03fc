// Reads the `user` keys that model what people do besides tapping and waiting:
// `status_query` (look the payment up before paying again), `legitimate_repeat`
// (pay the same payee the same amount again, on purpose) and `fraud` (scammed
// into paying again). Keys, defaults and ranges are documented in
// scenarios/README.md under `user`.
#pragma once

#include "sim/scenario/scenario.h"
#include "sim/scenario/yaml_map_reader.h"

namespace dupsim {

// Applies those keys of the `user` map to `user`; absent keys keep its values.
// Throws InputError for an unknown, repeated or missing key and for a bad value.
void ReadUserBehaviour(const YamlMapReader& user_map, Scenario::User& user);

}  // namespace dupsim
