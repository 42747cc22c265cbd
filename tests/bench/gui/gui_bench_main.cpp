// cf_gui_bench: Google Benchmark over the GUI under the offscreen platform (no display needed).
// Settings, recent files and autosaves go to a temporary folder, never the user's.

#include <QApplication>
#include <QFile>
#include <QTemporaryDir>
#include <benchmark/benchmark.h>

namespace cf::bench {
void release_documents();
}

int main(int argc, char** argv) {
  qputenv("QT_QPA_PLATFORM", "offscreen");
  qputenv("CLUSTERFORGE_RESOURCES", CF_SOURCE_DIR "/resources");
  QTemporaryDir home;
  qputenv("XDG_CONFIG_HOME", QFile::encodeName(home.filePath(QStringLiteral("config"))));
  qputenv("XDG_DATA_HOME", QFile::encodeName(home.filePath(QStringLiteral("data"))));
  QApplication app(argc, argv);
  QApplication::setApplicationName(QStringLiteral("ClusterForge-bench"));
  QApplication::setOrganizationName(QStringLiteral("ClusterForge"));

  benchmark::Initialize(&argc, argv);
  if (benchmark::ReportUnrecognizedArguments(argc, argv)) return 1;
  benchmark::RunSpecifiedBenchmarks();
  benchmark::Shutdown();
  cf::bench::release_documents();
  return 0;
}
