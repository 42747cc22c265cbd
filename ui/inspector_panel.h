#pragma once
// The Inspector dock's widget: the properties of the document's selection (InspectorModel) in a
// tree view with an editor per type (PropertyDelegate), and the core's reason under the tree when
// an edit was refused.

#include <QWidget>

class QLabel;
class QTreeView;

namespace cf::ui {

class DesignDocument;
class InspectorModel;

class InspectorPanel : public QWidget {
  Q_OBJECT

 public:
  explicit InspectorPanel(QWidget* parent = nullptr);

  // nullptr: nothing open.
  void set_document(DesignDocument* document);

  InspectorModel* model() const { return model_; }
  QTreeView* view() const { return view_; }
  // The refusal shown under the tree (empty when hidden).
  QString refusal_text() const;

 signals:
  // A refused edit's reason, for the status bar.
  void message(const QString& text);

 private:
  void show_refusal(const QString& text);

  InspectorModel* model_ = nullptr;
  QTreeView* view_ = nullptr;
  QLabel* refusal_ = nullptr;
};

}  // namespace cf::ui
