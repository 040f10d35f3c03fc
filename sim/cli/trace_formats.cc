#include "sim/cli/trace_formats.h"

#include "sim/trace/jsonl_trace_writer.h"

namespace dupsim {

const FormatRegistry<TraceRenderer>& TraceFormats() {
  static const FormatRegistry<TraceRenderer> formats = [] {
    FormatRegistry<TraceRenderer> r;
    r.Add("chrome", [](std::span<const TraceRecord> records, const TraceMetadata& metadata,
                       std::ostream& out) { WriteChromeTrace(records, metadata, out); });
    // JSON Lines are the steps alone: a script knows what it ran.
    r.Add("jsonl", [](std::span<const TraceRecord> records, const TraceMetadata&,
                      std::ostream& out) { WriteJsonlTrace(records, out); });
    return r;
  }();
  return formats;
}

}  // namespace dupsim
