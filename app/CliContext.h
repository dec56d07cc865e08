// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "cache/Cache.h"
#include "core/Clock.h"
#include "core/Result.h"
#include "sync/ScorecardReader.h"

#include <QDate>
#include <QString>
#include <QStringList>
#include <QTextStream>

#include <memory>

namespace cairn::app {

// What every command gets: its own arguments, the cache it works on, and where to write.
// The cache is opened lazily so that `--help` and usage errors never touch the file.
class CliContext
{
public:
    CliContext(QString cachePath, QTextStream &out, QTextStream &err);

    const QString &cachePath() const { return m_cachePath; }
    QTextStream &out() { return m_out; }
    QTextStream &err() { return m_err; }

    // Opens the cache once; reports a quarantined damaged file on stderr. With
    // IntegrityCheck::Deferred the command runs Cache::findDamage itself (`cairn sync`).
    core::Result<cache::Cache *> cache(cache::Cache::IntegrityCheck check = cache::Cache::IntegrityCheck::AtOpen);
    // Whether cache() may create the cache file's folder when it is missing (the default
    // location, on a first run); else a missing folder is an error that says so.
    void setMayCreateCacheFolder(bool may) { m_mayCreateCacheFolder = may; }
    // Closes the cache: the next cache() opens it again.
    void closeCache() { m_cache.reset(); }

    // The day dates are judged against (--today, else the system's date).
    QDate today() const { return m_today; }
    void setToday(QDate today) { m_today = today; }
    // Scorecard files of the person's folder that were refused (the others apply).
    const QList<sync::ScorecardFileError> &scorecardErrors() const { return m_scorecardErrors; }
    void setScorecardErrors(QList<sync::ScorecardFileError> errors) { m_scorecardErrors = std::move(errors); }

    // Prints "cairn: <message>" on stderr and returns ExitError, for one-line error returns.
    int fail(const QString &message);

private:
    QString m_cachePath;
    QTextStream &m_out;
    QTextStream &m_err;
    std::unique_ptr<cache::Cache> m_cache;
    bool m_mayCreateCacheFolder = true;
    QDate m_today = core::clock::today();
    QList<sync::ScorecardFileError> m_scorecardErrors;
};

} // namespace cairn::app
