// Why the second charge happened, in a few sentences: the language's template
// for the duplicate's root cause, filled with the story's own figures, then
// which strategies would have prevented it (from the counterfactual runs).
//
// Figures the templates may use: {first_at} {dup_at} (the two charges, as
// offsets from the first tap, in time order), {gap} (between them),
// {first_attempt} {dup_attempt} (the original attempt and its repeat, in the
// app's order), {tap_gap} (double_tap), {arrived_at} {fate} {timeout}
// {backoff} (client_retry, crash_replay), {confirmation} {processing} {patience} {lookup}
// (user_repay_no_confirmation), {copy_gap} (network_duplicate), {repeat}
// {arrival_gap} (what the client repeated, and how long after the first
// request it arrived: key_expired, replication_lag, concurrent_in_flight), {try_gap} (proxy_retry),
// {told_at} {scam_at} (fraud_induced), {commit_at} {delivery} (queue_redelivery).
#pragma once

#include <string>

#include "sim/explain/explain_text.h"
#include "sim/explain/explanation.h"

namespace dupsim {

std::string Narrative(const Explanation& explanation, const ExplainText& text);

}  // namespace dupsim
