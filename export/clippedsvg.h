#pragma once

#include <QPaintDevice>

#include <memory>

class QSvgGenerator;

namespace plab::exporting {

/// A paint device that draws onto \p generator with the painter's clipping done in the geometry:
/// Qt 6.4's QSvgGenerator ignores clipping, so an arrow or a point that the plot area cuts off in
/// a PNG or a PDF would spill over the frame in the SVG. Here every shape is cut to the clip (a
/// stroke is cut as the outline of its stroke), a shape outside it is left out and an image is
/// cropped to it, so the SVG shows what the PNG shows, without clip paths that SVG Tiny lacks.
/// Text that only touches the clip's edge is kept whole.
class ClippedSvgDevice : public QPaintDevice
{
public:
    explicit ClippedSvgDevice(QSvgGenerator& generator);
    ~ClippedSvgDevice() override;

    [[nodiscard]] QPaintEngine* paintEngine() const override;

protected:
    [[nodiscard]] int metric(PaintDeviceMetric metric) const override;

private:
    QSvgGenerator& m_generator;
    std::unique_ptr<QPaintEngine> m_engine;
};

} // namespace plab::exporting
