#pragma once
// Turning DiagramSheets into file contents: an SVG or a PNG of one sheet, a PDF of many pages, and
// writing the result so that a failure leaves no partial file.

#include <QBuffer>
#include <QByteArray>
#include <QPageLayout>
#include <QPainter>
#include <QPdfWriter>
#include <QString>
#include <functional>
#include <memory>
#include <optional>

#include "export/diagram_sheet.h"

namespace cf::ui {

// PDF pages are laid out in CSS pixels (96 per inch): the scenes' level of detail is in device
// pixels, so a page then shows what a 96-dpi screen shows at the same size on paper.
inline constexpr double kPdfDpi = 96;

// The SVG of `sheet` (viewBox and size in px at 100 %, text as <text>), titled `title`.
QByteArray svg_of(const DiagramSheet& sheet, const QString& title, const QString& description);

// The PNG of `sheet` at `dpi` (96: 100 %), white, antialiased, scaled down to kMaxPngPixels.
QByteArray png_of(const DiagramSheet& sheet, double dpi);

// A PDF of pages of one size, each landscape or upright.
class PdfBook {
 public:
  PdfBook(QPageSize::PageSizeId size, const QString& title);
  ~PdfBook();

  // The printable area of a page (px at kPdfDpi) in `orientation`.
  QSizeF printable(QPageLayout::Orientation orientation) const;
  // The orientation in which `sheet` comes out larger (landscape when equal).
  QPageLayout::Orientation best_orientation(const DiagramSheet& sheet) const;

  // Adds a page showing `sheet`, its content at most `max_scale`; orientation: best_orientation.
  void add(const DiagramSheet& sheet, double max_scale,
           std::optional<QPageLayout::Orientation> orientation = std::nullopt);
  int pages() const { return pages_; }
  QByteArray finish();

 private:
  QPageSize::PageSizeId size_;
  QBuffer buffer_;
  std::unique_ptr<QPdfWriter> writer_;
  QPainter painter_;
  int pages_ = 0;
};

// Writes `content` to `path` through a temporary beside it, renamed over `path` when complete;
// throws cf::ExportError (nothing left under `path`) on failure.
void write_export(const QString& path, const QByteArray& content);

}  // namespace cf::ui
