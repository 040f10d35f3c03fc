// The client layer of a strategy: what the app does with a tap on Pay (let it
// through, swallow it, refuse it, ask first), and how the app is set up for the
// run (its idempotency key scheme, a review screen, status queries before a
// retry). The client app (fakes/client_app.h) asks the setup once and calls the
// tap hooks per tap, in that order: AdmitTap, then BlockTap, then PromptBeforeTap.
#pragma once

#include <cstdint>
#include <optional>

#include "sim/engine/virtual_time.h"
#include "sim/model/ids.h"

namespace dupsim {

// A tap on the Pay button of one checkout page.
struct TapContext {
  IntentId intent = 0;
  std::uint32_t checkout = 0;   // 0: the first page; n: the n-th time the user paid again
  std::uint32_t tap_index = 0;  // 0 for the first tap on this page
  Time now = 0;
  Time first_tap_at = 0;      // when the first tap on this page happened
  bool page_waiting = false;  // an attempt from this page awaits its response (not timed out)
  std::uint32_t payer = 0;    // who pays; the app knows its own user
  std::int64_t amount = 0;    // cents
  // The app showed success for the payment of this payer's previous Pay tap (a real repeat
  // after a success screen; not a second tap, nor a pay-again after no answer).
  bool previous_tap_shown_paid = false;
};

// "You paid this 40 s ago. Pay again?": shown before an admitted tap submits. The
// user answers after `answer_time`; a tap they did not mean (the second of a double
// tap) is confirmed anyway with `mistaken_yes`, one they meant (a first tap: a first
// payment, a pay-again, a real repeat) is refused with `mistaken_no`.
struct RepeatPrompt {
  Time answer_time = 0;
  double mistaken_yes = 0;
  double mistaken_no = 0;
};

// A review screen between Pay and the charge ("Confirm payment of 12.00?"): taps on Pay
// open it and further taps on Pay land on it harmlessly; the user taps Confirm after
// `review_time`. The Confirm tap is doubled with the scenario's double-tap probability
// times `double_tap_ratio`; the user leaves the screen instead with `abandon_probability`.
struct ReviewStep {
  Time review_time = 0;
  double double_tap_ratio = 0;
  double abandon_probability = 0;
};

// Which idempotency key the app sends. One value, so two schemes cannot both be asked for.
enum class KeyScheme : std::uint8_t {
  kAsConfigured,     // the scenario's client.key_scope decides
  kFreshPerAttempt,  // a new key on every attempt, whatever the scope (the common bug)
  kPerOrder,         // one key for every page of an intent: an order number fixed before the
                     // first page, so paying again reuses the order (order_id)
};

// How the app (and its user) work for the whole run; asked once, before the first tap.
struct AppSetup {
  KeyScheme key_scheme = KeyScheme::kAsConfigured;
  // Ask for the payment's status before each retry, and show success instead of retrying
  // when the charge is there (query_before_retry).
  bool query_before_retry = false;
  // Every user about to pay again looks the payment up first, whatever the scenario's
  // user.status_query probability (query_before_retry with asks: app_and_user).
  bool users_query_before_paying_again = false;
  std::optional<ReviewStep> review;  // a review step before every payment
};

class AppDefence {
 public:
  virtual AppSetup Setup() const { return {}; }

  // Whether this tap starts a submission (false swallows it).
  virtual bool AdmitTap(const TapContext& tap) {
    (void)tap;
    return true;
  }

  // For a tap AdmitTap let through: true refuses it as a likely accidental repeat (the app
  // says so; nothing is sent). Counts as a block for a payment the user meant.
  virtual bool BlockTap(const TapContext& tap) {
    (void)tap;
    return false;
  }

  // For a tap AdmitTap let through and BlockTap did not: ask the user first, or not.
  virtual std::optional<RepeatPrompt> PromptBeforeTap(const TapContext& tap) {
    (void)tap;
    return std::nullopt;
  }

 protected:
  ~AppDefence() = default;
};

}  // namespace dupsim
