#pragma once
// Compare: two or three designs side by side — the open design (live: it follows every edit),
// design files the user adds, and variants of the open design with another server model — with
// the core's DesignComparison in a table (differences against the first design, the baseline),
// a bar chart of one chosen figure, and optionally a training projection of one model on each.
// Analyses and projections run off the GUI thread; the view never changes the open design. While
// the view is hidden it leaves the open design alone; it catches up when shown.

#include <QString>
#include <QStringList>
#include <QWidget>
#include <memory>
#include <optional>
#include <vector>

#include "analysis/design_comparison.h"
#include "catalog/catalog.h"
#include "training/model.h"
#include "training/training_report.h"

class QCheckBox;
class QComboBox;
class QDoubleSpinBox;
class QLabel;
class QPushButton;
class QSpinBox;
class QTableView;
class QChart;
class QChartView;

namespace cf::ui {

class ComparisonTableModel;
class RefreshWhenShown;
class DesignDocument;

class CompareView : public QWidget {
  Q_OBJECT

 public:
  static constexpr int kMaxDesigns = 3;

  // `catalog` must outlive the view (the main window's). Models for the training comparison are
  // read from `models_dir` (default: the installed resources/models).
  explicit CompareView(const Catalog& catalog, QWidget* parent = nullptr, QString models_dir = {});
  ~CompareView() override;

  // The open design becomes the first column (the baseline) and follows its edits; nullptr
  // removes it. The document must outlive the view or be replaced first.
  void set_document(DesignDocument* document);
  DesignDocument* document() const { return document_; }

  // Loads a design file and adds it (analysed in the background). False, with the reason in
  // last_error() and message(), when the file cannot be loaded or the view is full.
  bool add_design_file(const QString& path);
  // Duplicates the open design with every device of model `from_catalog_id` replaced by
  // `to_catalog_id` (core replace_model: the wiring is kept, so a swap that would break it is
  // refused with the reason). The variant is a snapshot: later edits of the open design do not
  // reach it.
  bool add_variant(const QString& from_catalog_id, const QString& to_catalog_id, QString* reason = nullptr);
  // Removes a design other than the open one (index as in the comparison's columns).
  bool remove_design(int index);

  // The training comparison: model id of resources/models (empty: none) and tokens to train
  // (0: no time to train). Projects every design in the background.
  void set_training_model(const QString& model_id);
  void set_training_tokens(double tokens);
  // Sequences per step; 0: the model's published batch (a model without one is not projected).
  void set_training_batch(int sequences);
  QStringList training_models() const;

  void set_only_differences(bool only);
  // The figure the bar chart shows (a comparison row key: "tokens_per_s", "usd_per_gpu_hour" …).
  void set_chart_metric(const QString& key);
  QString chart_metric() const;

  // The designs compared now (those whose analysis has arrived), and whether anything is still
  // being analysed or projected.
  int design_count() const;
  bool is_busy() const;
  const DesignComparison& comparison() const;
  ComparisonTableModel* table_model() const { return table_model_; }
  QTableView* table_view() const { return table_; }
  QChart* chart() const;
  const QString& last_error() const { return last_error_; }

 signals:
  // For the status bar: a refused variant, a file that did not load, a projection that failed.
  void message(const QString& text);
  // The table and chart show a new comparison.
  void comparison_changed();

 private:
  enum class Source { Document, File, Variant };
  struct Entry {
    int id = 0;
    Source source = Source::File;
    QString name, path;
    std::shared_ptr<const Design> design;        // files and variants; the document's is live
    std::shared_ptr<const DesignReport> report;  // empty while the analysis runs
    std::shared_ptr<const Bom> bom;              // the document's: rebuilt off the GUI thread
    bool bom_pending = false;
    quint64 bom_generation = 0;
    std::shared_ptr<const TrainingReport> training;
    bool training_pending = false;
    quint64 training_generation = 0;
  };

  void build_ui();
  void add_with_dialog();
  void variant_with_dialog();
  void remove_selected();
  void on_report_changed();
  void refresh_live();  // the open design's column: its BOM, projection and figures
  void refresh_live_bom();
  // The entries the comparison shows (analysed), in column order.
  std::vector<const Entry*> shown() const;
  bool is_stale(const Entry& entry) const;
  void update_stale();
  void add_entry(Source source, QString name, QString path, Design design);
  void analyse(Entry& entry);
  void project(Entry& entry);
  void project_all();
  Entry* find(int id);
  const Design* design_of(const Entry& entry) const;
  void rebuild();
  void rebuild_chart();
  void update_actions();
  void report(const QString& text, bool error);

  const Catalog& catalog_;
  DesignDocument* document_ = nullptr;
  RefreshWhenShown* live_refresh_ = nullptr;
  std::vector<Entry> entries_;  // the document's first
  int next_id_ = 1;
  quint64 generation_ = 0;      // bumped when a projection's inputs change
  int running_ = 0;             // background jobs not yet delivered
  std::vector<ModelSpec> models_;
  std::optional<ModelSpec> training_model_;
  double tokens_ = 0;
  int batch_ = 0;
  QString last_error_;
  QString status_text_;  // the last message, shown when nothing is being computed

  ComparisonTableModel* table_model_ = nullptr;
  QTableView* table_ = nullptr;
  QChartView* chart_view_ = nullptr;
  QComboBox* chart_metric_ = nullptr;
  QComboBox* model_choice_ = nullptr;
  QDoubleSpinBox* tokens_box_ = nullptr;
  QSpinBox* batch_box_ = nullptr;
  QCheckBox* only_differences_ = nullptr;
  QPushButton* add_button_ = nullptr;
  QPushButton* variant_button_ = nullptr;
  QPushButton* remove_button_ = nullptr;
  QLabel* status_ = nullptr;
};

}  // namespace cf::ui
