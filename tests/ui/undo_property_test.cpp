// Undo and redo as a property: random sequences of edits (every kind the core offers, alone and
// grouped into one step, many of them refused) applied through the document's undo stack; then
// undoing all gives back the original design exactly, redoing all the final one, and stepping to
// any point in the history gives the design as it was right after that step. A refused edit
// changes nothing and adds no step. Seeded, so a failure names a sequence that reproduces it.

#include <QTest>
#include <QUndoStack>
#include <random>

#include "design/edit.h"
#include "fabric/link_proposal.h"
#include "ui_test_support.h"

using namespace cf;
using namespace cf::ui;

namespace {

// Makes edits against the document's current design: mostly valid ones, some that must be refused
// (taken ids, occupied slots, used ports, out-of-range values).
class RandomEdits {
 public:
  RandomEdits(const Design& design, const Catalog& catalog, unsigned seed)
      : design_(design), catalog_(catalog), rng_(seed) {}

  std::unique_ptr<Edit> next() {
    if (design_.racks.empty()) return add_rack(new_rack());
    if (device_count() == 0) return mount_device(any_rack().id, new_device());
    switch (pick(10)) {
      case 0: return add_rack(new_rack());
      case 1: return move_rack(any_rack().id, any_row(), pick(24));
      case 2: return remove_rack(any_rack().id);
      case 3: return mount_device(any_rack().id, new_device());
      case 4: return move_device(any_device().id, any_rack().id, 1 + pick(48), any_face());
      case 5: return unmount_device(any_device().id);
      case 6: return connect_free_ports();
      case 7: return design_.links.empty() ? disconnect("no-such-link") : disconnect(any_link().id);
      default: return set_random_property();
    }
  }

 private:
  int pick(int n) { return std::uniform_int_distribution<int>(0, n - 1)(rng_); }
  template <class T>
  const T& any_of(const std::vector<T>& list) { return list[static_cast<std::size_t>(pick(static_cast<int>(list.size())))]; }

  std::string fresh_id(const char* prefix) { return std::string(prefix) + "-" + std::to_string(++serial_); }
  // Sometimes an id that is already taken, which every adding edit must refuse.
  std::string new_or_taken_id(const char* prefix) {
    return pick(8) == 0 && !design_.racks.empty() ? any_rack().id : fresh_id(prefix);
  }
  const Rack& any_rack() { return any_of(design_.racks); }
  std::string any_row() { return any_of(design_.rows).id; }
  Face any_face() { return pick(2) ? Face::Front : Face::Rear; }
  int device_count() const {
    int n = 0;
    for (const auto& r : design_.racks) n += static_cast<int>(r.devices.size());
    return n;
  }
  // Uniform over the design's devices (there is at least one).
  const Device& any_device() {
    int k = pick(device_count());
    for (const auto& r : design_.racks) {
      if (k < static_cast<int>(r.devices.size())) return r.devices[static_cast<std::size_t>(k)];
      k -= static_cast<int>(r.devices.size());
    }
    return design_.racks.front().devices.front();  // not reached
  }
  const Link& any_link() { return any_of(design_.links); }

  Rack new_rack() {
    Rack r;
    r.id = new_or_taken_id("rack");
    r.name = "R" + std::to_string(serial_);
    r.catalog_id = "rack-48u-600x1200";
    r.row_id = any_row();
    r.position = pick(30);
    if (pick(2)) r.devices.push_back(new_device());
    return r;
  }
  Device new_device() {
    static const char* const kModels[] = {"nvidia-dgx-h100", "nvidia-qm9700", "raritan-px3-5878i2r"};
    Device d;
    d.id = new_or_taken_id("dev");
    d.catalog_id = kModels[pick(3)];
    d.u = d.catalog_id == "raritan-px3-5878i2r" ? 0 : 1 + pick(47);
    d.face = any_face();
    return d;
  }
  // A link between two devices' free ports, cabled as the GUI's connect dialog proposes it.
  std::unique_ptr<Edit> connect_free_ports() {
    const Device& a = any_device();
    const Device& b = any_device();
    const auto free_a = free_ports(design_, catalog_, a.id);
    const auto free_b = free_ports(design_, catalog_, b.id);
    if (free_a.empty() || free_b.empty()) return connect(Link{});  // refused: no id
    const PortRef pa{a.id, any_of(free_a)}, pb{b.id, any_of(free_b)};
    if (auto link = propose_link(design_, catalog_, pa, pb)) return connect(*link);
    Link l;
    l.id = fresh_id("link");
    l.a = pa;
    l.b = pb;
    l.medium_id = "no-such-medium";
    return connect(l);
  }
  std::unique_ptr<Edit> set_random_property() {
    switch (pick(8)) {
      case 0: return set_property(any_rack().id, "name", Json("Renamed " + std::to_string(pick(100))));
      case 1: return set_property(any_rack().id, "power_limit_kw", Json(10 + pick(80)));
      case 2: return set_property(any_device().id, "u", Json(pick(60)));
      case 3: return set_property(any_device().id, "name", Json("box " + std::to_string(pick(100))));
      case 4:
        return design_.links.empty() ? set_property("", "name", Json("Renamed design"))
                                     : set_property(any_link().id, "length_m", Json(0.5 * pick(400) - 10));
      case 5: return set_property("", "description", Json(pick(2) ? "described" : ""));
      case 6: return set_property("assumptions", "pue", Json(0.9 + 0.1 * pick(8)));
      default: return set_property("site", "rack_pitch_m", Json(0.6 + 0.1 * pick(4)));
    }
  }

  const Design& design_;
  const Catalog& catalog_;
  std::mt19937 rng_;
  int serial_ = 0;
};

}  // namespace

class UndoPropertyTest : public QObject {
  Q_OBJECT

  // Runs `steps` random steps on `doc` and checks the undo history against the designs seen.
  static void check_history(DesignDocument& doc, unsigned seed, int steps) {
    RandomEdits edits(doc.design(), test::test_catalog(), seed);
    std::mt19937 grouping(seed * 7919u);
    QUndoStack* stack = doc.undo_stack();
    std::vector<Design> after_step{doc.design()};  // after_step[k]: the design at stack index k
    QString log;
    for (int step = 0; step < steps; ++step) {
      const Design before = doc.design();
      const int group = std::uniform_int_distribution<int>(1, 4)(grouping) == 4 ? 3 : 1;
      std::vector<std::unique_ptr<Edit>> batch;
      QString text;
      for (int i = 0; i < group; ++i) {
        batch.push_back(edits.next());
        text += (i ? QStringLiteral(" + ") : QString()) + QString::fromStdString(batch.back()->text());
      }
      const int depth = stack->count();
      const bool applied = doc.apply_all(text, std::move(batch));
      log += QStringLiteral("\n  %1 %2").arg(applied ? QStringLiteral("ok     ") : QStringLiteral("refused"), text);
      const QString where = QStringLiteral("seed %1, step %2:%3").arg(seed).arg(step).arg(log);
      if (!applied) {
        QVERIFY2(doc.design() == before, qPrintable(where + "\na refused edit changed the design"));
        QVERIFY2(stack->count() == depth, qPrintable(where + "\na refused edit added an undo step"));
        continue;
      }
      QVERIFY2(stack->count() == depth + 1, qPrintable(where + "\nan applied edit is not one undo step"));
      after_step.push_back(doc.design());
    }
    const QString where = QStringLiteral("seed %1:%2").arg(seed).arg(log);
    if (qEnvironmentVariableIsSet("SHOWLOG")) qInfo("%s", qPrintable(where));
    QVERIFY2(after_step.size() > 1, qPrintable(where + "\nno edit applied"));
    const int last = stack->count();
    stack->setIndex(0);
    QVERIFY2(doc.design() == after_step.front(), qPrintable(where + "\nundo all is not the original"));
    QCOMPARE(design_to_text(doc.design()), design_to_text(after_step.front()));
    stack->setIndex(last);
    QVERIFY2(doc.design() == after_step.back(), qPrintable(where + "\nredo all is not the final design"));
    // Any point of the history, reached backwards and forwards.
    std::mt19937 jumps(seed);
    for (int i = 0; i < 10; ++i) {
      const int k = std::uniform_int_distribution<int>(0, last)(jumps);
      stack->setIndex(k);
      QVERIFY2(doc.design() == after_step[static_cast<std::size_t>(k)],
               qPrintable(where + QStringLiteral("\nstack index %1 is not the design after step %1").arg(k)));
    }
  }

 private slots:
  void undo_all_and_redo_all_on_the_superpod() {
    for (unsigned seed = 1; seed <= 12; ++seed) {
      auto doc = test::document_from_sample("dgx-h100-superpod-4su.cluster.json");
      check_history(*doc, seed, 40);
      if (QTest::currentTestFailed()) return;
    }
  }

  void undo_all_and_redo_all_on_a_small_design() {
    for (unsigned seed = 100; seed < 140; ++seed) {
      auto doc = test::document_from_text(test::kTinyDesign);
      check_history(*doc, seed, 25);
      if (QTest::currentTestFailed()) return;
    }
  }
};

QTEST_MAIN(UndoPropertyTest)
#include "undo_property_test.moc"
