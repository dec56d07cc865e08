// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/SortedRowsMerge.h"

#include <QRandomGenerator>
#include <QTest>

#include <algorithm>

using namespace cairn;

class TestSortedRowsMerge : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void stepsAsAViewSeesThem();
    void randomListsEndEqual();
};

namespace {

struct Row
{
    int key = 0;
    QString text;
};

bool byKey(const Row &a, const Row &b)
{
    return a.key < b.key;
}

// Replays the merge's signals on a copy of the rows, as a view would, and records them.
struct Replay
{
    std::vector<Row> view;
    QStringList steps;
    int pendingFirst = -1;
    int pendingLast = -1;

    models::SortedRowsMerge<Row> merge(const std::vector<Row> &rows)
    {
        models::SortedRowsMerge<Row> m;
        m.beginRemove = [this](int first, int last) {
            pendingFirst = first;
            pendingLast = last;
        };
        m.endRemove = [this] {
            view.erase(view.begin() + pendingFirst, view.begin() + pendingLast + 1);
            steps.append(QStringLiteral("remove %1-%2").arg(pendingFirst).arg(pendingLast));
        };
        m.beginInsert = [this](int first, int last) {
            pendingFirst = first;
            pendingLast = last;
        };
        m.endInsert = [this, &rows] {
            view.insert(view.begin() + pendingFirst, rows.begin() + pendingFirst, rows.begin() + pendingLast + 1);
            steps.append(QStringLiteral("insert %1-%2").arg(pendingFirst).arg(pendingLast));
        };
        m.keep = [](int, Row &kept, Row &fresh) {
            if (kept.text == fresh.text)
                return false;
            kept.text = fresh.text;
            return true;
        };
        m.changed = [this, &rows](int first, int last) {
            for (int i = first; i <= last; ++i)
                view[std::size_t(i)] = rows[std::size_t(i)];
            steps.append(QStringLiteral("change %1-%2").arg(first).arg(last));
        };
        return m;
    }
};

std::vector<Row> rowsOf(std::initializer_list<std::pair<int, const char *>> list)
{
    std::vector<Row> out;
    for (const auto &[key, text] : list)
        out.push_back(Row { key, QString::fromLatin1(text) });
    return out;
}

} // namespace

void TestSortedRowsMerge::stepsAsAViewSeesThem()
{
    std::vector<Row> rows = rowsOf({ { 2, "b" }, { 3, "c" }, { 4, "d" }, { 5, "e" }, { 8, "h" } });
    Replay replay;
    replay.view = rows;
    const auto merge = replay.merge(rows);
    merge.apply(rows, rowsOf({ { 1, "a" }, { 2, "B" }, { 3, "C" }, { 5, "e" }, { 6, "f" }, { 7, "g" } }), &byKey);
    // A run of changed rows is signalled before the next structural step moves it.
    QCOMPARE(replay.steps,
        QStringList({ QStringLiteral("insert 0-0"), QStringLiteral("change 1-2"), QStringLiteral("remove 3-3"),
            QStringLiteral("insert 4-5"), QStringLiteral("remove 6-6") }));
    QCOMPARE(rows.size(), std::size_t(6));
    QCOMPARE(rows[1].text, QStringLiteral("B"));
}

void TestSortedRowsMerge::randomListsEndEqual()
{
    QRandomGenerator random(4711);
    for (int round = 0; round < 500; ++round) {
        const auto make = [&] {
            std::vector<Row> out;
            for (int key = 0; key < 30; ++key) {
                if (random.bounded(2))
                    out.push_back(Row { key, QString::number(random.bounded(3)) });
            }
            return out;
        };
        std::vector<Row> rows = make();
        const std::vector<Row> fresh = make();
        Replay replay;
        replay.view = rows;
        const auto merge = replay.merge(rows);
        merge.apply(rows, fresh, &byKey);
        QCOMPARE(rows.size(), fresh.size());
        QCOMPARE(replay.view.size(), fresh.size());
        for (std::size_t i = 0; i < fresh.size(); ++i) {
            QCOMPARE(rows[i].key, fresh[i].key);
            QCOMPARE(rows[i].text, fresh[i].text);
            QCOMPARE(replay.view[i].key, fresh[i].key);
            QCOMPARE(replay.view[i].text, fresh[i].text);
        }
    }
}

QTEST_GUILESS_MAIN(TestSortedRowsMerge)
#include "tst_sortedrowsmerge.moc"
