// A story as a sequence diagram, drawn by no one yet: which lanes take part and
// one step per row, an arrow between two lanes or a note on one, labelled in
// the chosen language. The text, Mermaid and SVG renderers all draw this, so
// they always tell the same story.
//
// The parties report what they did; a diagram wants messages to travel, so a
// few records are redrawn: a request goes App -> Network -> Server, a reply
// Server -> Network -> App, a lost message is an arrow from the network that
// never arrives, and a key-store decision is shown only where a key store is.
#pragma once

#include <span>
#include <string>
#include <vector>

#include "sim/engine/trace_sink.h"
#include "sim/explain/explain_text.h"
#include "sim/model/trace_event.h"

namespace dupsim {

enum class StepStyle {
  kMessage,    // an arrow that arrives
  kLost,       // an arrow that never arrives (its message was lost)
  kLate,       // an arrow that arrives too late to be read: discarded
  kNote,       // something a party did on its own
  kTrouble,    // the same, where things go wrong: a timeout, a crash, a copy
  kCharge,     // the intent's first charge
  kDuplicate,  // a charge beyond the first
};

struct DiagramStep {
  Time at = 0;  // since the first tap
  Lane from = Lane::kUser;
  Lane to = Lane::kUser;  // == from for a note
  std::string label;
  StepStyle style = StepStyle::kMessage;

  bool IsNote() const { return from == to; }
};

struct SequenceDiagram {
  std::vector<Lane> lanes;  // those that take part, left to right
  std::vector<DiagramStep> steps;
};

struct DiagramOptions {
  bool uses_key_store = false;     // key-store decisions are worth an arrow
  bool has_load_balancer = false;  // requests travel through it
};

// When the story's first tap happened (its first record's time if it has none): every time
// shown counts from there, the moment the user meant to pay.
Time FirstTapAt(std::span<const TraceRecord> story);

SequenceDiagram BuildSequenceDiagram(std::span<const TraceRecord> story,
                                     const DiagramOptions& options, const ExplainText& text);

// The lane's column in the diagram (its index in `lanes`). Precondition: it takes part.
std::size_t ColumnOf(const SequenceDiagram& diagram, Lane lane);

}  // namespace dupsim
