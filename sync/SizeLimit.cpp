// SPDX-License-Identifier: GPL-3.0-or-later
#include "sync/SizeLimit.h"

#include <QString>

namespace cairn::sync {

qint64 sizeLimit(const char *variable, qint64 fallback)
{
    bool ok = false;
    const qint64 mib = qEnvironmentVariable(variable).toLongLong(&ok);
    return ok && mib > 0 && mib <= 64 * 1024 ? mib * MiB : fallback;
}

} // namespace cairn::sync
