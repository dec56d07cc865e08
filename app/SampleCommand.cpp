// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/CliContext.h"
#include "app/CommandParser.h"
#include "app/Commands.h"
#include "app/ExitCode.h"
#include "app/SyncReport.h"
#include "cache/CatalogQuery.h"
#include "sync/SampleOrganisation.h"

namespace cairn::app {

namespace {

void printSummary(CliContext &context, cache::CatalogQuery &query)
{
    QTextStream &out = context.out();
    core::Result<QMap<QString, int>> counts = query.countsByKind();
    if (counts) {
        int total = 0;
        QStringList parts;
        for (auto it = counts->cbegin(); it != counts->cend(); ++it) {
            total += it.value();
            parts.append(QStringLiteral("%1 %2").arg(it.value()).arg(it.key()));
        }
        out << "\nThe cache " << context.cachePath() << " now holds " << total
            << " entities: " << parts.join(QStringLiteral(", ")) << ".\n";
    }
    core::Result<QList<core::EntityRecord>> troubled
        = query.entitiesOfKind(u"project", { QStringLiteral("at-risk"), QStringLiteral("off-track") }, 20);
    if (troubled && !troubled->isEmpty()) {
        out << "\nProjects that need attention:\n";
        for (const core::EntityRecord &record : std::as_const(troubled.value()))
            out << "  " << record.entity.specString(u"status").leftJustified(10) << ' ' << record.entity.displayName()
                << "  (" << record.entity.ref().toString() << ")\n";
    }
    out << "\nTry:\n"
        << "  cairn ask \"who owns checkout-service\"\n"
        << "  cairn ask \"why one-page-checkout\"\n"
        << "  cairn ask \"how is one-page-checkout going\"\n"
        << "  cairn ask \"qui possède payment-gateway\"\n"
        << "  cairn ask \"projects at risk\"\n"
        << "  cairn ask \"what depends on voucher-engine\"\n"
        << "  cairn show group:storefront\n"
        << "  cairn list --kind component --query payment\n"
        << "  cairn check\n";
}

} // namespace

int runSample(CliContext &context, const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("Loads Fennel, the bundled sample organisation, into the cache as its own source \"sample\", "
                       "then prints a summary and commands to try. Loading it again updates it."));
    if (const std::optional<int> stop = parseCommandArguments(parser, QStringLiteral("sample"), arguments, context))
        return *stop;
    core::Result<cache::Cache *> cache = context.cache();
    if (!cache)
        return context.fail(cache.errorString());
    const int code
        = reportSyncOutcome(sync::SampleOrganisation::load(*cache.value()), false, context.out(), context.err());
    if (code != ExitOk)
        return code;
    cache::CatalogQuery query(*cache.value());
    printSummary(context, query);
    return ExitOk;
}

} // namespace cairn::app
