// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/OverviewPage.h"

#include "cache/Cache.h"
#include "cache/CatalogQuery.h"
#include "core/GoalProgress.h"
#include "core/ProjectTimeline.h"
#include "models/ItemRoles.h"
#include "ui/AnswerHtml.h"

#include <QAbstractItemModel>
#include <QScrollBar>
#include <QTextBrowser>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

namespace cairn::ui {

namespace {

QString esc(const QString &text)
{
    return text.toHtmlEscaped();
}

QString viewLink(const QString &viewId, const QString &text)
{
    return QStringLiteral("<a href=\"cairn-view:%1\">%2</a>").arg(viewId, esc(text));
}

} // namespace

OverviewPage::OverviewPage(QString cachePath, QAbstractItemModel *changes, QWidget *parent)
    : QWidget(parent)
    , m_cachePath(std::move(cachePath))
    , m_changes(changes)
    , m_browser(new QTextBrowser(this))
{
    setObjectName(QStringLiteral("overviewPage"));
    m_browser->setObjectName(QStringLiteral("overviewBrowser"));
    m_browser->setAccessibleName(tr("Overview"));
    m_browser->setOpenLinks(false);
    m_browser->setFrameShape(QFrame::NoFrame);
    m_browser->document()->setDocumentMargin(16);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_browser);
    connect(m_browser, &QTextBrowser::anchorClicked, this, [this](const QUrl &url) {
        if (url.scheme() == u"cairn-view") {
            Q_EMIT viewRequested(url.path());
            return;
        }
        if (const std::optional<core::EntityRef> ref = AnswerHtml::refFromUrl(url))
            Q_EMIT entityActivated(*ref);
    });
    // setFuture() on a new refresh detaches the watcher from the older one: only the last
    // refresh's answer arrives here.
    connect(&m_worker, &QFutureWatcher<QString>::finished, this, [this] {
        show(m_worker.result());
        m_upToDate = true;
        Q_EMIT refreshed();
    });
}

OverviewPage::~OverviewPage()
{
    m_worker.waitForFinished();
}

QString OverviewPage::projectsSection(
    const core::CatalogLookup &lookup, const AnswerHtml &html, const core::AnswerOptions &options)
{
    QString out = QStringLiteral("<h2>%1</h2>").arg(esc(tr("PROJECTS THAT NEED ATTENTION")));
    core::Result<QList<core::EntityRecord>> projects = lookup.entitiesOfKind(
        u"project", { QStringLiteral("off-track"), QStringLiteral("at-risk") }, ProjectRows + 1);
    if (!projects)
        return out + QStringLiteral("<p class=\"warn\">%1</p>").arg(esc(projects.errorString()));
    if (projects->isEmpty())
        return out + QStringLiteral("<p class=\"muted\">%1</p>").arg(esc(tr("No project is at risk or off track.")));
    // Off track before at risk, then the latest target first: the worst news on top.
    QList<core::EntityRecord> sorted = projects->mid(0, ProjectRows);
    std::stable_sort(sorted.begin(), sorted.end(), [](const core::EntityRecord &a, const core::EntityRecord &b) {
        return (a.entity.specString(u"status") == u"off-track") > (b.entity.specString(u"status") == u"off-track");
    });
    QString rows = QStringLiteral("<tr><th align=\"left\">%1</th><th align=\"left\">%2</th><th align=\"left\">%3</th>"
                                  "<th align=\"left\">%4</th><th align=\"left\">%5</th></tr>")
                       .arg(esc(tr("Project")), esc(tr("Status")), esc(tr("Target date")), esc(tr("Slips")),
                           esc(tr("Last update")));
    for (const core::EntityRecord &record : std::as_const(sorted)) {
        const core::TimelineSummary timeline
            = core::ProjectTimeline::fromEntity(record.entity).summarize(options.today, options.staleDays);
        QString slips;
        if (timeline.targetMoves > 0)
            slips = html.slips(timeline);
        QString update = html.date(timeline.lastUpdate);
        if (timeline.stale)
            update = QStringLiteral("<span class=\"warn\">%1</span>")
                         .arg(esc(update.isEmpty() ? tr("never") : tr("%1 (stale)").arg(update)));
        else
            update = esc(update);
        rows += QStringLiteral("<tr><td>%1</td><td>%2</td><td>%3</td><td>%4</td><td>%5</td></tr>")
                    .arg(html.link(core::AnswerEngine::summaryOf(record), true), html.badge(timeline.status),
                        esc(html.date(timeline.currentTarget)), esc(slips), update);
    }
    out += QStringLiteral("<table cellpadding=\"3\" width=\"100%\">%1</table>").arg(rows);
    out += QStringLiteral("<p>%1</p>").arg(viewLink(QStringLiteral("project"), tr("All projects →")));
    return out;
}

QString OverviewPage::goalsSection(const core::CatalogLookup &lookup, const AnswerHtml &html)
{
    QString out = QStringLiteral("<h2>%1</h2>").arg(esc(tr("GOALS")));
    core::Result<QList<core::EntityRecord>> goals = lookup.entitiesOfKind(u"goal", {}, 200);
    if (!goals)
        return out + QStringLiteral("<p class=\"warn\">%1</p>").arg(esc(goals.errorString()));
    if (goals->isEmpty())
        return out + QStringLiteral("<p class=\"muted\">%1</p>").arg(esc(tr("No goals in the catalog.")));
    // Top-level goals first: they say what everything else is for.
    QList<core::EntityRecord> shown;
    for (const core::EntityRecord &record : std::as_const(goals.value())) {
        if (record.entity.specString(u"parent").isEmpty())
            shown.append(record);
    }
    for (const core::EntityRecord &record : std::as_const(goals.value())) {
        if (!record.entity.specString(u"parent").isEmpty())
            shown.append(record);
    }
    shown = shown.mid(0, GoalRows);
    const core::GoalProgress progress(lookup);
    QString rows;
    for (const core::EntityRecord &record : std::as_const(shown)) {
        core::Result<core::GoalRollup> rollup = progress.of(record.entity.ref());
        const core::EntitySummary summary = core::AnswerEngine::summaryOf(record);
        rows += QStringLiteral("<tr><td>%1</td><td>%2</td><td>%3</td></tr>")
                    .arg(html.link(summary, true), html.badge(summary.status),
                        rollup ? html.progress(*rollup, true) : esc(rollup.errorString()));
    }
    out += QStringLiteral("<table cellpadding=\"3\">%1</table>").arg(rows);
    out += QStringLiteral("<p>%1</p>").arg(viewLink(QStringLiteral("goal"), tr("Goal tree →")));
    return out;
}

QString OverviewPage::changesSection() const
{
    QString out = QStringLiteral("<h2>%1</h2>").arg(esc(tr("WHAT CHANGED")));
    if (!m_changes || m_changes->rowCount() == 0)
        return out + QStringLiteral("<p class=\"muted\">%1</p>").arg(esc(tr("No sync has changed anything yet.")));
    QString rows;
    const int shown = qMin(m_changes->rowCount(), ChangeRows);
    for (int row = 0; row < shown; ++row) {
        QStringList cells;
        for (int column = 0; column < m_changes->columnCount(); ++column) {
            const QModelIndex index = m_changes->index(row, column);
            const core::EntityRef ref = index.data(models::RefRole).value<core::EntityRef>();
            const QString text = esc(index.data().toString());
            // The name column links to the entity; the others are plain.
            const bool isName = m_changes->headerData(column, Qt::Horizontal).toString() == tr("Name");
            cells.append(isName && !ref.isNull()
                    ? QStringLiteral("<a href=\"%1\">%2</a>").arg(esc(AnswerHtml::entityUrl(ref).toString()), text)
                    : text);
        }
        rows += QStringLiteral("<tr><td>%1</td></tr>").arg(cells.join(QStringLiteral("</td><td>")));
    }
    QString header;
    for (int column = 0; column < m_changes->columnCount(); ++column)
        header += QStringLiteral("<th align=\"left\">%1</th>")
                      .arg(esc(m_changes->headerData(column, Qt::Horizontal).toString()));
    out += QStringLiteral("<table cellpadding=\"3\" width=\"100%\"><tr>%1</tr>%2</table>").arg(header, rows);
    if (m_changes->rowCount() > shown)
        out += QStringLiteral("<p class=\"muted\">%1</p>")
                   .arg(esc(
                       tr("%1 more changes in the sync log.").arg(locale().toString(m_changes->rowCount() - shown))));
    return out;
}

QString OverviewPage::catalogSections(
    const QString &cachePath, const QPalette &palette, const QLocale &locale, const core::AnswerOptions &options)
{
    core::Result<std::unique_ptr<cache::Cache>> cache = cache::Cache::openReadOnly(cachePath);
    if (!cache)
        return QStringLiteral("<p class=\"warn\">%1</p>")
            .arg(esc(tr("Could not read the cache: %1").arg(cache.errorString())));
    const cache::CatalogQuery query(**cache);
    const AnswerHtml html(palette, locale, options.today);
    return projectsSection(query, html, options) + goalsSection(query, html);
}

void OverviewPage::show(const QString &catalogSections)
{
    const AnswerHtml html(palette(), locale(), m_options.today);
    QString page = QStringLiteral("<html><head>%1</head><body><h1>%2</h1>%3%4</body></html>")
                       .arg(html.style(), esc(tr("Overview")), catalogSections, m_changesHtml);
    // Laying out the page is the costly part (a frame's worth at 100,000 entities): a read
    // that found nothing new, as on every return to the overview, leaves it as it is.
    if (page == m_shownHtml)
        return;
    m_shownHtml = std::move(page);
    const int scroll = m_browser->verticalScrollBar()->value();
    m_browser->setHtml(m_shownHtml);
    m_browser->verticalScrollBar()->setValue(scroll);
}

void OverviewPage::refresh()
{
    m_changesHtml = changesSection();
    m_upToDate = false;
    if (!m_worker.isRunning() && m_browser->document()->isEmpty())
        show(QStringLiteral("<p class=\"muted\">%1</p>").arg(esc(tr("Reading the catalog…"))));
    m_worker.setFuture(QtConcurrent::run(&OverviewPage::catalogSections, m_cachePath, palette(), locale(), m_options));
}
} // namespace cairn::ui
