// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QColor>
#include <QPalette>
#include <QString>

namespace cairn::ui {

// The dependency graph's colours, made from the window's palette so that a node reads the
// same in a light and a dark theme: a health band's hue (HealthColors, as everywhere in the
// window) as the border, a tint of it over the background as the fill, the palette's text
// on top. Bands are the cache's ids (entities.health_band): "failing", "needs-attention",
// "passing"; empty when no scorecard applies, drawn neutral.
class GraphColours final
{
public:
    explicit GraphColours(const QPalette &palette);

    // Invalid for no band.
    static QColor bandHue(const QString &band);
    QColor nodeBorder(const QString &band) const;
    QColor nodeFill(const QString &band) const;

    QColor background() const { return m_background; }
    QColor text() const { return m_text; }
    QColor quietText() const { return m_quietText; } // the second line, edge labels
    QColor dependencyEdge() const { return m_dependencyEdge; }
    QColor apiEdge() const { return m_apiEdge; }
    QColor highlight() const { return m_highlight; }
    QColor risk() const; // the at-risk badge
    QColor badgeFill() const { return m_badgeFill; } // the "+N more" badges

    // `a` moved towards `b` by `amount` (0: a, 1: b).
    static QColor mix(const QColor &a, const QColor &b, qreal amount);

private:
    bool m_dark = false;
    QColor m_background;
    QColor m_text;
    QColor m_quietText;
    QColor m_dependencyEdge;
    QColor m_apiEdge;
    QColor m_highlight;
    QColor m_badgeFill;
};

} // namespace cairn::ui
