// A scenario knob that was configured but never made anything happen in a run:
// the note that tells a user their requirement was not exercised. Filled by
// the runner (sim/run/idle_mechanisms.h); plain text here, so metrics and the
// reports need not know the scenario format.
#pragma once

#include <string>

namespace dupsim {

struct IdleMechanism {
  std::string mechanism;  // in words: "pay-agains", "retries"
  std::string key;        // the scenario key that configures it: "client.retry.max_attempts"
  std::string value;      // its configured value as the scenario states it: "3", "0.3"

  friend bool operator==(const IdleMechanism&, const IdleMechanism&) = default;
};

}  // namespace dupsim
