#pragma once

#include <QMessageBox>

namespace plab::ui {

/// Help > Keys and Mouse (F1): every key and mouse gesture of the window in one table, and what
/// the timeline does. Not modal, so it can stay open beside the window while the user tries
/// them.
class KeysDialog : public QMessageBox
{
    Q_OBJECT

public:
    explicit KeysDialog(QWidget* parent = nullptr);
};

/// Opens the keys help over \p parent (not modal, deleted when closed).
void showKeysDialog(QWidget* parent);

} // namespace plab::ui
