#pragma once
// What the GUI tests share: the source tree's catalog, sample paths, a small design in the file
// format, and a document made from text.

#include <QApplication>
#include <QDragEnterEvent>
#include <QFile>
#include <QMimeData>
#include <QRegularExpression>
#include <QString>
#include <filesystem>
#include <memory>

#include "catalog/catalog_loader.h"
#include "design_document.h"
#include "io/design_file.h"
#include "rack_elevation_scene.h"
#include "rack_elevation_view.h"

namespace cf::ui::test {

// Two rows; row A holds racks a01 (two DGX H100, a QM9700 leaf, a PDU) and a02 (one DGX H100),
// row B holds b01 (one DGX H100): 3 racks, 6 devices, 4 x 8 = 32 GPUs.
inline const char* const kTinyDesign = R"({
 "format": "clusterforge-design",
 "version": 2,
 "name": "Tiny test design",
 "site": {"name": "Test", "rack_pitch_m": 0.6, "voltage_v": 415},
 "rows": [{"id": "row-a", "name": "A", "x_m": 0, "y_m": 0},
          {"id": "row-b", "name": "B", "x_m": 0, "y_m": 3}],
 "racks": [
  {"id": "a02", "name": "A02", "catalog": "rack-48u-600x1200", "row": "row-a", "position": 1,
   "devices": [{"id": "dgx-03", "catalog": "nvidia-dgx-h100", "u": 1}]},
  {"id": "a01", "name": "A01", "catalog": "rack-48u-600x1200", "row": "row-a", "position": 0,
   "power_limit_kw": 45,
   "devices": [
    {"id": "dgx-01", "catalog": "nvidia-dgx-h100", "u": 1, "face": "front"},
    {"id": "dgx-02", "catalog": "nvidia-dgx-h100", "u": 9, "face": "front"},
    {"id": "leaf-01", "catalog": "nvidia-qm9700", "u": 42, "face": "rear"},
    {"id": "a01-pdu-a", "catalog": "raritan-px3-5878i2r", "u": 0, "face": "rear", "feed": "feed-a"}
   ]},
  {"id": "b01", "name": "B01", "catalog": "rack-48u-600x1200", "row": "row-b", "position": 0,
   "devices": [{"id": "dgx-04", "catalog": "nvidia-dgx-h100", "u": 1}]}
 ],
 "power_feeds": [{"id": "feed-a", "name": "A", "side": "A", "voltage_v": 415, "phases": 3,
                  "current_a": 60}],
 "links": []
}
)";

inline QString sample_path(const char* name) {
  return QStringLiteral(CF_SOURCE_DIR "/samples/") + QString::fromUtf8(name);
}

// The installed catalog of the source tree (no user catalog), loaded once per test process.
inline const Catalog& test_catalog() {
  static const Catalog catalog = load_catalog({std::filesystem::path(CF_SOURCE_DIR) / "resources" / "catalog"});
  return catalog;
}

// A document over the design in `text` (file format JSON), not backed by a file.
inline std::unique_ptr<DesignDocument> document_from_text(const char* text) {
  return std::make_unique<DesignDocument>(test_catalog(), parse_design_text(text));
}

// A document over a sample (samples/NAME), backed by that file.
inline std::unique_ptr<DesignDocument> document_from_sample(const char* name) {
  const QString path = sample_path(name);
  return std::make_unique<DesignDocument>(test_catalog(), load_design(path.toStdString()), path);
}

// Delivers a drag of `mime` ending in a drop at scene point `at`, the way Qt does: enter, move and
// drop events on the viewport. Returns whether the drop was accepted with an action.
inline bool drop(RackElevationView& view, QMimeData* mime, const QPointF& at) {
  const QPointF pos = view.mapFromScene(at);
  const Qt::DropActions actions = Qt::CopyAction | Qt::MoveAction;
  QDragEnterEvent enter(pos.toPoint(), actions, mime, Qt::LeftButton, Qt::NoModifier);
  QApplication::sendEvent(view.viewport(), &enter);
  QDragMoveEvent move(pos.toPoint(), actions, mime, Qt::LeftButton, Qt::NoModifier);
  QApplication::sendEvent(view.viewport(), &move);
  QDropEvent dropped(pos, actions, mime, Qt::LeftButton, Qt::NoModifier);
  QApplication::sendEvent(view.viewport(), &dropped);
  return dropped.isAccepted() && dropped.dropAction() != Qt::IgnoreAction;
}

// The middle of U `u` of a face of a shown rack.
inline QPointF slot_centre(const RackElevationView& view, const char* rack_id, int u, Face face = Face::Front) {
  return view.elevation_scene()->slot_rect(QString::fromLatin1(rack_id), face, u, u).center();
}

// The whole of a file (empty when it cannot be read).
inline QByteArray file_bytes(const QString& path) {
  QFile f(path);
  return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

// The page objects of a PDF ("/Type /Page", not the page tree's "/Type /Pages").
inline int pdf_page_objects(const QByteArray& pdf) {
  static const QRegularExpression page(QStringLiteral("/Type\\s*/Page(?![A-Za-z])"));
  return static_cast<int>(QString::fromLatin1(pdf).count(page));
}

}  // namespace cf::ui::test
