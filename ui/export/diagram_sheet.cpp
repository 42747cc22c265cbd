#include "export/diagram_sheet.h"

#include <QFontMetricsF>
#include <QGuiApplication>
#include <QPainter>
#include <algorithm>
#include <cmath>

namespace cf::ui {

namespace {

constexpr double kMargin = 24;         // around an image
constexpr double kHeadingHeight = 56;  // design name and view, above an image's content
constexpr double kGap = 20;            // between heading, blocks and legend
constexpr double kCaptionHeight = 22;  // a block's caption
constexpr double kChromeWidth = 1400;  // an image this wide has heading and legend at 100 %
const QColor kInk(0x22, 0x22, 0x22), kGreyInk(0x66, 0x66, 0x66), kRule(0x88, 0x88, 0x88);

QFont font_px(int px, bool bold = false) {
  QFont font = QGuiApplication::font();
  font.setPixelSize(px);
  font.setBold(bold);
  return font;
}

QString made_by() { return QStringLiteral("ClusterForge " CF_VERSION); }

QString view_line(const SheetTitle& t) {
  QString line = t.view;
  if (!t.page.isEmpty()) line += QStringLiteral(" \u00b7 ") + t.page;
  return line + QStringLiteral(" \u00b7 ") + made_by();
}

double heading_width(const SheetTitle& t) {
  return std::max(QFontMetricsF(font_px(20, true)).horizontalAdvance(t.design),
                  QFontMetricsF(font_px(13)).horizontalAdvance(view_line(t)));
}

void paint_heading(QPainter& painter, const QRectF& area, const SheetTitle& t) {
  painter.setPen(kInk);
  painter.setFont(font_px(20, true));
  painter.drawText(QRectF(area.left(), area.top(), area.width(), 28), Qt::AlignLeft | Qt::AlignVCenter, t.design);
  painter.setPen(kGreyInk);
  painter.setFont(font_px(13));
  painter.drawText(QRectF(area.left(), area.top() + 30, area.width(), 20), Qt::AlignLeft | Qt::AlignVCenter,
                   view_line(t));
}

// The title block of a drawing sheet: framed cells, each a small caption over its value. On a
// wide page one row of four cells; on a narrow one (A4 upright) two rows of two.
constexpr double kTitleRowHeight = 52;
constexpr double kNarrowPage = 1000;

double title_block_height(double width) { return width < kNarrowPage ? 2 * kTitleRowHeight : kTitleRowHeight; }

void paint_title_block(QPainter& painter, const QRectF& area, const SheetTitle& t) {
  struct Cell {
    QString caption, value;
    double left, width;  // shares of the block's width
    int row;
    bool bold;
  };
  const bool narrow = area.width() < kNarrowPage;
  const QString design = QObject::tr("Design"), view = QObject::tr("View"), page = QObject::tr("Page"),
                with = QObject::tr("Drawn with");
  const std::vector<Cell> cells =
      narrow ? std::vector<Cell>{{design, t.design, 0, 0.7, 0, true},
                                 {page, t.page, 0.7, 0.3, 0, false},
                                 {view, t.view, 0, 0.7, 1, false},
                                 {with, made_by(), 0.7, 0.3, 1, false}}
             : std::vector<Cell>{{design, t.design, 0, 0.34, 0, true},
                                 {view, t.view, 0.34, 0.38, 0, false},
                                 {page, t.page, 0.72, 0.12, 0, false},
                                 {with, made_by(), 0.84, 0.16, 0, false}};
  painter.save();
  painter.setBrush(Qt::NoBrush);
  for (const Cell& c : cells) {
    const QRectF cell(area.left() + c.left * area.width(), area.top() + c.row * kTitleRowHeight, c.width * area.width(),
                      kTitleRowHeight);
    painter.setPen(QPen(kRule, 1));
    painter.drawRect(cell);
    const QRectF inner = cell.adjusted(8, 5, -8, -5);
    painter.setPen(kGreyInk);
    painter.setFont(font_px(10));
    painter.drawText(inner, Qt::AlignLeft | Qt::AlignTop, c.caption);
    const QFont value_font = font_px(15, c.bold);
    painter.setFont(value_font);
    painter.setPen(kInk);
    painter.drawText(inner, Qt::AlignLeft | Qt::AlignBottom,
                     QFontMetricsF(value_font).elidedText(c.value, Qt::ElideRight, inner.width()));
  }
  painter.restore();
}

}  // namespace

QSizeF SceneBlock::size() const {
  return QSizeF(source.width() * scale, source.height() * scale + (caption.isEmpty() ? 0 : kCaptionHeight));
}

QSizeF DiagramSheet::content_size() const {
  QSizeF size;
  for (const SceneBlock& b : blocks) {
    const QSizeF s = b.size();
    size.setWidth(std::max(size.width(), s.width()));
    size.setHeight(size.height() + (size.height() > 0 ? kGap : 0) + s.height());
  }
  return size;
}

void DiagramSheet::paint_content(QPainter& painter, QPointF top_left, double k) const {
  painter.save();
  painter.translate(top_left);
  painter.scale(k, k);  // the items pick their level of detail from the painter's transform
  double y = 0;
  for (const SceneBlock& b : blocks) {
    if (!b.caption.isEmpty()) {
      painter.setPen(kInk);
      painter.setFont(font_px(14, true));
      painter.drawText(QRectF(0, y, b.source.width() * b.scale, kCaptionHeight), Qt::AlignLeft | Qt::AlignTop,
                       b.caption);
      y += kCaptionHeight;
    }
    const QRectF target(0, y, b.source.width() * b.scale, b.source.height() * b.scale);
    b.scene->render(&painter, target, b.source, Qt::IgnoreAspectRatio);  // same aspect by construction
    y += target.height() + kGap;
  }
  painter.restore();
}

// An image is seen fitted to a screen or a slide: heading and legend grow with a wide drawing
// (as the topology scene's own titles do) so that they read alike.
double DiagramSheet::chrome_scale() const { return std::max(1.0, content_size().width() / kChromeWidth); }

QSizeF DiagramSheet::image_size() const {
  const QSizeF content = content_size();
  const double s = chrome_scale();
  const double width = std::max({content.width(), s * legend.size.width(), s * heading_width(title)});
  double height = s * kHeadingHeight + kGap + content.height();
  if (!legend.size.isEmpty()) height += kGap + s * legend.size.height();
  return QSizeF(std::ceil(width + 2 * kMargin), std::ceil(height + 2 * kMargin));
}

void DiagramSheet::paint_image(QPainter& painter) const {
  const QSizeF size = image_size();
  const double s = chrome_scale();
  painter.fillRect(QRectF(QPointF(0, 0), size), Qt::white);
  painter.save();
  painter.translate(kMargin, kMargin);
  painter.scale(s, s);
  paint_heading(painter, QRectF(0, 0, (size.width() - 2 * kMargin) / s, kHeadingHeight), title);
  painter.restore();
  const double top = kMargin + s * kHeadingHeight + kGap;
  paint_content(painter, QPointF(kMargin, top), 1.0);
  if (!legend.size.isEmpty() && legend.paint) {
    painter.save();
    painter.translate(kMargin, top + content_size().height() + kGap);
    painter.scale(s, s);
    legend.paint(painter, QRectF(QPointF(0, 0), legend.size));
    painter.restore();
  }
}

double DiagramSheet::fit_scale(const QSizeF& page) const {
  const QSizeF content = content_size();
  if (content.isEmpty()) return 1.0;
  double height = page.height() - title_block_height(page.width()) - kGap;
  if (!legend.size.isEmpty()) height -= legend.size.height() + kGap;
  return std::max(0.01, std::min(page.width() / content.width(), height / content.height()));
}

double DiagramSheet::paint_page(QPainter& painter, const QRectF& page, double max_scale) const {
  const double k = std::min(fit_scale(page.size()), max_scale);
  const double block_height = title_block_height(page.width());
  const QRectF block(page.left(), page.bottom() - block_height, page.width(), block_height);
  paint_title_block(painter, block, title);
  if (!legend.size.isEmpty() && legend.paint) {
    painter.save();
    legend.paint(painter, QRectF(QPointF(page.left(), block.top() - kGap - legend.size.height()), legend.size));
    painter.restore();
  }
  const double width = content_size().width() * k;
  paint_content(painter, QPointF(page.left() + std::max(0.0, (page.width() - width) / 2), page.top()), k);
  return k;
}

}  // namespace cf::ui
