// The answer to "did my payment go through?" (fakes/status_query_service.h), which the
// parties act on and the trace names (sim/trace/trace_names.h).
#pragma once

#include <cstdint>

namespace dupsim {

enum class PaymentStatus : std::uint8_t {
  kCharged,   // the ledger holds a charge for the intent
  kNotFound,  // it holds none (yet)
  kUnknown,   // the query failed
};

}  // namespace dupsim
