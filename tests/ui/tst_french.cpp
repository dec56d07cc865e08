// SPDX-License-Identifier: GPL-3.0-or-later
// The window in French: the embedded translation installed as cairn-desktop does it, the
// real main window over the sample organisation, French labels in the sidebar and menus, a
// French answer in the detail pane (also to a question asked in the ask bar), and a picture
// of it saved beside the other screenshots (<build>/screenshots/fr-project.png).

#include "cache/Cache.h"
#include "models/CacheChangeWatcher.h"
#include "sync/SampleOrganisation.h"
#include "ui/AskBar.h"
#include "ui/DetailPane.h"
#include "ui/MainWindow.h"
#include "ui/Sidebar.h"

#include <QAbstractItemModel>
#include <QDir>
#include <QLineEdit>
#include <QMenuBar>
#include <QProcess>
#include <QSettings>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QTextBrowser>

#include "translations/Language.h"

using cairn::core::EntityRef;
namespace ui = cairn::ui;
namespace translations = cairn::translations;

namespace {

EntityRef ref(const char *text)
{
    return EntityRef::parse(QString::fromLatin1(text)).value();
}

QStringList rowTexts(const QAbstractItemModel *model)
{
    QStringList out;
    for (int row = 0; row < model->rowCount(); ++row)
        out.append(model->index(row, 0).data().toString());
    return out;
}

} // namespace

class TestFrench : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void choosesTheLanguage();
    void sidebarAndMenusAreFrench();
    void detailPaneAnswersInFrench();
    void askBarAnswersInFrench();
    void savesAFrenchScreenshot();
    void desktopRefusesAnUnknownLanguage();

private:
    QTemporaryDir m_dir;
    std::unique_ptr<cairn::cache::Cache> m_cache;
    std::unique_ptr<ui::MainWindow> m_window;
};

void TestFrench::initTestCase()
{
    Q_INIT_RESOURCE(cairn_sample);
    Q_INIT_RESOURCE(cairn_icons);
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("CairnTests"));
    QCoreApplication::setApplicationName(QStringLiteral("tst_french"));
    QSettings().clear();
    QVERIFY(m_dir.isValid());

    // As cairn-desktop does before it builds its window.
    QVERIFY(translations::useLanguage(QStringLiteral("fr")));
    QCOMPARE(translations::currentLanguage(), QStringLiteral("fr"));
    QCOMPARE(QLocale().language(), QLocale::French);

    const QString path = m_dir.filePath(QStringLiteral("cache.sqlite3"));
    {
        auto writer = cairn::cache::Cache::open(path);
        QVERIFY2(writer, qPrintable(writer.errorString()));
        const cairn::sync::SyncOutcome outcome = cairn::sync::SampleOrganisation::load(**writer);
        QVERIFY2(outcome.ok, qPrintable(outcome.error));
    }
    auto cache = cairn::cache::Cache::open(path);
    QVERIFY2(cache, qPrintable(cache.errorString()));
    m_cache = std::move(cache).value();
    m_window = std::make_unique<ui::MainWindow>(*m_cache);
    cairn::core::AnswerOptions options;
    options.today = QDate(2026, 11, 24); // the sample organisation's "today"
    m_window->setAnswerOptions(options);
    m_window->changeWatcher()->stop();
    m_window->resize(1400, 900);
    m_window->show();
    m_window->activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(m_window.get()));
}

void TestFrench::cleanupTestCase()
{
    m_window.reset();
    m_cache.reset();
    translations::useLanguage(QStringLiteral("en"));
}

void TestFrench::choosesTheLanguage()
{
    QCOMPARE(translations::languageOf(QStringLiteral("fr_FR.UTF-8")), QStringLiteral("fr"));
    QCOMPARE(translations::languageOf(QStringLiteral("fr-CA")), QStringLiteral("fr"));
    QCOMPARE(translations::languageOf(QStringLiteral("C.UTF-8")), QStringLiteral("en"));
    QCOMPARE(translations::languageOf(QStringLiteral("de_DE")), QString());
    // An override wins over the environment; the environment as gettext reads it.
    const QByteArray lcAll = qgetenv("LC_ALL");
    QCOMPARE(translations::chooseLanguage(QStringLiteral("fr")), QStringLiteral("fr"));
    qputenv("LC_ALL", "fr_BE.UTF-8");
    QCOMPARE(translations::chooseLanguage(), QStringLiteral("fr"));
    QCOMPARE(translations::chooseLanguage(QStringLiteral("en")), QStringLiteral("en"));
    qputenv("LC_ALL", "C.UTF-8");
    qputenv("LANGUAGE", "fr:en");
    QCOMPARE(translations::chooseLanguage(), QStringLiteral("en")); // LANGUAGE is ignored under C
    qputenv("LC_ALL", "en_GB.UTF-8");
    QCOMPARE(translations::chooseLanguage(), QStringLiteral("fr"));
    qunsetenv("LANGUAGE");
    QCOMPARE(translations::chooseLanguage(), QStringLiteral("en"));
    qputenv("LC_ALL", lcAll);
}

void TestFrench::sidebarAndMenusAreFrench()
{
    const QStringList views = rowTexts(m_window->sidebar()->model());
    for (const QString &label : { QStringLiteral("Vue d’ensemble"), QStringLiteral("Projets"),
             QStringLiteral("Objectifs"), QStringLiteral("Composants"), QStringLiteral("Équipes"),
             QStringLiteral("Personnes"), QStringLiteral("Supprimés à la source") })
        QVERIFY2(
            views.contains(label), qPrintable(label + QStringLiteral(" not in ") + views.join(QStringLiteral(", "))));

    QStringList menus;
    for (const QAction *action : m_window->menuBar()->actions())
        menus.append(action->text());
    for (const QString &menu : { QStringLiteral("&Fichier"), QStringLiteral("É&dition"), QStringLiteral("&Affichage"),
             QStringLiteral("A&ller"), QStringLiteral("Aid&e") })
        QVERIFY2(
            menus.contains(menu), qPrintable(menu + QStringLiteral(" not in ") + menus.join(QStringLiteral(", "))));
    QVERIFY(!menus.contains(QStringLiteral("&File")));
}

void TestFrench::detailPaneAnswersInFrench()
{
    m_window->showView(QStringLiteral("project"));
    m_window->openEntity(ref("project:default/one-page-checkout"));
    ui::DetailPane *detail = m_window->detailPane();
    QCOMPARE(detail->currentRef(), ref("project:default/one-page-checkout"));
    const QString text = detail->browser()->toPlainText();
    for (const char *expected : { "QUOI", "POURQUOI", "QUI", "COMMENT", "Statut", "Échéance", "à risque",
             "échéance déplacée 3 fois", "Dernière nouvelle", "Historique des statuts" })
        QVERIFY2(text.contains(QString::fromUtf8(expected)), qPrintable(QString::fromUtf8(expected) + u'\n' + text));
    // Dates as French writes them (15/01/2027), not ISO.
    QVERIFY2(text.contains(QStringLiteral("15/01/2027")), qPrintable(text));
    for (const char *english : { "WHAT", "WHY", "WHO", "HOW", "at-risk", "Target date" })
        QVERIFY2(!text.contains(QString::fromLatin1(english)), english);
}

void TestFrench::askBarAnswersInFrench()
{
    ui::AskBar *ask = m_window->askBar();
    ask->edit()->clear();
    ask->edit()->setText(QStringLiteral("qui possède checkout-service ?")); // keyClicks types Latin-1 only
    QTest::keyClick(ask->edit(), Qt::Key_Return);
    ui::DetailPane *detail = m_window->detailPane();
    QCOMPARE(detail->currentRef(), ref("component:default/checkout-service"));
    const QString text = detail->browser()->toPlainText();
    QVERIFY2(text.contains(QStringLiteral("QUI")), qPrintable(text));
    QVERIFY2(text.contains(QStringLiteral("Responsable")), qPrintable(text));
    QVERIFY2(text.contains(QStringLiteral("en production")), qPrintable(text));
}

void TestFrench::savesAFrenchScreenshot()
{
    m_window->showView(QStringLiteral("project"));
    m_window->openEntity(ref("project:default/one-page-checkout"));
    QTRY_VERIFY(!m_window->isReading()); // the table's rows arrive from a reader thread
    QTest::qWait(150);
    const QString folder = QStringLiteral(CAIRN_BINARY_DIR "/screenshots");
    QVERIFY(QDir().mkpath(folder));
    const QImage picture = m_window->grab().toImage();
    QVERIFY(!picture.isNull());
    QVERIFY(picture.save(QDir(folder).filePath(QStringLiteral("fr-project.png"))));
}

void TestFrench::desktopRefusesAnUnknownLanguage()
{
    QProcess app;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
    env.insert(QStringLiteral("HOME"), m_dir.path());
    app.setProcessEnvironment(env);
    app.start(QStringLiteral(CAIRN_DESKTOP_EXECUTABLE),
        { QStringLiteral("--cache"), m_dir.filePath(QStringLiteral("unused.sqlite3")), QStringLiteral("--language"),
            QStringLiteral("klingon") });
    QVERIFY(app.waitForFinished(30000));
    QCOMPARE(app.exitCode(), 2);
    QVERIFY(QString::fromUtf8(app.readAllStandardError()).contains(QStringLiteral("--language takes one of en, fr")));
}

QTEST_MAIN(TestFrench)
#include "tst_french.moc"
