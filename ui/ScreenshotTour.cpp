// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/ScreenshotTour.h"

#include "core/EntityRef.h"
#include "ui/AskBar.h"
#include "ui/DependencyGraphPanel.h"
#include "ui/EntityTableView.h"
#include "ui/HealthDashboard.h"
#include "ui/MainWindow.h"
#include "ui/OverviewPage.h"

#include <QApplication>
#include <QDir>
#include <QDockWidget>
#include <QElapsedTimer>
#include <QLineEdit>
#include <QPixmap>

namespace cairn::ui {

namespace {

// Lets the view's rows arrive (they are read off the UI thread), then layouts, deferred
// paints and queued refreshes settle before a grab.
void settle(const MainWindow &window)
{
    QElapsedTimer timer;
    timer.start();
    while (window.isReading() && timer.elapsed() < 10000)
        QCoreApplication::processEvents(QEventLoop::AllEvents, 20);
    timer.restart();
    while (timer.elapsed() < 150)
        QCoreApplication::processEvents(QEventLoop::AllEvents, 20);
}

core::EntityRef ref(const char *text)
{
    return core::EntityRef::parse(QString::fromLatin1(text)).value();
}

} // namespace

QStringList ScreenshotTour::take(MainWindow &window, const QString &folder, QString *error)
{
    QStringList written;
    if (!QDir().mkpath(folder)) {
        if (error)
            *error = tr("Could not create the folder %1").arg(folder);
        return written;
    }
    auto grab = [&](const QString &name) {
        settle(window);
        const QString path = QDir(folder).filePath(name + QStringLiteral(".png"));
        if (!window.grab().save(path)) {
            if (error && error->isEmpty())
                *error = tr("Could not write %1").arg(path);
            return;
        }
        written.append(path);
    };

    window.showView(QStringLiteral("overview"));
    grab(QStringLiteral("01-overview"));

    window.showView(QStringLiteral("component"));
    window.openEntity(ref("component:default/checkout-service"));
    grab(QStringLiteral("02-components-detail"));

    window.showView(QStringLiteral("project"));
    window.openEntity(ref("project:default/one-page-checkout"));
    grab(QStringLiteral("03-project-history"));

    window.showView(QStringLiteral("goal"));
    window.openEntity(ref("goal:default/grow-conversion"));
    grab(QStringLiteral("04-goal-tree"));

    window.showView(QStringLiteral("group"));
    window.openEntity(ref("group:default/storefront"));
    grab(QStringLiteral("05-team"));

    window.showView(QStringLiteral("user"));
    window.openEntity(ref("user:default/helene-mercier"));
    grab(QStringLiteral("06-person"));

    window.askBar()->showMatches(QStringLiteral("pay"));
    grab(QStringLiteral("07-ask-while-typing"));

    window.askBar()->showMatches(QStringLiteral("who owns checkout-service"));
    window.askBar()->ask();
    grab(QStringLiteral("08-ask-answer"));

    window.showView(QStringLiteral("removed"));
    grab(QStringLiteral("09-removed-upstream"));

    window.showView(QStringLiteral("health"));
    grab(QStringLiteral("10-health-dashboard"));
    // What a click on the most failing team's red segment shows.
    if (const QList<models::HealthSummary::Team> &teams = window.healthDashboard()->chartTeams(); !teams.isEmpty()) {
        HealthScope scope;
        scope.owner = teams.constFirst().owner;
        scope.withoutOwner = scope.owner.isNull();
        scope.ownerName = teams.constFirst().name;
        scope.band = core::HealthBand::Failing;
        window.showHealthScope(scope);
    }
    grab(QStringLiteral("11-health-filtered-components"));

    // The dependency graph docked under the views (Ctrl+G), laid out on its own reader.
    window.showView(QStringLiteral("component"));
    window.openEntity(ref("component:default/checkout-service"));
    QDockWidget *dock = window.dependencyGraphDock();
    dock->show();
    window.resizeDocks({ dock }, { window.height() * 11 / 20 }, Qt::Vertical);
    window.dependencyGraph()->setDepth(2);
    QElapsedTimer graphTimer;
    graphTimer.start();
    while (window.dependencyGraph()->isReading() && graphTimer.elapsed() < 10000)
        QCoreApplication::processEvents(QEventLoop::AllEvents, 20);
    grab(QStringLiteral("12-dependency-graph"));
    dock->hide();

    // The hygiene report with the stale project open in the detail pane.
    window.showView(QStringLiteral("hygiene"));
    settle(window);
    window.openEntity(ref("project:default/demand-forecasting-v2"));
    grab(QStringLiteral("13-hygiene"));
    // Two answers that are lists: a person's work, and what the last syncs changed.
    window.askBar()->showMatches(QStringLiteral("what does Hélène Mercier work on"));
    window.askBar()->ask();
    grab(QStringLiteral("14-ask-works-on"));
    window.askBar()->showMatches(QStringLiteral("what changed this week"));
    window.askBar()->ask();
    grab(QStringLiteral("15-ask-what-changed"));
    window.showView(QStringLiteral("overview"));
    return written;
}

} // namespace cairn::ui
