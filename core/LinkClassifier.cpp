// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/LinkClassifier.h"

#include <QSet>
#include <QUrl>

#include <array>
#include <optional>
#include <utility>

namespace cairn::core {

namespace {

using Word = std::pair<QStringView, LinkCategory>;

std::optional<LinkCategory> byKeyword(const QString &text, const Word *begin, const Word *end)
{
    const QString lower = text.toLower();
    for (const Word *w = begin; w != end; ++w) {
        if (lower.contains(w->first))
            return w->second;
    }
    return std::nullopt;
}

// Types and icons are single words; matched exactly.
std::optional<LinkCategory> byTypeOrIcon(const QString &text)
{
    static constexpr std::array<Word, 26> words = { {
        { u"repository", LinkCategory::Repository },
        { u"repo", LinkCategory::Repository },
        { u"source", LinkCategory::Repository },
        { u"github", LinkCategory::Repository },
        { u"gitlab", LinkCategory::Repository },
        { u"code", LinkCategory::Repository },
        { u"docs", LinkCategory::Documentation },
        { u"documentation", LinkCategory::Documentation },
        { u"techdocs", LinkCategory::Documentation },
        { u"help", LinkCategory::Documentation },
        { u"doc", LinkCategory::Documentation },
        { u"runbook", LinkCategory::Runbook },
        { u"playbook", LinkCategory::Runbook },
        { u"dashboard", LinkCategory::Dashboard },
        { u"metrics", LinkCategory::Dashboard },
        { u"grafana", LinkCategory::Dashboard },
        { u"on-call", LinkCategory::OnCall },
        { u"oncall", LinkCategory::OnCall },
        { u"alert", LinkCategory::OnCall },
        { u"pagerduty", LinkCategory::OnCall },
        { u"opsgenie", LinkCategory::OnCall },
        { u"chat", LinkCategory::Chat },
        { u"slack", LinkCategory::Chat },
        { u"discord", LinkCategory::Chat },
        { u"teams", LinkCategory::Chat },
        { u"email", LinkCategory::Chat },
    } };
    const QString lower = text.trimmed().toLower();
    if (lower.isEmpty())
        return std::nullopt;
    for (const Word &w : words) {
        if (lower == w.first)
            return w.second;
    }
    return std::nullopt;
}

std::optional<LinkCategory> byTitle(const QString &title)
{
    // Runbook before docs: "Runbook (Confluence docs)" is a runbook.
    static constexpr std::array<Word, 17> words = { {
        { u"runbook", LinkCategory::Runbook },
        { u"playbook", LinkCategory::Runbook },
        { u"on-call", LinkCategory::OnCall },
        { u"oncall", LinkCategory::OnCall },
        { u"pagerduty", LinkCategory::OnCall },
        { u"alert", LinkCategory::OnCall },
        { u"dashboard", LinkCategory::Dashboard },
        { u"grafana", LinkCategory::Dashboard },
        { u"metrics", LinkCategory::Dashboard },
        { u"slack", LinkCategory::Chat },
        { u"chat", LinkCategory::Chat },
        { u"channel", LinkCategory::Chat },
        { u"repo", LinkCategory::Repository },
        { u"source", LinkCategory::Repository },
        { u"doc", LinkCategory::Documentation },
        { u"wiki", LinkCategory::Documentation },
        { u"readme", LinkCategory::Documentation },
    } };
    return byKeyword(title, words.data(), words.data() + words.size());
}

std::optional<LinkCategory> byHost(const QString &url)
{
    static constexpr std::array<Word, 12> hosts = { {
        { u"github.com", LinkCategory::Repository },
        { u"gitlab", LinkCategory::Repository },
        { u"bitbucket", LinkCategory::Repository },
        { u"slack.com", LinkCategory::Chat },
        { u"teams.microsoft.com", LinkCategory::Chat },
        { u"pagerduty.com", LinkCategory::OnCall },
        { u"opsgenie", LinkCategory::OnCall },
        { u"grafana", LinkCategory::Dashboard },
        { u"datadoghq", LinkCategory::Dashboard },
        { u"readthedocs", LinkCategory::Documentation },
        { u"confluence", LinkCategory::Documentation },
        { u"notion.so", LinkCategory::Documentation },
    } };
    const QString host = QUrl(url).host();
    return byKeyword(host, hosts.data(), hosts.data() + hosts.size());
}

QString stripLocationPrefix(const QString &value)
{
    // Backstage location annotations read "url:https://..." or "dir:.".
    if (value.startsWith(u"url:"))
        return value.mid(4);
    return value;
}

} // namespace

LinkCategory LinkClassifier::classify(const EntityLink &link)
{
    if (auto c = byTypeOrIcon(link.type))
        return *c;
    if (auto c = byTypeOrIcon(link.icon))
        return *c;
    if (auto c = byTitle(link.title))
        return *c;
    if (auto c = byHost(link.url))
        return *c;
    return LinkCategory::Other;
}

QList<LinkGroup> LinkClassifier::group(const Entity &entity)
{
    return group(HealthSubject::of(entity));
}

QList<LinkGroup> LinkClassifier::group(const HealthSubject &entity)
{
    QList<std::pair<LinkCategory, ClassifiedLink>> all;
    for (const EntityLink &link : entity.links)
        all.append({ classify(link), ClassifiedLink { link.url, link.title, QStringLiteral("link") } });

    // The title is made only for an annotation that is there: a health recompute groups the
    // links of every component, and most have none of these.
    const auto annotation = [&](const QString &key, LinkCategory category, const QString &url, const auto &title) {
        if (!url.isEmpty())
            all.append({ category, ClassifiedLink { url, title(), key } });
    };
    const QString source = stripLocationPrefix(entity.annotation(QStringLiteral("backstage.io/source-location")));
    annotation(QStringLiteral("backstage.io/source-location"), LinkCategory::Repository, source,
        [] { return LinkClassifier::tr("Source"); });
    const QString githubSlug = entity.annotation(QStringLiteral("github.com/project-slug"));
    if (!githubSlug.isEmpty())
        annotation(QStringLiteral("github.com/project-slug"), LinkCategory::Repository,
            QStringLiteral("https://github.com/%1").arg(githubSlug), [&]() -> const QString & { return githubSlug; });
    const QString gitlabSlug = entity.annotation(QStringLiteral("gitlab.com/project-slug"));
    if (!gitlabSlug.isEmpty())
        annotation(QStringLiteral("gitlab.com/project-slug"), LinkCategory::Repository,
            QStringLiteral("https://gitlab.com/%1").arg(gitlabSlug), [&]() -> const QString & { return gitlabSlug; });
    const QString techdocs = stripLocationPrefix(entity.annotation(QStringLiteral("backstage.io/techdocs-ref")));
    annotation(QStringLiteral("backstage.io/techdocs-ref"), LinkCategory::Documentation, techdocs,
        [] { return QStringLiteral("TechDocs"); });
    const QString pagerduty = entity.annotation(QStringLiteral("pagerduty.com/service-id"));
    annotation(QStringLiteral("pagerduty.com/service-id"), LinkCategory::OnCall,
        pagerduty.isEmpty() ? QString() : QStringLiteral("pagerduty:%1").arg(pagerduty),
        [&] { return LinkClassifier::tr("PagerDuty service %1").arg(pagerduty); });
    const QString opsgenie = entity.annotation(QStringLiteral("opsgenie.com/team"));
    annotation(QStringLiteral("opsgenie.com/team"), LinkCategory::OnCall,
        opsgenie.isEmpty() ? QString() : QStringLiteral("opsgenie:%1").arg(opsgenie),
        [&] { return LinkClassifier::tr("Opsgenie team %1").arg(opsgenie); });
    const QString runbook = entity.annotation(QStringLiteral("cairn.dev/runbook"));
    annotation(QStringLiteral("cairn.dev/runbook"), LinkCategory::Runbook, runbook,
        [] { return LinkClassifier::tr("Runbook"); });
    const QString slack = entity.annotation(QStringLiteral("slack.com/channel"));
    annotation(QStringLiteral("slack.com/channel"), LinkCategory::Chat,
        slack.isEmpty() ? QString() : QStringLiteral("slack:%1").arg(slack),
        [&] { return QStringLiteral("Slack #%1").arg(slack); });

    QList<LinkGroup> groups;
    // A url is listed once, in the first group it is in. Most entities have one link or
    // none (a health recompute groups every component's): those need no set of urls seen.
    QSet<QString> seen;
    const bool twice = all.size() > 1;
    for (int c = int(LinkCategory::Repository); c <= int(LinkCategory::Other); ++c) {
        LinkGroup g { LinkCategory(c), {} };
        for (const auto &[category, link] : std::as_const(all)) {
            if (category != g.category || (twice && seen.contains(link.url)))
                continue;
            if (twice)
                seen.insert(link.url);
            g.links.append(link);
        }
        if (!g.links.isEmpty())
            groups.append(std::move(g));
    }
    return groups;
}

QString LinkClassifier::categoryId(LinkCategory category)
{
    switch (category) {
    case LinkCategory::Repository:
        return QStringLiteral("repository");
    case LinkCategory::Documentation:
        return QStringLiteral("documentation");
    case LinkCategory::Runbook:
        return QStringLiteral("runbook");
    case LinkCategory::Dashboard:
        return QStringLiteral("dashboard");
    case LinkCategory::OnCall:
        return QStringLiteral("on-call");
    case LinkCategory::Chat:
        return QStringLiteral("chat");
    case LinkCategory::Other:
        break;
    }
    return QStringLiteral("other");
}

QString LinkClassifier::categoryTitle(LinkCategory category)
{
    switch (category) {
    case LinkCategory::Repository:
        return tr("Repository");
    case LinkCategory::Documentation:
        return tr("Documentation");
    case LinkCategory::Runbook:
        return tr("Runbook");
    case LinkCategory::Dashboard:
        return tr("Dashboard");
    case LinkCategory::OnCall:
        return tr("On-call");
    case LinkCategory::Chat:
        return tr("Chat");
    case LinkCategory::Other:
        break;
    }
    return tr("Other links");
}

} // namespace cairn::core
