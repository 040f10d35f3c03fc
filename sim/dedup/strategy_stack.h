// A stack of strategies working together as one: `{ stack: [client_debounce,
// idempotency_key, reconcile_and_refund] }`, defences on the client, the server
// and after the fact, reported as one strategy. Layers act in the order listed,
// like middleware: a tap or request goes through each layer's hook until one
// stops it, and a layer after it never sees what an earlier one stopped.
#pragma once

#include <vector>

#include "sim/dedup/strategy_registry.h"
#include "sim/input/input_error.h"

namespace dupsim {

struct StackLayer {
  ConfiguredStrategy strategy;
  SourcePos pos;         // where the layer was named, for errors
  std::string key_path;  // "strategies[0].stack[1]"
};

// Throws InputError (at the offending layer) for an empty stack, a layer listed twice, two
// layers that claim keys in the server's key store, or client key schemes that contradict
// each other (fresh key per attempt and one key per order), or two review steps or inboxes.
// The stack's name joins its layers' names with "+", its label their labels with " + ".
ConfiguredStrategy MakeStrategyStack(std::vector<StackLayer> layers, const SourcePos& pos,
                                     const std::string& key_path);

}  // namespace dupsim
