// SPDX-License-Identifier: GPL-3.0-or-later
// cairn-render-icon: the application icon at every size a platform asks for, drawn at build
// time from the one SVG (ui/icons/cairn.svg), so no bitmap is ever out of date with it.
//   cairn-render-icon SVG png SIZE OUT.png     one PNG (the hicolor theme on Linux)
//   cairn-render-icon SVG ico OUT.ico          16 to 256 pixels in one Windows icon
//   cairn-render-icon SVG icns OUT.icns        16 to 1024 pixels in one macOS icon
// ICO and ICNS hold PNG images, as Windows Vista and macOS 10.7 and later read them.
#include <QBuffer>
#include <QGuiApplication>
#include <QImage>
#include <QPainter>
#include <QSaveFile>
#include <QSvgRenderer>
#include <QTextStream>
#include <QtEndian>

#include <utility>
#include <vector>

namespace {

QByteArray png(QSvgRenderer &svg, int size)
{
    QImage image(size, size, QImage::Format_ARGB32_Premultiplied);
    image.fill(Qt::transparent);
    QPainter painter(&image);
    painter.setRenderHint(QPainter::Antialiasing);
    svg.render(&painter);
    painter.end();
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    image.save(&buffer, "PNG");
    return bytes;
}

template<typename T> void append(QByteArray &out, T value)
{
    char raw[sizeof(T)];
    qToLittleEndian(value, raw);
    out.append(raw, sizeof(T));
}

template<typename T> void appendBig(QByteArray &out, T value)
{
    char raw[sizeof(T)];
    qToBigEndian(value, raw);
    out.append(raw, sizeof(T));
}

// ICONDIR, then an ICONDIRENTRY per image, then the PNGs; 256 is written as 0.
QByteArray ico(QSvgRenderer &svg)
{
    const std::vector<int> sizes { 16, 24, 32, 48, 64, 128, 256 };
    std::vector<QByteArray> images;
    images.reserve(sizes.size());
    for (int size : sizes)
        images.push_back(png(svg, size));
    QByteArray out;
    append<quint16>(out, 0);
    append<quint16>(out, 1);
    append<quint16>(out, quint16(sizes.size()));
    quint32 offset = 6 + 16 * quint32(sizes.size());
    for (std::size_t i = 0; i < sizes.size(); ++i) {
        out.append(char(sizes[i] >= 256 ? 0 : sizes[i]));
        out.append(char(sizes[i] >= 256 ? 0 : sizes[i]));
        out.append(char(0)); // no palette
        out.append(char(0));
        append<quint16>(out, 1); // colour planes
        append<quint16>(out, 32); // bits per pixel
        append<quint32>(out, quint32(images[i].size()));
        append<quint32>(out, offset);
        offset += quint32(images[i].size());
    }
    for (const QByteArray &image : images)
        out.append(image);
    return out;
}

// "icns", the file's length, then an element per size: its type, its length, the PNG.
QByteArray icns(QSvgRenderer &svg)
{
    const std::vector<std::pair<const char *, int>> types { { "icp4", 16 }, { "icp5", 32 }, { "icp6", 64 },
        { "ic07", 128 }, { "ic08", 256 }, { "ic09", 512 }, { "ic10", 1024 } };
    QByteArray body;
    for (const auto &[type, size] : types) {
        const QByteArray image = png(svg, size);
        body.append(type, 4);
        appendBig<quint32>(body, quint32(8 + image.size()));
        body.append(image);
    }
    QByteArray out("icns", 4);
    appendBig<quint32>(out, quint32(8 + body.size()));
    out.append(body);
    return out;
}

} // namespace

int main(int argc, char *argv[])
{
    QGuiApplication app(argc, argv);
    const QStringList args = QCoreApplication::arguments();
    QTextStream err(stderr);
    const bool pngArgs = args.size() == 5 && args.at(2) == u"png";
    const bool fileArgs = args.size() == 4 && (args.at(2) == u"ico" || args.at(2) == u"icns");
    if (!pngArgs && !fileArgs) {
        err << "usage: cairn-render-icon SVG png SIZE OUT.png | SVG ico OUT.ico | SVG icns OUT.icns\n";
        return 2;
    }
    QSvgRenderer svg(args.at(1));
    if (!svg.isValid()) {
        err << "cairn-render-icon: " << args.at(1) << " is not an SVG image it can draw\n";
        return 1;
    }
    QByteArray bytes;
    if (pngArgs) {
        bool ok = false;
        const int size = args.at(3).toInt(&ok);
        if (!ok || size < 1 || size > 4096) {
            err << "cairn-render-icon: " << args.at(3) << " is not a size in pixels\n";
            return 2;
        }
        bytes = png(svg, size);
    } else {
        bytes = args.at(2) == u"ico" ? ico(svg) : icns(svg);
    }
    QSaveFile out(args.constLast());
    if (!out.open(QIODevice::WriteOnly | QIODevice::Truncate) || out.write(bytes) != bytes.size() || !out.commit()) {
        err << "cairn-render-icon: could not write " << out.fileName() << ": " << out.errorString() << '\n';
        return 1;
    }
    return 0;
}
