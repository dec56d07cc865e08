// SPDX-License-Identifier: GPL-3.0-or-later
#include "cache/HealthReader.h"

#include "cache/Database.h"
#include "cache/HealthStore.h"
#include "cache/SqlTry.h"
#include "cache/Statement.h"
#include "core/ScorecardEvaluator.h"
#include "core/ScorecardJson.h"

#include <QJsonArray>
#include <QJsonDocument>

#include <algorithm>

namespace cairn::cache {

namespace {

QStringList stringsOf(const QString &jsonArray)
{
    QStringList list;
    for (const QJsonValue v : QJsonDocument::fromJson(jsonArray.toUtf8()).array())
        list.append(v.toString());
    return list;
}

bool matches(const HealthFilter &filter, const EntityHealth &h, const QList<core::Scorecard> &scorecards)
{
    if (!filter.scorecard.isEmpty()) {
        const bool named = std::any_of(scorecards.cbegin(), scorecards.cend(), [&](const core::Scorecard &s) {
            return s.id == h.result.scorecardId
                && (s.id.compare(filter.scorecard, Qt::CaseInsensitive) == 0
                    || s.name.compare(filter.scorecard, Qt::CaseInsensitive) == 0);
        });
        if (!named)
            return false;
    }
    if (!filter.ownerKey.isEmpty() && h.owner != filter.ownerKey)
        return false;
    if (filter.band && h.result.band != *filter.band)
        return false;
    return !filter.level || h.result.level == *filter.level;
}

void sortListing(QList<EntityHealth> &list, const QList<core::Scorecard> &scorecards)
{
    QHash<QString, int> position;
    for (qsizetype i = 0; i < scorecards.size(); ++i)
        position.insert(scorecards.at(i).id, int(i));
    std::sort(list.begin(), list.end(), [&position](const EntityHealth &a, const EntityHealth &b) {
        const int pa = position.value(a.result.scorecardId);
        const int pb = position.value(b.result.scorecardId);
        if (pa != pb)
            return pa < pb;
        if (a.result.score != b.result.score)
            return a.result.score < b.result.score;
        return a.key < b.key;
    });
}

} // namespace

HealthReader::HealthReader(Database &db)
    : m_db(db)
{ }

core::Status HealthReader::loadScorecards()
{
    if (m_scorecards)
        return {};
    CAIRN_TRY_ASSIGN(Statement q,
        m_db.prepare(QStringLiteral("SELECT id, origin, definition FROM health_scorecards ORDER BY position")));
    QList<core::Scorecard> list;
    CAIRN_TRY(forEachRow(q, [&list](const Statement &row) {
        auto read = core::ScorecardJson::fromJson(QJsonDocument::fromJson(row.utf8(2)).object(), row.text(0));
        // Written by this build from a scorecard it accepted: it reads back. One that does
        // not (a cache edited by hand) is left out rather than shown wrong.
        if (auto *s = std::get_if<core::Scorecard>(&read)) {
            s->origin = row.text(1);
            list.append(*s);
        }
    }));
    m_scorecards = list;
    return {};
}

core::Result<QList<core::Scorecard>> HealthReader::scorecards()
{
    CAIRN_TRY(loadScorecards());
    return *m_scorecards;
}

core::Result<const core::Scorecard *> HealthReader::scorecard(const QString &id)
{
    CAIRN_TRY(loadScorecards());
    for (const core::Scorecard &s : std::as_const(*m_scorecards))
        if (s.id == id)
            return &s;
    return nullptr;
}

core::Result<QList<core::ScorecardResult>> HealthReader::forEntity(const QString &key)
{
    CAIRN_TRY(loadScorecards());
    CAIRN_TRY_ASSIGN(Statement q,
        m_db.prepare(
            QStringLiteral("SELECT h.scorecard, h.score, h.band, h.level, h.results, coalesce(h.risk_path, '[]') "
                           "FROM health h JOIN entities e ON e.id = h.entity_id "
                           "LEFT JOIN health_scorecards c ON c.id = h.scorecard "
                           "WHERE e.key=:key ORDER BY c.position")));
    q.bind(":key", key);
    QList<core::ScorecardResult> results;
    core::Status read = forEachRow(q, [&](const Statement &row) -> core::Status {
        CAIRN_TRY_ASSIGN(const core::Scorecard *s, scorecard(row.text(0)));
        if (!s)
            return {};
        core::ScorecardResult r;
        r.scorecardId = s->id;
        r.scorecardName = s->name;
        r.score = row.int32(1);
        r.band = core::ScorecardEvaluator::bandFromId(row.text(2)).value_or(core::HealthBand::Failing);
        r.level = core::ScorecardEvaluator::levelFromId(row.text(3)).value_or(core::MaturityLevel::None);
        r.criteria = core::ScorecardJson::resultsFromJson(QJsonDocument::fromJson(row.utf8(4)).array(), *s);
        r.riskPath = stringsOf(row.text(5));
        results.append(r);
        return {};
    });
    CAIRN_TRY(read);
    return results;
}

core::Result<QList<EntityHealth>> HealthReader::list(const HealthFilter &filter)
{
    CAIRN_TRY(loadScorecards());
    CAIRN_TRY_ASSIGN(Statement q,
        m_db.prepare(QStringLiteral(
            "SELECT e.ref, e.key, json_extract(e.document, '$.kind'), e.display_name, coalesce(e.owner_key, ''), "
            "h.scorecard, h.score, h.band, h.level, h.results, coalesce(h.risk_path, '[]') "
            "FROM health h JOIN entities e ON e.id = h.entity_id WHERE e.removed_at IS NULL")));
    QList<EntityHealth> list;
    core::Status read = forEachRow(q, [&](const Statement &row) -> core::Status {
        CAIRN_TRY_ASSIGN(const core::Scorecard *s, scorecard(row.text(5)));
        if (!s)
            return {};
        EntityHealth h { row.text(0), row.text(1), row.text(2), row.text(3), row.text(4), {} };
        h.result.scorecardId = s->id;
        h.result.scorecardName = s->name;
        h.result.score = row.int32(6);
        h.result.band = core::ScorecardEvaluator::bandFromId(row.text(7)).value_or(core::HealthBand::Failing);
        h.result.level = core::ScorecardEvaluator::levelFromId(row.text(8)).value_or(core::MaturityLevel::None);
        if (!matches(filter, h, *m_scorecards))
            return {};
        h.result.criteria = core::ScorecardJson::resultsFromJson(QJsonDocument::fromJson(row.utf8(9)).array(), *s);
        h.result.riskPath = stringsOf(row.text(10));
        list.append(std::move(h));
        return {};
    });
    CAIRN_TRY(read);
    sortListing(list, *m_scorecards);
    return list;
}

core::Result<QList<EntityHealth>> HealthReader::evaluate(const HealthPolicy &policy, const HealthFilter &filter)
{
    HealthStore store(m_db, policy);
    CAIRN_TRY_ASSIGN(auto all, store.evaluateAll());
    CAIRN_TRY_ASSIGN(Statement q,
        m_db.prepare(QStringLiteral("SELECT ref, key, json_extract(document, '$.kind'), display_name, "
                                    "coalesce(owner_key, '') FROM entities WHERE removed_at IS NULL")));
    QList<EntityHealth> list;
    CAIRN_TRY(forEachRow(q, [&](const Statement &row) {
        const auto it = all.constFind(row.text(1));
        if (it == all.constEnd())
            return;
        for (const core::ScorecardResult &r : it.value()) {
            EntityHealth h { row.text(0), row.text(1), row.text(2), row.text(3), row.text(4), r };
            if (matches(filter, h, policy.scorecards))
                list.append(std::move(h));
        }
    }));
    sortListing(list, policy.scorecards);
    return list;
}

} // namespace cairn::cache
