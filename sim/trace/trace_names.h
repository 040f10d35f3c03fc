// Names of a trace's lanes and kinds for `dupsim trace` (sim/model/trace_event.h):
// a stable snake_case identifier for files and scripts ("load_balancer",
// "attempt_sent") and a short English label for viewers ("Load balancer",
// "attempt sent"). One table each; a value outside the enums (a newer or
// corrupt record) is "unknown". Also the names of the small enums some kinds
// carry in their detail (a response status, an admission, ...).
//
// These are identifiers and trace labels only: `dupsim explain` tells the story
// in words from its own tables.
#pragma once

#include <cstdint>
#include <string_view>

#include "sim/model/trace_event.h"

namespace dupsim {

std::string_view LaneName(Lane lane);   // "user", "app", ..., "back_office"
std::string_view LaneLabel(Lane lane);  // "User", "App", ..., "Back office"

std::string_view KindName(TraceKind kind);   // "tap", "attempt_sent", "charged", ...
std::string_view KindLabel(TraceKind kind);  // "tap", "attempt sent", "charged", ...

// The raw fields of a TraceRecord, for records read back as numbers.
inline Lane LaneOf(std::uint8_t lane) {
  return static_cast<Lane>(lane);
}
inline TraceKind KindOf(std::uint16_t kind) {
  return static_cast<TraceKind>(kind);
}

// What the detail of some kinds holds, by the enums' numeric values (snake_case):
std::string_view ResponseStatusName(std::uint32_t status);  // ok, rejected, gateway_timeout, ...
std::string_view PaymentStatusName(std::uint32_t status);   // charged, not_found, unknown
std::string_view AdmissionName(std::uint32_t admission);    // process, wait_for_first, ...
std::string_view DedupMissName(std::uint32_t miss);         // none, key_expired, ...

}  // namespace dupsim
