// The ids every layer names a payment by: the intent (one thing a user means to pay for) and
// the idempotency key its requests carry. Here, below the parties and the strategies, so
// that naming a payment does not mean depending on the Strategy interface.
#pragma once

#include <cstdint>

namespace dupsim {

using IntentId = std::uint32_t;
using IdempotencyKey = std::uint64_t;  // 0 means "the client sent no key"

}  // namespace dupsim
