// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/EntityRef.h"

#include <QDialog>
#include <QList>
#include <QString>

class QLabel;
class QPushButton;
class QStandardItemModel;
class QTreeView;

namespace cairn::cache {
class Cache;
}
namespace cairn::sync {
struct SyncOutcome;
}

namespace cairn::ui {

// What a held mass removal would remove, for a person to decide on: the entities grouped by
// kind, each one openable, and two answers, "Apply the removals" (exactly the listed refs,
// as SyncOptions::confirmedRemovals) and "Keep my copy" (cache::KeptEntities). Closing it
// decides nothing. Opened on a source's kept entities instead (forKept), it offers only to
// apply their removals, for a person who changes their mind.
//
// Non-modal, and it writes nothing: the window runs the sync or the keep on a worker when a
// choice is signalled. It reads the listed entities' names and owners once, when made, from
// the UI thread's connection (a held run lists a few thousand at most).
class HeldRemovalsDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(HeldRemovalsDialog)

public:
    // A held run (held.summary.held): its would-be removals, summary.removedRefs.
    HeldRemovalsDialog(cache::Cache &cache, const sync::SyncOutcome &held, QWidget *parent = nullptr);
    // The entities a person kept for `sourceName` (cache::KeptEntities::list), to apply
    // their removals later.
    static HeldRemovalsDialog *forKept(
        cache::Cache &cache, const QString &sourceName, const QList<core::EntityRef> &kept, QWidget *parent = nullptr);

    const QString &sourceName() const { return m_sourceName; }
    // Exactly the refs listed, in the order the run gave them: what both choices carry.
    const QList<core::EntityRef> &refs() const { return m_refs; }
    QString headline() const;
    QTreeView *view() const { return m_view; }
    QPushButton *applyButton() const { return m_apply; }
    QPushButton *keepButton() const { return m_keep; } // null when opened on kept entities

Q_SIGNALS:
    // Double-click or Enter on an entity: the window shows it in its detail pane.
    void entityActivated(const cairn::core::EntityRef &ref);
    // Run the source again with exactly these removals confirmed (it takes a snapshot
    // before it removes anything).
    void applyChosen(const QString &source, const QList<cairn::core::EntityRef> &refs);
    // Keep these entities although the source no longer has them.
    void keepChosen(const QString &source, const QList<cairn::core::EntityRef> &refs);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    enum class Listing { Held, Kept };
    HeldRemovalsDialog(cache::Cache &cache, Listing listing, QString sourceName, QList<core::EntityRef> refs,
        int liveBefore, bool upstreamChanged, QWidget *parent);

    void fill(cache::Cache &cache);
    void activate(const QModelIndex &index);
    void choose(bool apply);

    Listing m_listing;
    QString m_sourceName;
    QList<core::EntityRef> m_refs;
    int m_liveBefore = 0;
    QStandardItemModel *m_model = nullptr;
    QTreeView *m_view = nullptr;
    QLabel *m_headline = nullptr;
    QLabel *m_problem = nullptr;
    QPushButton *m_apply = nullptr;
    QPushButton *m_keep = nullptr;
};

} // namespace cairn::ui
