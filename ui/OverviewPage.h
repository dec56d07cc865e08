// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/AnswerEngine.h"

#include <QFutureWatcher>
#include <QWidget>

class QAbstractItemModel;
class QTextBrowser;

namespace cairn::ui {

class AnswerHtml;

// The home view: the projects that need attention (at risk, off track) with how far their
// dates slipped, the goals with their progress, and what the last syncs changed. Every
// name is a link; "see all" links open the matching view.
//
// Goal progress rolls up whole goal trees: at 100,000 entities that is more than a frame,
// so the projects and goals are read on a worker with a read connection of its own, and
// the page shows them when they arrive (the last refresh wins).
class OverviewPage final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(OverviewPage)

public:
    // `changes` is a models::ChangesModel (columns When, Source, Change, Name, Kind), read
    // on this thread; `cachePath` is opened read-only by the worker.
    OverviewPage(QString cachePath, QAbstractItemModel *changes, QWidget *parent = nullptr);
    ~OverviewPage() override;

    // Reads the cache again; the scroll position is kept.
    void refresh();
    // True once the last refresh's worker has delivered its sections.
    bool isUpToDate() const { return m_upToDate; }
    QTextBrowser *browser() const { return m_browser; }
    void setAnswerOptions(const core::AnswerOptions &options) { m_options = options; }

    // How many rows each section lists; the views behind "see all" hold the rest.
    static constexpr int ProjectRows = 12;
    static constexpr int GoalRows = 10;
    static constexpr int ChangeRows = 15;

Q_SIGNALS:
    void entityActivated(const cairn::core::EntityRef &ref);
    // A view id of the sidebar ("project", "goal", ...).
    void viewRequested(const QString &viewId);
    // The page shows the cache as the last refresh read it.
    void refreshed();

private:
    static QString projectsSection(
        const core::CatalogLookup &lookup, const AnswerHtml &html, const core::AnswerOptions &options);
    static QString goalsSection(const core::CatalogLookup &lookup, const AnswerHtml &html);
    static QString catalogSections(
        const QString &cachePath, const QPalette &palette, const QLocale &locale, const core::AnswerOptions &options);
    QString changesSection() const;
    void show(const QString &catalogSections);

    QString m_cachePath;
    QAbstractItemModel *m_changes;
    core::AnswerOptions m_options;
    QTextBrowser *m_browser;
    QFutureWatcher<QString> m_worker;
    QString m_changesHtml;
    QString m_shownHtml; // what the browser shows, to leave it alone when a read brings the same
    bool m_upToDate = false;
};

} // namespace cairn::ui
