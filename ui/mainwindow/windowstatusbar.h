#pragma once

#include "learning/dataset.h"

#include <QObject>
#include <QPointF>
#include <QString>

#include <cstddef>
#include <optional>

class QLabel;
class QStatusBar;
class QWidget;

namespace plab::ui {

/// The permanent fields of the window's status bar, right of its messages: the marker shown
/// while changes are not being autosaved (objectName "autosaveMarker", the full reason in its
/// tooltip), the cursor's world coordinates, how many points are selected (objectName
/// "selectionCount", only while some are), the points per class and the accuracy shown. The
/// window says what to show; a language change is a call of each again.
class WindowStatusBar : public QObject
{
    Q_OBJECT

public:
    /// Adds the fields to \p bar.
    explicit WindowStatusBar(QStatusBar* bar);

    /// "x₁ = 0.25  x₂ = 0.75"; nothing for std::nullopt (the cursor left the plot).
    void showCursor(std::optional<QPointF> world);
    /// "2 selected"; hidden for 0.
    void showSelection(std::size_t selected);
    /// "class 0: 3 · class 1: 1".
    void showCounts(const learning::Dataset& data);
    /// "accuracy 75.0 %" for a fraction in [0, 1]; nothing for std::nullopt (no model shown).
    void showAccuracy(std::optional<double> accuracy);
    /// "⚠ Not autosaved: <problem>" with \p details as its tooltip; hidden when \p problem is
    /// empty.
    void showAutosaveProblem(const QString& problem, const QString& details);

private:
    QLabel* m_cursor;
    QLabel* m_selection;
    QLabel* m_counts;
    QLabel* m_accuracy;
    QWidget* m_autosaveMarker;
    QLabel* m_autosaveIcon;
    QLabel* m_autosaveText;
};

} // namespace plab::ui
