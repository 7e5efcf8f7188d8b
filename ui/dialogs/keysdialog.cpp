#include "ui/dialogs/keysdialog.h"

using namespace Qt::StringLiterals;

namespace plab::ui {

KeysDialog::KeysDialog(QWidget* parent)
    : QMessageBox(QMessageBox::NoIcon, tr("Keys and Mouse"), QString(), QMessageBox::Close, parent)
{
    setObjectName(u"keysDialog"_s);
    const QString rows[][2] = {
        {tr("Left click"), tr("place a point of the active class")},
        {tr("Right click / Shift+click"),
         tr("place a point of class 1 while class 0 is active, of class 0 otherwise")},
        {tr("1 … 8"), tr("choose the active class: key k places class k − 1 (key 3: class 2)")},
        {tr("Drag a point"), tr("move it (one undo step)")},
        {tr("Drag on empty space"), tr("select points in a rectangle")},
        {tr("Delete, Backspace"), tr("remove the selected or hovered points")},
        {tr("Wheel, +, −"), tr("zoom around the cursor")},
        {tr("Middle drag, Space+drag"), tr("pan")},
        {tr("Ctrl+0, Home"), tr("fit the view to the data")},
        {tr("Space"), tr("train / pause")},
        {tr("S"), tr("step one sample: shows the update")},
        {tr("N, Right"), tr("step one epoch")},
        {tr("Left"), tr("one step back in the recorded run")},
        {tr("R"), tr("reset to epoch 0")},
        {tr("Ctrl+Z, Ctrl+Shift+Z"), tr("undo, redo")},
        {tr("Ctrl+Y"), tr("redo")},
    };
    QString html = u"<table cellspacing=\"4\">"_s;
    for (const auto& row : rows)
        html += u"<tr><td><b>"_s + row[0].toHtmlEscaped() + u"</b></td><td>"_s +
                row[1].toHtmlEscaped() + u"</td></tr>"_s;
    html += u"</table><p>"_s +
            tr("The timeline under the plot scrubs through every recorded epoch and sample "
               "visit. Training from a past position continues from there and drops the "
               "recorded run after it.")
                .toHtmlEscaped() +
            u"</p>"_s;
    setTextFormat(Qt::RichText);
    setText(html);
}

void showKeysDialog(QWidget* parent)
{
    auto* box = new KeysDialog(parent);
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->setModal(false);
    box->show();
}

} // namespace plab::ui
