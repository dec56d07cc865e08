// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/GraphImageExport.h"

#include "core/AtomicFileWrite.h"

#include <QGraphicsScene>
#include <QIODevice>
#include <QImage>
#include <QPainter>
#include <QSvgGenerator>

#include <cmath>

namespace cairn::ui {

namespace {

constexpr qreal MaxPixels = 64.0 * 1024 * 1024;

void paintScene(
    QPainter &painter, QGraphicsScene &scene, const QRectF &target, const QRectF &source, const QColor &background)
{
    painter.setRenderHints(QPainter::Antialiasing | QPainter::TextAntialiasing | QPainter::SmoothPixmapTransform);
    painter.fillRect(target, background);
    scene.render(&painter, target, source, Qt::KeepAspectRatio);
}

} // namespace

core::Status GraphImageExport::writePng(
    QGraphicsScene &scene, const QRectF &source, const QColor &background, const QString &path, qreal pixelRatio)
{
    if (source.isEmpty())
        return core::Error { tr("There is no graph to export.") };
    const qreal area = source.width() * source.height();
    const qreal ratio = std::min(pixelRatio, std::sqrt(MaxPixels / area));
    QImage image(QSize(int(std::ceil(source.width() * ratio)), int(std::ceil(source.height() * ratio))),
        QImage::Format_ARGB32_Premultiplied);
    if (image.isNull())
        return core::Error { tr("Not enough memory for an image of %1 × %2 pixels.")
                                 .arg(int(source.width() * ratio))
                                 .arg(int(source.height() * ratio)) };
    image.setDevicePixelRatio(ratio);
    {
        QPainter painter(&image);
        paintScene(painter, scene, QRectF(QPointF(0, 0), source.size()), source, background);
    }
    return core::writeFileAtomically(path, [&image, &path](QIODevice &device) -> core::Status {
        if (!image.save(&device, "PNG"))
            return core::Error { tr("Could not encode %1 as PNG.").arg(path) };
        return {};
    });
}

core::Status GraphImageExport::writeSvg(QGraphicsScene &scene, const QRectF &source, const QColor &background,
    const QString &path, const QString &title, const QString &description)
{
    if (source.isEmpty())
        return core::Error { tr("There is no graph to export.") };
    return core::writeFileAtomically(path, [&](QIODevice &device) -> core::Status {
        QSvgGenerator svg;
        svg.setOutputDevice(&device);
        const QSize size(int(std::ceil(source.width())), int(std::ceil(source.height())));
        svg.setSize(size);
        svg.setViewBox(QRect(QPoint(0, 0), size));
        svg.setTitle(title);
        svg.setDescription(description);
        QPainter painter;
        if (!painter.begin(&svg))
            return core::Error { tr("Could not start writing SVG to %1.").arg(path) };
        paintScene(painter, scene, QRectF(QPointF(0, 0), source.size()), source, background);
        if (!painter.end())
            return core::Error { tr("Could not finish writing SVG to %1.").arg(path) };
        return {};
    });
}

} // namespace cairn::ui
