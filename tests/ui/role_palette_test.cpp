// The role colours the views paint come from the core's one table (core/design/role_palette.h),
// and the topology view's tier fills written out there are what Qt computes from the role colours
// (QColor::lighter / darker), so moving the table out of the ui changed no pixel.

#include "role_palette.h"

#include <QTest>

using namespace cf;
using namespace cf::ui;

class RolePaletteTest : public QObject {
  Q_OBJECT

 private slots:
  void the_okabe_ito_colours_reach_the_views() {
    // Okabe & Ito (2008): blue, orange, bluish green, reddish purple, yellow, sky blue.
    QCOMPARE(role_color(Role::Compute), QColor(0x00, 0x72, 0xB2));
    QCOMPARE(role_color(Role::Switch), QColor(0xE6, 0x9F, 0x00));
    QCOMPARE(role_color(Role::Storage), QColor(0x00, 0x9E, 0x73));
    QCOMPARE(role_color(Role::Management), QColor(0xCC, 0x79, 0xA7));
    QCOMPARE(role_color(Role::Power), QColor(0xF0, 0xE4, 0x42));
    QCOMPARE(role_color(Role::Cooling), QColor(0x56, 0xB4, 0xE9));
    QCOMPARE(QString::fromStdString(role_rgb(DeviceRole::Compute).hex()), QStringLiteral("#0072b2"));
  }

  void the_tier_fills_are_qts_lighter_and_darker_switch_colour() {
    const QColor sw = role_color(Role::Switch);
    const QColor fills[] = {role_color(Role::Compute), sw.lighter(125), sw, sw.darker(130)};
    for (int tier = 0; tier < 4; ++tier) {
      const TierColors c = topology_tier_colors(tier);
      // As 8-bit RGB: Qt keeps 16-bit components, rounded when painted or named.
      QCOMPARE(to_qcolor(c.fill).rgb(), fills[tier].rgb());
      QCOMPARE(to_qcolor(c.stroke).rgb(), fills[tier].darker(150).rgb());
    }
    QCOMPARE(to_qcolor(topology_tier_colors(0).text), QColor(Qt::white));
    QCOMPARE(to_qcolor(topology_tier_colors(2).text), QColor(Qt::black));
    QCOMPARE(to_qcolor(topology_tier_colors(7).fill).rgb(), sw.darker(130).rgb());  // tiers above the cores
  }
};

QTEST_MAIN(RolePaletteTest)
#include "role_palette_test.moc"
