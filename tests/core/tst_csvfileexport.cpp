// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/AtomicFileWrite.h"
#include "core/CsvWriter.h"

#include <QBuffer>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>

using namespace cairn::core;

namespace {

// Passes bytes on to the real file until `limit` of them have gone through, then fails
// like a full disk: the last accepted write may be partial, every later one refuses.
class FailingDevice final : public QIODevice
{
public:
    FailingDevice(QIODevice &target, qint64 limit)
        : m_target(target)
        , m_limit(limit)
    { }

protected:
    qint64 readData(char *, qint64) override { return -1; }
    qint64 writeData(const char *data, qint64 len) override
    {
        if (m_passed >= m_limit) {
            setErrorString(QStringLiteral("No space left on device (simulated after %1 bytes)").arg(m_limit));
            return -1;
        }
        const qint64 accepted = std::min(len, m_limit - m_passed);
        if (m_target.write(data, accepted) != accepted) {
            setErrorString(m_target.errorString());
            return -1;
        }
        m_passed += accepted;
        return accepted;
    }

private:
    QIODevice &m_target;
    qint64 m_limit;
    qint64 m_passed = 0;
};

// Big enough for several of the writer's blocks, so failures land before, between and
// inside them.
QList<QStringList> table()
{
    QList<QStringList> rows { { QStringLiteral("name"), QStringLiteral("owner"), QStringLiteral("note"),
        QStringLiteral("tags") } };
    for (int i = 0; i < 3000; ++i) {
        rows.append({ QStringLiteral("component-%1").arg(i), QStringLiteral("Amélie, team %1").arg(i % 9),
            QStringLiteral("=note \"%1\"\nsecond line 東京 🚀").arg(i), QStringLiteral("a; b; c") });
    }
    return rows;
}

Status writeTable(QIODevice &device, const QList<QStringList> &rows)
{
    CsvWriter writer(device);
    for (const QStringList &row : rows) {
        if (Status status = writer.writeRow(row); !status)
            return status;
    }
    return writer.finish();
}

QByteArray readAll(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray("<unreadable>");
}

bool writeBytes(const QString &path, const QByteArray &bytes)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(bytes) == bytes.size();
}

QStringList entries(const QString &dir)
{
    return QDir(dir).entryList(QDir::AllEntries | QDir::Hidden | QDir::System | QDir::NoDotAndDotDot, QDir::Name);
}

const QByteArray oldBytes("the previous export\r\nmust survive\r\n");

} // namespace

class TestCsvFileExport final : public QObject
{
    Q_OBJECT

private:
    QByteArray m_expected;
    QList<QStringList> m_rows;

private Q_SLOTS:
    void initTestCase()
    {
        m_rows = table();
        QBuffer buffer(&m_expected);
        QVERIFY(buffer.open(QIODevice::WriteOnly));
        QVERIFY(writeTable(buffer, m_rows));
        QVERIFY(m_expected.size() > 3 * 64 * 1024);
    }

    void writesNewFile()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("export.csv"));
        const Status status = writeFileAtomically(path, [this](QIODevice &file) { return writeTable(file, m_rows); });
        QVERIFY2(status, qPrintable(status.errorString()));
        QCOMPARE(readAll(path), m_expected);
        QCOMPARE(entries(dir.path()), QStringList { QStringLiteral("export.csv") });
    }

    void replacesExistingFileAndKeepsItsPermissions()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("export.csv"));
        QVERIFY(writeBytes(path, oldBytes));
        const auto permissions = QFile::ReadOwner | QFile::WriteOwner | QFile::ReadGroup;
        QVERIFY(QFile::setPermissions(path, permissions));

        const Status status = writeFileAtomically(path, [this](QIODevice &file) { return writeTable(file, m_rows); });
        QVERIFY2(status, qPrintable(status.errorString()));
        QCOMPARE(readAll(path), m_expected);
        QCOMPARE(QFile::permissions(path) & ~(QFile::ReadUser | QFile::WriteUser | QFile::ExeUser), permissions);
    }

    // The device fails after N bytes, for N from nothing to all but the last byte, through
    // the writer's block boundaries: the old file keeps its bytes, no temporary file is
    // left behind, and the error names the path.
    void failureAfterAnyNumberOfBytesLeavesOldFile()
    {
        const qint64 length = m_expected.size();
        QList<qint64> limits
            = { 0, 1, 2, 3, 64 * 1024 - 1, 64 * 1024, 64 * 1024 + 1, length / 2, length - 2, length - 1 };
        for (qint64 n = 5; n < length; n += length / 97)
            limits.append(n);

        for (const qint64 limit : std::as_const(limits)) {
            for (const bool existing : { true, false }) {
                QTemporaryDir dir;
                const QString path = dir.filePath(QStringLiteral("export.csv"));
                if (existing)
                    QVERIFY(writeBytes(path, oldBytes));

                const Status status = writeFileAtomically(path, [this, limit](QIODevice &file) {
                    FailingDevice device(file, limit);
                    if (!device.open(QIODevice::WriteOnly))
                        return Status(Error { QStringLiteral("could not open the test device") });
                    return writeTable(device, m_rows);
                });
                const QString context = QStringLiteral("failing after %1 of %2 bytes, %3 file")
                                            .arg(limit)
                                            .arg(length)
                                            .arg(existing ? QStringLiteral("existing") : QStringLiteral("no"));
                QVERIFY2(!status, qPrintable(context));
                const QString expectedStart
                    = QStringLiteral("Could not write %1: ").arg(QDir::toNativeSeparators(path));
                QVERIFY2(status.errorString().startsWith(expectedStart), qPrintable(status.errorString()));
                QVERIFY2(status.errorString().contains(u"No space left on device"), qPrintable(status.errorString()));
                if (existing) {
                    QVERIFY2(readAll(path) == oldBytes, qPrintable(context));
                    QCOMPARE(entries(dir.path()), QStringList { QStringLiteral("export.csv") });
                } else {
                    QVERIFY2(!QFile::exists(path), qPrintable(context));
                    QCOMPARE(entries(dir.path()), QStringList());
                }
            }
        }
    }

    void enoughRoomWritesEverything()
    {
        // The same device with room for the whole output: the failing test above really
        // exercises the write, not a device that can never succeed.
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("export.csv"));
        QVERIFY(writeBytes(path, oldBytes));
        const Status status = writeFileAtomically(path, [this](QIODevice &file) {
            FailingDevice device(file, m_expected.size());
            if (!device.open(QIODevice::WriteOnly))
                return Status(Error { QStringLiteral("could not open the test device") });
            return writeTable(device, m_rows);
        });
        QVERIFY2(status, qPrintable(status.errorString()));
        QCOMPARE(readAll(path), m_expected);
    }

    void cancelledWriterLeavesOldFile()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("export.csv"));
        QVERIFY(writeBytes(path, oldBytes));
        const Status status = writeFileAtomically(path, [](QIODevice &file) {
            file.write(QByteArray(200'000, 'x')); // half an export already handed over
            return Status(Error { QStringLiteral("the export was cancelled") });
        });
        QVERIFY(!status);
        QCOMPARE(status.errorString(),
            QStringLiteral("Could not write %1: the export was cancelled").arg(QDir::toNativeSeparators(path)));
        QCOMPARE(readAll(path), oldBytes);
        QCOMPARE(entries(dir.path()), QStringList { QStringLiteral("export.csv") });
    }

    void impossiblePathsAreReportedWithThePath()
    {
        QTemporaryDir dir;
        // Works even as root, unlike a read-only directory: a file cannot hold a file.
        const QString notADirectory = dir.filePath(QStringLiteral("plain-file"));
        QVERIFY(writeBytes(notADirectory, oldBytes));
        const QString underFile = notADirectory + QStringLiteral("/export.csv");
        const QString missingDir = dir.filePath(QStringLiteral("missing/export.csv"));
        const QString isDirectory = dir.filePath(QStringLiteral("a-directory"));
        QVERIFY(QDir(dir.path()).mkdir(QStringLiteral("a-directory")));

        for (const QString &path : { underFile, missingDir, isDirectory }) {
            bool called = false;
            const Status status = writeFileAtomically(path, [&called](QIODevice &) {
                called = true;
                return Status();
            });
            QVERIFY2(!status, qPrintable(path));
            QVERIFY2(status.errorString().startsWith(
                         QStringLiteral("Could not write %1: ").arg(QDir::toNativeSeparators(path))),
                qPrintable(status.errorString()));
            // A reason follows the path.
            QVERIFY2(status.errorString().size() > QStringLiteral("Could not write %1: ").arg(path).size(),
                qPrintable(status.errorString()));
            QVERIFY(!called);
        }
        QCOMPARE(readAll(notADirectory), oldBytes);
        QVERIFY(QFileInfo(isDirectory).isDir());

        const Status empty = writeFileAtomically(QString(), [](QIODevice &) { return Status(); });
        QVERIFY(!empty);
    }
};

QTEST_GUILESS_MAIN(TestCsvFileExport)
#include "tst_csvfileexport.moc"
