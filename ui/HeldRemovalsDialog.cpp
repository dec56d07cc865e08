// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/HeldRemovalsDialog.h"

#include "cache/EntityBriefs.h"
#include "sync/SyncOutcome.h"
#include "ui/KindNames.h"

#include <QDialogButtonBox>
#include <QFile>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QKeyEvent>
#include <QLabel>
#include <QLocale>
#include <QMap>
#include <QPushButton>
#include <QStandardItemModel>
#include <QStyle>
#include <QTreeView>
#include <QVBoxLayout>

#include <algorithm>

namespace cairn::ui {

namespace {

constexpr int RefRole = Qt::UserRole + 1;

enum Column { NameColumn, AboutColumn, OwnerColumn, ColumnCount };

// Kinds in the order of the window's sidebar; others after them, by name.
int kindRank(const QString &kind)
{
    static const QStringList order { QStringLiteral("project"), QStringLiteral("goal"), QStringLiteral("component"),
        QStringLiteral("api"), QStringLiteral("system"), QStringLiteral("domain"), QStringLiteral("resource"),
        QStringLiteral("group"), QStringLiteral("user") };
    const qsizetype rank = order.indexOf(kind);
    return rank < 0 ? int(order.size()) : int(rank);
}

QIcon kindIcon(const QString &kind)
{
    // Domains share the overview's icon, as in the window's tabs.
    const QString name = kind == u"domain" ? QStringLiteral("overview") : kind;
    const QString path = QStringLiteral(":/icons/%1.svg").arg(name);
    return QFile::exists(path) ? QIcon(path) : QIcon();
}

// The first line of a Markdown description, as plain as a cell can show it.
QString firstLine(const QString &description)
{
    const QString line = description.section(u'\n', 0, 0).trimmed();
    return line.size() > 160 ? line.left(159) + u'\u2026' : line;
}

} // namespace

HeldRemovalsDialog::HeldRemovalsDialog(cache::Cache &cache, const sync::SyncOutcome &held, QWidget *parent)
    : HeldRemovalsDialog(cache, Listing::Held, held.sourceName, held.summary.removedRefs, held.summary.liveBefore,
        held.summary.upstreamChanged, parent)
{ }

HeldRemovalsDialog *HeldRemovalsDialog::forKept(
    cache::Cache &cache, const QString &sourceName, const QList<core::EntityRef> &kept, QWidget *parent)
{
    return new HeldRemovalsDialog(cache, Listing::Kept, sourceName, kept, 0, false, parent);
}

HeldRemovalsDialog::HeldRemovalsDialog(cache::Cache &cache, Listing listing, QString sourceName,
    QList<core::EntityRef> refs, int liveBefore, bool upstreamChanged, QWidget *parent)
    : QDialog(parent)
    , m_listing(listing)
    , m_sourceName(std::move(sourceName))
    , m_refs(std::move(refs))
    , m_liveBefore(liveBefore)
{
    setObjectName(QStringLiteral("heldRemovalsDialog"));
    setModal(false);
    setWindowTitle(listing == Listing::Held ? tr("Removals Held \u2014 %1").arg(m_sourceName)
                                            : tr("Kept Entities \u2014 %1").arg(m_sourceName));

    m_headline = new QLabel(headline(), this);
    m_headline->setObjectName(QStringLiteral("headline"));
    m_headline->setWordWrap(true);
    QFont bold = m_headline->font();
    bold.setBold(true);
    m_headline->setFont(bold);

    // The one thing a person who already decided must not miss: a warning, not a hint.
    auto *changedRow = new QWidget(this);
    auto *changedIcon = new QLabel(changedRow);
    const int iconSize = style()->pixelMetric(QStyle::PM_SmallIconSize, nullptr, this);
    changedIcon->setPixmap(style()->standardIcon(QStyle::SP_MessageBoxWarning, nullptr, this).pixmap(iconSize));
    auto *changed
        = new QLabel(tr("The source changed since you were shown the list: this is the new list."), changedRow);
    changed->setObjectName(QStringLiteral("upstreamChanged"));
    changed->setWordWrap(true);
    QFont emphasis = changed->font();
    emphasis.setBold(true);
    changed->setFont(emphasis);
    auto *changedLayout = new QHBoxLayout(changedRow);
    changedLayout->setContentsMargins(0, 0, 0, 0);
    changedLayout->addWidget(changedIcon, 0, Qt::AlignTop);
    changedLayout->addWidget(changed, 1);
    changedRow->setVisible(upstreamChanged);

    auto *hint = new QLabel(listing == Listing::Held
            ? tr("These entities are no longer in the source. Double-click one, or press Enter, to see it in the "
                 "main window before you decide.")
            : tr("You chose to keep your copy of these entities although the source no longer has them. "
                 "Double-click one, or press Enter, to see it in the main window."),
        this);
    hint->setWordWrap(true);
    hint->setForegroundRole(QPalette::PlaceholderText);

    m_model = new QStandardItemModel(0, ColumnCount, this);
    m_model->setHorizontalHeaderLabels({ tr("Name"), tr("Title and description"), tr("Owner") });
    m_view = new QTreeView(this);
    m_view->setObjectName(QStringLiteral("heldRemovals"));
    m_view->setAccessibleName(listing == Listing::Held ? tr("Entities the sync would remove") : tr("Kept entities"));
    m_view->setModel(m_model);
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setUniformRowHeights(true);
    m_view->setAlternatingRowColors(true);
    m_view->setIconSize(QSize(16, 16));
    m_view->header()->setStretchLastSection(false);
    m_view->header()->setSectionResizeMode(AboutColumn, QHeaderView::Stretch);
    m_view->setColumnWidth(NameColumn, 240);
    m_view->setColumnWidth(OwnerColumn, 170);
    m_view->installEventFilter(this);
    connect(m_view, &QTreeView::doubleClicked, this, &HeldRemovalsDialog::activate);

    m_problem = new QLabel(this);
    m_problem->setObjectName(QStringLiteral("problem"));
    m_problem->setWordWrap(true);
    m_problem->hide();

    auto *buttons = new QDialogButtonBox(this);
    m_apply = buttons->addButton(tr("&Apply the Removals"), QDialogButtonBox::DestructiveRole);
    m_apply->setObjectName(QStringLiteral("applyRemovals"));
    m_apply->setToolTip(
        tr("Removes exactly the %Ln entities listed here: they get a tombstone and stay readable under Removed "
           "upstream. A snapshot of the cache is taken first, so the removal can be undone. If the source "
           "changed since this list was made, nothing is removed and you are shown the new list.",
            nullptr, int(m_refs.size())));
    // Kept entities are kept already: keeping them is no choice there.
    if (listing == Listing::Held) {
        m_keep = buttons->addButton(tr("&Keep My Copy"), QDialogButtonBox::AcceptRole);
        m_keep->setObjectName(QStringLiteral("keepCopy"));
        m_keep->setToolTip(tr("Keeps these entities although \u201c%1\u201d no longer has them. Later syncs of the "
                              "source still bring its additions and edits, and never remove these; you can apply "
                              "their removals later from the source's kept entities.")
                               .arg(m_sourceName));
        connect(m_keep, &QPushButton::clicked, this, [this] { choose(false); });
    }
    QPushButton *close = buttons->addButton(QDialogButtonBox::Close);
    close->setToolTip(listing == Listing::Held
            ? tr("Decides nothing: the removals stay held, and the next sync asks again.")
            : tr("Decides nothing: the entities stay kept."));
    // Enter opens the entity under the cursor: no button may take it as its own.
    for (QPushButton *button : buttons->findChildren<QPushButton *>()) {
        button->setAutoDefault(false);
        button->setDefault(false);
    }
    connect(m_apply, &QPushButton::clicked, this, [this] { choose(true); });
    connect(close, &QPushButton::clicked, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_headline);
    layout->addWidget(changedRow);
    layout->addWidget(hint);
    layout->addWidget(m_view, 1);
    layout->addWidget(m_problem);
    layout->addWidget(buttons);

    fill(cache);
    m_view->setFocus();
    resize(820, 520);
}

QString HeldRemovalsDialog::headline() const
{
    const QLocale locale;
    const int count = int(m_refs.size());
    if (m_listing == Listing::Kept)
        return tr("You kept %1 entities of \u201c%2\u201d that the source no longer has. Nothing is removed unless "
                  "you apply the removals.")
            .arg(locale.toString(count), m_sourceName);
    if (m_liveBefore <= 0)
        return tr("The sync of \u201c%1\u201d would remove %2 entities. Nothing has been removed yet.")
            .arg(m_sourceName, locale.toString(count));
    const double share = 100.0 * count / m_liveBefore;
    return tr("The sync of \u201c%1\u201d would remove %2 of %3 entities (%4 %). Nothing has been removed yet.")
        .arg(m_sourceName, locale.toString(count), locale.toString(m_liveBefore), locale.toString(share, 'f', 1));
}

void HeldRemovalsDialog::fill(cache::Cache &cache)
{
    QList<cache::EntityBrief> briefs;
    if (core::Result<QList<cache::EntityBrief>> read = cache::EntityBriefs::read(cache, m_refs)) {
        briefs = std::move(read).value();
    } else {
        // The refs alone still say what would go; the choice stays possible.
        m_problem->setText(tr("The names and owners could not be read from the cache (%1); the entities are "
                              "listed by reference.")
                               .arg(read.errorString()));
        m_problem->show();
        for (const core::EntityRef &ref : std::as_const(m_refs))
            briefs.append(cache::EntityBrief { ref, ref.kind().toLower(), ref.name(), {}, {}, false });
    }

    QMap<std::pair<int, QString>, QList<cache::EntityBrief>> byKind;
    for (cache::EntityBrief &brief : briefs)
        byKind[{ kindRank(brief.kind), brief.kind }].append(std::move(brief));

    const QLocale locale;
    for (auto it = byKind.begin(); it != byKind.end(); ++it) {
        const QString &kind = it.key().second;
        QList<cache::EntityBrief> &members = it.value();
        std::sort(members.begin(), members.end(), [](const cache::EntityBrief &a, const cache::EntityBrief &b) {
            return QString::compare(a.ref.name(), b.ref.name(), Qt::CaseInsensitive) < 0;
        });
        auto *heading = new QStandardItem(
            kindIcon(kind), tr("%1 (%2)").arg(KindNames::plural(kind), locale.toString(qsizetype(members.size()))));
        heading->setData(kind, Qt::UserRole);
        QFont font = heading->font();
        font.setBold(true);
        heading->setFont(font);
        QList<QStandardItem *> headingRow { heading };
        for (int c = 1; c < ColumnCount; ++c)
            headingRow.append(new QStandardItem);
        for (QStandardItem *item : std::as_const(headingRow))
            item->setFlags(Qt::ItemIsEnabled);
        for (const cache::EntityBrief &brief : std::as_const(members)) {
            auto *name = new QStandardItem(brief.ref.name());
            name->setData(QVariant::fromValue(brief.ref), RefRole);
            name->setToolTip(brief.ref.toString());
            QString about = brief.title != brief.ref.name() ? brief.title : QString();
            const QString line = firstLine(brief.description);
            if (!line.isEmpty())
                about = about.isEmpty() ? line : tr("%1 \u2014 %2").arg(about, line);
            auto *aboutItem = new QStandardItem(about);
            if (!brief.description.isEmpty())
                aboutItem->setToolTip(brief.description);
            auto *owner = new QStandardItem(brief.owner);
            heading->appendRow({ name, aboutItem, owner });
        }
        m_model->appendRow(headingRow);
        m_view->setFirstColumnSpanned(m_model->rowCount() - 1, {}, true);
    }
    m_view->expandAll();
    if (m_model->rowCount() > 0 && m_model->item(0)->rowCount() > 0)
        m_view->setCurrentIndex(m_model->index(0, 0, m_model->index(0, 0)));
}

void HeldRemovalsDialog::activate(const QModelIndex &index)
{
    const QVariant ref = index.siblingAtColumn(NameColumn).data(RefRole);
    if (ref.isValid())
        Q_EMIT entityActivated(ref.value<core::EntityRef>());
}

void HeldRemovalsDialog::choose(bool apply)
{
    if (apply)
        Q_EMIT applyChosen(m_sourceName, m_refs);
    else
        Q_EMIT keepChosen(m_sourceName, m_refs);
    accept();
}

bool HeldRemovalsDialog::eventFilter(QObject *watched, QEvent *event)
{
    // Enter opens the current entity and goes no further: the dialog would take it for a
    // button, and neither choice may be made by a key meant for the list.
    if (watched == m_view && event->type() == QEvent::KeyPress) {
        const int key = static_cast<QKeyEvent *>(event)->key();
        if (key == Qt::Key_Return || key == Qt::Key_Enter) {
            activate(m_view->currentIndex());
            return true;
        }
    }
    return QDialog::eventFilter(watched, event);
}

} // namespace cairn::ui
