// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "sync/CatalogSource.h"

#include <QStringList>

namespace cairn::sync {

// Catalog files and folders (`cairn import PATH...`, a configured folder, the bundled
// sample at ":/sample"): re-read whole on every run.
class FileSource final : public CatalogSource
{
public:
    explicit FileSource(QStringList paths);
    core::Result<SourceHarvest> collect(const HarvestContext &context) override;

private:
    QStringList m_paths;
};

} // namespace cairn::sync
