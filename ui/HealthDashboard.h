// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/EntityRef.h"
#include "core/HealthResult.h"
#include "models/HealthSummary.h"

#include <QWidget>

#include <optional>

class QChart;
class QChartView;
class QComboBox;
class QHBoxLayout;
class QLabel;
class QStackedWidget;
class QStandardItemModel;
class QTableView;

namespace cairn::models {
class BackgroundReader;
}

namespace cairn::ui {

// What a click on the dashboard asks the components table to show: one owner's
// components (or those with none), in one band or in any.
struct HealthScope
{
    core::EntityRef owner; // null with withoutOwner
    bool withoutOwner = false;
    QString ownerName; // as the dashboard shows it
    std::optional<core::HealthBand> band;
    QString scorecard; // id; empty: each component's worst scorecard
    QString scorecardName;
};

// The health dashboard (View ▸ Health, the sidebar's Health): one donut per scorecard by
// band with its levels, the components of each owning team stacked by band (bars, and a
// table with every team), and the worst components. The numbers are a
// models::HealthSummary, read on the window's reader thread; `refresh()` reads them again
// (the window calls it after a commit while the page shows).
//
// A bar segment asks for that team's components in that band, a team's name on the axis or
// its row in the table (Enter) for all of them (`scopeRequested`); a worst component opens
// it (`entityActivated`).
class HealthDashboard final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(HealthDashboard)

public:
    // The teams the bar chart shows, the most failing first; the table lists them all.
    static constexpr int ChartTeams = 12;
    static constexpr int WorstRows = 20;

    HealthDashboard(models::BackgroundReader &reader, QWidget *parent = nullptr);

    // "owned by Payments, failing (Operational health)": what the table shows of a scope.
    static QString describe(const HealthScope &scope);
    // A team as the chart and the table name it: an owner not in the catalog says so, and
    // components with no owner are "No owner".
    static QString teamLabel(const models::HealthSummary::Team &team);

    void refresh();
    bool isReading() const { return m_reading; }
    const models::HealthSummary &summary() const { return m_summary; }
    // The scorecard the teams and worst components are of; empty: each component's worst.
    QString scorecard() const;
    void setScorecard(const QString &id);

    QComboBox *scorecardChooser() const { return m_chooser; }
    QChartView *teamChartView() const { return m_teamView; }
    QChart *teamChart() const;
    QList<QChartView *> donutViews() const { return m_donutViews; }
    QTableView *teamTable() const { return m_teamTable; }
    QTableView *worstTable() const { return m_worstTable; }
    // The teams the bar chart shows, from the top bar down.
    const QList<models::HealthSummary::Team> &chartTeams() const { return m_chartTeams; }

Q_SIGNALS:
    void scopeRequested(const cairn::ui::HealthScope &scope);
    void entityActivated(const cairn::core::EntityRef &ref);
    // The page shows what the last refresh read.
    void refreshed();

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    void show(const models::HealthSummary &summary);
    void showDonuts();
    void showTeamChart();
    void showTeams();
    void showWorst();
    void fillChooser();
    void requestTeam(int chartIndex, std::optional<core::HealthBand> band);
    void requestTeam(const models::HealthSummary::Team &team, std::optional<core::HealthBand> band);
    void style(QChart *chart) const;

    models::BackgroundReader &m_reader;
    models::HealthSummary m_summary;
    QList<models::HealthSummary::Team> m_chartTeams;
    bool m_reading = false;
    quint64 m_generation = 0;
    QString m_error;

    QStackedWidget *m_pages;
    QLabel *m_empty;
    QLabel *m_totals;
    QComboBox *m_chooser;
    QHBoxLayout *m_donuts;
    QList<QChartView *> m_donutViews;
    QLabel *m_teamNote;
    QChartView *m_teamView;
    QStandardItemModel *m_teams;
    QTableView *m_teamTable;
    QStandardItemModel *m_worst;
    QTableView *m_worstTable;
};

} // namespace cairn::ui

Q_DECLARE_METATYPE(cairn::ui::HealthScope)
