// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/Answer.h"
#include "core/AskEngine.h"
#include "core/Clock.h"

#include <QCoreApplication>
#include <QDate>
#include <QLocale>
#include <QPalette>
#include <QString>
#include <QUrl>

#include <optional>

namespace cairn::ui {

// Renders an answer as the HTML subset QTextBrowser shows: the four sections What / Why /
// Who / How, every entity a link that navigates inside Cairn (cairn:<ref>), web links and
// e-mail addresses as they are (opened by the system), descriptions from their Markdown.
// Colours come from the palette, so light and dark themes both read well.
class AnswerHtml final
{
    Q_DECLARE_TR_FUNCTIONS(cairn::ui::AnswerHtml)

public:
    explicit AnswerHtml(const QPalette &palette, const QLocale &locale = {}, QDate today = core::clock::today());

    QString render(const core::Answer &answer) const;
    // The headline of a question's answer, then the answer itself (or its list of items).
    QString render(const core::AskResult &result) const;
    // A short page for a ref that names nothing (a dangling owner, a purged entity).
    QString renderMissing(const core::EntityRef &ref) const;

    // The link an entity gets in every rendered page, and back.
    static QUrl entityUrl(const core::EntityRef &ref);
    static std::optional<core::EntityRef> refFromUrl(const QUrl &url);

    // Pieces other pages reuse, so the overview and the detail pane look alike.
    // The entity's name as a link, with its status badge, e-mail and tombstone unless `bare`.
    QString link(const core::EntitySummary &summary, bool bare = false) const;
    QString style() const;
    QString badge(const QString &status) const;
    // A bar and the percentage; unless `brief`, how the figure was obtained too.
    QString progress(const core::GoalRollup &rollup, bool brief = false) const;
    QString date(const QDate &date) const;
    // "target moved 3 times, +45 days"
    QString slips(const core::TimelineSummary &timeline) const;

private:
    QString header(const core::Answer &answer) const;
    QString what(const core::Answer &answer) const;
    QString why(const core::WhySection &why) const;
    QString who(const core::WhoSection &who, const QString &kind) const;
    QString how(const core::Answer &answer) const;
    // Each scorecard: band, score, level, every criterion with its evidence, the risk path.
    QString health(const QList<core::ScorecardResult> &scorecards) const;
    QString timeline(const core::TimelineSummary &timeline, const QList<core::StatusUpdate> &latest) const;
    QString list(const QString &label, const QList<core::EntitySummary> &items, int total = -1) const;
    QString field(const QString &label, const QString &valueHtml) const;

    QPalette m_palette;
    QLocale m_locale;
    QDate m_today;
};

} // namespace cairn::ui
