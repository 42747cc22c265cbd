#include "export/diagram_output.h"

#include <QImage>
#include <QSvgGenerator>
#include <cmath>
#include <stdexcept>

#include "export/diagram_export.h"
#include "export/export_error.h"
#include "export/export_file.h"

namespace cf::ui {

namespace {

constexpr double kScreenDpi = 96;
const QMarginsF kPageMarginsMm(10, 10, 10, 10);

// Whole pixels, never more than asked for (a budget is a budget); the epsilon absorbs rounding.
QSize whole(const QSizeF& size) {
  return QSize(static_cast<int>(std::floor(size.width() + 1e-6)), static_cast<int>(std::floor(size.height() + 1e-6)));
}

}  // namespace

QByteArray svg_of(const DiagramSheet& sheet, const QString& title, const QString& description) {
  QBuffer buffer;
  buffer.open(QIODevice::WriteOnly);
  const QSize size = whole(sheet.image_size());
  QSvgGenerator svg;
  svg.setOutputDevice(&buffer);
  svg.setSize(size);
  svg.setViewBox(QRect(QPoint(0, 0), size));
  svg.setResolution(static_cast<int>(kScreenDpi));  // fonts in points come out as on screen
  svg.setTitle(title);
  svg.setDescription(description);
  QPainter painter(&svg);
  painter.setRenderHints(QPainter::Antialiasing | QPainter::TextAntialiasing);
  sheet.paint_image(painter);
  painter.end();
  return buffer.data();
}

QByteArray png_of(const DiagramSheet& sheet, double dpi) {
  const QSizeF natural = sheet.image_size();
  double k = std::max(dpi, 1.0) / kScreenDpi;
  // The pixel budget, then the longest side a viewer copes with.
  const double pixels = natural.width() * natural.height() * k * k;
  if (pixels > static_cast<double>(kMaxPngPixels)) k *= std::sqrt(static_cast<double>(kMaxPngPixels) / pixels);
  k = std::min(k, kMaxPngSide / std::max(natural.width(), natural.height()));
  QImage image(whole(natural * k).expandedTo(QSize(1, 1)), QImage::Format_RGB32);
  if (image.isNull()) throw std::runtime_error("not enough memory for the image");
  image.fill(Qt::white);
  const int dots_per_metre = static_cast<int>(std::lround(k * kScreenDpi / 0.0254));
  image.setDotsPerMeterX(dots_per_metre);
  image.setDotsPerMeterY(dots_per_metre);
  QPainter painter(&image);
  painter.setRenderHints(QPainter::Antialiasing | QPainter::TextAntialiasing | QPainter::SmoothPixmapTransform);
  painter.scale(k, k);
  sheet.paint_image(painter);
  painter.end();
  QBuffer buffer;
  buffer.open(QIODevice::WriteOnly);
  if (!image.save(&buffer, "PNG")) throw std::runtime_error("cannot encode the PNG");
  return buffer.data();
}

PdfBook::PdfBook(QPageSize::PageSizeId size, const QString& title) : size_(size) {
  buffer_.open(QIODevice::WriteOnly);
  writer_ = std::make_unique<QPdfWriter>(&buffer_);
  writer_->setResolution(static_cast<int>(kPdfDpi));
  writer_->setTitle(title);
  writer_->setCreator(QStringLiteral("ClusterForge " CF_VERSION));
  writer_->setPageLayout(QPageLayout(QPageSize(size), QPageLayout::Landscape, kPageMarginsMm, QPageLayout::Millimeter));
}

PdfBook::~PdfBook() {
  if (painter_.isActive()) painter_.end();
}

QSizeF PdfBook::printable(QPageLayout::Orientation orientation) const {
  const QPageLayout layout(QPageSize(size_), orientation, kPageMarginsMm, QPageLayout::Millimeter);
  return layout.paintRectPixels(static_cast<int>(kPdfDpi)).size();
}

QPageLayout::Orientation PdfBook::best_orientation(const DiagramSheet& sheet) const {
  return sheet.fit_scale(printable(QPageLayout::Portrait)) > sheet.fit_scale(printable(QPageLayout::Landscape))
             ? QPageLayout::Portrait
             : QPageLayout::Landscape;
}

void PdfBook::add(const DiagramSheet& sheet, double max_scale, std::optional<QPageLayout::Orientation> orientation) {
  // A new layout applies from the next page on: set it before the first begin() or newPage().
  writer_->setPageOrientation(orientation.value_or(best_orientation(sheet)));
  if (!painter_.isActive()) {
    if (!painter_.begin(writer_.get())) throw std::runtime_error("cannot start the PDF");
  } else {
    writer_->newPage();
  }
  painter_.setRenderHints(QPainter::Antialiasing | QPainter::TextAntialiasing);
  const QRect area = writer_->pageLayout().paintRectPixels(static_cast<int>(kPdfDpi));
  sheet.paint_page(painter_, QRectF(QPointF(0, 0), area.size()), max_scale);
  ++pages_;
}

QByteArray PdfBook::finish() {
  if (painter_.isActive()) painter_.end();
  return buffer_.data();
}

void write_export(const QString& path, const QByteArray& content) {
  if (path.isEmpty()) throw ExportError("(no file name)", "no output file given");
  write_export_file(path.toStdString(),
                    std::string_view(content.constData(), static_cast<std::size_t>(content.size())));
}

}  // namespace cf::ui
