// SPDX-License-Identifier: GPL-3.0-or-later
#include "cache/EntityBriefs.h"

#include "cache/Cache.h"
#include "cache/Database.h"
#include "cache/SqlTry.h"

namespace cairn::cache {

core::Result<QList<EntityBrief>> EntityBriefs::read(Cache &cache, const QList<core::EntityRef> &refs)
{
    CAIRN_TRY_ASSIGN(Statement q,
        cache.database().prepare(QStringLiteral(
            "SELECT e.ref, e.kind, e.display_name, coalesce(json_extract(e.document, '$.metadata.description'), ''), "
            "coalesce(o.display_name, e.owner_key, ''), e.removed_at IS NOT NULL "
            "FROM entities e LEFT JOIN entities o ON o.key = e.owner_key WHERE e.key=?1")));
    QList<EntityBrief> out;
    out.reserve(refs.size());
    for (const core::EntityRef &ref : refs) {
        q.reset();
        q.bind(1, ref.key());
        CAIRN_TRY_ASSIGN(Statement::Step step, q.step());
        EntityBrief brief;
        if (step == Statement::Step::Done) {
            brief.ref = ref;
            brief.kind = ref.kind().toLower();
            brief.title = ref.name();
        } else {
            core::Result<core::EntityRef> spelled = core::EntityRef::parse(q.text(0));
            brief.ref = spelled ? *spelled : ref;
            brief.kind = q.text(1);
            brief.title = q.text(2);
            brief.description = q.text(3);
            brief.owner = q.text(4);
            brief.removed = q.int64(5) != 0;
        }
        out.append(std::move(brief));
    }
    return out;
}

} // namespace cairn::cache
