// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/AnswerHtml.h"

#include "core/HealthWords.h"
#include "core/LinkClassifier.h"
#include "core/Words.h"
#include "ui/HealthColors.h"
#include "ui/KindNames.h"

#include <QJsonDocument>
#include <QTextDocument>

namespace cairn::ui {

namespace {

// An entity known only by a line of a list (a search hit, a sync run's change), as link() takes it.
core::EntitySummary linkable(const core::EntityRef &ref, const QString &kind, const QString &title, bool removed)
{
    core::EntitySummary summary;
    summary.ref = ref;
    summary.kind = kind;
    summary.title = title;
    summary.resolved = true;
    summary.removed = removed;
    return summary;
}

QString esc(const QString &text)
{
    return text.toHtmlEscaped();
}

QString colorName(const QColor &color)
{
    return color.name(QColor::HexRgb);
}

// The colour a status or lifecycle reads as, whatever the theme: green is fine, amber
// needs a look, red is in trouble, grey is not moving.
// Statuses take the health bands' colours: good, watch, bad.
QColor statusColor(const QString &status)
{
    const QString s = status.toLower();
    if (s == u"on-track" || s == u"production" || s == u"done")
        return HealthColors::forBand(core::HealthBand::Passing);
    if (s == u"at-risk" || s == u"experimental")
        return HealthColors::forBand(core::HealthBand::NeedsAttention);
    if (s == u"off-track" || s == u"deprecated")
        return HealthColors::forBand(core::HealthBand::Failing);
    return HealthColors::none();
}

// A link's text for a URL that is not a web address (techdocs-ref "dir:.").
// Markdown as written upstream, as an HTML fragment to embed. Raw HTML in it is shown as
// text, never taken as markup (a catalog file must not plant links or images). Only the
// body is kept: a whole document inside ours would end ours.
QString markdownHtml(const QString &markdown)
{
    QTextDocument document;
    document.setMarkdown(markdown,
        QTextDocument::MarkdownFeatures(QTextDocument::MarkdownDialectGitHub | QTextDocument::MarkdownNoHTML));
    const QString html = document.toHtml();
    const qsizetype bodyTag = html.indexOf(u"<body");
    const qsizetype start = bodyTag < 0 ? -1 : html.indexOf(u'>', bodyTag);
    const qsizetype end = html.lastIndexOf(u"</body>");
    if (start < 0 || end < start)
        return esc(markdown);
    return html.mid(start + 1, end - start - 1);
}

QString mailtoLink(const QString &email)
{
    return QStringLiteral("<a href=\"mailto:%1\">%2</a>")
        .arg(esc(QString::fromLatin1(QUrl::toPercentEncoding(email, "@+"))), esc(email));
}

bool isWebOrMail(const QUrl &url)
{
    return url.isValid()
        && (url.scheme() == u"http" || url.scheme() == u"https" || url.scheme() == u"mailto" || url.scheme() == u"ftp");
}

} // namespace

AnswerHtml::AnswerHtml(const QPalette &palette, const QLocale &locale, QDate today)
    : m_palette(palette)
    , m_locale(locale)
    , m_today(today)
{ }

QUrl AnswerHtml::entityUrl(const core::EntityRef &ref)
{
    QUrl url;
    url.setScheme(QStringLiteral("cairn"));
    url.setPath(ref.toString());
    return url;
}

std::optional<core::EntityRef> AnswerHtml::refFromUrl(const QUrl &url)
{
    if (url.scheme() != u"cairn")
        return std::nullopt;
    core::Result<core::EntityRef> ref = core::EntityRef::parse(url.path());
    if (!ref)
        return std::nullopt;
    return ref.value();
}

QString AnswerHtml::style() const
{
    const QColor text = m_palette.color(QPalette::Text);
    const QColor mid = m_palette.color(QPalette::PlaceholderText);
    const QColor link = m_palette.color(QPalette::Link);
    const QColor rule = m_palette.color(QPalette::Mid);
    return QStringLiteral("<style>"
                          "body { color: %1; }"
                          "a { color: %2; text-decoration: none; }"
                          "h1 { font-size: x-large; margin-bottom: 2px; }"
                          "h2 { font-size: small; font-weight: bold; color: %3; margin-top: 14px; margin-bottom: 4px; "
                          "letter-spacing: 1px; border-bottom: 1px solid %4; }"
                          ".muted { color: %3; }"
                          ".ref { color: %3; font-family: monospace; }"
                          ".warn { color: #c0392b; font-weight: bold; }"
                          "td.label { color: %3; padding-right: 12px; }"
                          "td { padding-bottom: 2px; vertical-align: top; }"
                          "</style>")
        .arg(colorName(text), colorName(link), colorName(mid), colorName(rule));
}

QString AnswerHtml::slips(const core::TimelineSummary &t) const
{
    const QString days
        = t.slipDays >= 0 ? QStringLiteral("+%1").arg(m_locale.toString(t.slipDays)) : m_locale.toString(t.slipDays);
    return t.targetMoves == 1 ? tr("target moved once, %1 days").arg(days)
                              : tr("target moved %1 times, %2 days").arg(m_locale.toString(t.targetMoves), days);
}

QString AnswerHtml::date(const QDate &value) const
{
    return value.isValid() ? m_locale.toString(value, QLocale::ShortFormat) : QString();
}

QString AnswerHtml::badge(const QString &status) const
{
    if (status.isEmpty())
        return {};
    return QStringLiteral("<span style=\"color: %1; font-weight: bold;\">\u25CF %2</span>")
        .arg(colorName(statusColor(status)), esc(core::Words::status(status)));
}

QString AnswerHtml::link(const core::EntitySummary &summary, bool bare) const
{
    const QString title = summary.title.isEmpty() ? summary.ref.name() : summary.title;
    if (!summary.resolved) {
        return QStringLiteral("<a href=\"%1\">%2</a> <span class=\"warn\">%3</span>")
            .arg(esc(entityUrl(summary.ref).toString()), esc(summary.ref.toString()), esc(tr("(not in the catalog)")));
    }
    QString out = QStringLiteral("<a href=\"%1\" title=\"%2\">%3</a>")
                      .arg(esc(entityUrl(summary.ref).toString()), esc(summary.ref.toString()), esc(title));
    if (bare)
        return out;
    if (!summary.status.isEmpty())
        out += u' ' + badge(summary.status);
    if (!summary.email.isEmpty())
        out += u' ' + mailtoLink(summary.email);
    if (summary.removed)
        out += QStringLiteral(" <span class=\"warn\">%1</span>").arg(esc(tr("(removed upstream)")));
    return out;
}

QString AnswerHtml::field(const QString &label, const QString &valueHtml) const
{
    if (valueHtml.isEmpty())
        return {};
    return QStringLiteral("<tr><td class=\"label\">%1</td><td>%2</td></tr>").arg(esc(label), valueHtml);
}

QString AnswerHtml::list(const QString &label, const QList<core::EntitySummary> &items, int total) const
{
    if (items.isEmpty())
        return {};
    QStringList links;
    for (const core::EntitySummary &item : items)
        links.append(link(item));
    QString value = links.join(QStringLiteral("<br>"));
    const qsizetype count = total >= 0 ? total : items.size();
    if (count > items.size())
        value += QStringLiteral("<br><span class=\"muted\">%1</span>")
                     .arg(esc(tr("… and %1 more").arg(m_locale.toString(count - items.size()))));
    return field(QStringLiteral("%1 (%2)").arg(label, m_locale.toString(count)), value);
}

QString AnswerHtml::header(const core::Answer &answer) const
{
    const core::EntitySummary &e = answer.entity;
    QStringList facts;
    facts.append(esc(KindNames::singular(e.kind)));
    if (!e.type.isEmpty())
        facts.append(esc(e.type));
    QString out = QStringLiteral("<h1>%1</h1><p>%2 %3<br><span class=\"ref\">%4</span>")
                      .arg(esc(e.title), facts.join(QStringLiteral(" · ")), badge(e.status), esc(e.ref.toString()));
    if (!answer.source.isEmpty())
        out += QStringLiteral(" <span class=\"muted\">%1</span>").arg(esc(tr("from %1").arg(answer.source)));
    if (!e.email.isEmpty())
        out += QStringLiteral("<br>") + mailtoLink(e.email);
    out += QStringLiteral("</p>");
    if (answer.removedAt.isValid()) {
        out += QStringLiteral("<p class=\"warn\">%1</p>")
                   .arg(esc(tr("Removed upstream on %1. Cairn keeps this copy; it is no longer in its source.")
                                .arg(m_locale.toString(answer.removedAt.toLocalTime(), QLocale::ShortFormat))));
    }
    return out;
}

QString AnswerHtml::what(const core::Answer &answer) const
{
    const core::WhatSection &w = answer.what;
    QString out = QStringLiteral("<h2>%1</h2>").arg(esc(tr("WHAT")));
    if (!w.description.isEmpty()) {
        out += markdownHtml(w.description);
    } else {
        out += QStringLiteral("<p class=\"muted\">%1</p>").arg(esc(tr("No description.")));
    }
    QString rows;
    rows += field(tr("Lifecycle"), badge(w.lifecycle));
    if (w.status != w.lifecycle)
        rows += field(tr("Status"), badge(w.status));
    if (w.system)
        rows += field(tr("System"), link(*w.system));
    if (w.domain)
        rows += field(tr("Domain"), link(*w.domain));
    rows += field(tr("Tier"), esc(w.tier));
    rows += field(tr("Tags"), esc(w.tags.join(QStringLiteral(", "))));
    rows += field(tr("Started"), esc(date(w.startDate)));
    rows += field(tr("Target date"), esc(date(w.targetDate)));
    if (!rows.isEmpty())
        out += QStringLiteral("<table>%1</table>").arg(rows);
    if (!w.knownKind && !w.rawSpec.isEmpty()) {
        out += QStringLiteral("<p class=\"muted\">%1</p><pre>%2</pre>")
                   .arg(esc(tr("Cairn gives no meaning to this kind; its spec as written:")),
                       esc(QString::fromUtf8(QJsonDocument(w.rawSpec).toJson(QJsonDocument::Indented))));
    }
    return out;
}

QString AnswerHtml::why(const core::WhySection &w) const
{
    QString out = QStringLiteral("<h2>%1</h2>").arg(esc(tr("WHY")));
    QString rows;
    for (const core::GoalChain &chain : w.goals) {
        QStringList steps { link(chain.goal) };
        for (const core::EntitySummary &ancestor : chain.ancestors)
            steps.append(link(ancestor));
        QString value = steps.join(QStringLiteral(" → "));
        if (!chain.cycle.isEmpty())
            value += QStringLiteral(" <span class=\"warn\">%1</span>").arg(esc(tr("(the goals loop)")));
        rows += field(tr("Serves"), value);
    }
    rows += list(tr("Projects"), w.projects);
    rows += list(tr("Sub-goals"), w.subGoals);
    if (!rows.isEmpty())
        out += QStringLiteral("<table>%1</table>").arg(rows);
    if (!w.purpose.isEmpty())
        out += markdownHtml(w.purpose);
    if (!w.nothingExplains.isEmpty())
        out += QStringLiteral("<p class=\"muted\">%1</p>").arg(esc(w.nothingExplains));
    for (const QString &problem : w.problems)
        out += QStringLiteral("<p class=\"warn\">%1</p>").arg(esc(problem));
    return out;
}

QString AnswerHtml::who(const core::WhoSection &w, const QString &kind) const
{
    // People and teams are not owned; saying "none declared" for them would read as a gap.
    const bool kindHasOwner
        = kind.compare(u"user", Qt::CaseInsensitive) != 0 && kind.compare(u"group", Qt::CaseInsensitive) != 0;
    QString out = QStringLiteral("<h2>%1</h2>").arg(esc(tr("WHO")));
    QString rows;
    if (w.owner) {
        QString owner = link(w.owner->entity);
        if (!w.owner->note.isEmpty())
            owner += QStringLiteral("<br><span class=\"muted\">%1</span>").arg(esc(w.owner->note));
        rows += field(tr("Owner"), owner);
        rows += list(tr("Owner's people"), w.owner->members);
        rows += list(tr("Owner's teams"), w.owner->teams);
    } else if (kindHasOwner) {
        rows += field(tr("Owner"), QStringLiteral("<span class=\"muted\">%1</span>").arg(esc(tr("none declared"))));
    }
    if (w.team)
        rows += field(tr("Team"), link(*w.team));
    rows += list(tr("Contributors"), w.contributors);
    if (w.parent)
        rows += field(tr("Parent team"), link(*w.parent));
    rows += list(tr("Sub-teams"), w.children);
    rows += list(tr("Members"), w.members);
    rows += list(tr("Teams"), w.groups);
    rows += list(tr("Owns"), w.owns, w.ownsCount);
    if (!w.dependents.isEmpty()) {
        QList<core::EntitySummary> dependents;
        for (const core::Dependent &d : w.dependents)
            dependents.append(d.entity);
        rows += list(tr("Depended on by"), dependents, w.dependentCount);
    }
    out += QStringLiteral("<table>%1</table>").arg(rows);
    return out;
}

QString AnswerHtml::progress(const core::GoalRollup &rollup, bool brief) const
{
    if (!rollup.fraction)
        return QStringLiteral("<span class=\"muted\">%1</span>").arg(esc(tr("unknown")));
    const int percent = qRound(*rollup.fraction * 100);
    // A bar of block characters: it flows with the text, in the palette's colours, at any scale.
    const int segments = brief ? 12 : 20;
    const int done = qBound(0, qRound(*rollup.fraction * segments), segments);
    const QString bar
        = QStringLiteral("<span style=\"color: %1;\">%2</span><span style=\"color: %3;\">%4</span>")
              .arg(colorName(m_palette.color(QPalette::Highlight)), QString(done, QChar(0x2588)),
                  colorName(m_palette.color(QPalette::Midlight)), QString(segments - done, QChar(0x2588)));
    QString basis;
    switch (brief ? core::ProgressBasis::None : rollup.basis) {
    case core::ProgressBasis::Measured:
        basis = tr("measured: %1 of %2 %3")
                    .arg(m_locale.toString(rollup.current), m_locale.toString(rollup.target), rollup.unit)
                    .trimmed();
        break;
    case core::ProgressBasis::Score:
        basis = tr("scored");
        break;
    case core::ProgressBasis::Status:
        basis = tr("done");
        break;
    case core::ProgressBasis::Rollup:
        basis = tr("rolled up from %1 sub-goals and projects").arg(rollup.inputs);
        break;
    case core::ProgressBasis::None:
        break;
    }
    return QStringLiteral("%1 %2 <span class=\"muted\">%3</span>")
        .arg(bar, esc(tr("%1 %", "a percentage").arg(m_locale.toString(percent))), esc(basis));
}

QString AnswerHtml::timeline(const core::TimelineSummary &t, const QList<core::StatusUpdate> &latest) const
{
    QString rows;
    rows += field(tr("Status"), badge(t.status));
    rows += field(tr("Target date"), esc(date(t.currentTarget)));
    if (t.targetMoves > 0) {
        rows += field(tr("Slips"),
            QStringLiteral("<span class=\"warn\">%1</span> <span class=\"muted\">%2</span>")
                .arg(esc(slips(t)), esc(tr("first target %1").arg(date(t.firstTarget)))));
    }
    if (t.lastUpdate.isValid()) {
        const QString ago = t.daysSinceUpdate == 0 ? tr("today")
            : t.daysSinceUpdate == 1               ? tr("yesterday")
                                                   : tr("%1 days ago").arg(m_locale.toString(t.daysSinceUpdate));
        rows += field(tr("Last update"), esc(QStringLiteral("%1 (%2)").arg(date(t.lastUpdate), ago)));
    }
    if (t.stale)
        rows += field(tr("Stale"), QStringLiteral("<span class=\"warn\">%1</span>").arg(esc(t.staleText())));
    QString out = QStringLiteral("<table>%1</table>").arg(rows);
    if (!t.statusChanges.isEmpty()) {
        QString history;
        for (const core::StatusChange &change : t.statusChanges) {
            history += QStringLiteral("<tr><td class=\"label\">%1</td><td>%2%3</td></tr>")
                           .arg(esc(date(change.date)),
                               change.from.isEmpty() ? QString() : badge(change.from) + QStringLiteral(" → "),
                               badge(change.to));
        }
        out += QStringLiteral("<p class=\"muted\">%1</p><table>%2</table>").arg(esc(tr("Status history")), history);
    }
    if (!latest.isEmpty()) {
        QString updates;
        for (const core::StatusUpdate &u : latest) {
            QString meta = date(u.date);
            if (!u.status.isEmpty())
                meta += u' ' + badge(u.status);
            QString author;
            if (!u.author.isNull())
                author = QStringLiteral(" — <a href=\"%1\">%2</a>")
                             .arg(esc(entityUrl(u.author).toString()), esc(u.author.name()));
            updates += QStringLiteral("<p>%1%2<br>%3</p>").arg(meta, author, esc(u.text));
        }
        out += QStringLiteral("<p class=\"muted\">%1</p>%2").arg(esc(tr("Latest updates")), updates);
    }
    return out;
}

QString AnswerHtml::health(const QList<core::ScorecardResult> &scorecards) const
{
    QString out;
    for (const core::ScorecardResult &r : scorecards) {
        out += QStringLiteral(
            "<p><b>%1</b> <span style=\"color: %2; font-weight: bold;\">\u25CF %3</span> %4 \u00b7 %5</p>")
                   .arg(esc(r.scorecardName), colorName(HealthColors::forBand(r.band)),
                       esc(core::HealthWords::band(r.band)),
                       esc(tr("%1 %", "a percentage").arg(m_locale.toString(r.score))),
                       esc(tr("level %1").arg(core::HealthWords::level(r.level))));
        QString rows;
        for (const core::CriterionResult &c : r.criteria) {
            const QColor mark = HealthColors::forBand(c.passed ? core::HealthBand::Passing : core::HealthBand::Failing);
            rows += QStringLiteral(
                "<tr><td style=\"color: %1;\">%2</td><td>%3<br><span class=\"muted\">%4</span></td></tr>")
                        .arg(colorName(mark), c.passed ? QStringLiteral("\u2713") : QStringLiteral("\u2717"),
                            esc(c.criterionName), esc(core::HealthWords::evidence(c.evidence)));
        }
        out += QStringLiteral("<table>%1</table>").arg(rows);
        if (r.riskPath.size() >= 2) {
            QStringList steps;
            for (const QString &key : r.riskPath.mid(1)) {
                const core::Result<core::EntityRef> ref = core::EntityRef::parse(key);
                steps.append(ref
                        ? QStringLiteral("<a href=\"%1\">%2</a>").arg(esc(entityUrl(*ref).toString()), esc(ref->name()))
                        : esc(key));
            }
            out += QStringLiteral("<p class=\"warn\">\u26a0 %1 %2</p>")
                       .arg(esc(tr("At risk through a failing dependency:")), steps.join(QStringLiteral(" \u2192 ")));
        }
    }
    return out;
}

QString AnswerHtml::how(const core::Answer &answer) const
{
    const core::HowSection &h = answer.how;
    QString out = QStringLiteral("<h2>%1</h2>").arg(esc(tr("HOW")));
    out += health(h.scorecards);
    if (h.timeline)
        out += timeline(*h.timeline, h.latestUpdates);
    QString rows;
    if (h.progress)
        rows += field(tr("Progress"), progress(*h.progress));
    for (const core::LinkGroup &group : h.links) {
        QStringList links;
        for (const core::ClassifiedLink &l : group.links) {
            const QUrl url(l.url);
            const QString text = esc(l.title.isEmpty() ? l.url : l.title);
            links.append(isWebOrMail(url) ? QStringLiteral("<a href=\"%1\" title=\"%1\">%2</a>").arg(esc(l.url), text)
                                          : QStringLiteral("%1 <span class=\"ref\">%2</span>").arg(text, esc(l.url)));
        }
        rows += field(core::LinkClassifier::categoryTitle(group.category), links.join(QStringLiteral("<br>")));
    }
    rows += list(tr("Depends on"), h.dependsOn);
    rows += list(tr("Provides APIs"), h.providesApis);
    rows += list(tr("Consumes APIs"), h.consumesApis);
    rows += list(tr("Provided by"), h.providers);
    if (!rows.isEmpty())
        out += QStringLiteral("<table>%1</table>").arg(rows);
    else if (!h.timeline && !h.health)
        out += QStringLiteral("<p class=\"muted\">%1</p>").arg(esc(tr("No links, dependencies or updates.")));
    return out;
}

QString AnswerHtml::render(const core::Answer &answer) const
{
    return QStringLiteral("<html><head>%1</head><body>%2%3%4%5%6</body></html>")
        .arg(style(), header(answer), what(answer), why(answer.why), who(answer.who, answer.entity.kind), how(answer));
}

QString AnswerHtml::render(const core::AskResult &result) const
{
    QString body = QStringLiteral("<p><b>%1</b></p>").arg(esc(result.headline));
    if (!result.matchNote.isEmpty())
        body += QStringLiteral("<p class=\"muted\">%1</p>").arg(esc(result.matchNote));
    QStringList items;
    for (const core::EntitySummary &item : result.items)
        items.append(QStringLiteral("<li>%1</li>").arg(link(item)));
    // An answer that is a list ("what does Hélène work on") shows the list above the
    // entity's four answers.
    if (result.outcome == core::AskOutcome::Answer && result.answer) {
        if (!items.isEmpty())
            body += QStringLiteral("<ul>%1</ul>").arg(items.join(QString()));
        return render(*result.answer).replace(QStringLiteral("<body>"), QStringLiteral("<body>") + body);
    }
    for (const core::CatalogChange &change : result.changes) {
        const core::EntitySummary summary
            = linkable(change.ref, change.ref.kind(), change.title, change.change == u"removed");
        QString word = core::Words::change(change.change);
        word.front() = word.front().toUpper(); // it starts the line
        items.append(QStringLiteral("<li>%1 %2 <span class=\"muted\">%3, %4</span></li>")
                         .arg(esc(word), link(summary), esc(core::Words::dateTime(change.at.toLocalTime())),
                             esc(change.source)));
    }
    for (const core::NameCandidate &candidate : result.candidates)
        items.append(QStringLiteral("<li>%1</li>").arg(link(core::AnswerEngine::summaryOf(candidate.record))));
    for (const core::SearchHit &hit : result.hits) {
        const core::EntitySummary summary = linkable(hit.ref, hit.kind, hit.title, hit.removed);
        items.append(QStringLiteral("<li>%1 <span class=\"muted\">%2</span></li>").arg(link(summary), esc(hit.kind)));
    }
    if (!items.isEmpty())
        body += QStringLiteral("<ul>%1</ul>").arg(items.join(QString()));
    return QStringLiteral("<html><head>%1</head><body>%2</body></html>").arg(style(), body);
}

QString AnswerHtml::renderMissing(const core::EntityRef &ref) const
{
    return QStringLiteral("<html><head>%1</head><body><h1>%2</h1><p class=\"ref\">%3</p><p>%4</p></body></html>")
        .arg(style(), esc(ref.name()), esc(ref.toString()),
            esc(tr("Nothing in the cache has this reference. Another entity names it (as an owner, a dependency, "
                   "a member), but its source never delivered it, or it was purged.")));
}

} // namespace cairn::ui
