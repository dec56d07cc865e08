// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/HealthSummary.h"

#include "cache/Cache.h"
#include "cache/SqlTry.h"
#include "cache/Statement.h"
#include "core/ScorecardEvaluator.h"

#include <QCollator>
#include <QHash>

#include <algorithm>

namespace cairn::models {

namespace {

using cache::Statement;

// Band and level words as the cache stores them, as indexes into BandCounts / LevelCounts.
int bandIndex(QStringView id)
{
    return int(core::ScorecardEvaluator::bandFromId(id).value_or(core::HealthBand::Failing));
}

int levelIndex(QStringView id)
{
    static const QStringList ids { QStringLiteral("none"), QStringLiteral("bronze"), QStringLiteral("silver"),
        QStringLiteral("gold") };
    return int(std::max<qsizetype>(0, ids.indexOf(id.toString())));
}

core::EntityRef refOf(const QString &text)
{
    core::Result<core::EntityRef> ref = core::EntityRef::parse(text);
    return ref ? *ref : core::EntityRef();
}

// Every statement of the summary reads the same commit: a sync that lands halfway through
// must not make the teams' counts disagree with the scorecards'.
class ReadTransaction
{
public:
    explicit ReadTransaction(cache::Database &db)
        : m_db(db)
    { }
    ~ReadTransaction()
    {
        if (m_open)
            (void)m_db.exec(QStringLiteral("COMMIT"));
    }
    Q_DISABLE_COPY_MOVE(ReadTransaction)
    core::Status begin()
    {
        CAIRN_TRY(m_db.exec(QStringLiteral("BEGIN")));
        m_open = true;
        return {};
    }

private:
    cache::Database &m_db;
    bool m_open = false;
};

struct Owner
{
    HealthSummary::OwnerState state = HealthSummary::OwnerState::None;
    core::EntityRef ref;
    QString name;
};

// The owners' names, one lookup per owner (a few hundred at most), rather than a join on
// every component.
class OwnerNames
{
public:
    static core::Result<OwnerNames> prepare(cache::Database &db)
    {
        OwnerNames names;
        CAIRN_TRY_ASSIGN(names.m_find,
            db.prepare(QStringLiteral("SELECT ref, display_name FROM entities WHERE key = ?1 AND removed_at IS NULL")));
        return names;
    }

    core::Result<Owner> of(const QString &key)
    {
        if (key.isEmpty())
            return Owner {};
        if (const auto known = m_known.constFind(key); known != m_known.cend())
            return *known;
        Owner owner;
        m_find.reset();
        m_find.bind(1, key);
        CAIRN_TRY_ASSIGN(Statement::Step step, m_find.step());
        if (step == Statement::Step::Row) {
            owner.state = HealthSummary::OwnerState::Resolved;
            owner.ref = refOf(m_find.text(0));
            owner.name = m_find.text(1);
        } else {
            owner.state = HealthSummary::OwnerState::NotFound;
            owner.ref = refOf(key);
            owner.name = owner.ref.isNull() ? key : owner.ref.toString();
        }
        m_find.reset();
        m_known.insert(key, owner);
        return owner;
    }

private:
    Statement m_find;
    QHash<QString, Owner> m_known;
};

core::Status readScorecards(
    cache::Database &db, HealthSummary &summary, QHash<QString, QHash<QString, QString>> &criteria)
{
    CAIRN_TRY_ASSIGN(Statement names,
        db.prepare(
            QStringLiteral("SELECT c.id, c.name, json_extract(k.value, '$.id'), "
                           "coalesce(nullif(json_extract(k.value, '$.name'), ''), json_extract(k.value, '$.id')) "
                           "FROM health_scorecards c LEFT JOIN json_each(c.definition, '$.criteria') k "
                           "ORDER BY c.position, k.key")));
    CAIRN_TRY(forEachRow(names, [&](const Statement &row) {
        const QString id = row.text(0);
        if (summary.scorecards.isEmpty() || summary.scorecards.constLast().id != id)
            summary.scorecards.append(HealthSummary::Scorecard { id, row.text(1), {}, {}, 0 });
        if (!row.isNull(2))
            criteria[id].insert(row.text(2), row.text(3));
    }));

    CAIRN_TRY_ASSIGN(Statement counts,
        db.prepare(QStringLiteral("SELECT h.scorecard, h.band, h.level, count(*), sum(h.risk_path IS NOT NULL) "
                                  "FROM health h JOIN entities e ON e.id = h.entity_id "
                                  "WHERE e.kind = 'component' AND e.removed_at IS NULL "
                                  "GROUP BY h.scorecard, h.band, h.level")));
    return forEachRow(counts, [&](const Statement &row) {
        const QString id = row.text(0);
        const auto scorecard = std::find_if(summary.scorecards.begin(), summary.scorecards.end(),
            [&id](const HealthSummary::Scorecard &s) { return s.id == id; });
        if (scorecard == summary.scorecards.end())
            return; // health of a scorecard no longer installed: recomputed at the next write
        scorecard->bands[bandIndex(row.text(1))] += row.int32(3);
        scorecard->levels[levelIndex(row.text(2))] += row.int32(3);
        scorecard->atRisk += row.int32(4);
    });
}

core::Status readTeams(cache::Database &db, HealthSummary &summary, OwnerNames &owners)
{
    // One scorecard's bands and levels, or each component's worst band (no level: a
    // component has one per scorecard).
    const QString sql = summary.scorecard.isEmpty()
        ? QStringLiteral("SELECT coalesce(owner_key, ''), health_band, NULL, count(*) FROM entities "
                         "WHERE kind = 'component' AND removed_at IS NULL AND health_band IS NOT NULL "
                         "GROUP BY 1, 2")
        : QStringLiteral("SELECT coalesce(e.owner_key, ''), h.band, h.level, count(*) "
                         "FROM health h JOIN entities e ON e.id = h.entity_id "
                         "WHERE h.scorecard = ?1 AND e.kind = 'component' AND e.removed_at IS NULL "
                         "GROUP BY 1, 2, 3");
    CAIRN_TRY_ASSIGN(Statement q, db.prepare(sql));
    if (!summary.scorecard.isEmpty())
        q.bind(1, summary.scorecard);
    QHash<QString, qsizetype> rowOf;
    CAIRN_TRY(forEachRow(q, [&](const Statement &row) -> core::Status {
        const QString key = row.text(0);
        qsizetype at = rowOf.value(key, -1);
        if (at < 0) {
            CAIRN_TRY_ASSIGN(Owner owner, owners.of(key));
            summary.teams.append(HealthSummary::Team { owner.state, owner.ref, owner.name, {}, {} });
            at = summary.teams.size() - 1;
            rowOf.insert(key, at);
        }
        HealthSummary::Team &team = summary.teams[at];
        team.bands[bandIndex(row.text(1))] += row.int32(3);
        if (!row.isNull(2))
            team.levels[levelIndex(row.text(2))] += row.int32(3);
        return {};
    }));
    QCollator collator;
    collator.setCaseSensitivity(Qt::CaseInsensitive);
    collator.setNumericMode(true);
    std::sort(summary.teams.begin(), summary.teams.end(),
        [&collator](const HealthSummary::Team &a, const HealthSummary::Team &b) {
            if ((a.state == HealthSummary::OwnerState::None) != (b.state == HealthSummary::OwnerState::None))
                return b.state == HealthSummary::OwnerState::None;
            if (a.bands[0] != b.bands[0])
                return a.bands[0] > b.bands[0];
            if (a.bands[1] != b.bands[1])
                return a.bands[1] > b.bands[1];
            return collator.compare(a.name, b.name) < 0;
        });
    return {};
}

core::Status readWorst(cache::Database &db, HealthSummary &summary, OwnerNames &owners,
    const QHash<QString, QHash<QString, QString>> &criteria, int limit)
{
    // By default each component's worst scorecard: the first of the lowest score, walked
    // in score order on the components' health index.
    const QString sql = summary.scorecard.isEmpty()
        ? QStringLiteral(
            "SELECT e.ref, e.display_name, coalesce(e.owner_key, ''), w.scorecard, w.score, w.band, w.failed, "
            "w.risk_path IS NOT NULL FROM entities e "
            "JOIN health w ON w.entity_id = e.id AND w.scorecard = (SELECT h.scorecard FROM health h "
            "  LEFT JOIN health_scorecards c ON c.id = h.scorecard WHERE h.entity_id = e.id "
            "  ORDER BY h.score, c.position LIMIT 1) "
            "WHERE e.kind = 'component' AND e.removed_at IS NULL AND coalesce(e.health_score, -1) >= 0 "
            "ORDER BY coalesce(e.health_score, -1), e.name LIMIT ?2")
        : QStringLiteral("SELECT e.ref, e.display_name, coalesce(e.owner_key, ''), h.scorecard, h.score, h.band, "
                         "h.failed, h.risk_path IS NOT NULL FROM health h JOIN entities e ON e.id = h.entity_id "
                         "WHERE h.scorecard = ?1 AND e.kind = 'component' AND e.removed_at IS NULL "
                         "ORDER BY h.score, e.name LIMIT ?2");
    CAIRN_TRY_ASSIGN(Statement q, db.prepare(sql));
    if (!summary.scorecard.isEmpty())
        q.bind(1, summary.scorecard);
    q.bind(2, limit);
    return forEachRow(q, [&](const Statement &row) -> core::Status {
        HealthSummary::Component c;
        c.ref = refOf(row.text(0));
        c.name = row.text(1);
        CAIRN_TRY_ASSIGN(Owner owner, owners.of(row.text(2)));
        c.ownerName = owner.name;
        const QString scorecard = row.text(3);
        for (const HealthSummary::Scorecard &s : std::as_const(summary.scorecards)) {
            if (s.id == scorecard)
                c.scorecardName = s.name;
        }
        c.score = row.int32(4);
        c.band = core::ScorecardEvaluator::bandFromId(row.text(5)).value_or(core::HealthBand::Failing);
        const QHash<QString, QString> names = criteria.value(scorecard);
        for (const QString &id : row.text(6).split(u',', Qt::SkipEmptyParts))
            c.failed.append(names.value(id, id));
        c.atRisk = row.int32(7) != 0;
        summary.worst.append(c);
        return {};
    });
}

} // namespace

core::Result<HealthSummary> HealthSummary::read(cache::Cache &cache, const QString &scorecard, int worstRows)
{
    cache::Database &db = cache.database();
    ReadTransaction transaction(db);
    CAIRN_TRY(transaction.begin());
    HealthSummary summary;
    summary.scorecard = scorecard;
    // Counted on the components' health index alone (it holds every live component).
    CAIRN_TRY_ASSIGN(Statement total,
        db.prepare(
            QStringLiteral("SELECT count(*), coalesce(sum(coalesce(health_score, -1) < 0), 0) FROM entities "
                           "INDEXED BY entities_component_by_health WHERE kind = 'component' AND removed_at IS NULL")));
    CAIRN_TRY(forEachRow(total, [&summary](const Statement &row) {
        summary.components = row.int32(0);
        summary.withoutHealth = row.int32(1);
    }));
    QHash<QString, QHash<QString, QString>> criteria; // scorecard id -> criterion id -> name
    CAIRN_TRY(readScorecards(db, summary, criteria));
    CAIRN_TRY_ASSIGN(OwnerNames owners, OwnerNames::prepare(db));
    CAIRN_TRY(readTeams(db, summary, owners));
    CAIRN_TRY(readWorst(db, summary, owners, criteria, worstRows));
    return summary;
}

} // namespace cairn::models
