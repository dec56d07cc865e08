// SPDX-License-Identifier: GPL-3.0-or-later
#include "sync/SampleOrganisation.h"

#include "sync/FileSource.h"
#include "sync/SyncEngine.h"

namespace cairn::sync {

QString SampleOrganisation::sourceName()
{
    return QStringLiteral("sample");
}

QString SampleOrganisation::location()
{
    return QStringLiteral(":/sample");
}

SyncOutcome SampleOrganisation::load(cache::Cache &cache)
{
    FileSource source({ location() });
    SyncEngine engine(cache);
    return engine.run(sourceName(), QStringLiteral("sample"), location(), source, SyncOptions {});
}

} // namespace cairn::sync
