#include "ui/canvas/plotcanvas.h"

#include "editor/document.h"
#include "editor/undocommands.h"

#include <QApplication>
#include <QContextMenuEvent>
#include <QKeyEvent>
#include <QMenu>
#include <QMouseEvent>
#include <QPainter>
#include <QUndoStack>
#include <QWheelEvent>

#include <algorithm>
#include <cmath>

namespace plab::ui {

namespace {

/// One wheel notch (120 eighths of a degree) zooms by 2^(1/4), about 19 %.
double wheelFactor(int angleDelta)
{
    return std::pow(2.0, angleDelta / 480.0);
}

bool isCanvasKey(const QKeyEvent* event)
{
    if (event->matches(QKeySequence::SelectAll))
        return true;
    const Qt::KeyboardModifiers mods =
        event->modifiers() & ~(Qt::KeypadModifier | Qt::ShiftModifier);
    if (mods != Qt::NoModifier)
        return false;
    switch (event->key()) {
    case Qt::Key_Space:
    case Qt::Key_1:
    case Qt::Key_2:
    case Qt::Key_3:
    case Qt::Key_4:
    case Qt::Key_5:
    case Qt::Key_6:
    case Qt::Key_7:
    case Qt::Key_8:
    case Qt::Key_Delete:
    case Qt::Key_Backspace:
    case Qt::Key_Escape:
    case Qt::Key_Plus:
    case Qt::Key_Equal:
    case Qt::Key_Minus:
    case Qt::Key_Home:
    case Qt::Key_F:
        return true;
    default:
        return false;
    }
}

} // namespace

PlotCanvas::PlotCanvas(QWidget* parent)
    : QWidget(parent), m_theme(render::Theme::forPalette(palette()))
{
    setMouseTracking(true);
    setFocusPolicy(Qt::StrongFocus);
    setAttribute(Qt::WA_OpaquePaintEvent);
    setCursor(Qt::CrossCursor);
}

PlotCanvas::~PlotCanvas() = default;

void PlotCanvas::setDocument(editor::Document* document)
{
    if (m_document == document)
        return;
    if (m_document)
        disconnect(m_document, nullptr, this, nullptr);
    m_document = document;
    m_selected.clear();
    m_hovered.reset();
    m_renderer.invalidateCache();
    if (m_document) {
        connect(m_document, &editor::Document::dataChanged, this, &PlotCanvas::onDataChanged);
        connect(m_document, &editor::Document::viewChanged, this, qOverload<>(&QWidget::update));
    }
    Q_EMIT selectionChanged();
    update();
}

editor::Document* PlotCanvas::document() const
{
    return m_document;
}

void PlotCanvas::setTrainingView(const TrainingView& view)
{
    m_training = view;
    update();
}

void PlotCanvas::clearTrainingView()
{
    setTrainingView(TrainingView{});
}

void PlotCanvas::setActiveClass(int cls)
{
    if (cls < 0 || cls >= learning::kMaxClasses || cls == m_activeClass)
        return;
    m_activeClass = cls;
    update();
    Q_EMIT activeClassChanged(cls);
}

void PlotCanvas::setTheme(const render::Theme& theme)
{
    m_theme = theme;
    update();
}

render::ViewTransform PlotCanvas::transform() const
{
    return render::ViewTransform(m_document ? m_document->view() : io::ViewBox{},
                                 render::PlotRenderer::plotArea(QRectF(rect()), m_theme));
}

void PlotCanvas::setShowHiddenArrows(bool show)
{
    m_showHiddenArrows = show;
    update();
}

render::PlotScene PlotCanvas::scene() const
{
    render::PlotScene s;
    if (m_document) {
        s.data = &m_document->data();
        s.dataRevision = m_document->dataRevision();
        s.view = m_document->view();
    }
    static_cast<render::ModelView&>(s) = m_training;
    s.selected = m_selected;
    s.rubberBand = m_gesture.rubberBand();
    s.hovered = m_hovered;
    s.activeClass = m_activeClass;
    s.showHiddenArrows = m_showHiddenArrows;
    return s;
}

std::vector<std::size_t> PlotCanvas::selectedIndices() const
{
    std::vector<std::size_t> indices;
    for (std::size_t i = 0; i < m_selected.size(); ++i)
        if (m_selected[i])
            indices.push_back(i);
    return indices;
}

std::optional<std::size_t> PlotCanvas::pointAt(const QPointF& pixel) const
{
    if (!m_document)
        return std::nullopt;
    const learning::Dataset& data = m_document->data();
    const render::ViewTransform tf = transform();
    const double radius = 0.5 * m_theme.markerSize + 3.0;
    double best = radius * radius;
    std::optional<std::size_t> hit;
    // Later points are drawn on top: search from the end, replace only when strictly closer.
    for (std::size_t i = data.size(); i-- > 0;) {
        const QPointF d = tf.toPixel(data.point(i)) - pixel;
        const double d2 = d.x() * d.x() + d.y() * d.y();
        if (d2 < best || (d2 <= best && !hit)) {
            best = d2;
            hit = i;
        }
    }
    return hit;
}

QSize PlotCanvas::sizeHint() const
{
    return {800, 600};
}

QSize PlotCanvas::minimumSizeHint() const
{
    return {240, 180};
}

void PlotCanvas::fitToData()
{
    if (m_document)
        m_document->setView(plab::io::fitToData(m_document->data()));
}

void PlotCanvas::zoomIn()
{
    zoomAround(render::PlotRenderer::plotArea(QRectF(rect()), m_theme).center(), 1.25);
}

void PlotCanvas::zoomOut()
{
    zoomAround(render::PlotRenderer::plotArea(QRectF(rect()), m_theme).center(), 0.8);
}

void PlotCanvas::selectAll()
{
    if (m_document)
        setSelection(std::vector<char>(m_document->data().size(), 1));
}

void PlotCanvas::clearSelection()
{
    setSelection({});
}

void PlotCanvas::deleteSelection()
{
    std::vector<std::size_t> indices = selectedIndices();
    if (!m_document || indices.empty())
        return;
    m_document->undoStack()->push(new editor::RemovePoints(m_document, std::move(indices)));
}

void PlotCanvas::setSelectionClass(int cls)
{
    std::vector<std::size_t> indices = selectedIndices();
    if (!m_document || indices.empty())
        return;
    m_document->undoStack()->push(new editor::SetPointLabels(m_document, std::move(indices), cls));
}

void PlotCanvas::setSelection(std::vector<char> selection)
{
    if (std::none_of(selection.begin(), selection.end(), [](char c) { return c != 0; }))
        selection.clear();
    if (selection == m_selected)
        return;
    m_selected = std::move(selection);
    update();
    Q_EMIT selectionChanged();
}

void PlotCanvas::setHovered(std::optional<std::size_t> index)
{
    if (index == m_hovered)
        return;
    m_hovered = index;
    update();
}

void PlotCanvas::onDataChanged()
{
    const std::size_t n = m_document->data().size();
    if (!m_selected.empty() && m_selected.size() != n) {
        m_selected.clear();
        Q_EMIT selectionChanged();
    }
    if (m_hovered && *m_hovered >= n)
        m_hovered.reset();
    update();
}

void PlotCanvas::addPointAt(const QPointF& pixel, int cls)
{
    if (!m_document)
        return;
    const render::ViewTransform tf = transform();
    if (!tf.pixelRect().contains(pixel))
        return;
    const Eigen::Vector2d world = tf.toWorld(pixel);
    // The view reaches far beyond the data's limit (room around points at +/-1e9): a point out
    // there could be neither saved nor trained.
    if (!learning::isValidCoordinate(world.x()) || !learning::isValidCoordinate(world.y())) {
        Q_EMIT message(
            tr("No point added at (%1, %2): points must lie within ±1e9, the largest "
               "coordinate a data file holds")
                .arg(QString::number(world.x(), 'g', 6), QString::number(world.y(), 'g', 6)));
        return;
    }
    m_document->undoStack()->push(
        new editor::AddPoints(m_document, {learning::Sample{world, cls}}));
}

void PlotCanvas::showView(const io::ViewBox& view)
{
    if (!m_document || m_document->setView(view))
        return;
    // The document clamped the view to the rule: say why the plot did not follow.
    const io::ViewBox shown = m_document->view();
    const bool widened = shown.xMax - shown.xMin > view.xMax - view.xMin ||
                         shown.yMax - shown.yMin > view.yMax - view.yMin;
    Q_EMIT message(widened ? tr("Zoomed in as far as the numbers allow")
                           : tr("The view stops at ±1e12, the farthest it can reach"));
}

void PlotCanvas::zoomAround(const QPointF& pixel, double factor)
{
    if (!m_document)
        return;
    // The box shown is the document's view widened about its centre to the widget's shape, so
    // scaling the document's view about the anchor keeps the anchor under the same pixel.
    showView(render::zoomed(m_document->view(), transform().toWorld(pixel), factor));
}

void PlotCanvas::paintEvent(QPaintEvent*)
{
    QPainter painter(this);
    m_renderer.paint(painter, QRectF(rect()), scene(), m_theme);
}

void PlotCanvas::mousePressEvent(QMouseEvent* event)
{
    if (m_gesture.kind() != DragGesture::Kind::None || !m_document) {
        event->accept();
        return;
    }
    const QPointF pos = event->position();
    m_gesture.press(pos, event->button(), event->modifiers());

    if (event->button() == Qt::MiddleButton || (event->button() == Qt::LeftButton && m_spaceHeld)) {
        m_gesture.startPan(m_document->view(), transform());
        m_spacePanned = m_spaceHeld;
        setCursor(Qt::ClosedHandCursor);
        event->accept();
        return;
    }
    if (event->button() == Qt::RightButton) {
        m_gesture.end();
        if (const std::optional<std::size_t> hit = pointAt(pos)) {
            if (m_selected.empty() || !m_selected[*hit]) {
                std::vector<char> only(m_document->data().size(), 0);
                only[*hit] = 1;
                setSelection(std::move(only));
            }
            showPointMenu(event->globalPosition().toPoint(), *hit);
        } else {
            addPointAt(pos, otherClass());
        }
        event->accept();
        return;
    }
    if (event->button() != Qt::LeftButton) {
        m_gesture.end();
        event->ignore();
        return;
    }
    const std::optional<std::size_t> hit = pointAt(pos);
    if (!hit) {
        event->accept(); // Pending: a click, or a rubber band once it moves
        return;
    }
    if (event->modifiers() & Qt::ControlModifier) {
        m_gesture.end();
        std::vector<char> sel = m_selected;
        sel.resize(m_document->data().size(), 0);
        sel[*hit] = sel[*hit] ? 0 : 1;
        setSelection(std::move(sel));
        event->accept();
        return;
    }
    // Drag the selection when the point is part of it; otherwise just this point.
    const bool inSelection = !m_selected.empty() && m_selected[*hit];
    m_gesture.startMove(m_document->data(),
                        inSelection ? selectedIndices() : std::vector<std::size_t>{*hit},
                        transform().toWorld(pos));
    m_hovered = *hit;
    event->accept();
}

void PlotCanvas::mouseMoveEvent(QMouseEvent* event)
{
    const QPointF pos = event->position();
    const render::ViewTransform tf = transform();
    if (tf.pixelRect().contains(pos))
        Q_EMIT cursorMoved(QPointF(tf.toWorld(pos).x(), tf.toWorld(pos).y()));
    if (!m_document)
        return;
    const bool beyondDragDistance =
        (pos - m_gesture.pressPixel()).manhattanLength() >= QApplication::startDragDistance();
    switch (m_gesture.kind()) {
    case DragGesture::Kind::None:
        setHovered(pointAt(pos));
        break;
    case DragGesture::Kind::Pending:
        if (!beyondDragDistance)
            break;
        m_gesture.startRubber(
            (m_gesture.pressModifiers() & Qt::ControlModifier) ? m_selected : std::vector<char>{});
        [[fallthrough]];
    case DragGesture::Kind::Rubber:
        setSelection(m_gesture.stretchRubber(pos, m_document->data(), tf));
        update();
        break;
    case DragGesture::Kind::Move: {
        if (!m_gesture.moveStarted() && !beyondDragDistance)
            break;
        m_gesture.setMoveStarted();
        bool limited = false;
        std::vector<Eigen::Vector2d> to = m_gesture.movedTo(tf.toWorld(pos), limited);
        if (limited)
            Q_EMIT message(tr("Points stop at ±1e9, the largest coordinate a data file holds"));
        m_document->undoStack()->push(new editor::MovePoints(m_document, m_gesture.movedIndices(),
                                                             std::move(to), m_gesture.moveId()));
        break;
    }
    case DragGesture::Kind::Pan:
        showView(m_gesture.pannedView(pos));
        break;
    }
}

void PlotCanvas::mouseReleaseEvent(QMouseEvent* event)
{
    if (event->button() != m_gesture.button() || m_gesture.kind() == DragGesture::Kind::None) {
        event->ignore();
        return;
    }
    const QPointF pos = event->position();
    switch (m_gesture.kind()) {
    case DragGesture::Kind::Pending:
        // A click on empty space: with a selection it only deselects (so a click meant to
        // deselect never adds a point), otherwise it places a point.
        if (!m_selected.empty())
            clearSelection();
        else
            addPointAt(pos, (m_gesture.pressModifiers() & Qt::ShiftModifier) ? otherClass()
                                                                             : m_activeClass);
        break;
    case DragGesture::Kind::Rubber:
        update(); // the band goes
        break;
    case DragGesture::Kind::Move:
        if (!m_gesture.moveStarted() && m_document && m_gesture.movedIndices().size() == 1) {
            std::vector<char> only(m_document->data().size(), 0);
            only[m_gesture.movedIndices().front()] = 1;
            setSelection(std::move(only));
        }
        break;
    case DragGesture::Kind::Pan:
        setCursor(m_spaceHeld ? Qt::OpenHandCursor : Qt::CrossCursor);
        break;
    case DragGesture::Kind::None:
        break;
    }
    m_gesture.end();
    event->accept();
}

void PlotCanvas::wheelEvent(QWheelEvent* event)
{
    const int delta = event->angleDelta().y();
    if (delta == 0) {
        event->ignore();
        return;
    }
    zoomAround(event->position(), wheelFactor(delta));
    event->accept();
}

bool PlotCanvas::event(QEvent* event)
{
    // Keys the canvas handles win over window shortcuts while it has focus, so Space+drag pans
    // and 1, 2, Delete act on the canvas (see spaceTapped()).
    if (event->type() == QEvent::ShortcutOverride && isCanvasKey(static_cast<QKeyEvent*>(event))) {
        event->accept();
        return true;
    }
    return QWidget::event(event);
}

void PlotCanvas::keyPressEvent(QKeyEvent* event)
{
    if (event->matches(QKeySequence::SelectAll)) {
        selectAll();
        return;
    }
    switch (event->key()) {
    case Qt::Key_Space:
        if (!event->isAutoRepeat()) {
            m_spaceHeld = true;
            m_spacePanned = false;
            if (m_gesture.kind() == DragGesture::Kind::None)
                setCursor(Qt::OpenHandCursor);
        }
        return;
    case Qt::Key_1:
    case Qt::Key_2:
    case Qt::Key_3:
    case Qt::Key_4:
    case Qt::Key_5:
    case Qt::Key_6:
    case Qt::Key_7:
    case Qt::Key_8:
        // Key k places label k - 1, the k-th class (labels are 0 ... 7, as in the files).
        setActiveClass(event->key() - Qt::Key_1);
        return;
    case Qt::Key_Delete:
    case Qt::Key_Backspace:
        if (!m_selected.empty())
            deleteSelection();
        else if (m_hovered && m_document)
            m_document->undoStack()->push(new editor::RemovePoints(m_document, {*m_hovered}));
        return;
    case Qt::Key_Escape:
        if (m_gesture.kind() == DragGesture::Kind::Rubber)
            m_gesture.end();
        clearSelection();
        update();
        return;
    case Qt::Key_Plus:
    case Qt::Key_Equal:
        zoomIn();
        return;
    case Qt::Key_Minus:
        zoomOut();
        return;
    case Qt::Key_Home:
    case Qt::Key_F:
        fitToData();
        return;
    default:
        QWidget::keyPressEvent(event);
    }
}

void PlotCanvas::keyReleaseEvent(QKeyEvent* event)
{
    if (event->key() == Qt::Key_Space && !event->isAutoRepeat()) {
        m_spaceHeld = false;
        if (m_gesture.kind() != DragGesture::Kind::Pan)
            setCursor(Qt::CrossCursor);
        if (!m_spacePanned)
            Q_EMIT spaceTapped();
        return;
    }
    QWidget::keyReleaseEvent(event);
}

void PlotCanvas::leaveEvent(QEvent* event)
{
    setHovered(std::nullopt);
    Q_EMIT cursorLeft();
    QWidget::leaveEvent(event);
}

void PlotCanvas::focusOutEvent(QFocusEvent* event)
{
    m_spaceHeld = false;
    QWidget::focusOutEvent(event);
}

void PlotCanvas::contextMenuEvent(QContextMenuEvent* event)
{
    // Mouse-triggered menus are opened from mousePressEvent (a right click on empty space adds a
    // point instead); here only the keyboard's menu key.
    event->accept();
    if (event->reason() != QContextMenuEvent::Keyboard || m_selected.empty())
        return;
    const std::vector<std::size_t> indices = selectedIndices();
    showPointMenu(event->globalPos(), indices.front());
}

void PlotCanvas::showPointMenu(const QPoint& globalPos, std::size_t index)
{
    if (!m_document || index >= m_document->data().size())
        return;
    const std::size_t count = std::max<std::size_t>(1, selectedIndices().size());
    auto* menu = new QMenu(this);
    menu->setAttribute(Qt::WA_DeleteOnClose);
    menu->addAction(count == 1 ? tr("Remove point") : tr("Remove %n points", nullptr, int(count)),
                    this, &PlotCanvas::deleteSelection);
    // Only a change that changes something: no "Change to class 1" for class-1 points. Every
    // class a key could place (so a point can be given a class no point has yet).
    const std::vector<std::size_t> targets = selectedIndices();
    for (int cls = 0; cls < learning::kMaxClasses; ++cls) {
        const bool changes = std::any_of(targets.begin(), targets.end(), [&](std::size_t i) {
            return m_document->data().label(i) != cls;
        });
        if (changes) {
            menu->addAction(tr("Change to class %1").arg(cls), this,
                            [this, cls] { setSelectionClass(cls); });
        }
    }
    menu->addSeparator();
    menu->addAction(tr("Select all"), this, &PlotCanvas::selectAll);
    menu->popup(globalPos);
}

} // namespace plab::ui
