// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/CliContext.h"
#include "app/CommandParser.h"
#include "app/Commands.h"
#include "app/ExitCode.h"
#include "cache/ViewExport.h"
#include "core/AtomicFileWrite.h"
#include "core/CsvWriter.h"
#include "core/ScorecardEvaluator.h"
#include "sync/CatalogExporter.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>

#include <csignal>
#include <cstdio>

namespace cairn::app {

namespace {

// Ctrl+C during an export to a file: stop at the next batch of rows so QSaveFile discards
// its temporary file and the target keeps its old bytes, instead of dying with a stray
// temporary beside it.
volatile std::sig_atomic_t interrupted = 0;

extern "C" void onInterrupt(int)
{
    interrupted = 1;
}

bool wasInterrupted()
{
    return interrupted != 0;
}

enum class Format { Csv, Yaml, Bundle };

// Standard output is not atomic: what was written stays written. The text stream that
// shares it is flushed first so nothing interleaves.
core::Status writeToStdout(CliContext &context, const core::FileContentWriter &write)
{
    context.out().flush();
    std::fflush(stdout);
    QFile out;
    if (!out.open(stdout, QIODevice::WriteOnly))
        return core::Error { QStringLiteral("Could not write to standard output: %1").arg(out.errorString()) };
    core::Status status = write(out);
    if (status && !out.flush())
        status = core::Error { QStringLiteral("Could not write to standard output: %1").arg(out.errorString()) };
    return status;
}

bool isYamlFileName(const QString &path)
{
    return path.endsWith(u".yaml", Qt::CaseInsensitive) || path.endsWith(u".yml", Qt::CaseInsensitive);
}

} // namespace

int runExport(CliContext &context, const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Exports the cache. CSV (default): the columns of a public view (docs/export.md), one row per entity, "
        "by kind then name. --format yaml or bundle: every entity back out as catalog documents, "
        "without server-only fields, for a fresh Backstage or another Cairn to ingest."));
    const EntityFilterOptions choose(QStringLiteral("Also export entities removed upstream (tombstones)."));
    const QCommandLineOption columns(QStringLiteral("columns"),
        QStringLiteral("CSV columns, comma-separated (default: the kind's usual ones)."), QStringLiteral("a,b,c"));
    const QCommandLineOption bom(
        QStringLiteral("bom"), QStringLiteral("Start the CSV with a UTF-8 byte order mark (Excel)."));
    const QCommandLineOption delimiter(QStringLiteral("delimiter"),
        QStringLiteral("CSV delimiter: \",\" (default), \";\" or tab."), QStringLiteral(",|;|tab"),
        QStringLiteral(","));
    const QCommandLineOption band(QStringLiteral("band"),
        QStringLiteral("Only the entities whose worst scorecard is in this health band (as the health_band column)."),
        QStringLiteral("failing|needs-attention|passing"));
    const QCommandLineOption includeLocations(
        QStringLiteral("include-locations"), QStringLiteral("yaml, bundle: also write Location entities."));
    const QCommandLineOption format(QStringLiteral("format"), QStringLiteral("csv (default), yaml or bundle."),
        QStringLiteral("csv|yaml|bundle"), QStringLiteral("csv"));
    const QCommandLineOption output(QStringList { QStringLiteral("o"), QStringLiteral("output") },
        QStringLiteral("Where to write: a file (written atomically), for yaml a folder "
                       "(one file per kind) unless the name ends in .yaml, or - for "
                       "standard output (the default)."),
        QStringLiteral("FILE|DIR|-"), QStringLiteral("-"));
    parser.addOptions({ choose.kind, choose.owner, choose.query, band, columns, bom, delimiter, choose.includeRemoved,
        includeLocations, format, output });
    if (const std::optional<int> stop = parseCommandArguments(parser, QStringLiteral("export"), arguments, context))
        return *stop;
    const auto usage = [&](const QString &message) {
        context.err() << "cairn export: " << message << "\n";
        return int(ExitUsage);
    };
    if (!parser.positionalArguments().isEmpty())
        return usage(QStringLiteral("unexpected argument \"%1\"; use -o to name the output.")
                         .arg(parser.positionalArguments().constFirst()));

    const QString formatName = parser.value(format).toLower();
    Format chosen = Format::Csv;
    if (formatName == u"yaml")
        chosen = Format::Yaml;
    else if (formatName == u"bundle")
        chosen = Format::Bundle;
    else if (formatName != u"csv")
        return usage(QStringLiteral("unknown format \"%1\": use csv, yaml or bundle.").arg(parser.value(format)));
    if (chosen != Format::Csv && (parser.isSet(columns) || parser.isSet(bom) || parser.isSet(delimiter)))
        return usage(QStringLiteral("--columns, --bom and --delimiter are for CSV only."));

    cache::ExportFilter filter;
    filter.kind = parser.value(choose.kind).trimmed();
    filter.text = parser.value(choose.query);
    filter.includeRemoved = parser.isSet(choose.includeRemoved);
    core::Result<core::EntityRef> owner = choose.ownerRef(parser);
    if (!owner)
        return usage(owner.errorString());
    filter.owner = owner.value();
    if (parser.isSet(band)) {
        filter.healthBand = core::ScorecardEvaluator::bandFromId(parser.value(band).trimmed());
        if (!filter.healthBand)
            return usage(QStringLiteral("unknown band \"%1\": use failing, needs-attention or passing.")
                             .arg(parser.value(band)));
    }
    QStringList columnNames;
    for (const QString &name : parser.value(columns).split(u',', Qt::SkipEmptyParts)) {
        if (!name.trimmed().isEmpty())
            columnNames.append(name.trimmed());
    }
    if (core::Status valid = cache::ViewExport::checkColumns(filter.kind, columnNames); !valid)
        return usage(valid.errorString());
    core::CsvOptions csvOptions;
    csvOptions.byteOrderMark = parser.isSet(bom);
    core::Result<core::CsvOptions::Delimiter> parsedDelimiter
        = core::CsvOptions::parseDelimiter(parser.value(delimiter));
    if (!parsedDelimiter)
        return usage(parsedDelimiter.errorString());
    csvOptions.delimiter = *parsedDelimiter;

    const QString target = parser.value(output);
    const bool toStdout = target.isEmpty() || target == u"-";

    core::Result<cache::Cache *> opened = context.cache();
    if (!opened)
        return context.fail(opened.errorString());
    cache::Cache &cache = *opened.value();

    interrupted = 0;
    const auto previousHandler = std::signal(SIGINT, onInterrupt);
    qint64 count = 0;
    core::Status status;
    if (chosen == Format::Csv) {
        cache::ViewExport exporter(cache);
        exporter.setCancelCheck(wasInterrupted);
        const core::FileContentWriter write = [&](QIODevice &device) -> core::Status {
            core::CsvWriter writer(device, csvOptions);
            core::Result<qint64> rows = exporter.write(filter, columnNames, writer);
            if (!rows)
                return rows.error();
            count = *rows;
            return {};
        };
        status = toStdout ? writeToStdout(context, write) : core::writeFileAtomically(target, write);
    } else {
        sync::CatalogExporter exporter(cache);
        exporter.setCancelCheck(wasInterrupted);
        sync::CatalogExportOptions options { filter, parser.isSet(includeLocations) };
        const core::FileContentWriter write = [&](QIODevice &device) -> core::Status {
            core::Result<qint64> written
                = chosen == Format::Yaml ? exporter.writeYaml(device, options) : exporter.writeBundle(device, options);
            if (!written)
                return written.error();
            count = *written;
            return {};
        };
        if (toStdout) {
            status = writeToStdout(context, write);
        } else if (chosen == Format::Yaml && (QFileInfo(target).isDir() || !isYamlFileName(target))) {
            core::Result<qint64> written = exporter.writeYamlDirectory(target, options);
            if (written)
                count = *written;
            else
                status = written.error();
        } else {
            status = core::writeFileAtomically(target, write);
        }
    }
    std::signal(SIGINT, previousHandler);
    if (!status) {
        if (wasInterrupted() && !toStdout)
            return context.fail(
                QStringLiteral("Export interrupted; %1 was left as it was.").arg(QDir::toNativeSeparators(target)));
        return context.fail(status.errorString());
    }
    if (!toStdout) {
        const QString what = chosen == Format::Csv ? QStringLiteral("rows") : QStringLiteral("entities");
        context.out() << "Exported " << count << ' ' << what << " to " << QDir::toNativeSeparators(target) << ".\n";
    }
    return ExitOk;
}

} // namespace cairn::app
