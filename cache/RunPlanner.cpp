// SPDX-License-Identifier: GPL-3.0-or-later
#include "cache/RunPlanner.h"

#include "cache/ContentHash.h"
#include "cache/EntityRow.h"

#include <algorithm>

namespace cairn::cache {

RunPlanner::RunPlanner(QString sourceName, int sourcePosition, QHash<QString, Own> own, LookupElsewhere lookup)
    : m_sourceName(std::move(sourceName))
    , m_sourcePosition(sourcePosition)
    , m_own(std::move(own))
    , m_lookup(std::move(lookup))
{
    m_ownLive = int(std::count_if(m_own.cbegin(), m_own.cend(), [](const Own &o) { return !o.removed; }));
}

QHash<QString, QString> RunPlanner::ownEtags() const
{
    QHash<QString, QString> out;
    out.reserve(m_ownLive);
    for (auto it = m_own.constBegin(); it != m_own.constEnd(); ++it) {
        // A kept entity is one upstream no longer has: a listing answered "not modified"
        // must not count it as present, and one that lists it again has it back (fetched).
        if (!it->removed && !m_kept.contains(it.key()))
            out.insert(it.key(), it->etag);
    }
    return out;
}

core::Status RunPlanner::plan(const QList<core::SourcedEntity> &part)
{
    m_planned.reserve(m_planned.size() + part.size());
    for (const core::SourcedEntity &sourced : part) {
        const core::Entity entity = sourced.parsed(); // dropped at the end of the iteration
        const core::EntityRef ref = entity.ref();
        if (ref.isNull()) {
            m_summary.conflicts.append(
                QStringLiteral("A document without kind or name was skipped (%1).").arg(sourced.origin.toString()));
            continue;
        }
        if (core::Status planned = planOne(ref, entity.displayName(), &sourced); !planned)
            return planned;
    }
    return {};
}

core::Status RunPlanner::planOne(
    const core::EntityRef &ref, const QString &displayName, const core::SourcedEntity *sourced)
{
    const QString &key = ref.key();
    if (m_seen.contains(key)) {
        m_summary.conflicts.append(
            QStringLiteral("%1 was delivered twice by source \u201c%2\u201d; the first copy was kept.")
                .arg(ref.toString(), m_sourceName));
        return {};
    }
    m_seen.insert(key);

    Planned p;
    p.key = key;
    p.sourced = sourced;
    if (const auto own = m_own.constFind(key); own != m_own.constEnd()) {
        p.id = own->id;
        if (own->removed) {
            p.action = Action::Update; // live again
            p.change = Change::Added;
            p.ownerVisible = true;
        } else if (ContentHash::matches(own->hash, EntityRow::documentText(*sourced))) {
            // The text is hashed and dropped; it is made again only if the row is written.
            p.action = Action::Unchanged;
        } else {
            p.action = Action::Update;
            p.change = Change::Changed;
            p.ownerVisible = own->displayName != displayName;
        }
    } else {
        std::optional<Elsewhere> other;
        if (m_lookup) {
            core::Result<std::optional<Elsewhere>> found = m_lookup(key);
            if (!found)
                return found.error();
            other = std::move(*found);
        }
        if (!other) {
            p.action = Action::Insert;
            p.change = Change::Added;
            p.ownerVisible = true;
        } else {
            p.id = other->id;
            if (!other->removed && other->position < m_sourcePosition) {
                m_summary.conflicts.append(
                    QStringLiteral("%1 is also in source \u201c%2\u201d, configured earlier, which keeps it.")
                        .arg(ref.toString(), other->source));
                m_conflictKeys.append(key);
                m_keptElsewhere.insert(key);
                return {};
            }
            if (!other->removed)
                m_summary.conflicts.append(
                    QStringLiteral("%1 was in source \u201c%2\u201d; \u201c%3\u201d is configured earlier and "
                                   "takes it.")
                        .arg(ref.toString(), other->source, m_sourceName));
            // Taken over from a later source, or from a tombstone another source left.
            p.action = Action::Update;
            p.change = Change::Added;
            p.ownerVisible = true;
        }
    }

    switch (p.change) {
    case Change::Added:
        ++m_summary.added;
        m_summary.addedRefs.append(ref);
        break;
    case Change::Changed:
        ++m_summary.changed;
        m_summary.changedRefs.append(ref);
        break;
    case Change::None:
        ++m_summary.unchanged;
        break;
    }
    m_deliveredNames.insert(key, displayName);
    m_planned.append(std::move(p));
    return {};
}

void RunPlanner::planRemovals(
    const QList<core::EntityRef> &unchangedRefs, bool keepUndelivered, const QList<core::EntityRef> &confirmed)
{
    m_keepUndelivered = keepUndelivered;
    m_confirmed.clear();
    for (const core::EntityRef &ref : confirmed)
        m_confirmed.insert(ref.key());
    for (const core::EntityRef &ref : unchangedRefs) {
        const auto it = m_own.constFind(ref.key());
        if (it == m_own.constEnd() || it->removed || m_seen.contains(ref.key()))
            continue; // not ours, or not live: nothing to keep
        m_seen.insert(ref.key());
        ++m_summary.unchanged;
    }
    m_summary.liveBefore = m_ownLive;
    for (auto it = m_own.constBegin(); it != m_own.constEnd(); ++it) {
        if (it->removed || m_seen.contains(it.key()))
            continue;
        if (keepUndelivered) {
            ++m_summary.unchanged;
            ++m_summary.keptUnread;
            continue;
        }
        if (m_kept.contains(it.key()) && !m_confirmed.contains(it.key())) {
            ++m_summary.unchanged;
            ++m_summary.keptByDecision;
            continue;
        }
        m_removals.append({ it->id, it.key() });
    }
    std::sort(m_removals.begin(), m_removals.end(), [](const Removal &a, const Removal &b) { return a.key < b.key; });
    m_summary.removed = int(m_removals.size());

    // A decision ends once there is nothing left to keep: the entity is back upstream
    // (delivered or listed unchanged), its removal was confirmed, or it is no longer a live
    // entity of this source. Kept entities left unread stay kept.
    for (const QString &key : std::as_const(m_kept)) {
        const auto own = m_own.constFind(key);
        const bool live = own != m_own.constEnd() && !own->removed;
        const bool back = live && m_seen.contains(key);
        const bool removed = live && !back && !keepUndelivered && m_confirmed.contains(key);
        if (back)
            ++m_summary.keptReturned;
        if (!live || back || removed)
            m_keepsEnded.append(key);
    }
    std::sort(m_keepsEnded.begin(), m_keepsEnded.end());
}

RunPlanner::Verdict RunPlanner::guard(double maxRemovalShare, bool allowRemovals) const
{
    const auto removals = m_removals.size();
    if (allowRemovals)
        return {};
    if (!m_confirmed.isEmpty()) {
        // The person decided on a list: exactly that list applies. Another one is shown to
        // them again, whatever its size, unless there is nothing left to remove.
        QSet<QString> wouldRemove;
        wouldRemove.reserve(removals);
        for (const Removal &r : m_removals)
            wouldRemove.insert(r.key);
        if (wouldRemove == m_confirmed)
            return {};
        return Verdict { removals > 0, true };
    }
    // Kept entities are outside the guard: a person already decided about them.
    const int guarded = m_ownLive - m_summary.keptByDecision;
    const bool tooMany = double(removals) > maxRemovalShare * guarded;
    const bool emptied = guarded > 0 && m_seen.isEmpty();
    return Verdict { removals > 0 && (tooMany || emptied), false };
}

bool RunPlanner::oursAfter(const QString &key) const
{
    if (m_seen.contains(key))
        return !m_keptElsewhere.contains(key);
    const auto own = m_own.constFind(key);
    return m_keepUndelivered && own != m_own.constEnd() && !own->removed;
}

} // namespace cairn::cache
