// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/QuestionParser.h"

#include "core/NameMatcher.h"

#include <QHash>
#include <QRegularExpression>

namespace cairn::core {

namespace {

struct Pattern
{
    Intent intent;
    const char16_t *language;
    const char16_t *regex; // on the folded question; the last capture is X, an earlier one the action
};

// Longest and most specific first: "who is on X" must win over "who is X".
// Folded text: lower-case, no accents, typographic apostrophes as '.
constexpr Pattern patterns[] = {
    // English
    { Intent::ProjectsAtRisk, u"en",
        uR"(^(?:(?:which|what|list|show)(?: the)? )?(?:projects? (?:are |that are )?(?:at[ -]risk|off[ -]track|in trouble|slipping)|(?:at[ -]risk|off[ -]track) projects?)$)" },
    { Intent::GoalsOf, u"en", uR"(^(?:(?:what|which) (?:are|is) )?(?:the )?goals? (?:of|for|owned by) (.+)$)" },
    { Intent::GoalsOf, u"en", uR"(^(?:what|which) goals? (?:does|do) (.+?) (?:have|own|pursue)$)" },
    { Intent::WhoOwns, u"en", uR"(^who (?:owns|maintains|is responsible for|is (?:the )?owner of|looks after) (.+)$)" },
    { Intent::WhoOwns, u"en", uR"(^(?:whose is|owner of) (.+)$)" },
    { Intent::Members, u"en",
        uR"(^(?:who(?:'s| is| are) (?:on|in)(?: the)?|who works (?:on|in)|(?:who are |list |show )?(?:the )?members (?:of|in)) (.+)$)" },
    { Intent::Owns, u"en", uR"(^(?:what|which \w+) (?:does|do) (.+?) own$)" },
    { Intent::Owns, u"en", uR"(^(?:what is|what's) owned by (.+)$)" },
    { Intent::DependsOn, u"en", uR"(^(?:what|which \w+) (?:does|do) (.+?) (?:depend on|use|consume|need)$)" },
    { Intent::DependsOn, u"en", uR"(^(?:dependencies|deps) of (.+)$)" },
    { Intent::Dependents, u"en", uR"(^(?:what|who|which \w+) (?:depends?|relies|rely) on (.+)$)" },
    { Intent::Dependents, u"en", uR"(^(?:what|who|which \w+) (?:consumes|uses|calls) (.+)$)" },
    { Intent::HowIsItGoing, u"en", uR"(^how(?:'s| is| are) (.+?) (?:going|doing|progressing|coming along)$)" },
    { Intent::HowIsItGoing, u"en", uR"(^(?:what is |what's )?(?:the )?(?:status|progress) of (.+)$)" },
    { Intent::HowTo, u"en",
        uR"(^how (?:do|can|should|would) (?:i|we|you|one) (deploy|run|use|start|build|test|call|access|install|release|operate|monitor|debug|contribute to|set up|configure) (.+)$)" },
    { Intent::HowTo, u"en",
        uR"(^how to (deploy|run|use|start|build|test|call|access|install|release|operate|monitor|debug|contribute to|set up|configure) (.+)$)" },
    { Intent::HowTo, u"en", uR"(^how (?:do|does|can) (.+?) work$)" },
    { Intent::Why, u"en",
        uR"(^why (?:do|does|did) (?:we|they|you|i|the company|the org) (?:do|have|need|build|run|keep|make|work on|care about) (.+)$)" },
    { Intent::Why, u"en", uR"(^why (?:is there|are there|does|do|is|are) (.+?)(?: exist)?$)" },
    { Intent::Why, u"en", uR"(^why (.+)$)" },
    { Intent::WhatIs, u"en", uR"(^(?:what|who)(?:'s| is| are) (.+)$)" },
    { Intent::WhatIs, u"en", uR"(^(?:tell me about|describe|explain|what about) (.+)$)" },
    { Intent::Show, u"en", uR"(^(?:show|open|display) (.+)$)" },
    // French
    { Intent::ProjectsAtRisk, u"fr",
        uR"(^(?:(?:quels sont |quels |liste des |montre )?(?:les )?projets? (?:qui sont )?(?:a risque|en danger|en retard|en difficulte|hors piste)|(?:quels )?projets? a risque)$)" },
    { Intent::GoalsOf, u"fr", uR"(^(?:quels sont )?(?:les )?objectifs? (?:de la |de l'|des |du |de |d')(.+)$)" },
    { Intent::WhoOwns, u"fr",
        uR"(^(?:qui (?:possede|detient|gere|maintient|s'occupe de|est (?:le |la )?(?:proprietaire|responsable) de)|a qui (?:appartient|est)) (.+)$)" },
    { Intent::WhoOwns, u"fr", uR"(^(?:proprietaire|responsable) (?:de la |de l'|des |du |de |d')(.+)$)" },
    { Intent::Members, u"fr",
        uR"(^(?:qui (?:est|sont|travaille|travaillent) (?:dans|sur|chez)|qui fait partie (?:de la |de l'|des |du |de |d')|(?:quels sont )?(?:les )?membres (?:de la |de l'|des |du |de |d')) ?(.+)$)" },
    { Intent::Owns, u"fr", uR"(^(?:que|qu'est-ce que|qu'est ce que) (?:possede|detient|gere) (.+)$)" },
    { Intent::Owns, u"fr", uR"(^qu'est-ce qu(?:e |')(.+?) possede$)" },
    { Intent::DependsOn, u"fr", uR"(^de quoi (?:depend|a besoin) (.+)$)" },
    { Intent::DependsOn, u"fr", uR"(^(?:les )?dependances (?:de la |de l'|des |du |de |d')(.+)$)" },
    { Intent::Dependents, u"fr",
        uR"(^(?:qui|qu'est-ce qui|quoi) (?:depend|dependent) (?:de la |de l'|des |du |de |d')(.+)$)" },
    { Intent::Dependents, u"fr", uR"(^(?:qui|qu'est-ce qui) (?:utilise|consomme|appelle) (.+)$)" },
    { Intent::HowIsItGoing, u"fr",
        uR"(^(?:comment (?:va|avance|se passe|se porte|progresse)|ou en est|quel est l'etat (?:de la |de l'|des |du |de |d')) ?(.+)$)" },
    { Intent::HowTo, u"fr",
        uR"(^comment (?:puis-je |peut-on |on |je |faut-il )?(deployer|deploie|lancer|lance|demarrer|executer|utiliser|utilise|appeler|installer|tester|construire|configurer|surveiller) (.+)$)" },
    { Intent::HowTo, u"fr", uR"(^comment (?:fonctionne|marche|utiliser) (.+)$)" },
    { Intent::Why, u"fr",
        uR"(^pourquoi (?:fait-on|on fait|faisons-nous|avons-nous|a-t-on|existe|fait-on le|fait-on la) (.+)$)" },
    { Intent::Why, u"fr", uR"(^pourquoi (.+?)(?: existe(?:-t-il|-t-elle)?)?$)" },
    { Intent::WhatIs, u"fr",
        uR"(^(?:c'est quoi|qu'est-ce que c'est(?: que)?|qu'est ce que c'est(?: que)?|qu'est-ce que|qu'est ce que|que fait|qui est|c'est qui|decris|presente-moi|parle-moi (?:de la |de l'|des |du |de |d')) ?(.+)$)" },
    { Intent::HowTo, u"fr", uR"(^comment (.+)$)" },
    { Intent::Show, u"fr", uR"(^(?:montre|affiche|ouvre) (.+)$)" },
};

// Compiled once, thread-safely (static initialisation): questions are asked many times.
const QList<QRegularExpression> &compiledPatterns()
{
    static const QList<QRegularExpression> compiled = [] {
        QList<QRegularExpression> out;
        for (const Pattern &pattern : patterns)
            out.append(QRegularExpression(QString::fromUtf16(pattern.regex)));
        return out;
    }();
    return compiled;
}

QString actionInEnglish(const QString &action)
{
    static const QHash<QString, QString> french = {
        { QStringLiteral("deployer"), QStringLiteral("deploy") },
        { QStringLiteral("deploie"), QStringLiteral("deploy") },
        { QStringLiteral("lancer"), QStringLiteral("run") },
        { QStringLiteral("lance"), QStringLiteral("run") },
        { QStringLiteral("demarrer"), QStringLiteral("run") },
        { QStringLiteral("executer"), QStringLiteral("run") },
        { QStringLiteral("utiliser"), QStringLiteral("use") },
        { QStringLiteral("utilise"), QStringLiteral("use") },
        { QStringLiteral("appeler"), QStringLiteral("call") },
        { QStringLiteral("installer"), QStringLiteral("install") },
        { QStringLiteral("tester"), QStringLiteral("test") },
        { QStringLiteral("construire"), QStringLiteral("build") },
        { QStringLiteral("configurer"), QStringLiteral("configure") },
        { QStringLiteral("surveiller"), QStringLiteral("monitor") },
    };
    return french.value(action, action);
}

QString kindForWord(const QString &word)
{
    static const QHash<QString, QString> kinds = {
        { QStringLiteral("component"), QStringLiteral("component") },
        { QStringLiteral("service"), QStringLiteral("component") },
        { QStringLiteral("library"), QStringLiteral("component") },
        { QStringLiteral("website"), QStringLiteral("component") },
        { QStringLiteral("composant"), QStringLiteral("component") },
        { QStringLiteral("api"), QStringLiteral("api") },
        { QStringLiteral("system"), QStringLiteral("system") },
        { QStringLiteral("systeme"), QStringLiteral("system") },
        { QStringLiteral("domain"), QStringLiteral("domain") },
        { QStringLiteral("domaine"), QStringLiteral("domain") },
        { QStringLiteral("group"), QStringLiteral("group") },
        { QStringLiteral("groupe"), QStringLiteral("group") },
        { QStringLiteral("team"), QStringLiteral("group") },
        { QStringLiteral("equipe"), QStringLiteral("group") },
        { QStringLiteral("user"), QStringLiteral("user") },
        { QStringLiteral("utilisateur"), QStringLiteral("user") },
        { QStringLiteral("project"), QStringLiteral("project") },
        { QStringLiteral("projet"), QStringLiteral("project") },
        { QStringLiteral("goal"), QStringLiteral("goal") },
        { QStringLiteral("objectif"), QStringLiteral("goal") },
        { QStringLiteral("resource"), QStringLiteral("resource") },
        { QStringLiteral("ressource"), QStringLiteral("resource") },
    };
    return kinds.value(word);
}

QString fold(QStringView text)
{
    QString out;
    out.reserve(text.size());
    for (const QChar c : text)
        out.append(NameMatcher::foldChar(c));
    return out;
}

bool isQuote(QChar c)
{
    return c == u'"' || c == u'\'' || c == u'`' || c == u'\u00AB' || c == u'\u00BB' || c == u'\u201C' || c == u'\u201D';
}

// Removes quotes, leading articles and a kind word before or after X.
void cleanSubject(ParsedQuestion &q, QString subject)
{
    subject = subject.trimmed();
    while (subject.size() >= 2 && isQuote(subject.front()) && isQuote(subject.back()))
        subject = subject.mid(1, subject.size() - 2).trimmed();
    static const QStringList articles = {
        QStringLiteral("the "),
        QStringLiteral("a "),
        QStringLiteral("an "),
        QStringLiteral("our "),
        QStringLiteral("le "),
        QStringLiteral("la "),
        QStringLiteral("les "),
        QStringLiteral("l'"),
        QStringLiteral("un "),
        QStringLiteral("une "),
        QStringLiteral("notre "),
    };
    bool stripped = true;
    while (stripped) {
        stripped = false;
        const QString folded = fold(subject);
        for (const QString &article : articles) {
            if (folded.startsWith(article) && subject.size() > article.size()) {
                subject = subject.mid(article.size()).trimmed();
                stripped = true;
                break;
            }
        }
    }
    while (subject.size() >= 2 && isQuote(subject.front()) && isQuote(subject.back()))
        subject = subject.mid(1, subject.size() - 2).trimmed();
    q.rawSubject = subject;
    q.subject = subject;

    const QStringList words = subject.split(u' ', Qt::SkipEmptyParts);
    if (words.size() < 2)
        return;
    const QString last = kindForWord(fold(words.last()));
    const QString first = kindForWord(fold(words.first()));
    if (!last.isEmpty()) {
        q.kindHint = last;
        q.subject = words.mid(0, words.size() - 1).join(u' ');
    } else if (!first.isEmpty()) {
        q.kindHint = first;
        q.subject = words.mid(1).join(u' ');
    }
    while (q.subject.size() >= 2 && isQuote(q.subject.front()) && isQuote(q.subject.back()))
        q.subject = q.subject.mid(1, q.subject.size() - 2).trimmed();
}

} // namespace

QString ParsedQuestion::intentId(Intent intent)
{
    switch (intent) {
    case Intent::Show:
        return QStringLiteral("show");
    case Intent::WhoOwns:
        return QStringLiteral("who-owns");
    case Intent::Members:
        return QStringLiteral("members");
    case Intent::WhatIs:
        return QStringLiteral("what-is");
    case Intent::Why:
        return QStringLiteral("why");
    case Intent::HowTo:
        return QStringLiteral("how-to");
    case Intent::HowIsItGoing:
        return QStringLiteral("how-is-it-going");
    case Intent::DependsOn:
        return QStringLiteral("depends-on");
    case Intent::Dependents:
        return QStringLiteral("dependents");
    case Intent::Owns:
        return QStringLiteral("owns");
    case Intent::ProjectsAtRisk:
        return QStringLiteral("projects-at-risk");
    case Intent::GoalsOf:
        return QStringLiteral("goals-of");
    case Intent::Search:
        break;
    }
    return QStringLiteral("search");
}

ParsedQuestion QuestionParser::parse(QStringView question)
{
    ParsedQuestion q;
    QString text = question.toString();
    text.replace(u'\u2019', u'\'');
    // Spaces and punctuation people put around a question: "  who owns X ? ", "¿", "!".
    text = text.simplified();
    while (!text.isEmpty()
        && (text.back() == u'?' || text.back() == u'!' || text.back() == u'.' || text.back() == u';'
            || text.back() == u' ' || text.back() == u','))
        text.chop(1);
    while (!text.isEmpty() && (text.front() == u'\u00BF' || text.front() == u' '))
        text.remove(0, 1);
    q.text = text;
    q.language = QStringLiteral("en");
    const QString folded = fold(text);

    const QList<QRegularExpression> &compiled = compiledPatterns();
    for (qsizetype i = 0; i < compiled.size(); ++i) {
        const Pattern &pattern = patterns[i];
        const QRegularExpressionMatch m = compiled.at(i).match(folded);
        if (!m.hasMatch())
            continue;
        q.intent = pattern.intent;
        q.language = QString::fromUtf16(pattern.language);
        const int last = m.lastCapturedIndex();
        if (last >= 1)
            cleanSubject(q, text.mid(m.capturedStart(last), m.capturedLength(last)));
        if (pattern.intent == Intent::HowTo && last >= 2)
            q.action = actionInEnglish(m.captured(1));
        return q;
    }

    q.intent = Intent::Search;
    cleanSubject(q, text);
    static const QRegularExpression frenchWords(
        QStringLiteral(R"(\b(?:qui|quoi|est|les|des|pourquoi|comment|projets?|equipe|objectifs?)\b)"));
    if (frenchWords.match(folded).hasMatch())
        q.language = QStringLiteral("fr");
    return q;
}

} // namespace cairn::core
