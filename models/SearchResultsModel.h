// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/Answer.h"
#include "core/CatalogLookup.h"
#include "core/NameMatcher.h"

#include <QAbstractListModel>
#include <QList>
#include <QString>

namespace cairn::cache {
class CatalogQuery;
}

namespace cairn::models {

// What the ask bar's popup lists: search hits while a person types, the candidates of an
// ambiguous name, or the items of a list answer; one model, so one popup shows all three.
// Every setter replaces the rows (a reset: each is a new question, not an update).
class SearchResultsModel final : public QAbstractListModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SearchResultsModel)

public:
    enum class Contents { Nothing, Hits, Candidates, Items };

    explicit SearchResultsModel(cache::CatalogQuery &query, QObject *parent = nullptr);

    int limit() const { return m_limit; }
    void setLimit(int limit) { m_limit = limit; }

    // Search as you type: CatalogQuery::search(text, limit()). Empty text: no rows. A query
    // error leaves no rows and is kept in lastError().
    core::Status setText(const QString &text);
    void setCandidates(const QList<core::NameCandidate> &candidates);
    void setItems(const QList<core::EntitySummary> &items);
    void clear();

    const QString &text() const { return m_text; }
    Contents contents() const { return m_contents; }
    const QString &lastError() const { return m_lastError; }

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;

private:
    struct Row
    {
        core::EntityRef ref;
        QString title;
        QString kind;
        QString owner;
        bool removed = false;
    };

    void replace(Contents contents, QList<Row> rows);

    cache::CatalogQuery &m_query;
    int m_limit = 20;
    QString m_text;
    Contents m_contents = Contents::Nothing;
    QList<Row> m_rows;
    QString m_lastError;
};

} // namespace cairn::models
