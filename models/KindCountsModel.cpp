// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/KindCountsModel.h"

#include "cache/KindCounts.h"
#include "models/BackgroundReader.h"
#include "models/ItemRoles.h"

namespace cairn::models {

namespace {

const QString OverviewId = QStringLiteral("overview");
const QString RemovedId = QStringLiteral("removed");
const QString HealthId = QStringLiteral("health");
const QString HygieneId = QStringLiteral("hygiene");

} // namespace

KindCountsModel::KindCountsModel(cache::Cache &cache, QObject *parent)
    : QAbstractListModel(parent)
    , m_cache(cache)
{
    const auto kinds = [](QStringView first, QStringView second = {}) {
        QStringList out { first.toString() };
        if (!second.isEmpty())
            out.append(second.toString());
        return out;
    };
    m_rows = {
        { OverviewId, tr("Overview"), {}, -1 },
        { HealthId, tr("Health"), {}, -1 },
        { QStringLiteral("project"), tr("Projects"), kinds(u"project"), 0 },
        { QStringLiteral("goal"), tr("Goals"), kinds(u"goal"), 0 },
        { QStringLiteral("component"), tr("Components"), kinds(u"component"), 0 },
        { QStringLiteral("api"), tr("APIs"), kinds(u"api"), 0 },
        { QStringLiteral("system"), tr("Systems & Domains"), kinds(u"system", u"domain"), 0 },
        { QStringLiteral("resource"), tr("Resources"), kinds(u"resource"), 0 },
        { QStringLiteral("group"), tr("Teams"), kinds(u"group"), 0 },
        { QStringLiteral("user"), tr("People"), kinds(u"user"), 0 },
        { RemovedId, tr("Removed upstream"), {}, 0 },
        // The hygiene report (models::HygieneModel): findings, not entities, so no count.
        { HygieneId, tr("Hygiene"), {}, -1 },
    };
    // Counts are read now; a failure is kept in lastError() for the view to show.
    (void)refresh();
}

core::Status KindCountsModel::refresh()
{
    core::Result<cache::KindCounts> counts = cache::KindCounts::read(m_cache);
    if (!counts) {
        m_lastError = counts.errorString();
        return counts.error();
    }
    m_lastError.clear();
    apply(*counts);
    return {};
}

void KindCountsModel::refreshOn(BackgroundReader &reader)
{
    reader.fetch(
        this, [](cache::Cache &cache) { return cache::KindCounts::read(cache); },
        [this](core::Result<cache::KindCounts> counts) {
            if (!counts) {
                m_lastError = counts.errorString();
                return;
            }
            m_lastError.clear();
            apply(*counts);
        });
}

void KindCountsModel::apply(const cache::KindCounts &counts)
{
    for (int row = 0; row < m_rows.size(); ++row) {
        Row &r = m_rows[row];
        if (r.viewId == OverviewId || r.viewId == HealthId || r.viewId == HygieneId)
            continue; // dashboards and reports, not a count
        int count = 0;
        if (r.viewId == RemovedId) {
            count = counts.removedTotal();
        } else {
            for (const QString &kind : std::as_const(r.kinds))
                count += counts.liveOf(kind);
        }
        if (count == r.count)
            continue;
        r.count = count;
        const QModelIndex changed = index(row);
        Q_EMIT dataChanged(changed, changed, { CountRole });
    }
}

int KindCountsModel::rowOf(QStringView viewId) const
{
    for (int row = 0; row < m_rows.size(); ++row) {
        if (m_rows.at(row).viewId == viewId)
            return row;
    }
    return -1;
}

int KindCountsModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

QVariant KindCountsModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Row &row = m_rows.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        return row.label;
    case ViewIdRole:
        return row.viewId;
    case CountRole:
        return row.count;
    case KindsRole:
        return row.kinds;
    default:
        return {};
    }
}

} // namespace cairn::models
