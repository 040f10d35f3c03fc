// What a scenario is about: the four causes of duplicate payments people meet in
// practice (scenarios/README.md, "The model"). A scenario names one with the
// top-level key `cause`; `dupsim list` groups the bundled scenarios by it.
#pragma once

#include <array>
#include <cstdint>
#include <string_view>

namespace dupsim {

enum class Cause : std::uint8_t {
  kTechnicalFault,       // lost responses, timeouts, retries, proxies, crashes, key stores
  kUserMisoperation,     // double taps and other slips of the user
  kDelayedConfirmation,  // nothing told the user the first payment worked, so they paid again
  kFraud,                // a scammer talked the user into paying again
};

// Every cause, in the order listings show them.
inline constexpr std::array<Cause, 4> kAllCauses = {
    Cause::kTechnicalFault, Cause::kUserMisoperation, Cause::kDelayedConfirmation, Cause::kFraud};

// The YAML spelling: "technical_fault", "user_misoperation", "delayed_confirmation", "fraud".
constexpr std::string_view CauseName(Cause cause) {
  switch (cause) {
    case Cause::kTechnicalFault:
      return "technical_fault";
    case Cause::kUserMisoperation:
      return "user_misoperation";
    case Cause::kDelayedConfirmation:
      return "delayed_confirmation";
    case Cause::kFraud:
      return "fraud";
  }
  return "?";
}

// For people: "technical fault", "user misoperation", ...
constexpr std::string_view CauseTitle(Cause cause) {
  switch (cause) {
    case Cause::kTechnicalFault:
      return "technical fault";
    case Cause::kUserMisoperation:
      return "user misoperation";
    case Cause::kDelayedConfirmation:
      return "delayed confirmation";
    case Cause::kFraud:
      return "fraud";
  }
  return "?";
}

}  // namespace dupsim
