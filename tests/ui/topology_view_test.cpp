// TopologyView and TopologyScene: tiers and nodes of the SuperPOD sample, the minimum cut drawn
// and labelled with the analysis's figure, a click selecting a node's devices, oversubscribed
// links in red, greyed while stale, the fabric chooser and the background layout.

#include "topology_view.h"

#include <QComboBox>
#include <QGraphicsPathItem>
#include <QGraphicsSimpleTextItem>
#include <QGraphicsView>
#include <QSignalSpy>
#include <QTest>

#include "fabric/cluster_generator.h"
#include "topology_scene.h"
#include "ui_test_support.h"
#include "unit_format.h"

using namespace cf;
using namespace cf::ui;

namespace {

const char* const kSuperPod = "dgx-h100-superpod-4su.cluster.json";

int node_named(const TopologyLayout& l, const std::string& label) {
  for (std::size_t n = 0; n < l.nodes.size(); ++n)
    if (l.nodes[n].label == label) return static_cast<int>(n);
  return -1;
}

// The tier (its name) a node is drawn in.
std::string tier_of(const TopologyLayout& l, int node) { return l.tiers[l.nodes[node].tier].name; }

std::unique_ptr<DesignDocument> generated(ClusterRequest req) {
  req.service_fabrics = false;
  req.server_id = "nvidia-dgx-h100";
  req.switch_id = "nvidia-qm9700";
  return std::make_unique<DesignDocument>(test::test_catalog(),
                                          generate_cluster(req, test::test_catalog()).design);
}

// Clicks the centre of a node as the user would, in a shown view.
void click_node(TopologyView& view, int node) {
  const QPointF centre = view.scene()->node_item(node)->sceneBoundingRect().center();
  const QPoint at = view.graphics_view()->mapFromScene(centre);
  QTest::mouseClick(view.graphics_view()->viewport(), Qt::LeftButton, {}, at);
}

}  // namespace

class TopologyViewTest : public QObject {
  Q_OBJECT

 private slots:
  void superpod_tiers_nodes_and_cut() {
    auto doc = test::document_from_sample(kSuperPod);
    TopologyView view;
    view.set_document(doc.get());
    const TopologyScene* scene = view.scene();
    const TopologyLayout& l = scene->layout();
    // NVIDIA RA-11333-001 (samples/README.md): 16 spines, 32 leaves, 127 DGX in 4 SUs.
    QCOMPARE(l.tiers.size(), std::size_t(3));
    QCOMPARE(l.tiers[0].nodes.size(), std::size_t(16));
    QCOMPARE(l.tiers[1].nodes.size(), std::size_t(32));
    QCOMPARE(l.tiers[2].nodes.size(), std::size_t(4));  // the 127 servers, by scalable unit
    for (std::size_t n = 0; n < l.nodes.size(); ++n) QVERIFY(scene->node_item(static_cast<int>(n)));
    QVERIFY(!scene->node_item(static_cast<int>(l.nodes.size())));
    QCOMPARE(view.fabric_chooser()->count(), 1);

    // The cut: 203.2 Tb/s (1016 / 2 × 400G) as the analysis found it, drawn dashed over the 17
    // edges that carry half A's GPU links (split by leaf: units 1 and 2 whole, 4 GPUs of unit 3
    // on su3-leaf1).
    const double bisection = doc->report().network.fabrics.at(0).bisection_bps;
    QCOMPARE(bisection, 203.2e12);
    QVERIFY(scene->cut_item());
    QCOMPARE(scene->cut_item()->pen().style(), Qt::DashLine);
    QVERIFY(scene->cut_item()->pen().widthF() >= 3);
    QCOMPARE(scene->cut_item()->path().elementCount(), 2 * 17);
    QVERIFY(scene->cut_label());
    QCOMPARE(scene->cut_label()->text(), QStringLiteral("min cut: 203.2 Tb/s"));
    QCOMPARE(format_bps(bisection), QStringLiteral("203.2 Tb/s"));
    int cut_edges = 0;
    for (const TopologyEdge& e : l.edges) cut_edges += e.in_cut() ? 1 : 0;
    QCOMPARE(cut_edges, 17);
    QVERIFY(scene->legend_item());

    // 1:1 leaves: their uplinks are on the ramp, not red; GPU links have no figure (grey).
    const LoadScale scale = TopologyScene::oversubscription_scale();
    for (std::size_t i = 0; i < l.edges.size(); ++i) {
      const QColor c = scene->edge_item(static_cast<int>(i))->pen().color();
      if (tier_of(l, l.edges[i].lower) == "Leaves")
        QVERIFY(c != LoadScale::over_limit_color());
      else
        QCOMPARE(c, LoadScale::no_figure_color());
    }
  }

  void clicking_a_node_selects_its_devices() {
    auto doc = test::document_from_sample(kSuperPod);
    TopologyView view;
    view.resize(1400, 900);
    view.set_document(doc.get());
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    view.zoom_to_fit();
    QSignalSpy messages(&view, &TopologyView::message);

    const int leaf = node_named(view.scene()->layout(), "su2-leaf3");
    QVERIFY(leaf >= 0);
    click_node(view, leaf);
    QCOMPARE(doc->selection(), QStringList{QStringLiteral("su2-leaf3")});
    QCOMPARE(messages.count(), 1);

    // A collapsed node selects every server it stands for: unit 2's 32 DGX.
    const int unit = node_named(view.scene()->layout(), "Servers of unit 2 (32)");
    QVERIFY(unit >= 0);
    click_node(view, unit);
    QCOMPARE(doc->selection().size(), 32);
    QCOMPARE(doc->selection().front(), QStringLiteral("su2-dgx01"));

    // Empty space clears the selection.
    QTest::mouseClick(view.graphics_view()->viewport(), Qt::LeftButton, {}, QPoint(3, 3));
    QVERIFY(doc->selection().isEmpty());
  }

  void oversubscribed_uplinks_are_red() {
    // 64 DGX H100 asked at 2:1 at the leaves.
    ClusterRequest req;
    req.servers = 64;
    req.leaf_oversubscription = 2;
    auto doc = generated(req);
    const FabricReport& f = doc->report().network.fabrics.at(0);
    QVERIFY(f.oversubscription_leaf && *f.oversubscription_leaf > 1.0);
    TopologyView view;
    view.set_document(doc.get());
    const TopologyLayout& l = view.scene()->layout();
    int uplinks = 0;
    for (std::size_t i = 0; i < l.edges.size(); ++i) {
      if (tier_of(l, l.edges[i].lower) != "Leaves") continue;
      QCOMPARE(view.scene()->edge_item(static_cast<int>(i))->pen().color(), LoadScale::over_limit_color());
      ++uplinks;
    }
    QVERIFY(uplinks > 0);
    // Half the leaves' capacity up: the cut is at the uplinks, not at the GPU links.
    int cut_uplinks = 0, cut_gpu_links = 0;
    for (const TopologyEdge& e : l.edges)
      (tier_of(l, e.lower) == "Leaves" ? cut_uplinks : cut_gpu_links) += e.cut_links;
    // The generator's 2:1 on 64-port leaves: 42 down, 22 up, one down slot for the fabric
    // manager: 41 GPUs over 22 uplinks (2 to each of 11 spines). The split by leaf takes leaves
    // r1-r6 of unit 1 (246 GPUs) and 10 GPUs of r7: their 6 × 22 uplinks and, on the shared leaf,
    // the 10 GPU links are the cut: 142 × 400G = 56.8 Tb/s.
    QCOMPARE(*f.oversubscription_leaf, 41.0 / 22);
    QCOMPARE(cut_uplinks, 132);
    QCOMPARE(cut_gpu_links, 10);
    QCOMPARE(f.bisection_bps, 56.8e12);
    QCOMPARE(view.scene()->cut_label()->text(),
             QStringLiteral("min cut: ") + format_bps(f.bisection_bps));
  }

  void edges_are_pixmaps_on_screen_scaled_while_zooming_and_vectors_elsewhere() {
    auto doc = test::document_from_sample(kSuperPod);
    TopologyView view;
    view.resize(1200, 800);
    view.set_document(doc.get());
    view.show();
    TopologyScene* scene = view.scene();
    QGraphicsPathItem* cut = scene->cut_item();
    QVERIFY(cut);
    QCOMPARE(cut->cacheMode(), QGraphicsItem::DeviceCoordinateCache);
    QCOMPARE(scene->edge_item(0)->cacheMode(), QGraphicsItem::DeviceCoordinateCache);
    // A zoom step: drawn from the picture before it, in scene units, until the zoom settles.
    view.zoom_by(1.1);
    QVERIFY(scene->zooming());
    QCOMPARE(cut->cacheMode(), QGraphicsItem::ItemCoordinateCache);
    QTRY_VERIFY_WITH_TIMEOUT(!scene->zooming(), 5 * TopologyView::kSettleMs);
    QCOMPARE(cut->cacheMode(), QGraphicsItem::DeviceCoordinateCache);
    // The same layout in a scene of its own (what the exports render): plain vectors.
    TopologyScene for_export;
    for_export.set_layout(scene->layout());
    QCOMPARE(for_export.cut_item()->cacheMode(), QGraphicsItem::NoCache);
    QCOMPARE(for_export.edge_item(0)->cacheMode(), QGraphicsItem::NoCache);
    for_export.set_zooming(true);  // nothing to scale: it has no screen cache
    QVERIFY(!for_export.zooming());
  }

  void greyed_while_stale_and_redrawn_after() {
    auto doc = test::document_from_sample(kSuperPod);
    TopologyView view;
    view.set_document(doc.get());
    QSignalSpy redrawn(&view, &TopologyView::layout_ready);
    QVERIFY(!view.scene()->is_stale());
    QVERIFY(doc->apply(unmount_device("su4-dgx32")));
    QVERIFY(doc->report_is_stale());
    QVERIFY(view.scene()->is_stale());
    QVERIFY(view.scene()->node_item(0)->opacity() < 1.0);
    QVERIFY(redrawn.wait(3000));
    QVERIFY(!view.scene()->is_stale());
    QCOMPARE(view.scene()->node_item(0)->opacity(), 1.0);
    // One DGX less: 126 servers, 1008 GPU links, 504 × 400G = 201.6 Tb/s.
    const TopologyLayout& l = view.scene()->layout();
    QCOMPARE(l.tiers[2].devices, 126);
    QCOMPARE(view.scene()->cut_label()->text(), QStringLiteral("min cut: 201.6 Tb/s"));
  }

  void fabric_chooser_switches_planes() {
    ClusterRequest req;
    req.servers = 8;
    req.planes = 2;
    auto doc = generated(req);
    TopologyView view;
    view.set_document(doc.get());
    QCOMPARE(view.fabric_chooser()->count(), 2);
    QCOMPARE(view.fabric_id(), QStringLiteral("compute-p1"));
    QCOMPARE(view.scene()->layout().fabric_id, std::string("compute-p1"));
    view.fabric_chooser()->setCurrentIndex(1);
    QCOMPARE(view.fabric_id(), QStringLiteral("compute-p2"));
    QCOMPARE(view.scene()->layout().fabric_id, std::string("compute-p2"));
    // 8 servers × 4 rails of the second plane's NIC ports.
    int gpu_links = 0;
    for (const TopologyEdge& e : view.scene()->layout().edges)
      if (tier_of(view.scene()->layout(), e.lower) == "Servers") gpu_links += e.links;
    QCOMPARE(gpu_links, 32);
  }

  void background_layout_gives_the_same_drawing() {
    auto doc = test::document_from_sample(kSuperPod);
    TopologyView view;
    view.set_background_layout_devices(0);
    QSignalSpy ready(&view, &TopologyView::layout_ready);
    view.set_document(doc.get());
    QVERIFY(view.layout_pending());
    QVERIFY(ready.wait(5000));
    QVERIFY(!view.layout_pending());
    QCOMPARE(view.scene()->layout().nodes.size(), std::size_t(16 + 32 + 4));
    QCOMPARE(view.scene()->cut_label()->text(), QStringLiteral("min cut: 203.2 Tb/s"));
  }

  void no_document_and_formats() {
    TopologyView view;
    view.set_document(nullptr);
    QVERIFY(view.scene()->layout().tiers.empty());
    QVERIFY(!view.scene()->cut_item());
    QCOMPARE(format_bps(400e9), QStringLiteral("400 Gb/s"));
    QCOMPARE(format_bps(1.6e15), QStringLiteral("1.6 Pb/s"));
    QCOMPARE(format_ratio(2.0), QStringLiteral("2:1"));
    QCOMPARE(format_ratio(std::nullopt), QString::fromUtf16(kUnknownFigure));
  }
};

QTEST_MAIN(TopologyViewTest)
#include "topology_view_test.moc"
