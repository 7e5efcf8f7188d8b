#include "ui/canvas/draggesture.h"

#include <algorithm>
#include <limits>

namespace plab::ui {

void DragGesture::press(const QPointF& pixel, Qt::MouseButton button,
                        Qt::KeyboardModifiers modifiers)
{
    m_kind = Kind::Pending;
    m_pressPixel = pixel;
    m_button = button;
    m_pressModifiers = modifiers;
}

void DragGesture::startPan(const io::ViewBox& view, const render::ViewTransform& transform)
{
    m_kind = Kind::Pan;
    m_panStartView = view;
    m_panTransform = transform;
}

void DragGesture::startMove(const learning::Dataset& data, std::vector<std::size_t> indices,
                            const Eigen::Vector2d& pressWorld)
{
    m_kind = Kind::Move;
    m_indices = std::move(indices);
    m_origins.clear();
    for (std::size_t i : m_indices)
        m_origins.push_back(data.point(i));
    m_pressWorld = pressWorld;
    m_moveStarted = false;
    ++m_moveId;
}

void DragGesture::startRubber(std::vector<char> base)
{
    m_kind = Kind::Rubber;
    m_rubberBase = std::move(base);
}

void DragGesture::end()
{
    m_kind = Kind::None;
    m_button = Qt::NoButton;
    m_indices.clear();
    m_origins.clear();
    m_rubberBand.reset();
}

std::vector<Eigen::Vector2d> DragGesture::movedTo(const Eigen::Vector2d& world, bool& limited) const
{
    constexpr double kMax = learning::kMaxCoordinate;
    Eigen::Vector2d delta = world - m_pressWorld;
    for (int k = 0; k < 2; ++k) {
        double lo = -std::numeric_limits<double>::infinity();
        double hi = std::numeric_limits<double>::infinity();
        for (const Eigen::Vector2d& origin : m_origins) {
            lo = std::max(lo, -kMax - origin[k]);
            hi = std::min(hi, kMax - origin[k]);
        }
        if (lo <= hi && (delta[k] < lo || delta[k] > hi)) {
            delta[k] = std::clamp(delta[k], lo, hi);
            limited = true;
        }
    }
    std::vector<Eigen::Vector2d> to;
    to.reserve(m_origins.size());
    for (const Eigen::Vector2d& origin : m_origins) {
        // The clamp only absorbs rounding: the limited displacement keeps every point inside.
        const Eigen::Vector2d p = origin + delta;
        to.emplace_back(std::clamp(p.x(), -kMax, kMax), std::clamp(p.y(), -kMax, kMax));
    }
    return to;
}

std::vector<char> DragGesture::stretchRubber(const QPointF& pixel, const learning::Dataset& data,
                                             const render::ViewTransform& transform)
{
    m_rubberBand = QRectF(m_pressPixel, pixel).normalized();
    std::vector<char> selection = m_rubberBase;
    selection.resize(data.size(), 0);
    for (std::size_t i = 0; i < data.size(); ++i)
        if (m_rubberBand->contains(transform.toPixel(data.point(i))))
            selection[i] = 1;
    return selection;
}

io::ViewBox DragGesture::pannedView(const QPointF& pixel) const
{
    // The press's transform turns the cursor's pixel displacement into the world displacement.
    return render::panned(m_panStartView, m_panTransform.vectorToWorld(m_pressPixel - pixel));
}

} // namespace plab::ui
