#include "export/diagram_legends.h"

#include <QFontMetricsF>
#include <QGuiApplication>
#include <QPainter>

#include "floor_plan_scene.h"

namespace cf::ui {

namespace {

constexpr double kSwatch = 14, kSwatchGap = 6, kItemGap = 22, kHeight = 22;

QFont legend_font() {
  QFont font = QGuiApplication::font();
  font.setPixelSize(12);
  return font;
}

QString far_side_text() { return QObject::tr("Full-depth device, seen from its other face"); }

}  // namespace

SheetLegend role_legend(const std::vector<Role>& roles) {
  const QFontMetricsF fm(legend_font());
  double width = 0;
  for (Role r : roles) width += kSwatch + kSwatchGap + fm.horizontalAdvance(role_name(r)) + kItemGap;
  width += kSwatch + kSwatchGap + fm.horizontalAdvance(far_side_text());
  SheetLegend legend;
  legend.size = QSizeF(std::ceil(width), kHeight);
  legend.paint = [roles](QPainter& painter, const QRectF& area) {
    painter.setFont(legend_font());
    const QFontMetricsF fm(painter.font());
    double x = area.left();
    const double top = area.center().y() - kSwatch / 2;
    auto item = [&](const QColor& fill, const QBrush& over, const QString& text) {
      const QRectF swatch(x, top, kSwatch, kSwatch);
      painter.setPen(QPen(fill.darker(170), 0));
      painter.setBrush(fill);
      painter.drawRect(swatch);
      if (over.style() != Qt::NoBrush) {
        painter.setPen(Qt::NoPen);
        painter.setBrush(over);
        painter.drawRect(swatch);
      }
      x += kSwatch + kSwatchGap;
      painter.setPen(Qt::black);
      painter.drawText(QRectF(x, area.top(), fm.horizontalAdvance(text) + 1, area.height()),
                       Qt::AlignLeft | Qt::AlignVCenter, text);
      x += fm.horizontalAdvance(text) + kItemGap;
    };
    for (Role r : roles) item(role_color(r), Qt::NoBrush, role_name(r));
    // As DeviceItem draws the far side: translucent white hatching over the role colour.
    item(role_color(Role::Compute), QBrush(QColor(255, 255, 255, 110), Qt::BDiagPattern), far_side_text());
  };
  return legend;
}

SheetLegend floor_legend(const FloorPlanScene& scene) {
  const QFontMetricsF fm(legend_font());
  SheetLegend legend;
  // paint_legend wants about 260 × 72 px, and the width of its note.
  legend.size = QSizeF(std::ceil(std::max(260.0, fm.horizontalAdvance(scene.legend_note()) + 4)), 72);
  legend.paint = [&scene](QPainter& painter, const QRectF& area) {
    painter.setFont(legend_font());
    scene.paint_legend(painter, area);
  };
  return legend;
}

}  // namespace cf::ui
