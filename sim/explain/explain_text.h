// Every word `dupsim explain` shows, in one table per language: lane names,
// step labels, narrative templates, headings. Renderers never spell a word
// themselves, so a language is complete when its table is, and a test can
// check that no entry is missing.
//
// Templates name their figures in braces ("attempt {attempt} lost"); Fill()
// puts the story's values in. A figure a template does not use is ignored.
#pragma once

#include <array>
#include <initializer_list>
#include <span>
#include <string>
#include <string_view>
#include <utility>

#include "metrics/root_cause.h"
#include "sim/engine/duration_text.h"
#include "sim/model/trace_event.h"

namespace dupsim {

enum class ExplainLanguage { kEnglish, kChinese };

struct ExplainText {
  std::string_view tag;  // BCP 47, for the HTML page: "en", "zh-Hans"

  std::array<std::string_view, kLaneCount> lane;        // indexed by Lane
  std::array<std::string_view, kLaneCount> lane_short;  // when columns are narrow

  // Durations in sentences: the words after the number, the space before them included, as
  // sim/engine/duration_text.h's DurationMillisToHoursInWords puts them (" ms").
  DurationUnitWords duration_units;

  // Response statuses as arrow labels, indexed by ResponseStatus.
  std::array<std::string_view, 5> response_status;
  // Payment statuses in look-up answers, indexed by PaymentStatus.
  std::array<std::string_view, 3> payment_status;

  // Where a request came from, the {from} of request labels; empty for the first page's first tap.
  std::string_view from_second_tap;  // " (tap 2)"
  std::string_view from_page;        // " (page {page})"
  std::string_view from_scam_page;   // " (scammer's page)"

  // Steps, by the party that acts.
  std::string_view tap, tap_again;
  std::string_view confirm_tap, confirm_tap_again;  // Confirm on a review screen
  std::string_view patience_over;
  std::string_view pay_again;
  std::string_view status_lookup, status_answer;
  std::string_view scammed;
  std::string_view told_paid;
  std::string_view tap_swallowed, tap_blocked;
  std::string_view prompt_shown, prompt_yes, prompt_no;
  std::string_view review_shown, review_left;
  std::string_view attempt_sent, attempt_timed_out;
  std::string_view response, late_response;
  std::string_view answered_response;  // another response to an attempt already answered
  std::string_view retry_wait, gave_up;
  std::string_view show_success;
  std::string_view show_processing;  // a success the app does not call "paid"
  std::string_view app_status_query, app_status_answer;
  std::string_view request_lost, response_lost, cut_by_partition;
  std::string_view request_copied, response_copied;
  std::string_view request_held, response_held;  // reordered: "{wait}" longer on the way
  std::string_view proxy_try, proxy_retry, gateway_timeout;
  std::string_view balancer_drops;  // a reply to a try the balancer had given up on
  std::string_view request_arrived, copy_arrived;
  std::string_view request_shed;
  std::string_view request_refused;  // its replica is down
  // Admission, indexed by sim/model/strategy.h Admission; then why a seen key was missed,
  // indexed by DedupMiss (kNone: empty).
  std::array<std::string_view, 5> admission;
  std::array<std::string_view, 4> dedup_miss;
  std::string_view committed, committed_then_crash;
  std::string_view charge, duplicate_charge;
  std::string_view queue_redelivered;
  std::string_view queue_redelivery_dropped;  // the consumer's inbox knew it: no charge
  std::string_view replied, replayed;
  std::string_view killed;
  std::string_view refunded;
  std::string_view notification_sent, notification_lost, notification_delivered,
      notification_ignored;

  // Root causes as people say them, indexed by RootCause.
  std::array<std::string_view, kRootCauseCount> cause;

  // Narratives, one per root cause: why the second charge happened, from the figures
  // Narrative() computes (sim/explain/narrative.h lists them).
  std::array<std::string_view, kRootCauseCount> narrative;
  // Phrases some narratives are built from.
  std::string_view fate_lost, fate_late, fate_gateway,
      fate_unknown;  // the charged attempt's answer
  std::string_view confirmation_lost, confirmation_late, confirmation_none;
  std::string_view app_said_processing;  // after {confirmation}, when the app said "processing"
  std::string_view lookup_said;          // "{status}"
  // What made the client repeat (key_expired, replication_lag, concurrent_in_flight).
  std::string_view repeat_tap, repeat_retry, repeat_page, repeat_copy, repeat_other;
  std::string_view prevented_by;  // "{strategies}"
  std::string_view prevented_by_none;
  std::string_view list_separator;
  std::string_view sentence_gap;  // between two sentences: a space in English, none in Chinese

  // Headings and the counterfactual table.
  std::string_view
      title;  // "{scenario} under {strategy}: intent {intent}, charged {charges} times"
  std::string_view subtitle;        // "seed {seed}, {intents} intents; ... {nth} of {count} ..."
  std::string_view subtitle_cause;  // the same, counting only intents of one {cause}
  std::string_view legend;          // what the text diagram's marks mean
  std::string_view diagram_heading, why_heading, counterfactual_heading, counterfactual_note;
  std::string_view column_strategy, column_this_intent, column_prevented, column_dup_rate,
      column_false_blocks, column_prompts, column_extra_p50;
  std::string_view charged_times;    // "{n}×"
  std::string_view extra_time_unit;  // "ms": after the extra p50's signed figure ("+0.1ms")
  std::string_view refunded_some;    // ", {n} refunded"
  std::string_view verdict_explained, verdict_prevented, verdict_not_prevented,
      verdict_never_charged;
  std::string_view absent;  // a figure with nothing to compare

  // What each built-in strategy does, in a few words, indexed as GlossedStrategies() lists
  // them; and how a strategy's label is shown with its gloss: "{strategy}" in English,
  // whose readers read the names, "{strategy}（{gloss}）" in Chinese.
  std::array<std::string_view, 13> strategy_gloss;
  std::string_view strategy_shown;
};

const ExplainText& ExplainTextFor(ExplainLanguage language);

// The built-in strategies' names, in the order of ExplainText::strategy_gloss.
std::span<const std::string_view> GlossedStrategies();

// A strategy's label ("client_debounce(window=1s)") as the language shows it: with the gloss
// of its name where the language wants one ("client_debounce(window=1s)（客户端防抖）"); a
// name with no gloss (a plugin's, a stack) as it is.
std::string StrategyShown(std::string_view label, const ExplainText& text);

// `pattern` with each "{name}" replaced by its value; unknown names stay as they are.
std::string Fill(std::string_view pattern,
                 std::initializer_list<std::pair<std::string_view, std::string>> figures);

}  // namespace dupsim
