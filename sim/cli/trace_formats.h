// `dupsim trace --format`: the writers of sim/trace by name, in the one registry pattern of
// every `--format` (reports/format_registry.h), so that trace chooses its format as `run`
// and `explain` choose theirs.
#pragma once

#include <ostream>
#include <span>

#include "reports/format_registry.h"
#include "sim/engine/trace_sink.h"
#include "sim/trace/chrome_trace_writer.h"

namespace dupsim {

// Writes every record; `metadata` says what run they are of, for the formats that carry it.
using TraceRenderer = void (*)(std::span<const TraceRecord> records, const TraceMetadata& metadata,
                               std::ostream& out);

// chrome, jsonl: in that order in help and errors.
const FormatRegistry<TraceRenderer>& TraceFormats();

}  // namespace dupsim
