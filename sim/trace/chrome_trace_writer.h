// `dupsim trace --format chrome`: a run's trace records as Chrome Trace Event
// Format JSON (object form), which Perfetto (ui.perfetto.dev) and
// chrome://tracing open:
//
//   {"traceEvents":[
//   {"name":"process_name","ph":"M","pid":1,"tid":0,"args":{"name":"dupsim: ..."}},
//   {"name":"thread_name","ph":"M","pid":1,"tid":1,"args":{"name":"User"}},
//   {"name":"thread_sort_index","ph":"M","pid":1,"tid":1,"args":{"sort_index":0}},
//   ...
//   {"name":"attempt sent","cat":"attempt_sent","ph":"i","s":"t","ts":20512,"pid":1,"tid":2,
//    "args":{"intent":0,"checkout":0,"tap":0,"attempt":1,"peer":"Server"}},
//   ...],
//   "displayTimeUnit":"ms",
//   "otherData":{"tool":"dupsim","version":"0.1.0","scenario":...,"strategy":...,...}}
//
// - One track (thread) per party in pid 1: tid = Lane + 1 (tid 0 is left out, as trace
//   viewers treat it as the idle thread), named by a thread_name record and kept in lane
//   order by thread_sort_index, for every lane the trace uses.
// - Every record is one thread-scoped instant event ("ph":"i", "s":"t") on the track of the
//   party that acted (its lane), at ts = virtual time in microseconds, in record order (so ts
//   never decreases). Its name is the kind in words, refined by the detail where that tells
//   the story ("response lost", "charged (duplicate: client_retry)", "admission (process)");
//   cat is the kind's snake_case name; args hold intent, checkout, tap, attempt, the peer when
//   it is another party, and the detail decoded (status, replica, ordinal, ...;
//   sim/trace/trace_detail.h, the JSON Lines "detail" object).
// - Every HTTP attempt that ended, attempt_sent paired with its response or attempt_timed_out
//   by (intent, checkout, tap, attempt), is also an async span ("ph":"b"/"e", cat "http",
//   name "HTTP attempt", one id per attempt) of the App track's process: async, not complete
//   ("X") events, because the attempts of concurrent intents overlap without nesting.
//
// One event per line; bytes depend only on the records and the metadata.
#pragma once

#include <cstdint>
#include <ostream>
#include <span>
#include <string>

#include "sim/engine/trace_sink.h"
#include "sim/engine/virtual_time.h"

namespace dupsim {

// What the trace is of, for its otherData (and the process's name).
struct TraceMetadata {
  std::string tool_version;
  std::string scenario;  // its name
  std::string source;    // the file, or "<bundled>/x.yaml"
  std::string strategy;  // the strategy's label: "client_debounce(window=1s)"
  std::uint64_t seed = 0;
  std::uint64_t intents = 0;
  Time virtual_end = 0;  // when the run's last event fired
};

void WriteChromeTrace(std::span<const TraceRecord> records, const TraceMetadata& metadata,
                      std::ostream& out);

// The name of a record's instant event: "attempt sent", "response lost",
// "charged (duplicate: double_tap)".
std::string TraceEventName(const TraceRecord& record);

}  // namespace dupsim
