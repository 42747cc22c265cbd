#pragma once
// Where the GUI's own work off the GUI thread runs: analyses, snapshots, layouts, projections,
// bills of materials, samples being read. Not QThreadPool::globalInstance(): Qt's raster engine
// fills large areas in parallel in that pool and the GUI thread waits for those fills, so a long
// job there held up the painting of a frame until it ended (a second and more at 100,000 GPUs).

class QThreadPool;

namespace cf::ui {

QThreadPool* background_pool();

}  // namespace cf::ui
