#include "ui/panels/networkpanel.h"

#include "editor/modeledits.h"
#include "io/numberformat.h"

#include <QEvent>
#include <QFocusEvent>
#include <QFontMetrics>
#include <QHelpEvent>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QMouseEvent>
#include <QPainter>
#include <QToolTip>

#include <algorithm>
#include <variant>

using namespace Qt::StringLiterals;

namespace plab::ui {

namespace {

using render::NetworkItem;
using render::NetworkPainter;

/// The shortest text that reads back as exactly \p value, with a typographic minus.
QString exact(double value)
{
    QString text = QString::number(value, 'g', QLocale::FloatingPointShortest);
    text.replace(u'-', QChar(0x2212));
    return text;
}

bool hasBias(const learning::ModelShape& shape)
{
    return shape.kind == learning::ModelKind::Network || shape.bias;
}

} // namespace

NetworkPanel::NetworkPanel(QWidget* parent) : QWidget(parent)
{
    setObjectName(u"networkPanel"_s);
    setMouseTracking(true);
    setFocusPolicy(Qt::StrongFocus);
    setAttribute(Qt::WA_OpaquePaintEvent);
    m_editor = new QLineEdit(this);
    m_editor->setObjectName(u"networkParameterEditor"_s);
    m_editor->hide();
    m_editor->installEventFilter(this);
    m_refusal = new QLabel(this);
    m_refusal->setObjectName(u"networkParameterRefusal"_s);
    m_refusal->setWordWrap(true);
    m_refusal->setAutoFillBackground(true);
    m_refusal->setMargin(4);
    m_refusal->setFrameShape(QFrame::Box);
    m_refusal->hide();
    setAccessibleName(tr("Network"));
}

void NetworkPanel::setModel(const std::optional<learning::Model>& model, const io::ViewBox& view)
{
    if (model == m_model && view == m_view)
        return;
    const bool sameShape = model && m_model && model->shape() == m_model->shape();
    m_model = model;
    m_view = view;
    m_frameValid = false;
    if (!sameShape) {
        closeEditor();
        m_hovered.reset();
        m_cursor.reset();
    }
    update();
}

void NetworkPanel::setSettings(const learning::TrainingSettings& settings)
{
    if (settings.rule != m_settings.rule) {
        m_frameValid = false; // whether the output decides (the title, the output's picture)
        update();
    }
    m_settings = settings;
}

void NetworkPanel::setTheme(const render::Theme& theme)
{
    m_painter = render::NetworkPainter(theme);
    m_frameValid = false;
    QPalette p = m_refusal->palette();
    p.setColor(QPalette::Window, theme.plotBackground);
    p.setColor(QPalette::WindowText, theme.errorOutline);
    m_refusal->setPalette(p);
    update();
}

render::NetworkPainter::Layout NetworkPanel::currentLayout() const
{
    return m_painter.layout(QRectF(rect()), m_model ? m_model->shape() : learning::ModelShape());
}

std::vector<NetworkItem> NetworkPanel::parameters() const
{
    std::vector<NetworkItem> items;
    if (!m_model)
        return items;
    const learning::ModelShape& shape = m_model->shape();
    const std::vector<int> sizes = shape.sizes();
    for (int l = 0; l + 1 < int(sizes.size()); ++l)
        for (int j = 0; j < sizes[std::size_t(l) + 1]; ++j) {
            for (int i = 0; i < sizes[std::size_t(l)]; ++i)
                items.push_back(NetworkItem::weight(l, j, i));
            if (hasBias(shape))
                items.push_back(NetworkItem::bias(l, j));
        }
    return items;
}

std::optional<NetworkItem> NetworkPanel::neighbour(const NetworkItem& item, int step) const
{
    const std::vector<NetworkItem> items = parameters();
    if (items.empty())
        return std::nullopt;
    const auto at = std::find(items.begin(), items.end(), item);
    if (at == items.end())
        return items.front();
    const auto n = std::ptrdiff_t(items.size());
    return items[std::size_t((((at - items.begin()) + step) % n + n) % n)];
}

QString NetworkPanel::describeEdit(const learning::ModelShape& shape, const NetworkItem& item,
                                   double value)
{
    return tr("Set %1 to %2").arg(NetworkPainter::parameterName(shape, item), exact(value));
}

QString NetworkPanel::toolTipFor(const NetworkItem& item) const
{
    if (!m_model)
        return {};
    const learning::ModelShape& shape = m_model->shape();
    const auto number = [](double v) { return io::displayNumber(v, 6); };
    switch (item.kind) {
    case NetworkItem::Kind::Weight:
        return tr("%1 = %2\nThe weight from %3 to %4. Click to type a new value.")
            .arg(NetworkPainter::parameterName(shape, item),
                 number(NetworkPainter::parameterValue(*m_model, item)),
                 NetworkPainter::nodeName(shape, item.layer, item.input),
                 NetworkPainter::nodeName(shape, item.layer + 1, item.unit));
    case NetworkItem::Kind::Bias:
        return tr("%1 = %2\nThe bias of %3: its weight from the constant input +1. Click to type a "
                  "new value.")
            .arg(NetworkPainter::parameterName(shape, item),
                 number(NetworkPainter::parameterValue(*m_model, item)),
                 NetworkPainter::nodeName(shape, item.layer + 1, item.unit));
    case NetworkItem::Kind::Unit:
        break;
    }
    const QString name = NetworkPainter::nodeName(shape, item.layer, item.unit);
    if (item.layer == 0)
        return tr("%1: an input of the model.\nIts picture: its value over the view.").arg(name);
    const QString bias = hasBias(shape)
                             ? number(NetworkPainter::parameterValue(
                                   *m_model, NetworkItem::bias(item.layer - 1, item.unit)))
                             : QString();
    if (item.layer < shape.layerCount())
        return tr("%1: a hidden unit of layer %2 (%3), bias %4.\nIts picture: its activation over "
                  "the view. Click to type its bias.")
            .arg(name)
            .arg(item.layer)
            .arg(QString::fromLatin1(learning::name(shape.activation)), bias);
    if (NetworkPainter::outputDecides(*m_model, m_settings.rule)) {
        // The perceptron family and Adaline decide: their nets are not probabilities.
        const bool one = shape.outputUnits() == 1;
        QString unit;
        if (one)
            unit = hasBias(shape) ? tr("%1: the output unit, bias %2.").arg(name, bias)
                                  : tr("%1: the output unit (no bias).").arg(name);
        else
            unit = hasBias(shape)
                       ? tr("%1: the output unit of class %2, bias %3.")
                             .arg(name)
                             .arg(item.unit)
                             .arg(bias)
                       : tr("%1: the output unit of class %2 (no bias).").arg(name).arg(item.unit);
        const QString picture =
            one ? tr("Its picture: the class it decides over the view (a step: class 1 where its "
                     "net is positive; at net = 0 as the Training tab says).")
                : tr("Its picture: where class %1's net is the largest (argmax) over the view.")
                      .arg(item.unit);
        return unit + u'\n' + picture +
               (hasBias(shape) ? u' ' + tr("Click to type its bias.") : QString());
    }
    if (!hasBias(shape))
        return tr("%1: the output unit (no bias).\nIts picture: σ(z), the probability of class 1, "
                  "over the view.")
            .arg(name);
    if (shape.outputUnits() == 1)
        return tr("%1: the output unit, bias %2.\nIts picture: σ(z), the probability of class 1, "
                  "over the view. Click to type its bias.")
            .arg(name, bias);
    return tr("%1: the output unit of class %2, bias %3.\nIts picture: the softmax probability of "
              "class %2 over the view. Click to type its bias.")
        .arg(name)
        .arg(item.unit)
        .arg(bias);
}

QString NetworkPanel::refusal() const
{
    return m_refusal->isVisible() ? m_refusal->text() : QString();
}

bool NetworkPanel::edit(const NetworkItem& requested)
{
    if (!m_model)
        return false;
    const learning::ModelShape& shape = m_model->shape();
    NetworkItem item = requested;
    if (item.kind == NetworkItem::Kind::Unit) {
        if (item.layer == 0 || !hasBias(shape))
            return false;
        item = NetworkItem::bias(item.layer - 1, item.unit);
    }
    const std::vector<NetworkItem> items = parameters();
    if (std::find(items.begin(), items.end(), item) == items.end())
        return false;
    m_editing = item;
    m_cursor = item;
    m_refusal->hide();
    m_editor->setText(exact(NetworkPainter::parameterValue(*m_model, item)));
    m_editor->setAccessibleName(NetworkPainter::parameterName(shape, item));
    m_editor->setToolTip(tr("%1: Enter applies, Esc cancels, Tab moves on")
                             .arg(NetworkPainter::parameterName(shape, item)));
    placeEditor();
    m_editor->show();
    m_editor->raise();
    m_editor->setFocus(Qt::OtherFocusReason);
    m_editor->selectAll();
    update();
    return true;
}

void NetworkPanel::closeEditor()
{
    if (!m_editing)
        return;
    m_editing.reset();
    m_refusal->hide();
    const bool hadFocus = m_editor->hasFocus();
    m_editor->hide();
    if (hadFocus)
        setFocus(Qt::OtherFocusReason);
    update();
}

bool NetworkPanel::apply()
{
    if (!m_editing || !m_model)
        return false;
    const NetworkItem item = *m_editing;
    const learning::ModelShape& shape = m_model->shape();
    QString text = m_editor->text().trimmed();
    text.replace(QChar(0x2212), u'-');
    const io::ParsedNumber parsed = io::parseDouble(text.toUtf8());
    QString problem;
    switch (parsed.status) {
    case io::ParsedNumber::Status::Ok:
        break;
    case io::ParsedNumber::Status::Invalid:
        problem = tr("“%1” is not a number. Type a value such as 0.5 or −1.25.")
                      .arg(m_editor->text().trimmed());
        break;
    case io::ParsedNumber::Status::NotFinite:
        problem = tr("A weight must be a finite number, not %1.").arg(m_editor->text().trimmed());
        break;
    case io::ParsedNumber::Status::Overflow:
        problem = tr("A weight must be within ±1e9.");
        break;
    case io::ParsedNumber::Status::Underflow:
        problem = tr("%1 is too close to 0 to be stored. Type 0 or a larger value.")
                      .arg(m_editor->text().trimmed());
        break;
    }
    const double value = parsed.value;
    const double old = NetworkPainter::parameterValue(*m_model, item);
    if (problem.isEmpty() && value == old && std::signbit(value) == std::signbit(old))
        return true; // nothing changed: the run is left as it is
    const int index = editor::parameterIndex(
        shape, item.layer, item.unit, item.kind == NetworkItem::Kind::Bias ? -1 : item.input);
    std::variant<learning::TrainingSettings, editor::ParameterEditError> result = m_settings;
    if (problem.isEmpty()) {
        result = editor::withParameter(m_settings, *m_model, index, value);
        if (const auto* error = std::get_if<editor::ParameterEditError>(&result)) {
            switch (*error) {
            case editor::ParameterEditError::NotFinite:
                problem = tr("A weight must be a finite number.");
                break;
            case editor::ParameterEditError::OutOfRange:
                problem =
                    tr("A weight must be within ±1e9 (%1 is not).").arg(m_editor->text().trimmed());
                break;
            case editor::ParameterEditError::NoBias:
                problem = tr("This model has no bias: turn the bias on in the controls first.");
                break;
            case editor::ParameterEditError::NoSuchParameter:
                problem = tr("The model has no such parameter any more.");
                break;
            }
        }
    }
    if (!problem.isEmpty()) {
        m_refusal->setText(problem);
        placeEditor();
        m_refusal->show();
        m_refusal->raise();
        return false;
    }
    const auto& settings = std::get<learning::TrainingSettings>(result);
    // The panel shows at once the model the new run starts from; the run confirms it.
    learning::SmallVector p = m_model->parameters();
    p[std::size_t(index)] = value;
    m_model = learning::Model(shape, p, m_model->zero());
    m_settings = settings;
    m_frameValid = false;
    update();
    Q_EMIT settingsEdited(settings, describeEdit(shape, item, value));
    return true;
}

void NetworkPanel::placeEditor()
{
    if (!m_editing || !m_model)
        return;
    const auto layout = currentLayout();
    const QPointF anchor =
        m_editing->kind == NetworkItem::Kind::Bias
            ? NetworkPainter::biasLine(layout, m_editing->layer, m_editing->unit).p1()
            : NetworkPainter::weightLine(layout, m_editing->layer, m_editing->unit,
                                         m_editing->input)
                  .pointAt(0.5);
    const QFontMetrics fm(m_editor->font());
    const int width = std::min(this->width(), fm.horizontalAdvance(u"−0.123456789012"_s) + 16);
    const int height = m_editor->sizeHint().height();
    QRect box(0, 0, width, height);
    box.moveCenter(anchor.toPoint());
    box.moveLeft(std::clamp(box.left(), 0, std::max(0, this->width() - width)));
    box.moveTop(std::clamp(box.top(), 0, std::max(0, this->height() - height)));
    m_editor->setGeometry(box);
    const int refusalWidth = std::min(this->width(), std::max(width, 260));
    const int refusalHeight = m_refusal->heightForWidth(refusalWidth);
    QRect message(0, 0, refusalWidth, std::max(refusalHeight, fm.height() + 10));
    message.moveTopLeft(QPoint(std::clamp(box.left(), 0, std::max(0, this->width() - refusalWidth)),
                               box.bottom() + 2));
    if (message.bottom() > this->height())
        message.moveBottom(box.top() - 2);
    m_refusal->setGeometry(message);
}

void NetworkPanel::setHovered(std::optional<NetworkItem> item)
{
    if (item == m_hovered)
        return;
    m_hovered = item;
    update();
}

QSize NetworkPanel::sizeHint() const
{
    return {380, 300};
}

QSize NetworkPanel::minimumSizeHint() const
{
    return {160, 120};
}

// --- Events ------------------------------------------------------------------------------------

void NetworkPanel::paintEvent(QPaintEvent*)
{
    QPainter p(this);
    const render::Theme& theme = m_painter.theme();
    if (!m_model) {
        p.fillRect(rect(), theme.plotBackground);
        p.setPen(theme.mutedText);
        p.setFont(theme.font());
        p.drawText(rect().adjusted(12, 12, -12, -12), Qt::AlignCenter | Qt::TextWordWrap,
                   tr("The network appears here once there is a model to show: add points of "
                      "two classes."));
        return;
    }
    // Everything but the highlight is drawn once per model, view, size and theme; hovering and
    // the keyboard's cursor repaint only the highlight over it.
    const qreal ratio = devicePixelRatioF();
    const QSize pixels = (QSizeF(size()) * ratio).toSize();
    render::NetworkScene scene;
    scene.model = *m_model;
    scene.view = m_view;
    scene.outputDecides = NetworkPainter::outputDecides(*m_model, m_settings.rule);
    if (!m_frameValid || m_frame.size() != pixels) {
        m_frame = QImage(pixels, QImage::Format_ARGB32_Premultiplied);
        m_frame.setDevicePixelRatio(ratio);
        QPainter frame(&m_frame);
        m_painter.paint(frame, QRectF(rect()), scene);
        m_frameValid = true;
    }
    p.drawImage(QPointF(0, 0), m_frame);
    if (m_editing)
        scene.highlighted = m_editing;
    else if (m_hovered)
        scene.highlighted = m_hovered;
    else if (hasFocus() && m_cursor)
        scene.highlighted = m_cursor;
    if (scene.highlighted)
        m_painter.paintHighlight(p, QRectF(rect()), scene);
}

void NetworkPanel::resizeEvent(QResizeEvent* event)
{
    QWidget::resizeEvent(event);
    m_frameValid = false;
    placeEditor();
}

void NetworkPanel::mouseMoveEvent(QMouseEvent* event)
{
    if (!m_model)
        return;
    setHovered(NetworkPainter::itemAt(currentLayout(), m_model->shape(), event->position()));
}

void NetworkPanel::mousePressEvent(QMouseEvent* event)
{
    if (event->button() != Qt::LeftButton || !m_model) {
        QWidget::mousePressEvent(event);
        return;
    }
    const auto item = NetworkPainter::itemAt(currentLayout(), m_model->shape(), event->position());
    if (!item || !edit(*item)) {
        closeEditor();
        setFocus(Qt::MouseFocusReason);
    }
}

void NetworkPanel::leaveEvent(QEvent* event)
{
    setHovered(std::nullopt);
    QWidget::leaveEvent(event);
}

void NetworkPanel::keyPressEvent(QKeyEvent* event)
{
    switch (event->key()) {
    case Qt::Key_Up:
    case Qt::Key_Left:
    case Qt::Key_Down:
    case Qt::Key_Right: {
        const int step = event->key() == Qt::Key_Up || event->key() == Qt::Key_Left ? -1 : 1;
        const auto items = parameters();
        if (items.empty())
            break;
        m_cursor = m_cursor ? neighbour(*m_cursor, step) : std::optional(items.front());
        update();
        return;
    }
    case Qt::Key_Home:
    case Qt::Key_End: {
        const auto items = parameters();
        if (items.empty())
            break;
        m_cursor = event->key() == Qt::Key_Home ? items.front() : items.back();
        update();
        return;
    }
    case Qt::Key_Return:
    case Qt::Key_Enter:
    case Qt::Key_F2:
        if (m_cursor && edit(*m_cursor))
            return;
        break;
    default:
        break;
    }
    QWidget::keyPressEvent(event);
}

void NetworkPanel::focusInEvent(QFocusEvent* event)
{
    QWidget::focusInEvent(event);
    if (!m_cursor && !parameters().empty())
        m_cursor = parameters().front();
    update();
}

void NetworkPanel::focusOutEvent(QFocusEvent* event)
{
    QWidget::focusOutEvent(event);
    update();
}

bool NetworkPanel::event(QEvent* event)
{
    if (event->type() == QEvent::ToolTip) {
        auto* help = static_cast<QHelpEvent*>(event);
        const auto item = m_model ? NetworkPainter::itemAt(currentLayout(), m_model->shape(),
                                                           QPointF(help->pos()))
                                  : std::nullopt;
        if (item)
            QToolTip::showText(help->globalPos(), toolTipFor(*item), this);
        else
            QToolTip::hideText();
        return true;
    }
    return QWidget::event(event);
}

bool NetworkPanel::eventFilter(QObject* watched, QEvent* event)
{
    if (watched != m_editor)
        return QWidget::eventFilter(watched, event);
    const auto isOurs = [](int key) {
        return key == Qt::Key_Return || key == Qt::Key_Enter || key == Qt::Key_Escape ||
               key == Qt::Key_Tab || key == Qt::Key_Backtab;
    };
    if (event->type() == QEvent::ShortcutOverride &&
        isOurs(static_cast<QKeyEvent*>(event)->key())) {
        event->accept(); // the field's keys, not the window's shortcuts
        return false;
    }
    if (event->type() == QEvent::KeyPress) {
        const auto* key = static_cast<QKeyEvent*>(event);
        switch (key->key()) {
        case Qt::Key_Return:
        case Qt::Key_Enter:
            if (apply())
                closeEditor();
            return true;
        case Qt::Key_Escape:
            closeEditor();
            return true;
        case Qt::Key_Tab:
        case Qt::Key_Backtab:
            if (m_editing && apply()) {
                const bool back =
                    key->key() == Qt::Key_Backtab || key->modifiers().testFlag(Qt::ShiftModifier);
                if (const auto next = neighbour(*m_editing, back ? -1 : 1))
                    edit(*next);
            }
            return true;
        default:
            break;
        }
    }
    if (event->type() == QEvent::FocusOut && m_editing) {
        // Clicking elsewhere cancels, as Esc does: only Enter and Tab apply.
        const auto reason = static_cast<QFocusEvent*>(event)->reason();
        if (reason != Qt::PopupFocusReason && reason != Qt::ActiveWindowFocusReason)
            QMetaObject::invokeMethod(
                this,
                [this] {
                    if (!m_editor->hasFocus())
                        closeEditor();
                },
                Qt::QueuedConnection);
    }
    return QWidget::eventFilter(watched, event);
}

void NetworkPanel::changeEvent(QEvent* event)
{
    QWidget::changeEvent(event);
    if (event->type() == QEvent::LanguageChange) {
        setAccessibleName(tr("Network"));
        update();
    }
}

} // namespace plab::ui
