#pragma once
// The topology of a design's compute fabrics as a draw.io / diagrams.net file (.drawio): an
// uncompressed <mxfile> with one <diagram> page per fabric, whose <mxGraphModel> holds a vertex
// per node of the topology view's layout at the very place the view draws it, filled in the same
// role colours, and an edge per merged link bundle from the lower node's top to the upper node's
// bottom, as wide as the view draws it, labelled "links × rate", the minimum cut dashed. Labels
// and tooltips are the view's (cells are <UserObject>s so that draw.io shows the tooltips), so a
// user can open the diagram and edit it.

#include <string>
#include <string_view>

#include "analysis/design_report.h"
#include "catalog/catalog.h"
#include "design/design.h"

namespace cf {

// One compute fabric (`fabric_id`; empty: the first). Throws ExportError when there is none.
std::string fabric_to_drawio(const Design& design, const Catalog& catalog, const DesignReport& report,
                             const std::string& fabric_id = {});

// Every compute fabric, one page each. Throws ExportError when there is none.
std::string fabrics_to_drawio(const Design& design, const Catalog& catalog, const DesignReport& report);

// Text for an XML attribute value: & < > " ' escaped, line breaks and tabs as character
// references, other characters XML 1.0 forbids dropped.
std::string xml_attribute(std::string_view text);

}  // namespace cf
