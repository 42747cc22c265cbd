#include "dashboard_charts.h"

#include <QApplication>
#include <QBarCategoryAxis>
#include <QBarSet>
#include <QChart>
#include <QHorizontalStackedBarSeries>
#include <QLineSeries>
#include <QLogValueAxis>
#include <QPieSeries>
#include <QPieSlice>
#include <QValueAxis>
#include <algorithm>
#include <unordered_map>

#include "load_scale.h"
#include "role_palette.h"
#include "training_format.h"
#include "unit_format.h"

namespace cf::ui {

namespace {

// Quiet and legible on a projector: no animation, no gradient, the application's font at a
// readable size, a bold title.
QChart* new_chart(const QString& title) {
  auto* chart = new QChart;
  chart->setAnimationOptions(QChart::NoAnimation);
  chart->setBackgroundRoundness(0);
  chart->setMargins(QMargins(6, 6, 6, 6));
  QFont font = QApplication::font();
  font.setPointSizeF(std::max(10.0, font.pointSizeF()));
  QFont title_font = font;
  title_font.setBold(true);
  title_font.setPointSizeF(font.pointSizeF() * 1.15);
  chart->setTitleFont(title_font);
  chart->setTitle(title);
  chart->legend()->setFont(font);
  return chart;
}

void style_axis(QAbstractAxis* axis, const QString& title) {
  QFont font = QApplication::font();
  font.setPointSizeF(std::max(10.0, font.pointSizeF()));
  axis->setLabelsFont(font);
  axis->setTitleFont(font);
  axis->setTitleText(title);
}

// Adds `series` to `chart` as horizontal bars: category axis `names` on the left, the value axis
// (from 0, titled with its unit) at the bottom. Returns the value axis for further styling.
QValueAxis* add_horizontal_bars(QChart* chart, QAbstractBarSeries* series, const QStringList& names,
                                const QString& value_title) {
  chart->addSeries(series);
  auto* y = new QBarCategoryAxis;
  y->append(names);
  style_axis(y, QString());
  // Qt 6.4 elides every category label to "..." on a vertical bar-category axis although the
  // layout gives the axis the labels' full width.
  y->setTruncateLabels(false);
  auto* x = new QValueAxis;
  style_axis(x, value_title);
  x->setMin(0);
  chart->addAxis(y, Qt::AlignLeft);
  chart->addAxis(x, Qt::AlignBottom);
  series->attachAxis(x);
  series->attachAxis(y);
  x->applyNiceNumbers();
  return x;
}

Role role_of(PowerCategory c) {
  switch (c) {
    case PowerCategory::Compute: return Role::Compute;
    case PowerCategory::Management: return Role::Management;
    case PowerCategory::Switch: return Role::Switch;
    case PowerCategory::Storage: return Role::Storage;
    case PowerCategory::Cooling: return Role::Cooling;
    case PowerCategory::Other: break;
  }
  return Role::Other;
}

Role role_of_bom(const std::string& category) {
  if (category == "Servers" || category == "GPUs") return Role::Compute;
  if (category == "Switches") return Role::Switch;
  if (category == "Storage") return Role::Storage;
  if (category == "PDUs") return Role::Power;
  if (category == "Cooling") return Role::Cooling;
  return Role::Other;  // racks, cables and optics, NICs
}

// Paul Tol's "muted" qualitative scheme: step components are not roles, so not role colours.
QColor component_color(int index) {
  static const QColor colors[] = {QColor(0x33, 0x22, 0x88), QColor(0x88, 0xCC, 0xEE), QColor(0x44, 0xAA, 0x99),
                                  QColor(0x11, 0x77, 0x33), QColor(0x99, 0x99, 0x33), QColor(0xDD, 0xCC, 0x77),
                                  QColor(0xCC, 0x66, 0x77), QColor(0x88, 0x22, 0x55), QColor(0xAA, 0x44, 0x99)};
  return colors[index % 9];
}

QString usd_text(double usd, double scale) { return QString::number(usd / scale, 'f', scale >= 1e6 ? 2 : 1); }

}  // namespace

QString step_component_name(int index) {
  static const char* const names[] = {"Compute", "Recompute", "TP collectives", "CP exchange", "EP all-to-all",
                                      "PP sends", "Pipeline bubble", "DP reduction", "Optimizer"};
  return QObject::tr(names[index]);
}

double step_component_s(const StepBreakdown& b, int index) {
  const double values[] = {b.compute, b.recompute, b.tp_comm, b.cp_comm, b.ep_comm,
                           b.pp_comm, b.bubble,    b.dp_comm, b.optimizer};
  return values[index];
}

QChart* empty_chart(const QString& title, const QString& why) {
  QChart* chart = new_chart(title + QStringLiteral("<br><span style='font-weight:normal'>") + why.toHtmlEscaped() +
                            QStringLiteral("</span>"));
  chart->legend()->hide();
  return chart;
}

QChart* power_category_chart(const PowerReport& power) {
  QChart* chart = new_chart(QObject::tr("IT power by category, kW (total %1 kW; facility %2 kW at PUE %3)")
                                .arg(format_kw(power.it_w), format_kw(power.facility_w))
                                .arg(power.pue, 0, 'f', 2));
  auto* series = new QPieSeries;
  for (const CategoryPower& c : power.categories) {
    if (c.devices == 0) continue;
    QPieSlice* slice = series->append(QString::fromStdString(to_string(c.category)), c.it_w / 1000.0);
    slice->setColor(role_color(role_of(c.category)));
    slice->setBorderColor(Qt::white);
    slice->setLabel(QObject::tr("%1: %2 kW").arg(QString::fromStdString(to_string(c.category)), format_kw(c.it_w)));
  }
  // Labels on the slices that have room for them; the legend names every slice.
  for (QPieSlice* slice : series->slices()) {
    slice->setLabelVisible(power.it_w > 0 && slice->value() * 1000.0 / power.it_w >= 0.08);
    slice->setLabelPosition(QPieSlice::LabelOutside);
  }
  series->setPieSize(0.6);
  chart->addSeries(series);
  chart->legend()->setAlignment(Qt::AlignRight);
  if (power.devices_without_power > 0)
    chart->setToolTip(QObject::tr("%n device(s) without a power figure in the catalog are left out", nullptr,
                                  power.devices_without_power));
  return chart;
}

QChart* rack_power_chart(const PowerReport& power, const Design& design, int top) {
  std::vector<const RackPowerReport*> racks;
  for (const RackPowerReport& r : power.racks) racks.push_back(&r);
  std::stable_sort(racks.begin(), racks.end(), [](auto* a, auto* b) { return a->it_w > b->it_w; });
  const int total = static_cast<int>(racks.size());
  if (top > 0 && total > top) racks.resize(static_cast<std::size_t>(top));
  const QString scope = total > static_cast<int>(racks.size())
                            ? QObject::tr("the %1 most loaded of %2 racks").arg(racks.size()).arg(total)
                            : QObject::tr("%n rack(s)", nullptr, total);
  QChart* chart = new_chart(QObject::tr("IT power per rack, kW (%1)").arg(scope));
  std::unordered_map<std::string, std::optional<double>> limits;
  for (const Rack& r : design.racks) limits[r.id] = r.power_limit_w;

  // Most loaded at the top; one set per rack, its value at its own category, so that each bar
  // gets its own load-scale colour.
  std::reverse(racks.begin(), racks.end());
  auto* series = new QHorizontalStackedBarSeries;
  series->setBarWidth(0.75);
  QStringList names;
  for (std::size_t i = 0; i < racks.size(); ++i) {
    const RackPowerReport& r = *racks[i];
    const QString id = QString::fromStdString(r.id);
    names << id;
    auto* set = new QBarSet(id);
    for (std::size_t j = 0; j < racks.size(); ++j) *set << (i == j ? r.it_w / 1000.0 : 0.0);
    const std::optional<double> limit = limits[r.id];
    QColor color = LoadScale::no_figure_color();
    if (limit && *limit > 0) color = LoadScale(0, *limit, {}, {}).color(r.it_w);
    set->setColor(color);
    set->setBorderColor(color.darker(130));
    series->append(set);
  }
  QValueAxis* x = add_horizontal_bars(chart, series, names, QObject::tr("kW at the training load"));
  x->setLabelFormat(QStringLiteral("%.0f"));
  chart->legend()->hide();
  chart->setToolTip(QObject::tr("Colour: the rack's load against its own power limit (load scale); red: over "
                                "the limit; grey: the rack has no power limit"));
  return chart;
}

QChart* cost_chart(const CostReport& cost) {
  const double scale = cost.tco_usd >= 1e6 ? 1e6 : 1e3;
  const QString unit = scale == 1e6 ? QObject::tr("$ million") : QObject::tr("$ thousand");
  QString title = QObject::tr("Cost over %1 years, %2: TCO %3 = CapEx %4 + energy %5/year")
                      .arg(cost.years, 0, 'g', 3)
                      .arg(unit, usd_text(cost.tco_usd, scale), usd_text(cost.capex_usd, scale),
                           usd_text(cost.opex_usd_per_year, scale));
  if (cost.items_without_price > 0)
    title += QObject::tr("<br><span style='font-weight:normal'>%n item line(s) without a price left out</span>",
                         nullptr, cost.items_without_price);
  QChart* chart = new_chart(title);

  struct Bar {
    QString name;
    double usd;
    QColor color;
  };
  std::vector<Bar> bars;
  for (const CategoryCost& c : cost.hardware_by_category) {
    if (c.usd <= 0) continue;  // unpriced categories have no figure to draw, not a zero
    bars.push_back({QString::fromStdString(c.category) + (c.has_estimates ? QObject::tr(" (est.)") : QString()), c.usd,
                    role_color(role_of_bom(c.category))});
  }
  const QColor neutral = role_color(Role::Other);
  bars.push_back({QObject::tr("Integration (%1 %)").arg(100 * cost.integration_factor, 0, 'g', 3),
                  cost.integration_usd, neutral});
  bars.push_back({QObject::tr("Energy, %1 years").arg(cost.years, 0, 'g', 3), cost.years * cost.opex_usd_per_year,
                  neutral.darker(140)});

  auto* series = new QHorizontalStackedBarSeries;
  series->setBarWidth(0.75);
  QStringList names;
  for (std::size_t i = 0; i < bars.size(); ++i) {
    names << bars[i].name;
    auto* set = new QBarSet(bars[i].name);
    for (std::size_t j = 0; j < bars.size(); ++j) *set << (i == j ? bars[i].usd / scale : 0.0);
    set->setColor(bars[i].color);
    set->setBorderColor(bars[i].color.darker(130));
    series->append(set);
  }
  add_horizontal_bars(chart, series, names, unit);
  chart->legend()->hide();
  chart->setToolTip(QObject::tr("Hardware: the bill of materials at catalog prices (estimates marked); integration: "
                                "a share of hardware; energy: facility power × 8,760 h × $/kWh × years "
                                "(docs/methods.md, \"Cost and TCO\")"));
  return chart;
}

QChart* step_time_chart(const TrainingReport& report) {
  const Projection* best = report.best();
  if (!best) return nullptr;
  QChart* chart = new_chart(QObject::tr("Step time of the best plan, s (total %1 s on %2 GPUs)")
                                .arg(best->step_time_s, 0, 'f', 3)
                                .arg(best->plan.gpus()));
  auto* series = new QHorizontalStackedBarSeries;
  for (int i = 0; i < kStepComponents; ++i) {
    const double s = step_component_s(best->breakdown, i);
    if (s <= 0) continue;
    auto* set = new QBarSet(QObject::tr("%1 %2 s").arg(step_component_name(i)).arg(s, 0, 'f', 3));
    *set << s;
    set->setColor(component_color(i));
    set->setBorderColor(component_color(i).darker(130));
    series->append(set);
  }
  add_horizontal_bars(chart, series, {QObject::tr("Step")}, QObject::tr("seconds"));
  chart->legend()->setAlignment(Qt::AlignBottom);
  chart->setToolTip(QObject::tr("The core's step model: kernels at calibrated roofline efficiency, exposed "
                                "collectives on this design's links, the 1F1B bubble, the optimizer "
                                "(docs/methods.md, \"Step time\")"));
  return chart;
}

QChart* scaling_chart(const ScalingCurve& curve) {
  QChart* chart = new_chart(QObject::tr("Throughput (tokens/s) and time to train (days) against GPUs"));
  double top_tokens = 0;
  for (const ScalingPoint& p : curve.points) top_tokens = std::max(top_tokens, p.tokens_per_s.value_or(0));
  // Thousands or millions of tokens/s on the axis: short labels, legible from the back row.
  const double unit = top_tokens >= 1e6 ? 1e6 : top_tokens >= 1e3 ? 1e3 : 1;
  const QString unit_name = unit == 1e6   ? QObject::tr("million tokens/s")
                            : unit == 1e3 ? QObject::tr("thousand tokens/s")
                                          : QObject::tr("tokens/s");
  auto* throughput = new QLineSeries;
  throughput->setName(QObject::tr("Throughput, %1").arg(unit_name));
  auto* days = new QLineSeries;
  days->setName(QObject::tr("Time to train, days"));
  double max_tokens = 0, max_days = 0;
  int min_gpus = 0, max_gpus = 0;
  for (const ScalingPoint& p : curve.points) {
    if (!p.tokens_per_s) continue;
    throughput->append(p.gpus, *p.tokens_per_s / unit);
    max_tokens = std::max(max_tokens, *p.tokens_per_s / unit);
    if (p.time_to_train_s) {
      days->append(p.gpus, *p.time_to_train_s / 86400);
      max_days = std::max(max_days, *p.time_to_train_s / 86400);
    }
    if (min_gpus == 0) min_gpus = p.gpus;
    max_gpus = p.gpus;
  }
  for (QLineSeries* s : {throughput, days}) {
    s->setPointsVisible(true);
    QPen pen = s->pen();
    pen.setWidthF(2.5);
    s->setPen(pen);
  }
  throughput->setColor(role_color(Role::Compute));
  days->setColor(QColor(0x33, 0x33, 0x33));
  chart->addSeries(throughput);
  chart->addSeries(days);
  auto* x = new QLogValueAxis;
  x->setBase(2);
  x->setLabelFormat(QStringLiteral("%.0f"));
  style_axis(x, QObject::tr("GPUs given to the job"));
  if (min_gpus > 0) x->setRange(min_gpus / 1.3, max_gpus * 1.3);
  auto* left = new QValueAxis;
  style_axis(left, unit_name);
  left->setRange(0, max_tokens > 0 ? max_tokens * 1.05 : 1);
  left->applyNiceNumbers();
  left->setLabelFormat(QStringLiteral("%.4g"));
  auto* right = new QValueAxis;
  style_axis(right, QObject::tr("days"));
  right->setRange(0, max_days > 0 ? max_days * 1.05 : 1);
  right->applyNiceNumbers();
  right->setLabelFormat(QStringLiteral("%.4g"));
  chart->addAxis(x, Qt::AlignBottom);
  chart->addAxis(left, Qt::AlignLeft);
  chart->addAxis(right, Qt::AlignRight);
  throughput->attachAxis(x);
  throughput->attachAxis(left);
  days->attachAxis(x);
  days->attachAxis(right);
  right->setVisible(days->count() > 0);
  chart->legend()->setAlignment(Qt::AlignBottom);
  chart->setToolTip(QObject::tr("Each point: the best plan on that many of this design's GPUs, same scale-up "
                                "domain and per-GPU scale-out bandwidth; time to train includes goodput"));
  return chart;
}

}  // namespace cf::ui
