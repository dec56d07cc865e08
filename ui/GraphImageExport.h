// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/Result.h"

#include <QColor>
#include <QCoreApplication>
#include <QRectF>
#include <QString>

class QGraphicsScene;

namespace cairn::ui {

// A part of a scene written as a picture file, all or nothing (core::writeFileAtomically):
// PNG for pasting into a document, SVG for one that stays sharp at any size, its names as
// text that can be searched and copied.
class GraphImageExport final
{
    Q_DECLARE_TR_FUNCTIONS(cairn::ui::GraphImageExport)

public:
    // `pixelRatio` image pixels per scene unit: 2 stays sharp on a HiDPI screen and in
    // print. A graph so large that the image would pass 64 megapixels is written smaller.
    static core::Status writePng(QGraphicsScene &scene, const QRectF &source, const QColor &background,
        const QString &path, qreal pixelRatio = 2);
    static core::Status writeSvg(QGraphicsScene &scene, const QRectF &source, const QColor &background,
        const QString &path, const QString &title, const QString &description);
};

} // namespace cairn::ui
