// SPDX-License-Identifier: GPL-3.0-or-later
// Sync speed and memory: a full sync of N synthetic entities (default 100,000) from a
// bundle served over loopback in this process, against the import floor measured in the
// same run (the same rows inserted with plain prepared statements in one transaction);
// a no-change re-sync (304, and a full re-download that changes nothing); peak memory of
// a sync in a child process of its own (VmHWM; getrusage's ru_maxrss as a fallback). Figures go to bench/README.md ("Sync").
//
// usage: bench_sync [N]        (CAIRN_BENCH_N also sets N)
#include "SyntheticOrganisation.h"
#include "cache/Cache.h"
#include "cache/EntityRow.h"
#include "cache/Transaction.h"
#include "sync/BundleSource.h"
#include "sync/SyncEngine.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonDocument>
#include <QProcess>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QThread>

#include <cstdio>
#include <memory>

#include <sys/resource.h>

using namespace cairn;

namespace {

// Peak resident set of this process in kB. VmHWM rather than getrusage's ru_maxrss: Linux
// carries ru_maxrss over fork + exec, so a child would report its parent's peak.
long peakRssKb()
{
    QFile status(QStringLiteral("/proc/self/status"));
    if (status.open(QIODevice::ReadOnly)) {
        for (const QByteArray &line : status.readAll().split('\n')) {
            if (line.startsWith("VmHWM:"))
                return line.mid(6).trimmed().split(' ').first().toLong();
        }
    }
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    return usage.ru_maxrss; // kilobytes on Linux
}

// Serves one NDJSON body for every GET, with an ETag unless the path says /no-etag, and
// 304 to a matching If-None-Match. Lives on its own thread, like a real server would.
class BundleServer final : public QTcpServer
{
public:
    explicit BundleServer(QByteArray body) : m_body(std::move(body)) {}

protected:
    void incomingConnection(qintptr descriptor) override
    {
        auto *socket = new QTcpSocket(this);
        socket->setSocketDescriptor(descriptor);
        auto buffer = std::make_shared<QByteArray>();
        connect(socket, &QTcpSocket::readyRead, socket, [this, socket, buffer] {
            buffer->append(socket->readAll());
            const qsizetype end = buffer->indexOf("\r\n\r\n");
            if (end < 0)
                return;
            const QByteArray head = buffer->left(end);
            buffer->remove(0, end + 4);
            const bool etag = !head.startsWith("GET /no-etag");
            QByteArray reply;
            if (etag && head.contains("If-None-Match: \"v1\"")) {
                reply = "HTTP/1.1 304 Not Modified\r\nETag: \"v1\"\r\nContent-Length: 0\r\n\r\n";
                socket->write(reply);
                return;
            }
            reply = "HTTP/1.1 200 OK\r\nContent-Type: application/x-ndjson\r\nContent-Length: "
                + QByteArray::number(m_body.size()) + "\r\n" + (etag ? "ETag: \"v1\"\r\n" : "") + "\r\n";
            socket->write(reply);
            socket->write(m_body);
        });
        connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
    }

private:
    QByteArray m_body;
};

QByteArray ndjsonOf(const QList<core::Entity> &entities)
{
    QByteArray out;
    for (const core::Entity &entity : entities)
        out += QJsonDocument(entity.document()).toJson(QJsonDocument::Compact) + '\n';
    return out;
}

qint64 importFloorMs(const QList<core::Entity> &entities, const QString &path, qint64 *insertOnlyMs)
{
    QElapsedTimer timer;
    timer.start();
    QList<cache::EntityRow> rows;
    rows.reserve(entities.size());
    for (const core::Entity &entity : entities)
        rows.append(cache::EntityRow::from(entity));
    auto opened = cache::Cache::open(path);
    if (!opened)
        return -1;
    cache::Database &db = opened.value()->database();
    (void)db.exec(QStringLiteral("INSERT INTO sources(name, kind, position, created_at) VALUES('s', 'bundle', 1, 'now')"));
    QElapsedTimer insertTimer;
    insertTimer.start();
    auto tx = cache::Transaction::begin(db);
    auto ins = db.prepare(QStringLiteral(
        "INSERT INTO entities(key, ref, kind, namespace, name, title, display_name, match_name, match_title, "
        "owner_key, type, lifecycle, source_id, document, content_hash, first_seen, updated_at) "
        "VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, 1, ?13, ?14, 'now', 'now')"));
    auto rel = db.prepare(QStringLiteral("INSERT INTO relations(origin_id, source_key, type, target_key) VALUES(?1, ?2, ?3, ?4)"));
    auto fts = db.prepare(QStringLiteral(
        "INSERT INTO entities_fts(rowid, name, title, description, tags, owner_name) VALUES(?1, ?2, ?3, ?4, ?5, ?6)"));
    if (!tx || !ins || !rel || !fts)
        return -1;
    for (const cache::EntityRow &r : std::as_const(rows)) {
        ins->reset();
        ins->bind(1, r.ref.key());
        ins->bind(2, r.ref.toString());
        ins->bind(3, r.kind);
        ins->bind(4, r.ref.ns());
        ins->bind(5, r.ref.name());
        ins->bind(6, r.title);
        ins->bind(7, r.displayName);
        ins->bind(8, r.matchName);
        ins->bind(9, r.matchTitle);
        ins->bind(10, r.ownerKey);
        ins->bind(11, r.type);
        ins->bind(12, r.lifecycle);
        ins->bindUtf8(13, r.document);
        ins->bindUtf8(14, r.contentHash);
        if (!ins->exec())
            return -1;
        const qint64 id = db.lastInsertRowId();
        for (const core::Relation &x : r.relations) {
            rel->reset();
            rel->bind(1, id);
            rel->bind(2, x.source.key());
            rel->bind(3, x.type);
            rel->bind(4, x.target.key());
            if (!rel->exec())
                return -1;
        }
        fts->reset();
        fts->bind(1, id);
        fts->bind(2, r.ref.name());
        fts->bind(3, r.displayName);
        fts->bind(4, r.description);
        fts->bind(5, r.tagsText);
        fts->bind(6, r.ownerKey);
        if (!fts->exec())
            return -1;
    }
    if (!tx->commit())
        return -1;
    *insertOnlyMs = insertTimer.elapsed();
    return timer.elapsed();
}

sync::SyncOutcome syncBundle(cache::Cache &cache, const QString &location)
{
    sync::BundleSource source(sync::BundleSource::Settings{QStringLiteral("bench"), location, {}, {}});
    return sync::SyncEngine(cache).run(QStringLiteral("bench"), QStringLiteral("bundle"), location, source,
                                       sync::SyncOptions{true, false, 0.10});
}

// The child of the memory measurement: one full sync of a bundle file, nothing else held.
int memoryChild(const QString &bundle, const QString &cachePath)
{
    const long before = peakRssKb();
    auto cache = cache::Cache::open(cachePath);
    if (!cache)
        return 1;
    const sync::SyncOutcome outcome = syncBundle(*cache.value(), bundle);
    std::printf("%ld %ld %d\n", before, peakRssKb(), outcome.summary.added);
    return outcome.ok ? 0 : 1;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const QStringList args = QCoreApplication::arguments();
    if (args.size() == 4 && args.at(1) == u"--memory-child")
        return memoryChild(args.at(2), args.at(3));
    int n = qEnvironmentVariableIsSet("CAIRN_BENCH_N") ? qEnvironmentVariableIntValue("CAIRN_BENCH_N") : 100000;
    if (args.size() > 1)
        n = args.at(1).toInt();
    for (const char *var : {"http_proxy", "https_proxy", "HTTP_PROXY", "HTTPS_PROXY", "all_proxy", "ALL_PROXY"})
        qunsetenv(var);

    QTemporaryDir dir;
    const QList<core::Entity> entities = bench::SyntheticOrganisation(n).entities();
    const QByteArray body = ndjsonOf(entities);
    std::printf("bench_sync: %d entities, bundle %.1f MB (NDJSON)\n", n, double(body.size()) / 1e6);

    QThread serverThread;
    BundleServer server(body);
    server.moveToThread(&serverThread);
    serverThread.start();
    bool listening = false;
    QMetaObject::invokeMethod(&server, [&] { listening = server.listen(QHostAddress::LocalHost, 0); },
                              Qt::BlockingQueuedConnection);
    if (!listening)
        return 1;
    const QString url = QStringLiteral("http://127.0.0.1:%1/org.ndjson").arg(server.serverPort());
    const QString noEtagUrl = QStringLiteral("http://127.0.0.1:%1/no-etag/org.ndjson").arg(server.serverPort());

    qint64 insertOnly = 0;
    const qint64 floor = importFloorMs(entities, dir.filePath(QStringLiteral("floor.sqlite3")), &insertOnly);
    std::printf("import floor (rows prepared + prepared-statement inserts, one transaction): %lld ms "
                "(inserts alone %lld ms)\n", floor, insertOnly);

    auto opened = cache::Cache::open(dir.filePath(QStringLiteral("cache.sqlite3")));
    if (!opened)
        return 1;
    cache::Cache &cache = *opened.value();
    QElapsedTimer timer;
    timer.start();
    const sync::SyncOutcome full = syncBundle(cache, url);
    const qint64 fullMs = timer.elapsed();
    if (!full.ok) {
        std::fprintf(stderr, "full sync failed: %s\n", qPrintable(full.error));
        return 1;
    }
    std::printf("full sync over loopback HTTP: %lld ms, %d added -> %.2fx the floor\n", fullMs, full.summary.added,
                double(fullMs) / double(floor));

    timer.restart();
    const sync::SyncOutcome notModified = syncBundle(cache, url);
    const qint64 notModifiedMs = timer.elapsed();
    std::printf("no-change re-sync (304): %lld ms, %d unchanged -> %.3f of the full sync\n", notModifiedMs,
                notModified.summary.unchanged, double(notModifiedMs) / double(fullMs));

    timer.restart();
    const sync::SyncOutcome sameBody = syncBundle(cache, noEtagUrl);
    const qint64 sameBodyMs = timer.elapsed();
    std::printf("no-change re-sync (no ETag, whole bundle again): %lld ms, %d unchanged -> %.3f of the full sync\n",
                sameBodyMs, sameBody.summary.unchanged, double(sameBodyMs) / double(fullMs));

    QMetaObject::invokeMethod(&server, [&] { server.close(); }, Qt::BlockingQueuedConnection);
    serverThread.quit();
    serverThread.wait();

    // Peak memory in a process of its own, so this process's copies do not count.
    const QString bundleFile = dir.filePath(QStringLiteral("org.ndjson"));
    QFile file(bundleFile);
    if (!file.open(QIODevice::WriteOnly) || file.write(body) != body.size())
        return 1;
    file.close();
    QProcess child;
    child.start(QCoreApplication::applicationFilePath(),
                {QStringLiteral("--memory-child"), bundleFile, dir.filePath(QStringLiteral("memory.sqlite3"))});
    child.waitForFinished(-1);
    const QList<QByteArray> figures = child.readAllStandardOutput().trimmed().split(' ');
    if (figures.size() == 3)
        std::printf("peak RSS of a %s-entity sync (own process): %.0f MB (%.0f MB before it began)\n",
                    figures.at(2).constData(), figures.at(1).toDouble() / 1024.0, figures.at(0).toDouble() / 1024.0);
    return 0;
}
