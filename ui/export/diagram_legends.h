#pragma once
// The legends an exported diagram carries beside the scene (the topology scene draws its own).

#include <vector>

#include "export/diagram_sheet.h"
#include "role_palette.h"

namespace cf::ui {

class FloorPlanScene;

// The role colours of `roles` (in that order) and the hatching of a full-depth device seen from
// its other face: what a rack elevation needs to be read on paper.
SheetLegend role_legend(const std::vector<Role>& roles);

// The floor plan's load scale and its note (FloorPlanScene::paint_legend); `scene` must outlive
// the legend.
SheetLegend floor_legend(const FloorPlanScene& scene);

}  // namespace cf::ui
