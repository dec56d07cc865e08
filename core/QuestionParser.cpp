// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/QuestionParser.h"

#include "core/NameMatcher.h"

#include <QHash>
#include <QRegularExpression>
#include <QSet>

namespace cairn::core {

namespace {

struct Pattern
{
    Intent intent;
    const char16_t *language;
    const char16_t *regex; // on the folded question; the last capture is X, an earlier one the action
};

// Longest and most specific first: "who is on X" must win over "who is X".
// Folded text: lower-case, no accents, typographic apostrophes as '. Placeholders, filled
// in before compiling so that every pattern reads French articles the same way:
//   {de}  "of": de, de la, de l', du, des, d'
//   {a}   "to": a, a la, a l', au, aux
//   {late} the words for a project in trouble, in either language's pattern
constexpr Pattern patterns[] = {
    // English
    { Intent::WhatChanged, u"en", uR"(^what(?:'s| has| have)? changed(?: (?<since>.+))?$)" },
    { Intent::WhatChanged, u"en", uR"(^what(?:'s| is) new(?: (?<since>.+))?$)" },
    { Intent::WhatChanged, u"en", uR"(^what happened(?: (?<since>.+))?$)" },
    { Intent::WhatChanged, u"en",
        uR"(^(?:what|which entities|which ones|anything) (?:was|were|got|has been|have been) (?<change>removed|deleted|added|changed|updated)(?: (?<since>.+))?$)" },
    { Intent::WhatChanged, u"en", uR"(^(?:show |list )?(?:the )?(?:recent |latest )?changes(?: (?<since>.+))?$)" },
    { Intent::ProjectsAtRisk, u"en",
        uR"(^(?:(?:which|what|list|show)(?: the)? )?(?:projects? (?:are |is |that are )?(?:{late})|(?:{late}) projects?)$)" },
    { Intent::GoalsOf, u"en", uR"(^(?:(?:what|which) (?:are|is) )?(?:the )?goals? (?:of|for|owned by) (.+)$)" },
    { Intent::GoalsOf, u"en", uR"(^(?:what|which) goals? (?:does|do) (.+?) (?:have|own|pursue)$)" },
    { Intent::ProjectsFor, u"en",
        uR"(^(?:(?:which|what) )?projects? (?:contributes?|contributing|serves?|serving|work(?:s|ing)?) (?:(?:to|towards?|on|for) )?(.+)$)" },
    { Intent::ProjectsFor, u"en", uR"(^(?:(?:what|which) (?:are|is) )?(?:the )?projects? (?:of|for) (.+)$)" },
    { Intent::OnCall, u"en", uR"(^(?:who(?:'s| is) )?on[ -]?call (?:for|on|of|at) (.+)$)" },
    { Intent::OnCall, u"en", uR"(^(.+?)'s? on[ -]?call$)" },
    { Intent::WorksOn, u"en", uR"(^what (?:does|do) (.+?) work on$)" },
    { Intent::WorksOn, u"en", uR"(^what (?:is|are|'s) (.+?) (?:working on|doing)$)" },
    { Intent::WhoOwns, u"en", uR"(^who (?:owns|maintains|is responsible for|is (?:the )?owner of|looks after) (.+)$)" },
    { Intent::WhoOwns, u"en", uR"(^(?:whose is|(?:the )?owners? of) (.+)$)" },
    { Intent::WhoOwns, u"en", uR"(^(?:who is )?(.+?)'s? (?:owners?|maintainers?|owning team)$)" },
    { Intent::Members, u"en",
        uR"(^(?:who(?:'s| is| are) (?:on|in)(?: the)?|who works (?:on|in)|(?:who are |list |show )?(?:the )?members (?:of|in)) (.+)$)" },
    { Intent::Members, u"en", uR"(^(.+?)'s? (?:members|people)$)" },
    { Intent::Owns, u"en", uR"(^(?:what|which \w+) (?:does|do) (.+?) own$)" },
    { Intent::Owns, u"en", uR"(^(?:what is|what's) owned by (.+)$)" },
    { Intent::DependsOn, u"en", uR"(^(?:what|which \w+) (?:does|do) (.+?) (?:depend on|use|consume|need)$)" },
    { Intent::DependsOn, u"en", uR"(^(?:(?:what are )?(?:the )?(?:dependencies|deps) of) (.+)$)" },
    { Intent::DependsOn, u"en", uR"(^(.+?)'s? (?:dependencies|deps)$)" },
    { Intent::Dependents, u"en", uR"(^(?:what|who|which \w+) (?:depends?|relies|rely) on (.+)$)" },
    { Intent::Dependents, u"en", uR"(^(?:what|who|which \w+) (consumes|uses|calls|provides|implements) (.+)$)" },
    { Intent::HowIsItGoing, u"en", uR"(^how(?:'s| is| are) (.+?) (?:going|doing|progressing|coming along)$)" },
    { Intent::HowIsItGoing, u"en", uR"(^(?:what is |what's )?(?:the )?(?:status|progress) of (.+)$)" },
    { Intent::HowTo, u"en",
        uR"(^how (?:do|can|should|would) (?:i|we|you|one) (deploy|run|use|start|build|test|call|access|install|release|operate|monitor|debug|contribute to|set up|configure) (.+)$)" },
    { Intent::HowTo, u"en",
        uR"(^how to (deploy|run|use|start|build|test|call|access|install|release|operate|monitor|debug|contribute to|set up|configure) (.+)$)" },
    { Intent::HowTo, u"en",
        uR"(^(?:where (?:is|are|can i find|do i find) )?(?:the )?(runbooks?|docs|documentation|dashboards?|repo|repository|source(?: code)?|code) (?:of|for) (.+)$)" },
    { Intent::HowTo, u"en", uR"(^how (?:do|does|can) (.+?) work$)" },
    { Intent::Why, u"en",
        uR"(^why (?:do|does|did) (?:we|they|you|i|the company|the org) (?:do|have|need|build|run|keep|make|work on|care about) (.+)$)" },
    { Intent::Why, u"en", uR"(^why (?:is there|are there|does|do|is|are) (.+?)(?: exist)?$)" },
    { Intent::Why, u"en", uR"(^why (.+)$)" },
    { Intent::WhatIs, u"en", uR"(^(?:what|who)(?:'s| is| are) (.+)$)" },
    { Intent::WhatIs, u"en", uR"(^(?:tell me about|describe|explain|what about) (.+)$)" },
    { Intent::Show, u"en", uR"(^(?:show|open|display) (.+)$)" },
    // French
    { Intent::WhatChanged, u"fr", uR"(^quoi de (?:neuf|nouveau)(?: (?<since>.+))?$)" },
    { Intent::WhatChanged, u"fr",
        uR"(^(?:qu'est-ce qui|qu'est ce qui|quoi|qu'est-ce qu'il) (?:a change|a bouge|s'est passe)(?: (?<since>.+))?$)" },
    { Intent::WhatChanged, u"fr",
        uR"(^(?:qu'est-ce qui|qu'est ce qui|quoi|qu'est-ce qu'on) (?:a ete|est|a) (?<change>supprime|retire|ajoute|nouveau|modifie)(?: (?<since>.+))?$)" },
    { Intent::WhatChanged, u"fr",
        uR"(^(?:quels sont )?(?:les )?(?:derniers |dernieres )?(?:changements|modifications)(?: (?<since>.+))?$)" },
    { Intent::ProjectsAtRisk, u"fr",
        uR"(^(?:(?:quels sont |quels |liste des |montre )?(?:les )?projets? (?:qui sont |sont |qui est |est )?(?:{late})|(?:quels )?projets? a risque)$)" },
    { Intent::GoalsOf, u"fr", uR"(^(?:quels sont )?(?:les )?objectifs? {de}(.+)$)" },
    { Intent::ProjectsFor, u"fr",
        uR"(^(?:quels )?(?:sont )?(?:les )?projets? (?:qui )?(?:contribuent|contribue|servent|sert|travaillent|travaille) (?:{a}|pour (?:la |le |l'|les )?)?(.+)$)" },
    { Intent::ProjectsFor, u"fr", uR"(^(?:quels sont )?(?:les )?projets? {de}(.+)$)" },
    { Intent::OnCall, u"fr", uR"(^(?:qui est )?(?:d'astreinte|de garde) (?:pour |sur |{a}|{de})(.+)$)" },
    { Intent::OnCall, u"fr", uR"(^(?:qui assure )?(?:l')?astreinte (?:pour |sur |{de})(.+)$)" },
    { Intent::WorksOn, u"fr", uR"(^(?:sur|a) quoi travaill(?:e|ent) (.+)$)" },
    { Intent::WorksOn, u"fr", uR"(^(?:que fait|qu'est-ce que fait|qu'est ce que fait) (.+?) en ce moment$)" },
    { Intent::WhoOwns, u"fr",
        uR"(^(?:qui (?:possede|detient|gere|maintient|s'occupe {de}|est (?:le |la )?(?:proprietaire|responsable) {de})|a qui (?:appartient|est)) ?(.+)$)" },
    { Intent::WhoOwns, u"fr",
        uR"(^(?:(?:quel est |qui est )?(?:le |la )?)?(?:proprietaire|responsable|equipe responsable) {de}(.+)$)" },
    { Intent::Members, u"fr",
        uR"(^(?:qui (?:est|sont|travaille|travaillent) (?:dans|sur|chez)|qui fait partie {de}|(?:quels sont )?(?:les )?membres {de}) ?(.+)$)" },
    { Intent::Owns, u"fr", uR"(^(?:que|qu'est-ce que|qu'est ce que) (?:possede|detient|gere) (.+)$)" },
    { Intent::Owns, u"fr", uR"(^qu'est-ce qu(?:e |')(.+?) possede$)" },
    { Intent::DependsOn, u"fr", uR"(^de quoi (?:depend|a besoin) (.+)$)" },
    { Intent::DependsOn, u"fr", uR"(^(?:quelles sont )?(?:les )?dependances {de}(.+)$)" },
    { Intent::Dependents, u"fr", uR"(^(?:qui|qu'est-ce qui|quoi) (?:depend|dependent) {de}(.+)$)" },
    { Intent::Dependents, u"fr", uR"(^(?:qui|qu'est-ce qui) (utilise|consomme|appelle|fournit|implemente) (.+)$)" },
    { Intent::HowIsItGoing, u"fr",
        uR"(^(?:comment (?:va|avance|se passe|se porte|progresse)|ou en est|quel est l'etat {de}) ?(.+)$)" },
    { Intent::HowTo, u"fr",
        uR"(^comment (?:puis-je |peut-on |on |je |faut-il )?(deployer|deploie|lancer|lance|demarrer|executer|utiliser|utilise|appeler|installer|tester|construire|configurer|surveiller) (.+)$)" },
    { Intent::HowTo, u"fr",
        uR"(^(?:ou (?:est|sont|trouver|trouve-t-on) )?(?:le |la |les )?(runbooks?|docs?|documentation|tableaux? de bord|dashboards?|depot|code source|code) {de}(.+)$)" },
    { Intent::HowTo, u"fr", uR"(^comment (?:fonctionne|marche|utiliser) (.+)$)" },
    { Intent::Why, u"fr",
        uR"(^pourquoi (?:fait-on|on fait|faisons-nous|avons-nous|a-t-on|existe|fait-on le|fait-on la) (.+)$)" },
    { Intent::Why, u"fr", uR"(^pourquoi (.+?)(?: existe(?:-t-il|-t-elle)?)?$)" },
    { Intent::WhatIs, u"fr",
        uR"(^(?:c'est quoi|qu'est-ce que c'est(?: que)?|qu'est ce que c'est(?: que)?|qu'est-ce que|qu'est ce que|que fait|qui est|c'est qui|decris|presente-moi|parle-moi {de}) ?(.+)$)" },
    { Intent::HowTo, u"fr", uR"(^comment (.+)$)" },
    { Intent::Show, u"fr", uR"(^(?:montre|affiche|ouvre) (.+)$)" },
};

// French "of", as every pattern and the kind word's complement read it.
constexpr QStringView kFrenchOf = u"(?:de la |de l'|des |du |de |d')";

QString expanded(const char16_t *regex)
{
    QString text = QString::fromUtf16(regex);
    text.replace(QStringLiteral("{de}"), kFrenchOf.toString());
    text.replace(QStringLiteral("{a}"), QStringLiteral("(?:a la |a l'|aux |au |a )"));
    text.replace(QStringLiteral("{late}"),
        QStringLiteral("at[ -]risk|off[ -]track|in trouble|slipping|late|overdue|delayed|behind(?: schedule)?"
                       "|a risque|en danger|en retard|en difficulte|hors piste|a la derive"));
    return text;
}

// Compiled once, thread-safely (static initialisation): questions are asked many times.
const QList<QRegularExpression> &compiledPatterns()
{
    static const QList<QRegularExpression> compiled = [] {
        QList<QRegularExpression> out;
        for (const Pattern &pattern : patterns)
            out.append(QRegularExpression(expanded(pattern.regex)));
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
        // "where is the runbook of X": the link asked for
        { QStringLiteral("runbooks"), QStringLiteral("runbook") },
        { QStringLiteral("doc"), QStringLiteral("documentation") },
        { QStringLiteral("docs"), QStringLiteral("documentation") },
        { QStringLiteral("documentation"), QStringLiteral("documentation") },
        { QStringLiteral("dashboards"), QStringLiteral("dashboard") },
        { QStringLiteral("tableau de bord"), QStringLiteral("dashboard") },
        { QStringLiteral("tableaux de bord"), QStringLiteral("dashboard") },
        { QStringLiteral("repo"), QStringLiteral("repository") },
        { QStringLiteral("source"), QStringLiteral("repository") },
        { QStringLiteral("source code"), QStringLiteral("repository") },
        { QStringLiteral("code"), QStringLiteral("repository") },
        { QStringLiteral("code source"), QStringLiteral("repository") },
        { QStringLiteral("depot"), QStringLiteral("repository") },
    };
    return french.value(action, action);
}

// The change a "what was removed" question narrows to; empty: every change.
QString changeAskedFor(const QString &word)
{
    if (word == u"removed" || word == u"deleted" || word == u"supprime" || word == u"retire")
        return QStringLiteral("removed");
    if (word == u"added" || word == u"ajoute" || word == u"nouveau")
        return QStringLiteral("added");
    if (word == u"changed" || word == u"updated" || word == u"modifie")
        return QStringLiteral("changed");
    return {};
}

// What a relation's verb says of X's kind: only an API is consumed or provided.
QStringList kindsOfVerb(const QString &verb)
{
    static const QStringList api { QStringLiteral("consumes"), QStringLiteral("provides"), QStringLiteral("implements"),
        QStringLiteral("consomme"), QStringLiteral("fournit"), QStringLiteral("implemente") };
    if (api.contains(verb))
        return { QStringLiteral("api") };
    return {};
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
        // "le service de paiement", "l'équipe des paiements": the kind word's "of" goes too.
        static const QRegularExpression of(u'^' + kFrenchOf.toString());
        const QRegularExpressionMatch m = of.match(fold(q.subject));
        if (m.hasMatch() && m.capturedLength() < q.subject.size())
            q.subject = q.subject.mid(m.capturedLength()).trimmed();
    }
    while (q.subject.size() >= 2 && isQuote(q.subject.front()) && isQuote(q.subject.back()))
        q.subject = q.subject.mid(1, q.subject.size() - 2).trimmed();
}

// Words that make a question and name nothing, English and French, folded.
const QSet<QString> &questionWords()
{
    static const QSet<QString> words = [] {
        QSet<QString> out;
        const QString list = QStringLiteral(
            "what which who whom whose where when why how does did do is are was were be been the a an of for to on "
            "in at by with and or from this that these those it its there here any all some my our your their me "
            "us we i you he she they them tell show list give find get changed change changes new since yesterday "
            "today week month monday tuesday wednesday thursday friday saturday sunday last recently removed added "
            "happened happening going need want can could should would will about please "
            "qui que quoi quel quels quelle quelles est sont les des une un le la du de d l au aux pour sur dans "
            "avec par pas plus depuis hier aujourd hui semaine mois neuf nouveau nouveaux ce cette ces se s c "
            "qu est ce est-ce ou comment pourquoi quand il elle ils elles on nous vous je tu mon ma mes notre nos "
            "votre vos leur leurs a change supprime ajoute lundi mardi mercredi jeudi vendredi samedi "
            "dimanche dernier derniere recemment montre donne trouve liste");
        for (const QString &word : list.split(u' ', Qt::SkipEmptyParts))
            out.insert(word);
        return out;
    }();
    return words;
}

} // namespace

QuestionWords QuestionWords::of(QStringView text)
{
    QuestionWords words;
    const QString folded = fold(text);
    static const QRegularExpression word(QStringLiteral(R"([\p{L}\p{N}][\p{L}\p{N}._-]*)"));
    QRegularExpressionMatchIterator it = word.globalMatch(folded);
    while (it.hasNext()) {
        const QRegularExpressionMatch m = it.next();
        if (questionWords().contains(m.captured()))
            words.hasQuestionWords = true;
        else if (m.capturedLength() >= 3)
            words.content.append(text.mid(m.capturedStart(), m.capturedLength()).toString());
    }
    std::stable_sort(words.content.begin(), words.content.end(),
        [](const QString &a, const QString &b) { return a.size() > b.size(); });
    words.content.removeDuplicates();
    if (words.content.size() > 4)
        words.content.resize(4); // each is a search: the longest are the likeliest names
    return words;
}

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
    case Intent::ProjectsFor:
        return QStringLiteral("projects-for");
    case Intent::OnCall:
        return QStringLiteral("on-call");
    case Intent::WorksOn:
        return QStringLiteral("works-on");
    case Intent::WhatChanged:
        return QStringLiteral("what-changed");
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
        if (pattern.intent == Intent::WhatChanged) {
            // No X: the period asked about ("since Monday"), and which changes.
            if (m.hasCaptured(u"since"))
                q.subject = text.mid(m.capturedStart(u"since"), m.capturedLength(u"since")).trimmed();
            q.action = changeAskedFor(m.captured(u"change"));
            return q;
        }
        const int last = m.lastCapturedIndex();
        if (last >= 1)
            cleanSubject(q, text.mid(m.capturedStart(last), m.capturedLength(last)));
        if (pattern.intent == Intent::HowTo && last >= 2)
            q.action = actionInEnglish(m.captured(1));
        if (last >= 2)
            q.impliedKinds = kindsOfVerb(m.captured(1));
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
