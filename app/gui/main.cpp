// clusterforge: the desktop front end. Parses arguments, loads the catalog, shows the main window.

#include <QApplication>
#include <QCommandLineParser>
#include <QFile>
#include <QMessageBox>
#include <QPixmap>
#include <QTimer>
#include <exception>
#include <filesystem>
#include <iostream>
#include <optional>

#include "catalog/catalog_loader.h"
#include "first_paint.h"
#include "io/resources.h"
#include "main_window.h"

namespace {

constexpr int kExitFailure = 1;

struct Options {
  QString file;
  std::optional<std::filesystem::path> user_catalog;
  QString screenshot;
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
  o.quit_after_load = parser.isSet(quit_after_load);
  return o;
}

void report(bool interactive, const QString& title, const QString& message) {
  std::cerr << message.toStdString() << "\n";
  if (interactive) QMessageBox::critical(nullptr, title, message);
}

}  // namespace

int main(int argc, char** argv) {
  QApplication app(argc, argv);
  QApplication::setApplicationName(QStringLiteral("ClusterForge"));
  QApplication::setOrganizationName(QStringLiteral("ClusterForge"));
  QApplication::setApplicationVersion(QStringLiteral(CF_VERSION));
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
  window.show();

  if (!options.interactive()) {
    bool loaded = true;
    if (!options.file.isEmpty() && !window.open_file(options.file)) {
      std::cerr << window.last_error().toStdString() << "\n";
      loaded = false;
    }
    if (!cf::ui::wait_for_first_paint(window)) {
      std::cerr << "clusterforge: the window was not painted\n";
      return kExitFailure;
    }
    if (!options.screenshot.isEmpty()) {
      if (!window.grab().save(options.screenshot, "PNG")) {
        std::cerr << "clusterforge: cannot write " << options.screenshot.toStdString() << "\n";
        return kExitFailure;
      }
    }
    return loaded ? 0 : kExitFailure;
  }

  QTimer::singleShot(0, &window, [&window, file = options.file] {
    window.offer_recovery();  // what a crashed session left, before anything else opens
    if (!file.isEmpty()) window.open_file(file);
  });
  return app.exec();
}
