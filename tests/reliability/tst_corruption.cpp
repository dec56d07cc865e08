// SPDX-License-Identifier: GPL-3.0-or-later
// The corruption loop: copies of a real cache damaged at random (cut short, bytes flipped in
// random pages, the header zeroed, a run of garbage written over) and handed to the real
// `cairn`. Each copy is either found damaged at open and moved aside, never deleted, with a
// fresh cache in its place that the next command uses; or it opens, and every command answers
// or fails with a message: no crash, no hang, no sanitizer report.
//
// 50 damaged copies by default (CI); CAIRN_RELIABILITY_FULL=1 makes 500.
// CAIRN_RELIABILITY_SEED=N repeats a run's damage (the seed is printed).
#include "core/Entity.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QTest>

#include "support/CairnProcess.h"
#include "testsupport/SyntheticOrganisation.h"

using namespace cairn;

namespace {

constexpr int Entities = 600;
constexpr int PageSize = 4096;
constexpr int CommandTimeoutMs = 60'000; // a hang, not a slow answer: each takes well under a second

// What a sanitizer or a failed assertion prints; none of it may appear.
bool reportsADefect(const QString &output)
{
    return output.contains(QLatin1StringView("AddressSanitizer"))
        || output.contains(QLatin1StringView("runtime error:")) || output.contains(QLatin1StringView("LeakSanitizer"))
        || output.contains(QLatin1StringView("ASSERT"));
}

QByteArray sha1Of(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return QCryptographicHash::hash(file.readAll(), QCryptographicHash::Sha1);
}

} // namespace

class Corruption : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    QString m_pristine;
    QByteArray m_bytes; // the pristine cache's file
    QString m_component; // a ref the commands ask about
    quint32 m_seed = 0;
    QRandomGenerator m_random;

    // One kind of damage, chosen and placed at random; returns what was done, for messages.
    QString damage(QByteArray &bytes)
    {
        const int pages = int(bytes.size() / PageSize);
        switch (m_random.bounded(5)) {
        case 0: { // cut short: a disk that filled up, a copy stopped halfway
            const qsizetype keep = m_random.bounded(qint64(bytes.size()));
            bytes.truncate(keep);
            return QStringLiteral("cut to %1 bytes").arg(keep);
        }
        case 1: { // bytes flipped in random pages: a failing disk or memory
            const int flips = 1 + int(m_random.bounded(16));
            for (int i = 0; i < flips; ++i) {
                const qsizetype at = m_random.bounded(qint64(bytes.size()));
                bytes[at] = char(bytes.at(at) ^ char(1 << m_random.bounded(8)));
            }
            return QStringLiteral("%1 bits flipped").arg(flips);
        }
        case 2: // the header zeroed: another program, a bad sector at the start
            std::fill_n(bytes.begin(), std::min<qsizetype>(100, bytes.size()), '\0');
            return QStringLiteral("header zeroed");
        case 3: { // garbage over whole pages
            const int first = int(m_random.bounded(std::max(1, pages)));
            const int count = 1 + int(m_random.bounded(4));
            const qsizetype from = qsizetype(first) * PageSize;
            const qsizetype to = std::min(bytes.size(), from + qsizetype(count) * PageSize);
            for (qsizetype at = from; at < to; ++at)
                bytes[at] = char(m_random.bounded(256));
            return QStringLiteral("garbage over pages %1 to %2").arg(first + 1).arg(first + count);
        }
        default: { // one page zeroed: a lost write
            const int page = int(m_random.bounded(std::max(1, pages)));
            const qsizetype from = qsizetype(page) * PageSize;
            std::fill(bytes.begin() + from, bytes.begin() + std::min(bytes.size(), from + PageSize), '\0');
            return QStringLiteral("page %1 zeroed").arg(page + 1);
        }
        }
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_seed = reliability::seedForThisRun("this damage");
        m_random.seed(m_seed);

        const QString catalog = m_dir.filePath(QStringLiteral("organisation.ndjson"));
        QFile file(catalog);
        QVERIFY(file.open(QIODevice::WriteOnly));
        const testsupport::SyntheticOrganisation organisation(Entities);
        for (const core::Entity &entity : organisation.entities()) {
            file.write(QJsonDocument(entity.document()).toJson(QJsonDocument::Compact) + '\n');
            if (m_component.isEmpty() && entity.kind() == u"Component")
                m_component = entity.ref().toString();
        }
        file.close();
        m_pristine = m_dir.filePath(QStringLiteral("pristine.sqlite3"));
        const reliability::Finished imported = reliability::runCairn(m_pristine, { QStringLiteral("import"), catalog });
        QVERIFY2(imported.exitCode == 0, qPrintable(imported.output));
        // Closed cleanly, the cache is one file (its WAL folded back in): what a copy holds.
        QVERIFY(!QFile::exists(m_pristine + QStringLiteral("-wal")));
        QFile pristine(m_pristine);
        QVERIFY(pristine.open(QIODevice::ReadOnly));
        m_bytes = pristine.readAll();
        QVERIFY(m_bytes.size() > 20 * PageSize);
    }

    void damagedCopies()
    {
        const int copies = reliability::fullRun() ? 500 : 50;
        const QList<QStringList> commands = {
            { QStringLiteral("list"), QStringLiteral("--kind"), QStringLiteral("component") },
            { QStringLiteral("ask"), QStringLiteral("who owns %1").arg(m_component) },
            { QStringLiteral("show"), m_component },
            { QStringLiteral("health") },
            { QStringLiteral("export"), QStringLiteral("-o"), QStringLiteral("-") },
            { QStringLiteral("check") },
        };
        int movedAside = 0, opened = 0;
        for (int i = 0; i < copies; ++i) {
            const QString folder = m_dir.filePath(QStringLiteral("copy-%1").arg(i));
            QVERIFY(QDir().mkpath(folder));
            const QString cache = folder + QStringLiteral("/cache.sqlite3");
            QByteArray bytes = m_bytes;
            const QString what = damage(bytes);
            {
                QFile file(cache);
                QVERIFY(file.open(QIODevice::WriteOnly));
                QCOMPARE(file.write(bytes), bytes.size());
            }
            const QByteArray damagedSha1 = QCryptographicHash::hash(bytes, QCryptographicHash::Sha1);

            bool aside = false;
            for (const QStringList &command : commands) {
                const reliability::Finished run = reliability::runCairn(cache, command, -1, CommandTimeoutMs);
                const QString where = QStringLiteral("copy %1 (%2, seed %3), cairn %4:\n%5")
                                          .arg(i)
                                          .arg(what)
                                          .arg(m_seed)
                                          .arg(command.join(u' '), run.output.left(2000));
                QVERIFY2(!run.hung, qPrintable(QStringLiteral("hung: ") + where));
                QVERIFY2(!run.crashed, qPrintable(QStringLiteral("crashed: ") + where));
                QVERIFY2(!reportsADefect(run.output), qPrintable(where));
                QVERIFY2(run.exitCode == 0 || run.exitCode == 1, qPrintable(where));
                if (run.exitCode == 1)
                    QVERIFY2(!run.output.trimmed().isEmpty(), qPrintable(QStringLiteral("failed silently: ") + where));

                const QStringList damagedFiles
                    = QDir(folder).entryList({ QStringLiteral("cache.sqlite3.damaged-*") }, QDir::Files);
                if (!aside && !damagedFiles.isEmpty()) {
                    // Moved aside by this command: it says so, fails, and the file is intact.
                    aside = true;
                    QCOMPARE(damagedFiles.size(), 1);
                    QCOMPARE(run.exitCode, 1);
                    QVERIFY2(run.output.contains(QLatin1StringView("moved aside")), qPrintable(where));
                    QVERIFY2(sha1Of(folder + u'/' + damagedFiles.constFirst()) == damagedSha1,
                        qPrintable(QStringLiteral("the damaged file was changed: ") + where));
                } else if (aside) {
                    // The commands after it work on the fresh cache.
                    QVERIFY2(damagedFiles.size() == 1, qPrintable(where));
                    QVERIFY2(run.exitCode == 0 || command.constFirst() == u"show" || command.constFirst() == u"ask",
                        qPrintable(where));
                }
            }
            aside ? ++movedAside : ++opened;
            QDir(folder).removeRecursively();
        }
        qInfo("%d damaged copies: %d found at open and moved aside, %d opened and answered or failed with a message",
            copies, movedAside, opened);
    }
};

QTEST_GUILESS_MAIN(Corruption)
#include "tst_corruption.moc"
