// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/HealthDashboard.h"

#include "core/HealthWords.h"
#include "models/BackgroundReader.h"
#include "models/ItemRoles.h"
#include "ui/HealthBadgeDelegate.h"
#include "ui/HealthColors.h"

#include <QBarCategoryAxis>
#include <QBarSet>
#include <QChart>
#include <QChartView>
#include <QComboBox>
#include <QEvent>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QHorizontalStackedBarSeries>
#include <QLabel>
#include <QMouseEvent>
#include <QPainter>
#include <QPieSeries>
#include <QPieSlice>
#include <QPixmap>
#include <QScrollArea>
#include <QStackedWidget>
#include <QStandardItemModel>
#include <QTableView>
#include <QVBoxLayout>
#include <QValueAxis>

namespace cairn::ui {

namespace {

constexpr std::array<core::HealthBand, 3> Bands { core::HealthBand::Failing, core::HealthBand::NeedsAttention,
    core::HealthBand::Passing };
constexpr std::array<core::MaturityLevel, 4> Levels { core::MaturityLevel::Gold, core::MaturityLevel::Silver,
    core::MaturityLevel::Bronze, core::MaturityLevel::None };

constexpr int TeamRole = Qt::UserRole + 100; // the team's index in the summary
constexpr int FirstBandColumn = 2; // the teams' table: team, components, then a column per band

QLabel *heading(const QString &text, QWidget *parent)
{
    auto *label = new QLabel(text, parent);
    QFont font = label->font();
    font.setBold(true);
    label->setFont(font);
    return label;
}

void setUpList(QTableView *view)
{
    view->setSelectionBehavior(QAbstractItemView::SelectRows);
    view->setSelectionMode(QAbstractItemView::SingleSelection);
    view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    view->setAlternatingRowColors(true);
    view->setShowGrid(false);
    view->setWordWrap(false);
    view->setTabKeyNavigation(false); // Tab leaves the list, as in the rest of the window
    view->verticalHeader()->hide();
    view->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    view->verticalHeader()->setDefaultSectionSize(view->fontMetrics().height() + 8);
    view->horizontalHeader()->setHighlightSections(false);
    view->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
}

// A list inside the scrolling page: as tall as its rows, up to `maxRows`, then it scrolls.
void fitRows(QTableView *view, int maxRows)
{
    const int rows = qBound(1, view->model()->rowCount(), maxRows);
    view->setFixedHeight(view->horizontalHeader()->sizeHint().height()
        + rows * view->verticalHeader()->defaultSectionSize() + 2 * view->frameWidth());
}

// A chart on the page's background, light or dark, without a frame of its own.
// `palette` is the page's: on a palette change the page hears of it before its children.
void setUpChartView(QChartView *view, const QPalette &palette)
{
    view->setRenderHint(QPainter::Antialiasing);
    view->setFrameShape(QFrame::NoFrame);
    view->setBackgroundBrush(palette.brush(QPalette::Base));
}

// Whole components on the count axis: the first step of 1, 2, 5, 10, 20, 50… that needs
// at most 5 intervals to reach `most`.
int countStep(int most)
{
    for (int magnitude = 1; magnitude < 100000000; magnitude *= 10) {
        for (int step : { magnitude, 2 * magnitude, 5 * magnitude }) {
            if ((most + step - 1) / step <= 5)
                return step;
        }
    }
    return qMax(1, most);
}

// Drawn at the screen's scale, so that it stays sharp on a HiDPI display.
QIcon bandMark(core::HealthBand band, qreal scale)
{
    QPixmap mark(QSize(16, 16) * scale);
    mark.setDevicePixelRatio(scale);
    mark.fill(Qt::transparent);
    QPainter painter(&mark);
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setPen(Qt::NoPen);
    painter.setBrush(HealthColors::forBand(band));
    painter.drawRoundedRect(QRectF(3, 3, 10, 10), 2, 2);
    return QIcon(mark);
}

QStandardItem *number(int value)
{
    auto *item = new QStandardItem(QLocale().toString(value));
    item->setData(value, models::ValueRole);
    item->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
    return item;
}

} // namespace

HealthDashboard::HealthDashboard(models::BackgroundReader &reader, QWidget *parent)
    : QWidget(parent)
    , m_reader(reader)
    , m_pages(new QStackedWidget(this))
    , m_empty(new QLabel(this))
    , m_totals(new QLabel(this))
    , m_chooser(new QComboBox(this))
    , m_donuts(new QHBoxLayout)
    , m_teamNote(new QLabel(this))
    , m_teamView(new QChartView(this))
    , m_teams(new QStandardItemModel(this))
    , m_teamTable(new QTableView(this))
    , m_worst(new QStandardItemModel(this))
    , m_worstTable(new QTableView(this))
{
    qRegisterMetaType<HealthScope>();
    setObjectName(QStringLiteral("healthDashboard"));

    m_empty->setObjectName(QStringLiteral("healthEmpty"));
    m_empty->setAlignment(Qt::AlignCenter);
    m_empty->setWordWrap(true);
    m_empty->setForegroundRole(QPalette::PlaceholderText);
    m_empty->setMargin(32);

    auto *content = new QWidget;
    auto *column = new QVBoxLayout(content);
    column->setContentsMargins(16, 12, 16, 16);
    column->setSpacing(8);

    auto *title = new QLabel(tr("Health"), content);
    QFont titleFont = title->font();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.5);
    titleFont.setBold(true);
    title->setFont(titleFont);
    m_totals->setObjectName(QStringLiteral("healthTotals"));
    m_totals->setForegroundRole(QPalette::PlaceholderText);
    m_totals->setWordWrap(true);
    column->addWidget(title);
    column->addWidget(m_totals);

    column->addWidget(heading(tr("By scorecard"), content));
    column->addLayout(m_donuts);

    auto *chooserRow = new QHBoxLayout;
    auto *chooserLabel = new QLabel(tr("&Teams and worst components by:"), content);
    chooserLabel->setBuddy(m_chooser);
    m_chooser->setObjectName(QStringLiteral("scorecardChooser"));
    m_chooser->setAccessibleName(tr("Scorecard of the teams and worst components"));
    m_chooser->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    chooserRow->addWidget(chooserLabel);
    chooserRow->addWidget(m_chooser);
    chooserRow->addStretch(1);
    column->addSpacing(8);
    column->addLayout(chooserRow);

    column->addWidget(heading(tr("By owning team"), content));
    m_teamNote->setForegroundRole(QPalette::PlaceholderText);
    m_teamNote->setWordWrap(true);
    column->addWidget(m_teamNote);
    m_teamView->setObjectName(QStringLiteral("teamChart"));
    m_teamView->setAccessibleName(tr("Components of each owning team by health band"));
    setUpChartView(m_teamView, palette());
    m_teamView->setMinimumHeight(220);
    m_teamView->viewport()->installEventFilter(this);
    m_teamView->setToolTip(tr("Click a segment for that team's components in that band, a team's name for all of "
                              "them"));
    column->addWidget(m_teamView);

    m_teamTable->setObjectName(QStringLiteral("teamTable"));
    m_teamTable->setAccessibleName(tr("Health by owning team"));
    m_teamTable->setToolTip(
        tr("Enter or double-click shows the team's components; on a band's number, those in that band"));
    m_teamTable->setModel(m_teams);
    setUpList(m_teamTable);
    column->addWidget(m_teamTable);

    column->addSpacing(8);
    column->addWidget(heading(tr("Worst components"), content));
    m_worstTable->setObjectName(QStringLiteral("worstTable"));
    m_worstTable->setAccessibleName(tr("Worst components, lowest score first"));
    m_worstTable->setToolTip(tr("Enter or double-click opens the component"));
    m_worstTable->setModel(m_worst);
    m_worstTable->setItemDelegate(new HealthBadgeDelegate(m_worstTable));
    setUpList(m_worstTable);
    column->addWidget(m_worstTable);
    column->addStretch(1);

    auto *scroll = new QScrollArea(this);
    scroll->setObjectName(QStringLiteral("healthScroll"));
    scroll->setWidget(content);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setBackgroundRole(QPalette::Base);
    content->setBackgroundRole(QPalette::Base);
    content->setAutoFillBackground(true);

    m_pages->addWidget(scroll);
    m_pages->addWidget(m_empty);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_pages);

    connect(m_chooser, &QComboBox::activated, this, [this] { refresh(); });
    // The keyboard's way to a bar segment: Enter on a band's cell asks for that band, on
    // the team's name or count for all of its components.
    connect(m_teamTable, &QTableView::activated, this, [this](const QModelIndex &index) {
        const int team = m_teams->index(index.row(), 0).data(TeamRole).toInt();
        if (team < 0 || team >= m_summary.teams.size())
            return;
        const int band = index.column() - FirstBandColumn;
        requestTeam(m_summary.teams.at(team),
            band >= 0 && band < int(Bands.size()) ? std::optional(Bands.at(band)) : std::nullopt);
    });
    connect(m_worstTable, &QTableView::activated, this, [this](const QModelIndex &index) {
        const core::EntityRef ref = index.siblingAtColumn(0).data(models::RefRole).value<core::EntityRef>();
        if (!ref.isNull())
            Q_EMIT entityActivated(ref);
    });
    setTabOrder(m_chooser, m_teamTable);
    setTabOrder(m_teamTable, m_worstTable);
}

QString HealthDashboard::describe(const HealthScope &scope)
{
    QString text = scope.withoutOwner ? tr("Without an owner") : tr("Owned by %1").arg(scope.ownerName);
    if (scope.band) {
        text += QStringLiteral(" · ") + core::HealthWords::band(*scope.band);
        if (!scope.scorecardName.isEmpty())
            text += QStringLiteral(" (%1)").arg(scope.scorecardName);
    }
    return text;
}

QString HealthDashboard::teamLabel(const models::HealthSummary::Team &team)
{
    switch (team.state) {
    case models::HealthSummary::OwnerState::Resolved:
        break;
    case models::HealthSummary::OwnerState::NotFound:
        return tr("%1 (not in the catalog)").arg(team.name);
    case models::HealthSummary::OwnerState::None:
        return tr("No owner");
    }
    return team.name;
}

QString HealthDashboard::scorecard() const
{
    return m_chooser->currentData().toString();
}

void HealthDashboard::setScorecard(const QString &id)
{
    const int index = m_chooser->findData(id);
    if (index < 0 || index == m_chooser->currentIndex())
        return;
    m_chooser->setCurrentIndex(index);
    refresh();
}

QChart *HealthDashboard::teamChart() const
{
    return m_teamView->chart();
}

void HealthDashboard::refresh()
{
    m_reading = true;
    const quint64 generation = ++m_generation;
    if (m_summary.components == 0 && m_error.isEmpty())
        m_totals->setText(tr("Reading the catalog's health…")); // the first read, until it arrives
    m_reader.fetch(
        this,
        [scorecard = scorecard()](
            cache::Cache &cache) { return models::HealthSummary::read(cache, scorecard, WorstRows); },
        [this, generation](core::Result<models::HealthSummary> summary) {
            if (generation != m_generation)
                return; // a newer read is on its way (another scorecard, another commit)
            m_reading = false;
            if (!summary) {
                m_error = summary.errorString();
                m_empty->setText(tr("The health of the catalog could not be read: %1").arg(m_error));
                m_pages->setCurrentWidget(m_empty);
            } else {
                m_error.clear();
                show(*summary);
            }
            Q_EMIT refreshed();
        });
}

void HealthDashboard::show(const models::HealthSummary &summary)
{
    m_summary = summary;
    if (m_summary.isEmpty()) {
        m_empty->setText(m_summary.components == 0
                ? tr("The cache holds no components yet. Sync a source that has them, or import catalog files; "
                     "their health shows here.")
                : tr("No scorecard applies to any of the %n components. Scorecards are YAML files: the built-in "
                     "ones apply to components with a kind and lifecycle; add your own to Cairn's scorecards "
                     "folder.",
                    nullptr, m_summary.components));
        m_pages->setCurrentWidget(m_empty);
        return;
    }
    m_pages->setCurrentIndex(0);
    const int scored = m_summary.components - m_summary.withoutHealth;
    m_totals->setText(m_summary.withoutHealth > 0
            ? tr("%1 components with a scorecard; no scorecard applies to %n more.", nullptr, m_summary.withoutHealth)
                  .arg(locale().toString(scored))
            : tr("%n components, each with a scorecard.", nullptr, scored));
    fillChooser();
    showDonuts();
    showTeamChart();
    showTeams();
    showWorst();
}

void HealthDashboard::fillChooser()
{
    const QString current = m_summary.scorecard;
    m_chooser->clear();
    m_chooser->addItem(tr("Each component's worst scorecard"), QString());
    for (const models::HealthSummary::Scorecard &s : std::as_const(m_summary.scorecards)) {
        if (s.total() > 0)
            m_chooser->addItem(s.name, s.id);
    }
    m_chooser->setCurrentIndex(qMax(0, m_chooser->findData(current)));
}

void HealthDashboard::style(QChart *chart) const
{
    // The window's palette, light or dark, rather than a chart theme's fixed colours.
    const QPalette &p = palette();
    chart->setBackgroundVisible(false);
    chart->setPlotAreaBackgroundVisible(false);
    chart->setTitleBrush(p.color(QPalette::Text));
    QFont titleFont = font();
    titleFont.setBold(true);
    chart->setTitleFont(titleFont);
    chart->legend()->setLabelColor(p.color(QPalette::Text));
    chart->legend()->setFont(font());
    chart->setMargins(QMargins(4, 4, 4, 4));
    for (QAbstractAxis *axis : chart->axes()) {
        axis->setLabelsBrush(p.color(QPalette::Text));
        axis->setLabelsFont(font());
        axis->setLinePenColor(p.color(QPalette::Mid));
        axis->setGridLineColor(p.color(QPalette::Midlight));
    }
}

void HealthDashboard::showDonuts()
{
    for (QChartView *view : std::as_const(m_donutViews))
        delete view;
    m_donutViews.clear();
    while (QLayoutItem *item = m_donuts->takeAt(0))
        delete item;
    for (const models::HealthSummary::Scorecard &s : std::as_const(m_summary.scorecards)) {
        if (s.total() == 0)
            continue;
        auto *series = new QPieSeries;
        series->setHoleSize(0.5);
        series->setPieSize(0.85);
        QStringList spoken;
        for (core::HealthBand band : Bands) {
            const int count = s.bands[int(band)];
            spoken.append(QStringLiteral("%1 %2").arg(core::HealthWords::band(band)).arg(count));
            if (count == 0)
                continue;
            QPieSlice *slice = series->append(core::HealthWords::band(band), count);
            slice->setColor(HealthColors::forBand(band));
            slice->setBorderColor(palette().color(QPalette::Base));
            slice->setLabel(QStringLiteral("%1 %2").arg(core::HealthWords::band(band), locale().toString(count)));
        }
        auto *chart = new QChart;
        chart->addSeries(series);
        chart->setTitle(s.name);
        chart->legend()->hide(); // the words under the donut say it, where they are not cut short
        style(chart);
        auto *view = new QChartView(chart);
        view->setObjectName(QStringLiteral("donut-%1").arg(s.id));
        setUpChartView(view, palette());
        view->setMinimumSize(200, 180);
        view->setAccessibleName(tr("%1 by health band").arg(s.name));
        view->setAccessibleDescription(spoken.join(QStringLiteral(", ")));
        auto *card = new QWidget;
        auto *cardLayout = new QVBoxLayout(card);
        cardLayout->setContentsMargins(0, 0, 0, 0);
        cardLayout->setSpacing(2);
        cardLayout->addWidget(view);
        QStringList bandWords;
        for (core::HealthBand band : Bands)
            bandWords.append(QStringLiteral("<span style=\"color:%1\">\u25a0</span>&nbsp;%2&nbsp;%3")
                                 .arg(HealthColors::forBand(band).name(), core::HealthWords::band(band).toHtmlEscaped(),
                                     locale().toString(s.bands[int(band)])));
        QStringList levels;
        for (core::MaturityLevel level : Levels)
            levels.append(
                QStringLiteral("%1&nbsp;%2")
                    .arg(core::HealthWords::level(level).toHtmlEscaped(), locale().toString(s.levels[int(level)])));
        QString facts = bandWords.join(QStringLiteral(" &nbsp; ")) + QStringLiteral("<br>")
            + tr("Levels: %1").arg(levels.join(QStringLiteral(" · ")));
        if (s.atRisk > 0)
            facts += QStringLiteral("<br>")
                + tr("%n at risk through a dependency that fails it", nullptr, s.atRisk).toHtmlEscaped();
        auto *label = new QLabel(facts, card);
        label->setTextFormat(Qt::RichText);
        label->setAlignment(Qt::AlignHCenter | Qt::AlignTop);
        label->setWordWrap(true);
        cardLayout->addWidget(label);
        m_donuts->addWidget(card, 1);
        m_donutViews.append(view);
    }
}

void HealthDashboard::showTeamChart()
{
    m_chartTeams = m_summary.teams.mid(0, ChartTeams);
    // A horizontal chart reads from the bottom: the most failing team goes last, on top.
    QStringList categories;
    std::array<QBarSet *, 3> sets {};
    auto *series = new QHorizontalStackedBarSeries;
    for (core::HealthBand band : Bands) {
        auto *set = new QBarSet(core::HealthWords::band(band));
        set->setColor(HealthColors::forBand(band));
        set->setBorderColor(palette().color(QPalette::Base));
        sets[int(band)] = set;
        series->append(set);
        connect(set, &QBarSet::clicked, this,
            [this, band](int index) { requestTeam(int(m_chartTeams.size()) - 1 - index, band); });
    }
    int most = 1;
    for (qsizetype i = m_chartTeams.size() - 1; i >= 0; --i) {
        const models::HealthSummary::Team &team = m_chartTeams.at(i);
        // The axis cuts long labels short: an owner not in the catalog by its name alone
        // (the table and the tooltip give its whole ref).
        categories.append(team.state == models::HealthSummary::OwnerState::NotFound && !team.owner.isNull()
                ? tr("%1 (not found)").arg(team.owner.name())
                : teamLabel(team));
        for (core::HealthBand band : Bands)
            sets[int(band)]->append(team.bands[int(band)]);
        most = qMax(most, team.total());
    }
    series->setBarWidth(0.7);
    auto *chart = new QChart;
    chart->addSeries(series);
    auto *teams = new QBarCategoryAxis;
    teams->append(categories);
    chart->addAxis(teams, Qt::AlignLeft);
    series->attachAxis(teams);
    const int step = countStep(most);
    auto *counts = new QValueAxis;
    const int top = ((most + step - 1) / step) * step; // rounded up to a whole step
    counts->setRange(0, top);
    counts->setLabelFormat(QStringLiteral("%d"));
    counts->setTickType(QValueAxis::TicksDynamic);
    counts->setTickAnchor(0);
    counts->setTickInterval(step);
    chart->addAxis(counts, Qt::AlignBottom);
    series->attachAxis(counts);
    chart->legend()->setAlignment(Qt::AlignTop);
    style(chart);
    QChart *old = m_teamView->chart();
    m_teamView->setChart(chart);
    delete old;
    m_teamView->setFixedHeight(qMax(220, 90 + int(m_chartTeams.size()) * (fontMetrics().height() + 14)));
    m_teamNote->setText(m_summary.teams.size() > m_chartTeams.size()
            ? tr("The %1 teams with the most failing components of %2; the table lists every team.")
                  .arg(m_chartTeams.size())
                  .arg(m_summary.teams.size())
            : QString());
    m_teamNote->setVisible(!m_teamNote->text().isEmpty());
    QStringList spoken;
    for (const models::HealthSummary::Team &team : std::as_const(m_chartTeams))
        spoken.append(tr("%1: %2 failing, %3 need attention, %4 passing")
                          .arg(teamLabel(team))
                          .arg(team.bands[0])
                          .arg(team.bands[1])
                          .arg(team.bands[2]));
    m_teamView->setAccessibleDescription(spoken.join(QStringLiteral("; ")));
}

void HealthDashboard::showTeams()
{
    const bool levels = !m_summary.scorecard.isEmpty();
    m_teams->clear();
    QStringList headers { tr("Team"), tr("Components") };
    for (core::HealthBand band : Bands)
        headers.append(core::HealthWords::band(band));
    if (levels) {
        for (core::MaturityLevel level : Levels)
            headers.append(core::HealthWords::level(level));
    }
    m_teams->setHorizontalHeaderLabels(headers);
    for (qsizetype i = 0; i < m_summary.teams.size(); ++i) {
        const models::HealthSummary::Team &team = m_summary.teams.at(i);
        auto *name = new QStandardItem(teamLabel(team));
        name->setData(int(i), TeamRole);
        name->setData(QVariant::fromValue(team.owner), models::RefRole);
        if (team.state == models::HealthSummary::OwnerState::NotFound)
            name->setToolTip(tr("No entity in the catalog has this ref"));
        QList<QStandardItem *> row { name, number(team.total()) };
        for (core::HealthBand band : Bands) {
            // The band's colour as a mark beside the number, which keeps the palette's text
            // colour: red text on a dark background would not read.
            QStandardItem *cell = number(team.bands[int(band)]);
            if (team.bands[int(band)] > 0)
                cell->setIcon(bandMark(band, devicePixelRatioF()));
            row.append(cell);
        }
        if (levels) {
            for (core::MaturityLevel level : Levels)
                row.append(number(team.levels[int(level)]));
        }
        m_teams->appendRow(row);
    }
    QHeaderView *header = m_teamTable->horizontalHeader();
    header->setSectionResizeMode(0, QHeaderView::Stretch);
    for (int section = 1; section < m_teams->columnCount(); ++section)
        header->setSectionResizeMode(section, QHeaderView::ResizeToContents);
    fitRows(m_teamTable, 12);
}

void HealthDashboard::showWorst()
{
    m_worst->clear();
    m_worst->setHorizontalHeaderLabels({ tr("Component"), tr("Score"), tr("Scorecard"), tr("Owner"), tr("Fails") });
    m_worst->setHeaderData(1, Qt::Horizontal, QStringLiteral("health"), models::ColumnIdRole);
    for (const models::HealthSummary::Component &c : std::as_const(m_summary.worst)) {
        auto *name = new QStandardItem(c.name);
        name->setData(QVariant::fromValue(c.ref), models::RefRole);
        name->setToolTip(c.ref.toString());
        auto *score = new QStandardItem(tr("%1 %").arg(c.score));
        score->setData(c.score, models::ValueRole);
        score->setToolTip(core::HealthWords::band(c.band));
        score->setData(tr("%1 %, %2").arg(c.score).arg(core::HealthWords::band(c.band)), Qt::AccessibleTextRole);
        auto *fails = new QStandardItem(c.failed.join(QStringLiteral(", ")));
        if (c.atRisk)
            fails->setText(fails->text() + (c.failed.isEmpty() ? QString() : QStringLiteral(" · ")) + tr("at risk"));
        fails->setToolTip(fails->text());
        m_worst->appendRow({ name, score, new QStandardItem(c.scorecardName),
            new QStandardItem(c.ownerName.isEmpty() ? tr("No owner") : c.ownerName), fails });
    }
    QHeaderView *header = m_worstTable->horizontalHeader();
    header->setSectionResizeMode(QHeaderView::ResizeToContents);
    header->setSectionResizeMode(4, QHeaderView::Stretch);
    fitRows(m_worstTable, WorstRows);
}

void HealthDashboard::requestTeam(int chartIndex, std::optional<core::HealthBand> band)
{
    if (chartIndex >= 0 && chartIndex < m_chartTeams.size())
        requestTeam(m_chartTeams.at(chartIndex), band);
}

void HealthDashboard::requestTeam(const models::HealthSummary::Team &team, std::optional<core::HealthBand> band)
{
    HealthScope scope;
    scope.owner = team.owner;
    scope.withoutOwner = team.state == models::HealthSummary::OwnerState::None;
    scope.ownerName = team.name; // the chip says "Without an owner" for none
    scope.band = band;
    scope.scorecard = m_summary.scorecard;
    for (const models::HealthSummary::Scorecard &s : std::as_const(m_summary.scorecards)) {
        if (s.id == scope.scorecard)
            scope.scorecardName = s.name;
    }
    Q_EMIT scopeRequested(scope);
}

bool HealthDashboard::eventFilter(QObject *watched, QEvent *event)
{
    // A click on a team's name, left of the bars: all of that team's components.
    if (watched == m_teamView->viewport() && event->type() == QEvent::MouseButtonRelease) {
        const auto *mouse = static_cast<QMouseEvent *>(event);
        QChart *chart = m_teamView->chart();
        const QPointF scene = m_teamView->mapToScene(mouse->position().toPoint());
        const QPointF inChart = chart->mapFromScene(scene);
        const QRectF plot = chart->plotArea();
        if (mouse->button() == Qt::LeftButton && !chart->series().isEmpty() && inChart.x() < plot.left()
            && inChart.y() >= plot.top() && inChart.y() <= plot.bottom()) {
            const QPointF value = chart->mapToValue(QPointF(plot.left(), inChart.y()), chart->series().constFirst());
            const int category = qRound(value.y());
            requestTeam(int(m_chartTeams.size()) - 1 - category, std::nullopt);
            return true;
        }
    }
    return QWidget::eventFilter(watched, event);
}

void HealthDashboard::changeEvent(QEvent *event)
{
    QWidget::changeEvent(event);
    // The charts take their colours from the palette when they are made.
    if (event->type() == QEvent::PaletteChange) {
        setUpChartView(m_teamView, palette());
        if (!m_summary.isEmpty())
            show(m_summary);
    }
}

} // namespace cairn::ui
