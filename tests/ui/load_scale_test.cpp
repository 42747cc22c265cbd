// LoadScale: the ramp's ends, red only over the limit, grey for no figure, and a legend that paints.

#include "load_scale.h"

#include <QImage>
#include <QPainter>
#include <QTest>

using cf::ui::LoadScale;

class LoadScaleTest : public QObject {
  Q_OBJECT

 private slots:
  void ends_of_the_ramp() {
    LoadScale s(0, 40, QStringLiteral("Rack power"), QStringLiteral("kW"));
    QCOMPARE(s.color(0.0), QColor(0xF7, 0xFB, 0xFF));
    QCOMPARE(s.color(40.0), QColor(0x08, 0x51, 0x9C));
    // Darker as the load grows.
    QVERIFY(s.color(30.0).lightnessF() < s.color(10.0).lightnessF());
  }
  void only_over_the_limit_is_red() {
    LoadScale s(0, 40, QStringLiteral("Rack power"), QStringLiteral("kW"));
    QVERIFY(!s.over_limit(40.0));
    QVERIFY(s.over_limit(40.1));
    QCOMPARE(s.color(40.1), LoadScale::over_limit_color());
    for (double v : {0.0, 10.0, 39.9}) QVERIFY(s.color(v) != LoadScale::over_limit_color());
  }
  void no_figure_is_grey() {
    LoadScale s(0, 1, QStringLiteral("Heat / cooling"), QString());
    QCOMPARE(s.color(std::nullopt), LoadScale::no_figure_color());
  }
  void legend_paints() {
    LoadScale s(0, 40, QStringLiteral("Rack power"), QStringLiteral("kW"));
    QImage image(240, 60, QImage::Format_ARGB32);
    image.fill(Qt::white);
    QPainter p(&image);
    s.paint_legend(p, QRectF(0, 0, 240, 60));
    p.end();
    // The dark blue end of the ramp and the vermillion "over" swatch are on the image.
    bool dark_blue = false, over = false;
    for (int x = 0; x < 240; ++x)
      for (int y = 0; y < 60; ++y) {
        const QColor c = image.pixelColor(x, y);
        dark_blue |= c.blue() > 120 && c.red() < 40;
        over |= c == LoadScale::over_limit_color();
      }
    QVERIFY(dark_blue);
    QVERIFY(over);
  }
};

QTEST_MAIN(LoadScaleTest)
#include "load_scale_test.moc"
