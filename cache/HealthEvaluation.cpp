// SPDX-License-Identifier: GPL-3.0-or-later
#include "cache/HealthEvaluation.h"

#include "cache/Database.h"
#include "core/JsonText.h"
#include "core/ScorecardJson.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonValue>

#include <algorithm>
#include <array>

namespace cairn::cache::health {

namespace {

// An id as stored: UTF-8 of Latin-1 text, which band and level ids are (ASCII words).
QByteArray stored(const QString &id)
{
    return id.toLatin1();
}

// A stored id made once, lent without its count of references: the pool's threads would
// otherwise each count up and down on one line of memory, for every row of a recompute.
QByteArray lent(const QByteArray &id)
{
    return QByteArray::fromRawData(id.constData(), id.size());
}

QByteArray storedBand(core::HealthBand band)
{
    static const std::array<QByteArray, 3> ids { stored(core::ScorecardEvaluator::bandId(core::HealthBand::Failing)),
        stored(core::ScorecardEvaluator::bandId(core::HealthBand::NeedsAttention)),
        stored(core::ScorecardEvaluator::bandId(core::HealthBand::Passing)) };
    return lent(ids.at(size_t(band)));
}

QByteArray storedLevel(core::MaturityLevel level)
{
    static const std::array<QByteArray, 4> ids { stored(core::ScorecardEvaluator::levelId(core::MaturityLevel::None)),
        stored(core::ScorecardEvaluator::levelId(core::MaturityLevel::Bronze)),
        stored(core::ScorecardEvaluator::levelId(core::MaturityLevel::Silver)),
        stored(core::ScorecardEvaluator::levelId(core::MaturityLevel::Gold)) };
    return lent(ids.at(size_t(level)));
}

} // namespace

StoredRow StoredRow::of(const core::ScorecardResult &result)
{
    QByteArray failed;
    for (const core::CriterionResult &c : result.criteria) {
        if (c.passed)
            continue;
        if (!failed.isEmpty())
            failed += ',';
        failed += c.criterionId.toUtf8();
    }
    return StoredRow { result.scorecardId.toUtf8(), result.score, storedBand(result.band), storedLevel(result.level),
        std::move(failed), core::ScorecardJson::resultsToJson(result), result.band == core::HealthBand::Failing };
}

core::Result<Statement> prepareInsert(Database &db)
{
    return db.prepare(QStringLiteral("INSERT INTO health(entity_id, scorecard, score, band, level, failed, results, "
                                     "risk_path) VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7, NULL)"));
}

core::Result<Statement> prepareUpsert(Database &db)
{
    return db.prepare(QStringLiteral("INSERT INTO health(entity_id, scorecard, score, band, level, failed, results, "
                                     "risk_path) VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7, NULL) "
                                     "ON CONFLICT(entity_id, scorecard) DO UPDATE SET score = excluded.score, "
                                     "band = excluded.band, level = excluded.level, failed = excluded.failed, "
                                     "results = excluded.results"));
}

core::Status insert(Statement &statement, qint64 entityId, const StoredRow &row)
{
    statement.reset();
    statement.bind(1, entityId);
    statement.bindUtf8(2, row.scorecard);
    statement.bind(3, row.score);
    statement.bindUtf8(4, row.band);
    statement.bindUtf8(5, row.level);
    statement.bindUtf8(6, row.failed);
    statement.bindUtf8(7, row.results);
    return statement.exec();
}

QList<core::ScorecardResult> evaluate(const HealthPolicy &policy, const core::ScorecardEvaluator &evaluator,
    const core::HealthSubject &entity, const core::HealthFacts &facts, QStringList &reads)
{
    QList<core::ScorecardResult> results;
    for (const core::Scorecard &s : policy.scorecards)
        if (core::ScorecardEvaluator::applies(s, entity))
            results.append(evaluator.evaluate(s, entity, facts, &reads));
    std::sort(reads.begin(), reads.end());
    reads.erase(std::unique(reads.begin(), reads.end()), reads.end());
    return results;
}

QString seenText(const std::optional<core::HealthFacts::Other> &other)
{
    return other ? other->kind + u'\n' + other->lifecycle : QString();
}

GraphRow GraphRow::of(const QStringList &dependencies, const QStringList &statedFor, const core::HealthFacts &facts)
{
    GraphRow row { dependencies, {}, statedFor };
    row.seen.reserve(dependencies.size());
    for (const QString &key : dependencies)
        row.seen.append(seenText(facts.live(key)));
    return row;
}

GraphRowText GraphRowText::of(const GraphRow &row)
{
    QByteArray dependencies;
    dependencies.reserve(64 * row.dependencies.size() + 2);
    dependencies += '[';
    for (qsizetype i = 0; i < row.dependencies.size(); ++i) {
        dependencies += i == 0 ? "[" : ",[";
        core::JsonText::appendString(dependencies, row.dependencies.at(i));
        dependencies += ',';
        core::JsonText::appendString(dependencies, row.seen.value(i));
        dependencies += ']';
    }
    dependencies += ']';
    // Kept in no more memory than they need: a recompute holds every graph row's text
    // until the evaluation is done.
    dependencies.squeeze();
    QByteArray statedFor = core::JsonText::stringArrayUtf8(row.statedFor);
    statedFor.squeeze();
    return GraphRowText { std::move(dependencies), std::move(statedFor) };
}

core::Result<Statement> prepareGraphWrite(Database &db)
{
    return db.prepare(QStringLiteral("INSERT OR REPLACE INTO health_dependencies(entity_key, dependencies, stated_for) "
                                     "VALUES(?1, ?2, ?3)"));
}

core::Status writeGraphRow(Statement &statement, const QString &key, const GraphRowText &row)
{
    statement.reset();
    statement.bind(1, key);
    statement.bindUtf8(2, row.dependencies);
    statement.bindUtf8(3, row.statedFor);
    return statement.exec();
}

GraphRow graphRowFrom(const QByteArray &dependencies, const QByteArray &statedFor)
{
    GraphRow row;
    for (const QJsonValue pair : QJsonDocument::fromJson(dependencies).array()) {
        row.dependencies.append(pair[0].toString());
        row.seen.append(pair[1].toString());
    }
    for (const QJsonValue key : QJsonDocument::fromJson(statedFor).array())
        row.statedFor.append(key.toString());
    return row;
}

} // namespace cairn::cache::health
