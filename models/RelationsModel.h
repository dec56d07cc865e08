// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/EntityRef.h"
#include "core/Result.h"

#include <QAbstractTableModel>

#include <vector>

namespace cairn::cache {
class CatalogQuery;
}

namespace cairn::models {

// One entity's relations, both directions, each named from the subject's side: what it
// states and, under their inverses, what others state about it (C ownedBy G reads
// "ownerOf C" on G). A relation of a type with no known inverse stated by another entity
// is listed as incoming ("← audits"). The other end shows its display name, or the bare
// ref when it names nothing in the catalog.
class RelationsModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RelationsModel)

public:
    enum Column { Relation, Entity, Kind, ColumnCount };

    explicit RelationsModel(cache::CatalogQuery &query, QObject *parent = nullptr);

    // A new subject: the rows are replaced (a reset). A null ref empties the model.
    core::Status setSubject(const core::EntityRef &subject);
    const core::EntityRef &subject() const { return m_subject; }
    // The same subject read again, merged in place.
    core::Status refresh();
    const QString &lastError() const { return m_lastError; }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    struct Row
    {
        QString type;
        bool incoming = false; // stated by the other end, no inverse known
        core::EntityRef other;
        QString name; // display name, or the ref when unresolved
        bool resolved = false;
        bool removed = false;

        friend bool operator==(const Row &, const Row &) = default;
    };
    static bool less(const Row &a, const Row &b);

    core::Result<std::vector<Row>> read(const core::EntityRef &subject) const;

    cache::CatalogQuery &m_query;
    core::EntityRef m_subject;
    std::vector<Row> m_rows;
    QString m_lastError;
};

} // namespace cairn::models
