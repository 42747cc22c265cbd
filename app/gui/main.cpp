// clusterforge: the desktop front end. Parses arguments, loads the catalog, shows the main window.

#include <QApplication>
#include <QCommandLineParser>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QIcon>
#include <QMessageBox>
#include <QPixmap>
#include <QTimer>
#include <exception>
#include <filesystem>
#include <iostream>
#include <optional>

#include "catalog/catalog_loader.h"
#include "compare_view.h"
#include "first_paint.h"
#include "io/resources.h"
#include "main_window.h"

namespace {

constexpr int kExitFailure = 1;
constexpr int kScreenshotSettleMs = 2500;

struct Options {
  QString file;
  std::optional<std::filesystem::path> user_catalog;
  QString screenshot;
  QString view;
  QString select;
  QStringList compare;
  bool quit_after_load = false;
  bool interactive() const { return screenshot.isEmpty() && !quit_after_load; }
};

Options parse_options(const QApplication& app) {
  QCommandLineParser parser;
  parser.setApplicationDescription(
      QApplication::translate("main", "Design AI-training GPU clusters."));
  parser.addHelpOption();
  parser.addVersionOption();
  parser.addPositionalArgument(
      QStringLiteral("FILE"),
      QApplication::translate("main", "Design file to open (*.cluster.json)"),
      QStringLiteral("[FILE]"));
  const QCommandLineOption user_catalog(
      QStringLiteral("user-catalog"),
      QApplication::translate("main", "Folder of catalog files that add or override entries."),
      QStringLiteral("DIR"));
  const QCommandLineOption screenshot(
      QStringLiteral("screenshot"),
      QApplication::translate("main", "Show the window, save a picture of it to PNG and exit."),
      QStringLiteral("PNG"));
  const QCommandLineOption quit_after_load(
      QStringLiteral("quit-after-load"),
      QApplication::translate("main",
                              "Exit once FILE is loaded and the window painted (status 0), or "
                              "with status 1 when FILE cannot be loaded."));
  const QCommandLineOption view(
      QStringLiteral("view"),
      QApplication::translate("main", "Show this tab first: floor, rack, topology or compare."),
      QStringLiteral("NAME"));
  const QCommandLineOption select(
      QStringLiteral("select"), QApplication::translate("main", "Select the object with this id once FILE is open."),
      QStringLiteral("ID"));
  const QCommandLineOption compare(
      QStringLiteral("compare"),
      QApplication::translate("main", "Add this design file to the Compare view (repeatable)."),
      QStringLiteral("FILE"));
  parser.addOption(compare);
  parser.addOption(view);
  parser.addOption(select);
  parser.addOption(user_catalog);
  parser.addOption(screenshot);
  parser.addOption(quit_after_load);
  parser.process(app);

  const QStringList positional = parser.positionalArguments();
  if (positional.size() > 1) {
    std::cerr << "clusterforge: at most one FILE\n";
    std::exit(2);
  }
  Options o;
  if (!positional.isEmpty()) o.file = positional.front();
  if (parser.isSet(user_catalog))
    o.user_catalog =
        std::filesystem::path(QFile::encodeName(parser.value(user_catalog)).toStdString());
  o.screenshot = parser.value(screenshot);
  o.view = parser.value(view);
  o.select = parser.value(select);
  o.compare = parser.values(compare);
  o.quit_after_load = parser.isSet(quit_after_load);
  return o;
}

void report(bool interactive, const QString& title, const QString& message) {
  std::cerr << message.toStdString() << "\n";
  if (interactive) QMessageBox::critical(nullptr, title, message);
}

// --view, before FILE opens, so that the view shown first is the one built first; false (after
// saying why) when the name is unknown.
bool choose_view(cf::ui::MainWindow& window, const Options& o) {
  if (!o.view.isEmpty() && !window.show_view(o.view)) {
    std::cerr << "clusterforge: no view \"" << o.view.toStdString() << "\" (floor, rack, topology, compare)\n";
    return false;
  }
  return true;
}

// --compare and --select, once FILE is open; false (after saying why) when an id is unknown.
bool show_requested(cf::ui::MainWindow& window, const Options& o) {
  for (const QString& file : o.compare)
    if (!window.compare_view()->add_design_file(file)) return false;  // the view said why
  if (!o.select.isEmpty() && !window.select_object(o.select)) {
    std::cerr << "clusterforge: the design has no object \"" << o.select.toStdString() << "\"\n";
    return false;
  }
  return true;
}

}  // namespace

int main(int argc, char** argv) {
  QApplication app(argc, argv);
  QApplication::setApplicationName(QStringLiteral("ClusterForge"));
  QApplication::setOrganizationName(QStringLiteral("ClusterForge"));
  QApplication::setApplicationVersion(QStringLiteral(CF_VERSION));
  // The desktop entry and icon the packages install (installer/linux): window managers match the
  // window to them; the embedded copy serves uninstalled builds.
  QGuiApplication::setDesktopFileName(QStringLiteral("io.clusterforge.ClusterForge"));
  QApplication::setWindowIcon(QIcon::fromTheme(QStringLiteral("io.clusterforge.ClusterForge"),
                                               QIcon(QStringLiteral(":/icons/clusterforge.svg"))));
  QApplication::setDesktopFileName(QStringLiteral("clusterforge"));
  const Options options = parse_options(app);

  cf::Catalog catalog;
  try {
    catalog = cf::load_catalog(cf::catalog_folders(options.user_catalog));
  } catch (const std::exception& e) {
    report(options.interactive(), QApplication::translate("main", "Cannot load the catalog"),
           QString::fromStdString(e.what()));
    return kExitFailure;
  }

  cf::ui::MainWindow window(std::move(catalog));
  window.set_interactive(options.interactive());

  if (!options.interactive()) {
    window.show();
    bool loaded = true;
    if (!choose_view(window, options)) return kExitFailure;
    if (!options.file.isEmpty() && !window.open_file(options.file)) {
      std::cerr << window.last_error().toStdString() << "\n";
      loaded = false;
    }
    if (!show_requested(window, options)) return kExitFailure;
    if (!cf::ui::wait_for_first_paint(window)) {
      std::cerr << "clusterforge: the window was not painted\n";
      return kExitFailure;
    }
    if (!options.screenshot.isEmpty()) {
      // Background work (analysis, training search, layouts) lands within this settle time.
      QElapsedTimer settle;
      settle.start();
      while (settle.elapsed() < kScreenshotSettleMs) QCoreApplication::processEvents(QEventLoop::AllEvents, 50);
      if (!window.grab().save(options.screenshot, "PNG")) {
        std::cerr << "clusterforge: cannot write " << options.screenshot.toStdString() << "\n";
        return kExitFailure;
      }
    }
    return loaded ? 0 : kExitFailure;
  }

  // Queued before the window shows, so that FILE opens before the start page, never seen then,
  // would begin reading the samples.
  QTimer::singleShot(0, &window, [&window, options] {
    window.offer_recovery();  // what a crashed session left, before anything else opens
    if (!choose_view(window, options)) return;
    if (!options.file.isEmpty() && window.open_file(options.file)) show_requested(window, options);
  });
  window.show();
  return app.exec();
}
