#include "ui/mainwindow/windowstatusbar.h"

#include "ui/panels/parameterpanel.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QStatusBar>
#include <QStringList>
#include <QStyle>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace plab::ui {

WindowStatusBar::WindowStatusBar(QStatusBar* bar)
    : QObject(bar), m_cursor(new QLabel(bar)), m_selection(new QLabel(bar)),
      m_counts(new QLabel(bar)), m_accuracy(new QLabel(bar)), m_autosaveMarker(new QWidget(bar)),
      m_autosaveIcon(new QLabel(m_autosaveMarker)), m_autosaveText(new QLabel(m_autosaveMarker))
{
    m_selection->setObjectName(u"selectionCount"_s);
    for (auto* label : {m_cursor, m_selection, m_counts, m_accuracy}) {
        label->setContentsMargins(6, 0, 6, 0);
        bar->addPermanentWidget(label);
    }
    m_cursor->setMinimumWidth(
        m_cursor->fontMetrics().horizontalAdvance(u"x₁ = −0000.00  x₂ = −0000.00"_s));

    // Shown only while changes are not being autosaved; stays until they are again.
    m_autosaveMarker->setObjectName(u"autosaveMarker"_s);
    auto* markerLayout = new QHBoxLayout(m_autosaveMarker);
    markerLayout->setContentsMargins(6, 0, 6, 0);
    markerLayout->setSpacing(4);
    QFont bold = m_autosaveText->font();
    bold.setBold(true);
    m_autosaveText->setFont(bold);
    markerLayout->addWidget(m_autosaveIcon);
    markerLayout->addWidget(m_autosaveText);
    m_autosaveMarker->hide();
    bar->insertPermanentWidget(0, m_autosaveMarker);
    m_selection->hide();
}

void WindowStatusBar::showCursor(std::optional<QPointF> world)
{
    if (!world) {
        m_cursor->clear();
        return;
    }
    m_cursor->setText(u"x₁ = "_s + formatNumber(world->x()) + u"  x₂ = "_s +
                      formatNumber(world->y()));
}

void WindowStatusBar::showCounts(const learning::Dataset& data)
{
    // Classes 0 and 1 always, and every further class up to the largest label.
    QStringList counts;
    const int classes =
        std::max(2, data.empty() ? 0 : 1 + *std::ranges::max_element(data.labels()));
    for (int cls = 0; cls < classes; ++cls)
        counts << tr("class %1: %2").arg(cls).arg(data.count(cls));
    m_counts->setText(counts.join(u" · "_s));
}

void WindowStatusBar::showSelection(std::size_t selected)
{
    m_selection->setVisible(selected > 0);
    m_selection->setText(selected > 0 ? tr("%1 selected").arg(selected) : QString());
}

void WindowStatusBar::showAccuracy(std::optional<double> accuracy)
{
    if (accuracy)
        m_accuracy->setText(tr("accuracy %1 %").arg(QString::number(100.0 * *accuracy, 'f', 1)));
    else
        m_accuracy->clear();
}

void WindowStatusBar::showAutosaveProblem(const QString& problem, const QString& details)
{
    if (problem.isEmpty()) {
        m_autosaveMarker->hide();
        return;
    }
    const int size = m_autosaveText->fontMetrics().height();
    m_autosaveIcon->setPixmap(
        m_autosaveMarker->style()->standardIcon(QStyle::SP_MessageBoxWarning).pixmap(size));
    m_autosaveText->setText(tr("Not autosaved: %1").arg(problem));
    m_autosaveMarker->setToolTip(details);
    m_autosaveMarker->show();
}

} // namespace plab::ui
