// SPDX-License-Identifier: GPL-3.0-or-later
// KnownEtags: whether there are any is known at once; the etags are read once, on first
// use, and a failed read is reported, not taken for "none".
#include "sync/KnownEtags.h"

#include <QTest>

using namespace cairn;
using cairn::sync::KnownEtags;

class TestKnownEtags : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void readOnceOnFirstUse()
    {
        int reads = 0;
        const KnownEtags known(true, [&reads]() -> core::Result<QHash<QString, QString>> {
            ++reads;
            return QHash<QString, QString> { { QStringLiteral("component:default/a"), QStringLiteral("e1") } };
        });
        QVERIFY(known.any());
        QCOMPARE(reads, 0);
        QVERIFY(known.etags().isEmpty());
        QVERIFY(known.load());
        QVERIFY(known.load());
        QCOMPARE(reads, 1);
        QCOMPARE(known.etags().value(QStringLiteral("component:default/a")), QStringLiteral("e1"));
    }

    void aFailedReadIsAnError()
    {
        int reads = 0;
        const KnownEtags known(true, [&reads]() -> core::Result<QHash<QString, QString>> {
            ++reads;
            return core::Error { QStringLiteral("disk I/O error") };
        });
        const core::Status first = known.load();
        QVERIFY(!first);
        QCOMPARE(first.errorString(), QStringLiteral("disk I/O error"));
        QVERIFY(!known.load()); // asked again, read again: never an empty "nothing known"
        QCOMPARE(reads, 2);
        QVERIFY(known.etags().isEmpty());
    }

    void noneNeedsNoRead()
    {
        int reads = 0;
        const KnownEtags none(false, [&reads]() -> core::Result<QHash<QString, QString>> {
            ++reads;
            return QHash<QString, QString> {};
        });
        QVERIFY(!none.any());
        QVERIFY(none.load());
        QCOMPARE(reads, 0);
        QVERIFY(KnownEtags().load());
        QVERIFY(!KnownEtags().any());
    }
};

QTEST_GUILESS_MAIN(TestKnownEtags)
#include "tst_knownetags.moc"
