#pragma once
// A diagram as the exports lay it out: a title, content made of scene regions stacked top to
// bottom, and a legend. The same sheet becomes one SVG or PNG (heading on top, everything at
// 100 %) or one PDF page (content fitted to the page, legend and a framed title block at the foot).
// The scenes are the GUI's own, rendered with QGraphicsScene::render: exports look like the screen.

#include <QGraphicsScene>
#include <QRectF>
#include <QString>
#include <functional>
#include <memory>
#include <vector>

class QPainter;

namespace cf::ui {

// What the title names: the design, the view ("Rack elevations: A01 – A03"), the page ("Page 2
// of 13"; empty on an image).
struct SheetTitle {
  QString design, view, page;
};

// A region of a scene drawn at `scale` px per scene unit at 100 %, with an optional caption above.
struct SceneBlock {
  QGraphicsScene* scene = nullptr;
  QRectF source;
  double scale = 1;
  QString caption;
  QSizeF size() const;  // caption included
};

// A legend of a fixed size (px) that paints itself into the rectangle it is given.
struct SheetLegend {
  QSizeF size;  // empty: no legend
  std::function<void(QPainter&, const QRectF&)> paint;
};

struct DiagramSheet {
  SheetTitle title;
  std::vector<SceneBlock> blocks;
  SheetLegend legend;
  std::vector<std::unique_ptr<QGraphicsScene>> scenes;  // what the blocks draw

  // The blocks stacked, at 100 %.
  QSizeF content_size() const;
  // Paints the blocks at `k` times their size from `top_left`.
  void paint_content(QPainter& painter, QPointF top_left, double k) const;

  // The whole sheet as one image: content at 100 %, heading and legend at chrome_scale().
  QSizeF image_size() const;
  double chrome_scale() const;
  void paint_image(QPainter& painter) const;

  // One page whose printable area is `page` (px): the content scaled to fit, at most `max_scale`;
  // returns the scale used. fit_scale() is that scale without painting.
  double fit_scale(const QSizeF& page) const;
  double paint_page(QPainter& painter, const QRectF& page, double max_scale) const;
};

}  // namespace cf::ui
