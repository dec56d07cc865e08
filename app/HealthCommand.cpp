// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/CliContext.h"
#include "app/CommandParser.h"
#include "app/Commands.h"
#include "app/ExitCode.h"
#include "app/JsonOutput.h"
#include "cache/HealthReader.h"
#include "core/AnswerFormatter.h"
#include "core/HealthJson.h"
#include "core/HealthWords.h"
#include "core/ScorecardEvaluator.h"
#include "core/ScorecardJson.h"
#include "sync/ScorecardReader.h"

#include <QFileInfo>
#include <QJsonArray>

namespace cairn::app {

namespace {

QJsonArray problemsJson(const QList<sync::ScorecardFileError> &errors)
{
    QJsonArray array;
    for (const sync::ScorecardFileError &e : errors)
        array.append(QJsonObject { { QStringLiteral("file"), e.file }, { QStringLiteral("line"), e.line },
            { QStringLiteral("message"), e.message } });
    return array;
}

void printText(QTextStream &out, const QList<core::Scorecard> &scorecards, const QList<cache::EntityHealth> &listing)
{
    for (const core::Scorecard &s : scorecards) {
        QList<const cache::EntityHealth *> mine;
        for (const cache::EntityHealth &h : listing)
            if (h.result.scorecardId == s.id)
                mine.append(&h);
        if (mine.isEmpty())
            continue;
        int bands[3] = { 0, 0, 0 };
        for (const cache::EntityHealth *h : std::as_const(mine))
            ++bands[int(h->result.band)];
        out << s.name << " (" << s.id << "): " << mine.size() << " entities, " << bands[0] << " failing, " << bands[1]
            << " need attention, " << bands[2] << " passing\n";
        for (const cache::EntityHealth *h : std::as_const(mine)) {
            const core::ScorecardResult &r = h->result;
            out << "  " << h->ref.leftJustified(44) << ' ' << QString::number(r.score).rightJustified(3) << " %  "
                << core::HealthWords::band(r.band).leftJustified(16) << core::HealthWords::level(r.level) << '\n';
            for (const core::CriterionResult &c : r.criteria)
                if (!c.passed)
                    out << "      \u2717 " << c.criterionName << ": " << core::HealthWords::evidence(c.evidence)
                        << '\n';
            if (const QString risk = core::HealthWords::risk(r.riskPath); !risk.isEmpty())
                out << "      \u26a0 " << risk << '\n';
        }
        out << '\n';
    }
}

} // namespace

int runHealth(CliContext &context, const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Scorecards (docs/scorecards.md): each component's score, band (failing, needs-attention, passing), "
        "maturity level (none, bronze, silver, gold), the criteria it fails with their evidence, and whether it "
        "is at risk through a failing dependency. Worst first."));
    const QCommandLineOption scorecard(
        QStringLiteral("scorecard"), QStringLiteral("Only this scorecard (its id or name)."), QStringLiteral("NAME"));
    const QCommandLineOption owner(
        QStringLiteral("owner"), QStringLiteral("Only what this group or user owns."), QStringLiteral("REF"));
    const QCommandLineOption band(QStringLiteral("band"),
        QStringLiteral("Only this band: failing, needs-attention, passing."), QStringLiteral("BAND"));
    const QCommandLineOption level(QStringLiteral("level"),
        QStringLiteral("Only this level: none, bronze, silver, gold."), QStringLiteral("LEVEL"));
    const QCommandLineOption extra(QStringLiteral("scorecards"),
        QStringLiteral("Also evaluate the scorecard files in DIR, now, without storing them."), QStringLiteral("DIR"));
    const QCommandLineOption json(QStringLiteral("json"), QStringLiteral("Print JSON (docs/cli-json.md)."));
    parser.addOptions({ scorecard, owner, band, level, extra, json });
    if (const std::optional<int> stop = parseCommandArguments(parser, QStringLiteral("health"), arguments, context))
        return *stop;

    cache::HealthFilter filter;
    filter.scorecard = parser.value(scorecard).trimmed();
    if (parser.isSet(owner)) {
        core::Result<core::EntityRef> ref
            = core::EntityRef::parse(parser.value(owner), core::EntityRef::Context { QStringLiteral("group") });
        if (!ref) {
            context.err() << "cairn health: --owner: " << ref.errorString() << '\n';
            return ExitUsage;
        }
        filter.ownerKey = ref->key();
    }
    if (parser.isSet(band)) {
        filter.band = core::ScorecardEvaluator::bandFromId(parser.value(band).trimmed());
        if (!filter.band) {
            context.err() << "cairn health: --band takes failing, needs-attention or passing, not \""
                          << parser.value(band) << "\"\n";
            return ExitUsage;
        }
    }
    if (parser.isSet(level)) {
        filter.level = core::ScorecardEvaluator::levelFromId(parser.value(level).trimmed());
        if (!filter.level) {
            context.err() << "cairn health: --level takes none, bronze, silver or gold, not \"" << parser.value(level)
                          << "\"\n";
            return ExitUsage;
        }
    }

    QList<sync::ScorecardFileError> problems = context.scorecardErrors();
    std::optional<cache::HealthPolicy> onTheSpot;
    if (parser.isSet(extra)) {
        const QString folder = parser.value(extra);
        if (!QFileInfo(folder).isDir())
            return context.fail(QStringLiteral("--scorecards %1: not a folder").arg(folder));
        const std::shared_ptr<const cache::HealthPolicy> installed = cache::HealthPolicy::installed();
        onTheSpot.emplace(installed ? *installed : cache::HealthPolicy());
        sync::ScorecardSet set { onTheSpot->scorecards, {} };
        sync::ScorecardReader::addFolder(set, folder);
        problems.append(set.errors);
        onTheSpot->scorecards = std::move(set.scorecards);
    }

    core::Result<cache::Cache *> cache = context.cache();
    if (!cache)
        return context.fail(cache.errorString());
    cache::HealthReader reader((*cache)->database());
    core::Result<QList<cache::EntityHealth>> listing
        = onTheSpot ? reader.evaluate(*onTheSpot, filter) : reader.list(filter);
    if (!listing)
        return context.fail(listing.errorString());
    QList<core::Scorecard> scorecards;
    if (onTheSpot) {
        scorecards = onTheSpot->scorecards;
    } else {
        core::Result<QList<core::Scorecard>> stored = reader.scorecards();
        if (!stored)
            return context.fail(stored.errorString());
        scorecards = *stored;
    }
    if (!filter.scorecard.isEmpty()) {
        const bool known = std::any_of(scorecards.cbegin(), scorecards.cend(), [&filter](const core::Scorecard &s) {
            return s.id.compare(filter.scorecard, Qt::CaseInsensitive) == 0
                || s.name.compare(filter.scorecard, Qt::CaseInsensitive) == 0;
        });
        if (!known) {
            QStringList ids;
            for (const core::Scorecard &s : scorecards)
                ids.append(s.id);
            return context.fail(QStringLiteral("There is no scorecard \u201c%1\u201d (there are: %2).")
                                    .arg(filter.scorecard, ids.join(QStringLiteral(", "))));
        }
    }

    for (const sync::ScorecardFileError &e : std::as_const(problems))
        context.err() << "cairn: scorecard refused: " << e.toString() << '\n';
    // A refused file named on this command line is a failure a script must see; one of the
    // person's folder is reported but does not fail every health listing.
    const bool refusedHere = problems.size() > context.scorecardErrors().size();

    if (parser.isSet(json)) {
        QJsonArray cards;
        for (const core::Scorecard &s : std::as_const(scorecards)) {
            QJsonObject card = core::ScorecardJson::toJson(s);
            card.insert(QStringLiteral("origin"), s.origin);
            cards.append(card);
        }
        QJsonArray items;
        for (const cache::EntityHealth &h : std::as_const(*listing)) {
            QJsonObject item = core::HealthJson::toJson(h.result);
            item.insert(QStringLiteral("ref"), h.ref);
            item.insert(QStringLiteral("kind"), h.kind);
            item.insert(QStringLiteral("title"), h.title);
            item.insert(QStringLiteral("owner"), h.owner);
            items.append(item);
        }
        printJson(context.out(),
            QJsonObject { { QStringLiteral("formatVersion"), core::AnswerFormatter::FormatVersion },
                { QStringLiteral("scorecards"), cards }, { QStringLiteral("health"), items },
                { QStringLiteral("problems"), problemsJson(problems) } });
        return refusedHere ? ExitError : ExitOk;
    }
    if (listing->isEmpty())
        context.out() << "No entity matches: no scorecard applies, or the filters leave none.\n";
    else
        printText(context.out(), scorecards, *listing);
    return refusedHere ? ExitError : ExitOk;
}

} // namespace cairn::app
