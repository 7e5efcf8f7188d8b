#pragma once

#include "render/theme.h"

#include <QColor>
#include <QFont>
#include <QLineF>
#include <QPainterPath>
#include <QPointF>
#include <QRectF>
#include <QSizeF>
#include <QString>

class QPainter;

/// The drawing primitives the plot's layers share: markers, arrows, text with a halo, message
/// cards. Each draws in the painter's logical pixels and returns what it covered where a layer
/// reports that (see Coverage).
namespace plab::render::paintkit {

/// \p c with opacity \p alpha (0..255, clamped).
[[nodiscard]] QColor withAlpha(QColor c, int alpha);

/// \p over at opacity \p alpha (0..255) composited onto the opaque \p under, rounded to the
/// nearest channel value: what the shading's tints are (opaque, so PDF and SVG need no
/// transparency groups).
[[nodiscard]] QColor blend(const QColor& under, const QColor& over, int alpha);

/// The marker outline of \p shape centred on \p c with nominal diameter \p d. The shapes are
/// sized to look equally heavy, so neither class dominates visually.
[[nodiscard]] QPainterPath markerPath(MarkerShape shape, const QPointF& c, double d);
/// Half the extent of a marker of diameter \p d around its centre (the triangle reaches furthest,
/// upwards).
[[nodiscard]] double markerReach(MarkerShape shape, double d);
/// The outline of a marker filled with \p fill: the theme's markerEdge, except for a fill too close
/// to the plot's background to show its shape (contrast under 1.5:1, the yellow class on white),
/// which gets itself halfway to black (on a dark plot, to white).
[[nodiscard]] QColor markerEdge(const Theme& theme, const QColor& fill);
/// A marker of the theme's size and edge (markerEdge()), filled with \p fill.
void drawMarker(QPainter& p, MarkerShape shape, const QPointF& c, const Theme& theme,
                const QColor& fill);

/// The ring around a selected point, and its radius.
[[nodiscard]] double selectionRingRadius(const Theme& theme);
void drawSelectionRing(QPainter& p, const QPointF& c, const Theme& theme);
/// The radius of the red ring around a misclassified point (drawn with a 2-pixel pen).
[[nodiscard]] double errorRingRadius(const Theme& theme);
/// Where misclassified points are too dense for rings (they would merge into one red blob), each
/// gets a red dot on its centre instead, edged in the plot's colour: its largest radius (denser
/// points get smaller dots), and the dot of radius \p r.
[[nodiscard]] double errorDotRadius(const Theme& theme);
void drawErrorDot(QPainter& p, const QPointF& c, const Theme& theme, double r);

/// The head of an arrow of \p width from \p from to \p to: its length along the arrow.
[[nodiscard]] double arrowHead(double length, double width);
/// An arrow with a filled head. With a valid \p halo, a thin outline in that colour first, so
/// the arrow stays readable on top of dense points.
void drawArrow(QPainter& p, const QPointF& from, const QPointF& to, const QColor& color,
               double width, const QColor& halo = QColor());

/// Text with a halo in \p halo, readable on top of shading, grid and points. Returns the text's
/// box.
QRectF drawHaloText(QPainter& p, const QPointF& baseline, const QString& text, const QFont& font,
                    const QColor& color, const QColor& halo);
/// Draws \p text next to \p anchor, pushed \p gap pixels along the direction \p away (plus half
/// the text's extent in that direction), so the label never sits on the arrow it names. Returns
/// the text's box.
QRectF drawLabelAway(QPainter& p, const QPointF& anchor, QPointF away, const QString& text,
                     const QFont& font, const QColor& color, const QColor& halo, double gap = 7.0);

/// The box drawLabelAway() would give the text, without drawing it.
[[nodiscard]] QRectF labelBoxAway(const QPointF& anchor, QPointF away, const QString& text,
                                  const QFont& font, double gap = 7.0);
/// Draws \p text with a halo into the box labelBoxAway() gave.
void drawLabelInBox(QPainter& p, const QRectF& box, const QString& text, const QFont& font,
                    const QColor& color, const QColor& halo);

/// The size of a message card (drawMessage()) with these two lines, its text \p textScale times
/// the usual size.
[[nodiscard]] QSizeF messageSize(const Theme& theme, const QString& headline, const QString& detail,
                                 double textScale = 1.0);
/// A rounded card with a bold headline and a muted detail line (none when \p detail is empty).
void drawMessage(QPainter& p, const QRectF& box, const Theme& theme, const QString& headline,
                 const QString& detail, double textScale = 1.0);

/// A number for the plot: 3 significant digits, typographic minus.
[[nodiscard]] QString number(double v);

/// A segment's normal (not normalised), turned counter-clockwise in pixel coordinates.
[[nodiscard]] QPointF normalOf(const QPointF& from, const QPointF& to);
/// The normal of the segment that points away from \p centre.
[[nodiscard]] QPointF outwardNormal(const QPointF& from, const QPointF& to, const QPointF& centre);

} // namespace plab::render::paintkit
