// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/GraphColours.h"

#include "core/ScorecardEvaluator.h"
#include "ui/HealthColors.h"

namespace cairn::ui {

GraphColours::GraphColours(const QPalette &palette)
    : m_dark(palette.color(QPalette::Base).lightness() < 128)
    , m_background(palette.color(QPalette::Base))
    , m_text(palette.color(QPalette::Text))
    , m_quietText(mix(palette.color(QPalette::Text), palette.color(QPalette::Base), 0.32))
    , m_dependencyEdge(mix(palette.color(QPalette::Text), palette.color(QPalette::Base), 0.40))
    , m_apiEdge(mix(palette.color(QPalette::Link), palette.color(QPalette::Base), 0.15))
    , m_highlight(palette.color(QPalette::Highlight))
    , m_badgeFill(mix(palette.color(QPalette::Text), palette.color(QPalette::Base), 0.82))
{ }

QColor GraphColours::bandHue(const QString &band)
{
    // The bands' colours of the whole window (answers, the Health column, the dashboard).
    if (const std::optional<core::HealthBand> known = core::ScorecardEvaluator::bandFromId(band))
        return HealthColors::forBand(*known);
    return QColor();
}

QColor GraphColours::nodeBorder(const QString &band) const
{
    const QColor hue = bandHue(band);
    return hue.isValid() ? hue : HealthColors::none();
}

QColor GraphColours::nodeFill(const QString &band) const
{
    const QColor hue = bandHue(band);
    // A dark background needs a stronger tint for the hue to show at all.
    if (!hue.isValid())
        return mix(m_background, m_text, m_dark ? 0.08 : 0.04);
    return mix(m_background, hue, m_dark ? 0.24 : 0.13);
}

QColor GraphColours::risk() const
{
    return QColor(0xe0, 0x6c, 0x00);
}

QColor GraphColours::mix(const QColor &a, const QColor &b, qreal amount)
{
    const QColor x = a.toRgb();
    const QColor y = b.toRgb();
    auto blend = [amount](float p, float q) { return p + (q - p) * float(amount); };
    return QColor::fromRgbF(blend(x.redF(), y.redF()), blend(x.greenF(), y.greenF()), blend(x.blueF(), y.blueF()));
}

} // namespace cairn::ui
