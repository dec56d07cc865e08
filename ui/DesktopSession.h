// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/AnswerEngine.h"

#include <QObject>
#include <QString>

#include <memory>

namespace cairn::cache {
class Cache;
}

namespace cairn::ui {

class MainWindow;

// One run of the desktop app, from the cache's opening to the window's closing: opens the
// cache without the integrity check so the window paints at once, runs the check right
// after on a worker and acts on its answer, loads the sample organisation on the first
// run (on a worker too). A damaged file is moved aside (never deleted) and the window
// opens again on a fresh cache, with a notice that says where the file went and offers
// the newest sound snapshot and a sync (DamagedCacheNotice).
class DesktopSession final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DesktopSession)

public:
    struct Options
    {
        QString cachePath;
        bool quitAfterFirstPaint = false; // print the time to the first paint, then quit
        QString screenshotFolder; // non-empty: save the main views as PNGs there, then quit
        core::AnswerOptions answers; // "today" pinned for screenshots and tests
    };

    explicit DesktopSession(Options options, QObject *parent = nullptr);
    ~DesktopSession() override;

    // Opens the cache and shows the window. An error message when the cache cannot be
    // opened at all (a newer schema, a folder that cannot be written).
    QString start();

    MainWindow *window() const { return m_window.get(); }
    bool sampleLoadRunning() const { return m_sampleLoading; }

Q_SIGNALS:
    // The window's first paint is on screen; milliseconds since `start()` began.
    void firstPainted(qint64 msSinceStart);
    void sampleLoaded(const QString &error);
    // The integrity check's answer: empty when the file is sound.
    void integrityChecked(const QString &damage);
    // The stored health was recomputed for today and the installed scorecards (after the
    // first paint, when it was stale); `error` is empty when that succeeded.
    void healthCaughtUp(const QString &error);
    // The damaged cache file was moved to `movedTo`; the window shown now reads a fresh
    // cache and carries the notice.
    void cacheMovedAside(const QString &movedTo);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    QString open(bool checkNow);
    void showWindow();
    void afterFirstPaint();
    void checkIntegrity();
    // Starts the health's catch-up on a worker when it is stale; false when it is current.
    bool catchUpHealth();
    void onDamage(const QString &damage);
    void showDamagedNotice();
    void loadSample();
    void updateSampleBanner();
    void takeScreenshots();

    Options m_options;
    std::unique_ptr<cache::Cache> m_cache;
    std::unique_ptr<MainWindow> m_window;
    qint64 m_startedAt = 0;
    bool m_painted = false;
    bool m_firstRun = false;
    bool m_sampleLoading = false;
};

} // namespace cairn::ui
