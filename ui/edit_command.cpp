#include "edit_command.h"

#include "design_document.h"

namespace cf::ui {

EditCommand::EditCommand(DesignDocument& document, std::unique_ptr<Edit> applied_edit)
    : document_(document), edit_(std::move(applied_edit)) {
  setText(QString::fromStdString(edit_->text()));
}

void EditCommand::undo() {
  edit_->revert(document_.mutable_design());
  document_.on_design_changed();
}

void EditCommand::redo() {
  if (first_redo_) {
    first_redo_ = false;
    return;
  }
  // It applied on this very design state before, so it applies again; a refusal here would mean
  // the undo history is corrupt, which the edit tests (apply, revert, re-apply) rule out.
  const EditResult result = edit_->apply(document_.mutable_design(), document_.catalog());
  Q_ASSERT(result);
  document_.on_design_changed();
}

}  // namespace cf::ui
