// SPDX-License-Identifier: GPL-3.0-or-later
// SourceRegistry: every rule of what a source is and may be, as the command line and the
// window both meet it, with a token store that stands in for the system keychain.
#include "cache/Cache.h"
#include "cache/CatalogWriter.h"
#include "sync/SourceFactory.h"
#include "sync/SourceRegistry.h"
#include "sync/TokenStore.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QTemporaryDir>
#include <QTest>

using cairn::cache::Cache;
using cairn::cache::CatalogWriter;
using cairn::cache::SourceInfo;
using cairn::sync::SourceFactory;
using cairn::sync::SourceRegistry;
using cairn::sync::TokenStore;
using Problem = SourceRegistry::Problem;
using TokenPlace = SourceRegistry::TokenPlace;

namespace {

// The keychain as a hash; `refuse` makes it fail as a locked or absent keychain does.
class MemoryTokenStore final : public TokenStore
{
public:
    cairn::core::Status store(const QString &sourceName, const QString &token) const override
    {
        if (refuse)
            return cairn::core::Error { QStringLiteral("the keychain is locked") };
        tokens.insert(sourceName, token);
        return {};
    }
    cairn::core::Result<QString> read(const QString &sourceName) const override { return tokens.value(sourceName); }
    cairn::core::Status remove(const QString &sourceName) const override
    {
        if (refuse)
            return cairn::core::Error { QStringLiteral("the keychain is locked") };
        tokens.remove(sourceName);
        return {};
    }

    bool refuse = false;
    mutable QHash<QString, QString> tokens;
};

SourceRegistry::Request backstage(
    const QString &name, const QString &url, TokenPlace token = TokenPlace::None, const QString &variable = {})
{
    return { name, SourceFactory::kindBackstage(), url, token, variable };
}

} // namespace

class TestSourceRegistry : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void checksARequestOnItsOwn_data();
    void checksARequestOnItsOwn();
    void addsWithItsLocationAsStored();
    void refusedRequestWritesNothing();
    void nameTakenByAnotherSource();
    void reAddKeepsStateAndReplacesOptions();
    void editingMovesTheSourceAndDropsItsState();
    void updateKeepsTheKeychainTokenWhenNoneIsGiven();
    void leavingTheKeychainForgetsTheToken();
    void environmentWithoutAVariableIsRefused();
    void keychainTokenAskedLastAndKeptOutOfTheCache();
    void noTokenOrKeychainFailureAddsNothing();
    void folderIgnoresATokenChoice();
    void removeTombstonesAndForgetsTheToken();
    void removeUnknownChangesNothing();
    void removeReportsATokenLeftInTheKeychain();
    void chooseAllInPriorityOrNamedOnce();

private:
    SourceRegistry registry() { return SourceRegistry(*m_cache, m_tokens); }
    QByteArray cacheBytes() const;

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<Cache> m_cache;
    MemoryTokenStore m_tokens;
};

void TestSourceRegistry::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    auto opened = Cache::open(m_dir->filePath(QStringLiteral("cache.sqlite3")));
    QVERIFY2(opened.ok(), qPrintable(opened.errorString()));
    m_cache = std::move(opened).value();
    m_tokens = MemoryTokenStore();
}

void TestSourceRegistry::cleanup()
{
    m_cache.reset();
    m_dir.reset();
}

QByteArray TestSourceRegistry::cacheBytes() const
{
    QByteArray bytes;
    for (const QString &suffix : { QString(), QStringLiteral("-wal") }) {
        QFile file(m_dir->filePath(QStringLiteral("cache.sqlite3")) + suffix);
        if (file.open(QIODevice::ReadOnly))
            bytes += file.readAll();
    }
    return bytes;
}

void TestSourceRegistry::checksARequestOnItsOwn_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("kind");
    QTest::addColumn<QString>("location");
    QTest::addColumn<Problem>("problem");

    const QString bs = SourceFactory::kindBackstage();
    const QString bundle = SourceFactory::kindBundle();
    const QString files = SourceFactory::kindFiles();
    const QString here = QStringLiteral(CAIRN_TEST_DATA_DIR);
    const QString api = QStringLiteral("https://backstage.example.com/api/catalog");

    QTest::newRow("https") << "bs" << bs << api << Problem::None;
    QTest::newRow("http") << "bs" << bs << "http://localhost:7007/api/catalog" << Problem::None;
    QTest::newRow("empty name") << "" << bs << api << Problem::BlankName;
    QTest::newRow("blank name") << "  " << bs << api << Problem::BlankName;
    QTest::newRow("two-line name") << "a\nb" << bs << api << Problem::BlankName;
    QTest::newRow("unknown kind") << "x"
                                  << "sample" << here << Problem::UnknownKind;
    QTest::newRow("ftp") << "bs" << bs << "ftp://example.com/api/catalog" << Problem::NotHttpUrl;
    QTest::newRow("no host") << "bs" << bs << "https:///api/catalog" << Problem::NotHttpUrl;
    QTest::newRow("not a URL") << "bs" << bs << "backstage.example.com" << Problem::NotHttpUrl;
    QTest::newRow("user") << "bs" << bs << "https://ann@example.com/api/catalog" << Problem::SecretInUrl;
    QTest::newRow("password") << "bs" << bs << "https://ann:pw@example.com/api/catalog" << Problem::SecretInUrl;
    QTest::newRow("query") << "bs" << bs << "https://example.com/api/catalog?token=x" << Problem::SecretInUrl;
    QTest::newRow("bundle URL") << "b" << bundle << "https://example.com/bundle.json" << Problem::None;
    QTest::newRow("bundle file") << "b" << bundle << here + QStringLiteral("/backstage/all.yaml") << Problem::None;
    QTest::newRow("bundle missing") << "b" << bundle << here + QStringLiteral("/no-such-bundle.json")
                                    << Problem::NoSuchFile;
    QTest::newRow("bundle folder") << "b" << bundle << here << Problem::NoSuchFile;
    QTest::newRow("folder") << "f" << files << here << Problem::None;
    QTest::newRow("folder missing") << "f" << files << here + QStringLiteral("/no-such-folder")
                                    << Problem::NoSuchFolder;
    QTest::newRow("folder is a file") << "f" << files << here + QStringLiteral("/backstage/all.yaml")
                                      << Problem::NoSuchFolder;
}

void TestSourceRegistry::checksARequestOnItsOwn()
{
    QFETCH(QString, name);
    QFETCH(QString, kind);
    QFETCH(QString, location);
    QFETCH(Problem, problem);
    QCOMPARE(SourceRegistry::check({ name, kind, location, TokenPlace::None, {} }), problem);
}

void TestSourceRegistry::addsWithItsLocationAsStored()
{
    auto added = registry().add(backstage(QStringLiteral("bs"), QStringLiteral("https://bs.example.com/api/catalog/"),
        TokenPlace::Environment, QStringLiteral("BS_TOKEN")));
    QVERIFY2(added.ok(), qPrintable(added.errorString()));
    QCOMPARE(added->problem, Problem::None);
    QVERIFY(!added->replaced);
    QCOMPARE(added->source.location, QStringLiteral("https://bs.example.com/api/catalog"));
    QCOMPARE(SourceRegistry::tokenPlace(added->source), TokenPlace::Environment);
    QCOMPARE(SourceRegistry::tokenVariable(added->source), QStringLiteral("BS_TOKEN"));

    const QString relative = QDir::current().relativeFilePath(QStringLiteral(CAIRN_TEST_DATA_DIR "/catalog"));
    added = registry().add({ QStringLiteral("f"), SourceFactory::kindFiles(), relative, TokenPlace::None, {} });
    QVERIFY2(added.ok(), qPrintable(added.errorString()));
    QCOMPARE(added->source.location, QFileInfo(QStringLiteral(CAIRN_TEST_DATA_DIR "/catalog")).absoluteFilePath());

    auto listed = registry().sources();
    QVERIFY(listed.ok());
    QCOMPARE(listed->size(), 2);
    QCOMPARE(listed->at(0).name, QStringLiteral("bs"));
    QCOMPARE(listed->at(1).name, QStringLiteral("f"));
}

void TestSourceRegistry::refusedRequestWritesNothing()
{
    auto added = registry().add(backstage(QStringLiteral("bs"), QStringLiteral("https://u:secret@bs.example.com/api")));
    QVERIFY(added.ok());
    QCOMPARE(added->problem, Problem::SecretInUrl);
    QVERIFY(registry().sources()->isEmpty());
    QVERIFY(!cacheBytes().contains("secret"));
}

void TestSourceRegistry::nameTakenByAnotherSource()
{
    QVERIFY(registry().add(backstage(QStringLiteral("bs"), QStringLiteral("https://one.example.com/api"))).ok());
    bool asked = false;
    const auto prompt = [&asked] {
        asked = true;
        return QStringLiteral("t0ken");
    };
    auto other = registry().add(
        backstage(QStringLiteral("bs"), QStringLiteral("https://two.example.com/api"), TokenPlace::Keychain), prompt);
    QVERIFY(other.ok());
    QCOMPARE(other->problem, Problem::NameTaken);
    QCOMPARE(other->source.location, QStringLiteral("https://one.example.com/api"));
    QVERIFY(!asked); // no token is asked for a source that cannot be added
    QVERIFY(m_tokens.tokens.isEmpty());

    auto otherKind = registry().add(
        { QStringLiteral("bs"), SourceFactory::kindBundle(), QStringLiteral("https://one.example.com/api"), {}, {} });
    QVERIFY(otherKind.ok());
    QCOMPARE(otherKind->problem, Problem::NameTaken);
    QCOMPARE(otherKind->source.kind, SourceFactory::kindBackstage());
    QCOMPARE(registry().sources()->size(), 1);
}

void TestSourceRegistry::reAddKeepsStateAndReplacesOptions()
{
    const QString url = QStringLiteral("https://bs.example.com/api");
    QVERIFY(registry().add(backstage(QStringLiteral("bs"), url, TokenPlace::Environment, QStringLiteral("A"))).ok());
    const QJsonObject state { { QStringLiteral("etag"), QStringLiteral("W/\"1\"") } };
    QVERIFY(CatalogWriter(*m_cache)
                .saveSourceOptions(QStringLiteral("bs"),
                    QJsonObject {
                        { SourceFactory::optionTokenEnv(), QStringLiteral("A") }, { QStringLiteral("state"), state } })
                .ok());

    auto again
        = registry().add(backstage(QStringLiteral("bs"), url + u'/', TokenPlace::Environment, QStringLiteral("B")));
    QVERIFY2(again.ok(), qPrintable(again.errorString()));
    QCOMPARE(again->problem, Problem::None);
    QVERIFY(again->replaced);
    QCOMPARE(again->source.options.value(u"state").toObject(), state);
    QCOMPARE(SourceRegistry::tokenVariable(again->source), QStringLiteral("B"));
    QCOMPARE(registry().sources()->size(), 1);
}

void TestSourceRegistry::editingMovesTheSourceAndDropsItsState()
{
    QVERIFY(registry().add(backstage(QStringLiteral("bs"), QStringLiteral("https://one.example.com/api"))).ok());
    QVERIFY(CatalogWriter(*m_cache)
                .saveSourceOptions(QStringLiteral("bs"),
                    QJsonObject { { QStringLiteral("state"), QJsonObject { { QStringLiteral("v"), 1 } } } })
                .ok());
    auto request = backstage(QStringLiteral("bs"), QStringLiteral("https://two.example.com/api"));
    request.editing = true;
    auto moved = registry().add(request);
    QVERIFY2(moved.ok(), qPrintable(moved.errorString()));
    QCOMPARE(moved->problem, Problem::None);
    QVERIFY(moved->moved);
    QVERIFY(!moved->replaced);
    QCOMPARE(moved->source.location, QStringLiteral("https://two.example.com/api"));
    // Validators of the old location would make the next sync skip what the new one holds.
    QVERIFY(!moved->source.options.contains(u"state"));
    QCOMPARE(registry().sources()->size(), 1);
}

void TestSourceRegistry::updateKeepsTheKeychainTokenWhenNoneIsGiven()
{
    const auto request
        = backstage(QStringLiteral("bs"), QStringLiteral("https://bs.example.com/api"), TokenPlace::Keychain);
    QVERIFY(registry().add(request, [] { return QStringLiteral("first"); }).ok());
    auto again = registry().add(request, [] { return QString(); });
    QVERIFY(again.ok());
    QCOMPARE(again->problem, Problem::None);
    QVERIFY(again->tokenKept);
    QCOMPARE(SourceRegistry::tokenPlace(again->source), TokenPlace::Keychain);
    QCOMPARE(m_tokens.tokens.value(QStringLiteral("bs")), QStringLiteral("first"));

    auto replaced = registry().add(request, [] { return QStringLiteral("second"); });
    QVERIFY(replaced.ok());
    QVERIFY(!replaced->tokenKept);
    QCOMPARE(m_tokens.tokens.value(QStringLiteral("bs")), QStringLiteral("second"));
}

void TestSourceRegistry::leavingTheKeychainForgetsTheToken()
{
    QVERIFY(
        registry()
            .add(backstage(QStringLiteral("bs"), QStringLiteral("https://bs.example.com/api"), TokenPlace::Keychain),
                [] { return QStringLiteral("t0ken"); })
            .ok());
    auto toVariable = registry().add(backstage(QStringLiteral("bs"), QStringLiteral("https://bs.example.com/api"),
        TokenPlace::Environment, QStringLiteral("T")));
    QVERIFY(toVariable.ok());
    QCOMPARE(toVariable->problem, Problem::None);
    QVERIFY(toVariable->tokenForgotten.ok());
    QVERIFY(!m_tokens.tokens.contains(QStringLiteral("bs")));
    QCOMPARE(SourceRegistry::tokenPlace(toVariable->source), TokenPlace::Environment);
}

void TestSourceRegistry::environmentWithoutAVariableIsRefused()
{
    const auto request = backstage(QStringLiteral("bs"), QStringLiteral("https://bs.example.com/api"),
        TokenPlace::Environment, QStringLiteral(" "));
    QCOMPARE(SourceRegistry::check(request), Problem::NoTokenVariable);
    auto added = registry().add(request);
    QVERIFY(added.ok());
    QCOMPARE(added->problem, Problem::NoTokenVariable);
    QVERIFY(registry().sources()->isEmpty());
    // A folder has no token, so no variable to name.
    QCOMPARE(SourceRegistry::check({ QStringLiteral("f"), SourceFactory::kindFiles(),
                 QStringLiteral(CAIRN_TEST_DATA_DIR), TokenPlace::Environment, {} }),
        Problem::None);
}

void TestSourceRegistry::keychainTokenAskedLastAndKeptOutOfTheCache()
{
    const QString secret = QStringLiteral("s3cr3t-t0ken-value");
    auto added = registry().add(
        backstage(QStringLiteral("bs"), QStringLiteral("https://bs.example.com/api"), TokenPlace::Keychain),
        [&secret] { return QString(secret); });
    QVERIFY2(added.ok(), qPrintable(added.errorString()));
    QCOMPARE(added->problem, Problem::None);
    QCOMPARE(SourceRegistry::tokenPlace(added->source), TokenPlace::Keychain);
    QCOMPARE(m_tokens.tokens.value(QStringLiteral("bs")), secret);
    QVERIFY(!cacheBytes().isEmpty());
    QVERIFY(!cacheBytes().contains(secret.toUtf8()));
}

void TestSourceRegistry::noTokenOrKeychainFailureAddsNothing()
{
    const auto request
        = backstage(QStringLiteral("bs"), QStringLiteral("https://bs.example.com/api"), TokenPlace::Keychain);
    auto none = registry().add(request, [] { return QString(); });
    QVERIFY(none.ok());
    QCOMPARE(none->problem, Problem::NoToken);
    auto noPrompt = registry().add(request);
    QVERIFY(noPrompt.ok());
    QCOMPARE(noPrompt->problem, Problem::NoToken);

    m_tokens.refuse = true;
    auto refused = registry().add(request, [] { return QStringLiteral("t0ken"); });
    QVERIFY(refused.ok());
    QCOMPARE(refused->problem, Problem::KeychainFailed);
    QCOMPARE(refused->detail, QStringLiteral("the keychain is locked"));
    QVERIFY(registry().sources()->isEmpty());
}

void TestSourceRegistry::folderIgnoresATokenChoice()
{
    bool asked = false;
    auto added = registry().add({ QStringLiteral("f"), SourceFactory::kindFiles(),
                                    QStringLiteral(CAIRN_TEST_DATA_DIR "/catalog"), TokenPlace::Keychain, {} },
        [&asked] {
            asked = true;
            return QStringLiteral("t0ken");
        });
    QVERIFY(added.ok());
    QCOMPARE(added->problem, Problem::None);
    QVERIFY(!asked);
    QCOMPARE(SourceRegistry::tokenPlace(added->source), TokenPlace::None);
}

void TestSourceRegistry::removeTombstonesAndForgetsTheToken()
{
    QVERIFY(
        registry()
            .add(backstage(QStringLiteral("bs"), QStringLiteral("https://bs.example.com/api"), TokenPlace::Keychain),
                [] { return QStringLiteral("t0ken"); })
            .ok());
    QVERIFY(m_tokens.tokens.contains(QStringLiteral("bs")));
    auto removed = registry().remove(QStringLiteral("bs"));
    QVERIFY2(removed.ok(), qPrintable(removed.errorString()));
    QVERIFY(removed->known);
    QVERIFY(removed->tokenForgotten.ok());
    QVERIFY(!m_tokens.tokens.contains(QStringLiteral("bs")));
    QVERIFY(registry().sources()->isEmpty());
}

void TestSourceRegistry::removeUnknownChangesNothing()
{
    QVERIFY(registry().add(backstage(QStringLiteral("bs"), QStringLiteral("https://bs.example.com/api"))).ok());
    auto removed = registry().remove(QStringLiteral("nope"));
    QVERIFY(removed.ok());
    QVERIFY(!removed->known);
    QCOMPARE(registry().sources()->size(), 1);
}

void TestSourceRegistry::removeReportsATokenLeftInTheKeychain()
{
    QVERIFY(
        registry()
            .add(backstage(QStringLiteral("bs"), QStringLiteral("https://bs.example.com/api"), TokenPlace::Keychain),
                [] { return QStringLiteral("t0ken"); })
            .ok());
    m_tokens.refuse = true;
    auto removed = registry().remove(QStringLiteral("bs"));
    QVERIFY(removed.ok());
    QVERIFY(removed->known);
    QVERIFY(!removed->tokenForgotten.ok());
    QVERIFY(registry().sources()->isEmpty()); // the source is gone even so
}

void TestSourceRegistry::chooseAllInPriorityOrNamedOnce()
{
    for (const char *name : { "c", "a", "b" })
        QVERIFY(registry()
                    .add(backstage(QString::fromLatin1(name),
                        QStringLiteral("https://%1.example.com/api").arg(QString::fromLatin1(name))))
                    .ok());
    const auto names = [](const QList<SourceInfo> &sources) {
        QStringList out;
        for (const SourceInfo &s : sources)
            out.append(s.name);
        return out;
    };
    auto all = registry().choose({});
    QVERIFY(all.ok());
    QCOMPARE(names(all->sources), (QStringList { QStringLiteral("c"), QStringLiteral("a"), QStringLiteral("b") }));
    QVERIFY(all->unknown.isEmpty());

    auto named
        = registry().choose({ QStringLiteral("b"), QStringLiteral("x"), QStringLiteral("c"), QStringLiteral("b") });
    QVERIFY(named.ok());
    QCOMPARE(names(named->sources), (QStringList { QStringLiteral("b"), QStringLiteral("c") }));
    QCOMPARE(named->unknown, QStringList { QStringLiteral("x") });

    QVERIFY(registry().remove(QStringLiteral("a"))->known);
    auto afterRemoval = registry().choose({ QStringLiteral("a") });
    QVERIFY(afterRemoval->sources.isEmpty());
    QCOMPARE(afterRemoval->unknown, QStringList { QStringLiteral("a") });
}

QTEST_GUILESS_MAIN(TestSourceRegistry)
#include "tst_sourceregistry.moc"
