#pragma once

#include "learning/history.h"

#include <QString>
#include <QWidget>

#include <cstddef>

class QLabel;
class QSlider;

namespace plab::ui {

/// What the timeline says about \p position of \p history: "Start (epoch 0)", "Epoch 3" (the end
/// of an epoch) or "Epoch 3 · sample 2/4" (the second of four visits of epoch 3).
/// \p sampleCount is the number of points in the data set.
[[nodiscard]] QString timelineLabel(const learning::History& history, std::size_t position,
                                    std::size_t sampleCount);

/// The slider under the canvas: one position per recorded epoch and, when stepping by samples,
/// per sample visit (see learning::History). Moving it is a lookup in the history.
class Timeline : public QWidget
{
    Q_OBJECT

public:
    explicit Timeline(QWidget* parent = nullptr);

    /// \p count positions, 0 .. count - 1 (at least 1). Keeps the position if it still exists.
    void setCount(int count);
    [[nodiscard]] int count() const;
    /// Moves the handle without emitting positionChosen().
    void setPosition(int position);
    [[nodiscard]] int position() const;
    void setLabel(const QString& text);
    [[nodiscard]] QString label() const;

Q_SIGNALS:
    /// The user moved the handle (drag, click, keys, wheel).
    void positionChosen(int position);

protected:
    /// QEvent::LanguageChange: the tooltip again (the label is the presenter's to write).
    void changeEvent(QEvent* event) override;

private:
    void retranslateUi();

    QSlider* m_slider = nullptr;
    QLabel* m_label = nullptr;
    bool m_updating = false;
};

} // namespace plab::ui
