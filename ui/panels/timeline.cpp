#include "ui/panels/timeline.h"

#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QSlider>

#include <algorithm>

namespace plab::ui {

QString timelineLabel(const learning::History& history, std::size_t position,
                      std::size_t sampleCount)
{
    if (const auto* step = history.stepAt(position)) {
        return Timeline::tr("Epoch %1 · sample %2/%3")
            .arg(step->epoch)
            .arg(step->visit + 1)
            .arg(sampleCount);
    }
    const int epoch = history.latestEpochAt(position).epoch;
    if (epoch == 0)
        return Timeline::tr("Start (epoch 0)");
    return Timeline::tr("Epoch %1").arg(epoch);
}

Timeline::Timeline(QWidget* parent) : QWidget(parent)
{
    m_slider = new QSlider(Qt::Horizontal, this);
    m_slider->setRange(0, 0);
    // The window's Left/Right keys step; the slider itself only takes the mouse.
    m_slider->setFocusPolicy(Qt::NoFocus);
    m_label = new QLabel(this);
    retranslateUi();
    m_label->setAlignment(Qt::AlignLeft | Qt::AlignVCenter);

    auto* layout = new QHBoxLayout(this);
    layout->setContentsMargins(6, 2, 6, 2);
    layout->addWidget(m_slider, 1);
    layout->addWidget(m_label);

    connect(m_slider, &QSlider::valueChanged, this, [this](int value) {
        if (!m_updating)
            Q_EMIT positionChosen(value);
    });
}

void Timeline::changeEvent(QEvent* event)
{
    QWidget::changeEvent(event);
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
}

void Timeline::retranslateUi()
{
    m_slider->setToolTip(tr("Scrub through the recorded run: every epoch and, when stepping by "
                            "samples, every sample visit"));
    m_slider->setAccessibleName(tr("Timeline"));
    m_label->setMinimumWidth(m_label->fontMetrics().horizontalAdvance(
        tr("Epoch %1 · sample %2/%3").arg(1000).arg(100).arg(100)));
}

void Timeline::setCount(int count)
{
    m_updating = true;
    const int last = std::max(count, 1) - 1;
    m_slider->setRange(0, last);
    m_slider->setPageStep(std::max(1, last / 20));
    m_updating = false;
}

int Timeline::count() const
{
    return m_slider->maximum() + 1;
}

void Timeline::setPosition(int position)
{
    m_updating = true;
    m_slider->setValue(position);
    m_updating = false;
}

int Timeline::position() const
{
    return m_slider->value();
}

void Timeline::setLabel(const QString& text)
{
    m_label->setText(text);
}

QString Timeline::label() const
{
    return m_label->text();
}

} // namespace plab::ui
