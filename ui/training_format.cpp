#include "training_format.h"

#include <QLocale>
#include <QObject>
#include <cmath>

namespace cf::ui {

QString format_duration(double s) {
  if (s < 120) return QObject::tr("%1 s").arg(s, 0, 'f', s < 10 ? 3 : 1);
  if (s < 2 * 3600) return QObject::tr("%1 min").arg(s / 60, 0, 'f', 1);
  if (s < 3 * 86400) return QObject::tr("%1 h").arg(s / 3600, 0, 'f', 1);
  return QObject::tr("%1 days").arg(s / 86400, 0, 'f', 1);
}

QString format_plan(const ParallelPlan& p) {
  QString text = QStringLiteral("tp %1 · pp %2 · dp %3 · cp %4 · ep %5 · mbs %6 · vpp %7 · recompute %8 · ZeRO %9")
                     .arg(p.tp)
                     .arg(p.pp)
                     .arg(p.dp)
                     .arg(p.cp)
                     .arg(p.ep)
                     .arg(p.mbs)
                     .arg(p.vpp)
                     .arg(QString::fromStdString(to_string(p.recompute)))
                     .arg(p.zero);
  if (p.sp) text += QStringLiteral(" · sp");
  return text;
}

QString format_count(double value) {
  QLocale c(QLocale::English);
  return c.toString(static_cast<qlonglong>(std::llround(value)));
}

}  // namespace cf::ui
