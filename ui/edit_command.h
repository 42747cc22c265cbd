#pragma once
// One undo step: a core Edit that has already been applied to the document's design. Undo
// reverts it, redo applies it again (it applied once, on the same design, so it applies again).

#include <QUndoCommand>
#include <memory>

#include "design/edit.h"

namespace cf::ui {

class DesignDocument;

class EditCommand : public QUndoCommand {
 public:
  EditCommand(DesignDocument& document, std::unique_ptr<Edit> applied_edit);

  void undo() override;
  void redo() override;

 private:
  DesignDocument& document_;
  std::unique_ptr<Edit> edit_;
  bool first_redo_ = true;  // QUndoStack::push calls redo(); the edit is already applied then
};

}  // namespace cf::ui
