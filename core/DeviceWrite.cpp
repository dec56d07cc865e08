// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/DeviceWrite.h"

#include <QIODevice>

namespace cairn::core {

Status writeFully(QIODevice &device, QByteArrayView bytes, qint64 *written)
{
    const char *data = bytes.data();
    qint64 left = bytes.size();
    while (left > 0) {
        const qint64 n = device.write(data, left);
        if (n <= 0)
            return Error { device.errorString() };
        data += n;
        left -= n;
        if (written)
            *written += n;
    }
    return {};
}

} // namespace cairn::core
