// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/AnswerEngine.h"

#include <QWidget>

class QAbstractItemModel;
class QTextBrowser;

namespace cairn::ui {

// The home view: the projects that need attention (at risk, off track) with how far their
// dates slipped, the goals with their progress, and what the last syncs changed. Every
// name is a link; "see all" links open the matching view.
class OverviewPage final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(OverviewPage)

public:
    // `changes` is a models::ChangesModel (columns When, Source, Change, Name, Kind).
    OverviewPage(const core::CatalogLookup &lookup, QAbstractItemModel *changes, QWidget *parent = nullptr);

    // Reads the cache again; the scroll position is kept.
    void refresh();
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

private:
    QString projectsSection() const;
    QString goalsSection() const;
    QString changesSection() const;

    const core::CatalogLookup &m_lookup;
    QAbstractItemModel *m_changes;
    core::AnswerOptions m_options;
    QTextBrowser *m_browser;
};

} // namespace cairn::ui
