#pragma once
// What the GUI benchmarks share: the designs they open, the catalog, and waiting for the event
// loop to reach a state (a paint, an analysis, a layout) without a user.

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QString>
#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <functional>

#include "catalog/catalog_loader.h"

namespace cf::bench {

// The 1920 × 1080 the overview must draw in (issue 8: a typical window size).
inline constexpr int kFrameWidth = 1920, kFrameHeight = 1080;

// The generated 100,000-GPU sample of the build tree; $CF_SAMPLE_100K overrides it (a copy
// elsewhere, so that rebuilding the sample does not disturb a run).
inline QString sample_100k() {
  if (const char* path = std::getenv("CF_SAMPLE_100K"); path && *path) return QString::fromLocal8Bit(path);
  return QStringLiteral(CF_SAMPLE_100K);
}

inline QString sample_superpod() {
  return QStringLiteral(CF_SOURCE_DIR "/samples/dgx-h100-superpod-4su.cluster.json");
}

inline QString sample_path(int which) { return which == 0 ? sample_superpod() : sample_100k(); }
inline const char* sample_name(int which) { return which == 0 ? "superpod-4su" : "100k"; }

inline const Catalog& bench_catalog() {
  static const Catalog catalog =
      load_catalog({std::filesystem::path(CF_SOURCE_DIR) / "resources" / "catalog"});
  return catalog;
}

// Processes events until `done()` or `timeout_ms` passed; whether `done()` came true.
inline bool spin_until(const std::function<bool()>& done, int timeout_ms = 120000) {
  QElapsedTimer clock;
  clock.start();
  while (!done()) {
    if (clock.elapsed() > timeout_ms) return false;
    QCoreApplication::processEvents(QEventLoop::AllEvents, 20);
  }
  return true;
}

inline double seconds_since(std::chrono::steady_clock::time_point start) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

}  // namespace cf::bench
