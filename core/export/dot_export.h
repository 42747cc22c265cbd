#pragma once
// The topology of a design's compute fabric as Graphviz DOT (https://graphviz.org/doc/info/lang.html),
// built from the topology view's own layout so that `dot -Tsvg` draws what the screen shows: one
// `rank=same` subgraph per tier (its title at the left), nodes that may stand for a group of
// devices labelled with name, model and counts and filled in the view's role colours, edges
// (links merged per pair of nodes) labelled "links × rate" and as wide as the view draws them,
// the links of the minimum bisection cut dashed. Nodes and edges carry the view's tooltips.

#include <string>

#include "analysis/design_report.h"
#include "catalog/catalog.h"
#include "design/design.h"

namespace cf {

// One compute fabric (`fabric_id`; empty: the first). Throws ExportError when there is none.
std::string fabric_to_dot(const Design& design, const Catalog& catalog, const DesignReport& report,
                          const std::string& fabric_id = {});

// Every compute fabric, each in a cluster of one graph. Throws ExportError when there is none.
std::string fabrics_to_dot(const Design& design, const Catalog& catalog, const DesignReport& report);

// A DOT double-quoted string: `"` and `\` escaped, line breaks as `\n` (centred lines), other
// control characters dropped.
std::string dot_quote(std::string_view text);

}  // namespace cf
