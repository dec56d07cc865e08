// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "cache/SourceRun.h"
#include "core/Result.h"

#include <QHash>
#include <QList>
#include <QSet>
#include <QString>

#include <functional>
#include <optional>

namespace cairn::cache {

// What one run of a source does to each entity, decided from what the cache held before
// it (given, not read: this class knows no SQLite, so every rule of the plan is tested
// without a database). SourceRunApplier reads the state, feeds the parts, applies the
// guard and hands the plan to the writers.
//
// The plan is light (a key, an action and an id per delivered entity): rows flattened up
// front would hold a second copy of the whole run in memory. A compact document is
// parsed here for its ref and display name and dropped; the writer parses it again.
class RunPlanner
{
public:
    // One of the source's entities as the cache holds it, by key.
    struct Own
    {
        qint64 id = 0;
        QByteArray hash; // entities.content_hash
        QString displayName;
        QString etag;
        bool removed = false;
    };

    // Another source's entity with a key this run delivers.
    struct Elsewhere
    {
        qint64 id = 0;
        bool removed = false; // the entity, or its source
        QString source;
        int position = 0;
    };
    // Looks a key up in the other sources; none, or empty for a run that has none to look in.
    using LookupElsewhere = std::function<core::Result<std::optional<Elsewhere>>(const QString &key)>;

    enum class Action { Insert, Update, Unchanged, Skip };
    enum class Change { None, Added, Changed };

    struct Planned
    {
        QString key; // shares the ref's text, so costs no copy
        const core::SourcedEntity *sourced = nullptr; // until written; its part outlives the plan until then
        Action action = Action::Skip;
        Change change = Change::None;
        qint64 id = 0; // the row updated; set by the writer for an insert
        bool ownerVisible = false; // newly live or renamed: what it owns needs its name in search
    };

    struct Removal
    {
        qint64 id = 0;
        QString key;
    };

    // What the guard decided (guard()).
    struct Verdict
    {
        bool held = false;
        bool upstreamChanged = false; // confirmed removals, and another set to remove
    };

    RunPlanner(QString sourceName, int sourcePosition, QHash<QString, Own> own, LookupElsewhere lookup = {});

    // The keys a person chose to keep although the source may drop them (KeptEntities), as
    // the cache holds them before the run. Set before planRemovals().
    void setKept(QSet<QString> keys) { m_kept = std::move(keys); }

    // Plans a part after those before it. An error comes from the lookup only.
    core::Status plan(const QList<core::SourcedEntity> &part);
    // The source's live entities neither delivered nor in `unchangedRefs` are removed,
    // sorted by key; with `keepUndelivered` they are kept and counted unchanged, and so are
    // kept ones (setKept) unless their removal is among `confirmed`.
    void planRemovals(const QList<core::EntityRef> &unchangedRefs, bool keepUndelivered,
        const QList<core::EntityRef> &confirmed = {});
    // The mass-removal guard, once the removals are planned; the one place it is decided.
    // Allowed removals pass. With confirmed removals, the run passes when it removes exactly
    // that set; another set is an upstream change, held unless there is nothing to remove.
    // Otherwise it holds a run removing more than `maxRemovalShare` of the source's live
    // entities, or every one of them; kept entities count neither as removals nor as live.
    Verdict guard(double maxRemovalShare, bool allowRemovals) const;
    // Kept keys whose decision ends with the run, once planned: back upstream, removed by
    // confirmation, or no longer a live entity of the source.
    const QList<QString> &keepsEnded() const { return m_keepsEnded; }
    // Whether `key` is an entity of this source once the run is applied: delivered and not
    // kept by another source, or left unread and kept. Only after planRemovals().
    bool oursAfter(const QString &key) const;

    QList<Planned> &planned() { return m_planned; }
    const QList<Planned> &planned() const { return m_planned; }
    const QList<Removal> &removals() const { return m_removals; }
    // Display names of the entities delivered so far, by key (their owned entities' search rows).
    const QHash<QString, QString> &deliveredNames() const { return m_deliveredNames; }
    // Delivered keys another source keeps.
    const QList<QString> &conflictKeys() const { return m_conflictKeys; }
    int ownLive() const { return m_ownLive; }
    // The etags of the live entities upstream had at the last run: kept ones left out.
    QHash<QString, QString> ownEtags() const;
    // Counts, added and changed refs, conflicts; removedRefs is left to the caller, which
    // reads how the source spelled them.
    RunSummary &summary() { return m_summary; }

private:
    core::Status planOne(const core::EntityRef &ref, const QString &displayName, const core::SourcedEntity *sourced);

    QString m_sourceName;
    int m_sourcePosition = 0;
    QHash<QString, Own> m_own;
    int m_ownLive = 0;
    LookupElsewhere m_lookup;
    QSet<QString> m_seen;
    QList<Planned> m_planned;
    QList<Removal> m_removals;
    QHash<QString, QString> m_deliveredNames;
    QList<QString> m_conflictKeys;
    QSet<QString> m_keptElsewhere;
    QSet<QString> m_kept;
    QSet<QString> m_confirmed;
    QList<QString> m_keepsEnded;
    bool m_keepUndelivered = false;
    RunSummary m_summary;
};

} // namespace cairn::cache
