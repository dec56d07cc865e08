// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/ScorecardJson.h"

#include "core/JsonText.h"
#include "core/LinkClassifier.h"
#include "core/ScorecardEvaluator.h"

#include <QJsonValue>
#include <QRegularExpression>
#include <QSet>

#include <algorithm>
#include <array>
#include <cmath>
#include <utility>

namespace cairn::core {

namespace {

using Problem = ScorecardJson::Problem;

const std::array<std::pair<CriterionType, QStringView>, 7> &typeIds()
{
    static const std::array<std::pair<CriterionType, QStringView>, 7> ids { {
        { CriterionType::OwnerResolves, u"owner" },
        { CriterionType::HasDescription, u"description" },
        { CriterionType::HasLink, u"link" },
        { CriterionType::OnCallResolves, u"on-call" },
        { CriterionType::LifecycleActive, u"lifecycle" },
        { CriterionType::DependenciesHealthy, u"dependencies" },
        { CriterionType::Annotation, u"annotation" },
    } };
    return ids;
}

const std::array<std::pair<AnnotationCheck, QStringView>, 5> &checkKeys()
{
    static const std::array<std::pair<AnnotationCheck, QStringView>, 5> keys { {
        { AnnotationCheck::Present, u"present" },
        { AnnotationCheck::Equals, u"equals" },
        { AnnotationCheck::AtLeast, u"atLeast" },
        { AnnotationCheck::AtMost, u"atMost" },
        { AnnotationCheck::AgeAtMostDays, u"maxAgeDays" },
    } };
    return keys;
}

std::optional<LinkCategory> linkFromId(const QString &id)
{
    if (id.compare(u"docs", Qt::CaseInsensitive) == 0)
        return LinkCategory::Documentation;
    for (LinkCategory c : { LinkCategory::Repository, LinkCategory::Documentation, LinkCategory::Runbook,
             LinkCategory::Dashboard, LinkCategory::OnCall, LinkCategory::Chat })
        if (id.compare(LinkClassifier::categoryId(c), Qt::CaseInsensitive) == 0)
            return c;
    return std::nullopt;
}

QString listOf(std::initializer_list<QStringView> words)
{
    QStringList list;
    for (QStringView w : words)
        list.append(w.toString());
    return list.join(u", ");
}

// Reads the keys of one object, complaining of any it does not know: a misspelt key
// ("wieght") would otherwise be silently ignored, and the scorecard would mean something
// other than what its author wrote.
class Reader
{
public:
    Reader(const QJsonObject &object, QString path, QList<Problem> &problems)
        : m_object(object)
        , m_path(std::move(path))
        , m_problems(problems)
    { }

    void allow(std::initializer_list<QStringView> keys)
    {
        for (auto it = m_object.constBegin(); it != m_object.constEnd(); ++it) {
            const bool known = std::any_of(keys.begin(), keys.end(), [&it](QStringView k) { return k == it.key(); });
            if (!known)
                problem(it.key(), QStringLiteral("unknown key (expected one of: %1)").arg(listOf(keys)));
        }
    }

    bool has(QStringView key) const { return m_object.contains(key); }

    QString text(QStringView key, bool required)
    {
        const QJsonValue v = m_object.value(key);
        if (v.isUndefined() || v.isNull()) {
            if (required)
                problem(key.toString(), QStringLiteral("is required"));
            return {};
        }
        if (!v.isString() && !v.isDouble()) {
            problem(key.toString(), QStringLiteral("must be text"));
            return {};
        }
        QString s = v.isString() ? v.toString().trimmed() : QString::number(v.toDouble(), 'g', 12);
        if (s.isEmpty() && required)
            problem(key.toString(), QStringLiteral("must not be empty"));
        return s;
    }

    // A string or a list of strings.
    QStringList texts(QStringView key)
    {
        const QJsonValue v = m_object.value(key);
        if (v.isUndefined() || v.isNull())
            return {};
        if (v.isString())
            return { v.toString().trimmed() };
        QStringList list;
        if (!v.isArray()) {
            problem(key.toString(), QStringLiteral("must be text or a list of text"));
            return {};
        }
        const QJsonArray array = v.toArray();
        for (qsizetype i = 0; i < array.size(); ++i) {
            if (!array.at(i).isString() || array.at(i).toString().trimmed().isEmpty())
                problem(QStringLiteral("%1/%2").arg(key).arg(i), QStringLiteral("must be non-empty text"));
            else
                list.append(array.at(i).toString().trimmed());
        }
        return list;
    }

    std::optional<double> number(QStringView key)
    {
        const QJsonValue v = m_object.value(key);
        if (v.isDouble() && std::isfinite(v.toDouble()))
            return v.toDouble();
        problem(key.toString(), QStringLiteral("must be a number"));
        return std::nullopt;
    }

    std::optional<int> whole(QStringView key, int from, int to)
    {
        const QJsonValue v = m_object.value(key);
        const double d = v.toDouble(-1);
        if (!v.isDouble() || d != std::floor(d) || d < from || d > to) {
            problem(key.toString(), QStringLiteral("must be a whole number from %1 to %2").arg(from).arg(to));
            return std::nullopt;
        }
        return int(d);
    }

    void problem(const QString &key, const QString &message)
    {
        m_problems.append(Problem { key.isEmpty() ? m_path : (m_path.isEmpty() ? key : m_path + u'/' + key), message });
    }

    const QJsonObject &object() const { return m_object; }
    const QString &path() const { return m_path; }

private:
    const QJsonObject &m_object;
    QString m_path;
    QList<Problem> &m_problems;
};

void readCheck(Reader &r, Criterion &c)
{
    int given = 0;
    for (const auto &[check, key] : checkKeys()) {
        if (!r.has(key))
            continue;
        ++given;
        c.check = check;
        switch (check) {
        case AnnotationCheck::Present:
            if (r.object().value(key) != QJsonValue(true))
                r.problem(key.toString(), QStringLiteral("can only be true"));
            break;
        case AnnotationCheck::Equals:
            c.value = r.text(key, true);
            break;
        case AnnotationCheck::AtLeast:
        case AnnotationCheck::AtMost:
            c.number = r.number(key).value_or(0);
            break;
        case AnnotationCheck::AgeAtMostDays:
            c.number = r.whole(key, 0, 100000).value_or(0);
            break;
        }
    }
    if (given > 1)
        r.problem({}, QStringLiteral("takes one of present, equals, atLeast, atMost or maxAgeDays, not %1").arg(given));
    if (given == 0)
        c.check = AnnotationCheck::Present;
}

std::optional<Criterion> readCriterion(const QJsonValue &value, const QString &path, QList<Problem> &problems)
{
    if (!value.isObject()) {
        problems.append(Problem { path, QStringLiteral("must be a mapping with id, weight and check") });
        return std::nullopt;
    }
    const qsizetype before = problems.size();
    const QJsonObject object = value.toObject();
    Reader r(object, path, problems);
    r.allow({ u"id", u"name", u"weight", u"check", u"link", u"annotation", u"present", u"equals", u"atLeast", u"atMost",
        u"maxAgeDays" });
    Criterion c;
    c.id = r.text(u"id", true);
    static const QRegularExpression idPattern(QStringLiteral("^[A-Za-z0-9][A-Za-z0-9._-]*$"));
    if (!c.id.isEmpty() && !idPattern.match(c.id).hasMatch())
        r.problem(QStringLiteral("id"), QStringLiteral("may hold only letters, digits, '.', '_' and '-'"));
    c.name = r.text(u"name", false);
    if (c.name.isEmpty())
        c.name = c.id;
    c.weight = r.whole(u"weight", 1, 100).value_or(0);
    const QString type = r.text(u"check", true);
    bool typeKnown = false;
    for (const auto &[t, id] : typeIds()) {
        if (type == id) {
            c.type = t;
            typeKnown = true;
        }
    }
    if (!type.isEmpty() && !typeKnown)
        r.problem(QStringLiteral("check"),
            QStringLiteral("\u201c%1\u201d is not a check (expected one of: owner, description, link, on-call, "
                           "lifecycle, dependencies, annotation)")
                .arg(type));
    const bool takesAnnotation = c.type == CriterionType::Annotation || c.type == CriterionType::OnCallResolves;
    if (typeKnown && c.type == CriterionType::HasLink) {
        const QString link = r.text(u"link", true);
        if (const std::optional<LinkCategory> category = linkFromId(link))
            c.link = *category;
        else if (!link.isEmpty())
            r.problem(QStringLiteral("link"),
                QStringLiteral("\u201c%1\u201d is not a link type (expected one of: repository, documentation, "
                               "runbook, dashboard, on-call, chat)")
                    .arg(link));
    } else if (r.has(u"link") && typeKnown) {
        r.problem(QStringLiteral("link"), QStringLiteral("applies only to check: link"));
    }
    if (typeKnown && takesAnnotation)
        c.annotation = r.text(u"annotation", c.type == CriterionType::Annotation);
    else if (r.has(u"annotation") && typeKnown)
        r.problem(QStringLiteral("annotation"), QStringLiteral("applies only to check: annotation or on-call"));
    if (typeKnown && c.type == CriterionType::Annotation) {
        readCheck(r, c);
    } else if (typeKnown) {
        for (const auto &[check, key] : checkKeys())
            if (r.has(key))
                r.problem(key.toString(), QStringLiteral("applies only to check: annotation"));
    }
    if (problems.size() != before)
        return std::nullopt;
    return c;
}

} // namespace

std::variant<Scorecard, QList<Problem>> ScorecardJson::fromJson(const QJsonObject &json, const QString &fallbackId)
{
    QList<Problem> problems;
    Reader r(json, QString(), problems);
    r.allow({ u"id", u"name", u"description", u"appliesTo", u"levels", u"criteria" });
    Scorecard s;
    s.id = r.text(u"id", false);
    if (s.id.isEmpty())
        s.id = fallbackId;
    s.name = r.text(u"name", true);
    s.description = r.text(u"description", false);

    const QJsonValue applies = json.value(u"appliesTo");
    if (applies.isObject()) {
        const QJsonObject object = applies.toObject();
        Reader a(object, QStringLiteral("appliesTo"), problems);
        a.allow({ u"kind", u"type", u"lifecycle", u"owner", u"tag", u"annotation" });
        s.appliesTo.kinds = a.texts(u"kind");
        s.appliesTo.types = a.texts(u"type");
        s.appliesTo.lifecycles = a.texts(u"lifecycle");
        s.appliesTo.owners = a.texts(u"owner");
        s.appliesTo.tags = a.texts(u"tag");
        s.appliesTo.annotations = a.texts(u"annotation");
    } else if (!applies.isUndefined() && !applies.isNull()) {
        problems.append(Problem { QStringLiteral("appliesTo"), QStringLiteral("must be a mapping") });
    }

    const QJsonValue levels = json.value(u"levels");
    if (levels.isObject()) {
        const QJsonObject object = levels.toObject();
        Reader l(object, QStringLiteral("levels"), problems);
        l.allow({ u"bronze", u"silver", u"gold" });
        if (l.has(u"bronze"))
            s.levels.bronze = l.whole(u"bronze", 0, 100).value_or(s.levels.bronze);
        if (l.has(u"silver"))
            s.levels.silver = l.whole(u"silver", 0, 100).value_or(s.levels.silver);
        if (l.has(u"gold"))
            s.levels.gold = l.whole(u"gold", 0, 100).value_or(s.levels.gold);
        if (!(s.levels.bronze <= s.levels.silver && s.levels.silver <= s.levels.gold))
            problems.append(Problem { QStringLiteral("levels"),
                QStringLiteral("must rise: bronze %1, silver %2, gold %3")
                    .arg(s.levels.bronze)
                    .arg(s.levels.silver)
                    .arg(s.levels.gold) });
    } else if (!levels.isUndefined() && !levels.isNull()) {
        problems.append(Problem { QStringLiteral("levels"), QStringLiteral("must be a mapping") });
    }

    const QJsonValue criteria = json.value(u"criteria");
    if (!criteria.isArray() || criteria.toArray().isEmpty()) {
        problems.append(Problem { QStringLiteral("criteria"), QStringLiteral("must be a non-empty list") });
    } else {
        const QJsonArray array = criteria.toArray();
        QSet<QString> ids;
        int total = 0;
        bool allRead = true;
        for (qsizetype i = 0; i < array.size(); ++i) {
            const QString path = QStringLiteral("criteria/%1").arg(i);
            std::optional<Criterion> c = readCriterion(array.at(i), path, problems);
            if (!c) {
                allRead = false;
                continue;
            }
            if (ids.contains(c->id.toLower()))
                problems.append(Problem {
                    path + QStringLiteral("/id"), QStringLiteral("\u201c%1\u201d is used twice").arg(c->id) });
            ids.insert(c->id.toLower());
            total += c->weight;
            s.criteria.append(*c);
        }
        if (allRead && total != 100)
            problems.append(
                Problem { QStringLiteral("criteria"), QStringLiteral("the weights add up to %1, not 100").arg(total) });
    }
    if (!problems.isEmpty())
        return problems;
    return s;
}

QJsonObject ScorecardJson::toJson(const Scorecard &s)
{
    auto list = [](const QStringList &l) { return QJsonArray::fromStringList(l); };
    QJsonObject applies;
    const ScorecardFilter &f = s.appliesTo;
    const std::array<std::pair<QStringView, const QStringList *>, 6> fields { { { QStringLiteral("kind"), &f.kinds },
        { QStringLiteral("type"), &f.types }, { QStringLiteral("lifecycle"), &f.lifecycles },
        { QStringLiteral("owner"), &f.owners }, { QStringLiteral("tag"), &f.tags },
        { QStringLiteral("annotation"), &f.annotations } } };
    for (const auto &[key, values] : fields)
        if (!values->isEmpty())
            applies.insert(key, list(*values));
    QJsonArray criteria;
    for (const Criterion &c : s.criteria) {
        QJsonObject o { { QStringLiteral("id"), c.id }, { QStringLiteral("name"), c.name },
            { QStringLiteral("weight"), c.weight }, { QStringLiteral("check"), criterionTypeId(c.type) } };
        if (c.type == CriterionType::HasLink)
            o.insert(u"link", LinkClassifier::categoryId(c.link));
        if (!c.annotation.isEmpty())
            o.insert(u"annotation", c.annotation);
        if (c.type == CriterionType::Annotation) {
            for (const auto &[check, key] : checkKeys()) {
                if (check != c.check)
                    continue;
                if (check == AnnotationCheck::Present)
                    o.insert(key, true);
                else if (check == AnnotationCheck::Equals)
                    o.insert(key, c.value);
                else
                    o.insert(key, c.number);
            }
        }
        criteria.append(o);
    }
    QJsonObject json { { QStringLiteral("id"), s.id }, { QStringLiteral("name"), s.name },
        { QStringLiteral("criteria"), criteria },
        { QStringLiteral("levels"),
            QJsonObject { { QStringLiteral("bronze"), s.levels.bronze }, { QStringLiteral("silver"), s.levels.silver },
                { QStringLiteral("gold"), s.levels.gold } } } };
    if (!s.description.isEmpty())
        json.insert(u"description", s.description);
    if (!applies.isEmpty())
        json.insert(u"appliesTo", applies);
    return json;
}

QString ScorecardJson::factOf(const Criterion &c)
{
    switch (c.type) {
    case CriterionType::OwnerResolves:
        return QStringLiteral("spec.owner");
    case CriterionType::HasDescription:
        return QStringLiteral("metadata.description");
    // Joined, not formatted with arg(): an evaluation asks for each criterion's fact, for
    // every entity of a recompute.
    case CriterionType::HasLink:
        return QStringLiteral("links: ") + LinkClassifier::categoryId(c.link);
    case CriterionType::OnCallResolves:
        return QStringLiteral("annotation ")
            + (c.annotation.isEmpty() ? QStringLiteral("cairn.dev/on-call") : c.annotation);
    case CriterionType::LifecycleActive:
        return QStringLiteral("spec.lifecycle");
    case CriterionType::DependenciesHealthy:
        return QStringLiteral("spec.dependsOn");
    case CriterionType::Annotation:
        return QStringLiteral("annotation ") + c.annotation;
    }
    return {};
}

QByteArray ScorecardJson::resultsToJson(const ScorecardResult &result)
{
    // Written as text, not built as a QJsonArray: a recompute stores one for every entity
    // and scorecard, and the array's values cost more than the evaluation itself. Room is
    // made once for the most it can take, and the text cut to what it took.
    qsizetype room = 2;
    for (const CriterionResult &c : result.criteria)
        room += 8 + JsonText::roomFor(c.criterionId)
            + JsonText::roomFor(ScorecardEvaluator::findingId(c.evidence.finding)) + JsonText::roomFor(c.evidence.seen)
            + JsonText::roomFor(c.evidence.expected);
    QByteArray text(room, Qt::Uninitialized);
    char *d = text.data();
    *d++ = '[';
    for (const CriterionResult &c : result.criteria) {
        if (d - text.constData() > 1)
            *d++ = ',';
        *d++ = '[';
        d = JsonText::writeString(d, c.criterionId);
        d = std::copy_n(c.passed ? ",1," : ",0,", 3, d);
        d = JsonText::writeString(d, ScorecardEvaluator::findingId(c.evidence.finding));
        if (!c.evidence.seen.isEmpty() || !c.evidence.expected.isEmpty()) {
            *d++ = ',';
            d = JsonText::writeString(d, c.evidence.seen);
        }
        if (!c.evidence.expected.isEmpty()) {
            *d++ = ',';
            d = JsonText::writeString(d, c.evidence.expected);
        }
        *d++ = ']';
    }
    *d++ = ']';
    text.truncate(d - text.constData());
    return text;
}

QList<CriterionResult> ScorecardJson::resultsFromJson(const QJsonArray &json, const Scorecard &scorecard)
{
    QList<CriterionResult> results;
    for (const QJsonValue value : json) {
        const QJsonArray row = value.toArray();
        const QString id = row.at(0).toString();
        CriterionResult r;
        r.criterionId = id;
        r.criterionName = id;
        for (const Criterion &c : scorecard.criteria) {
            if (c.id == id) {
                r.criterionName = c.name;
                r.weight = c.weight;
                r.evidence.fact = factOf(c);
            }
        }
        r.passed = row.at(1).toInt() != 0;
        r.evidence.finding = ScorecardEvaluator::findingFromId(row.at(2).toString()).value_or(Finding::Missing);
        r.evidence.seen = row.at(3).toString();
        r.evidence.expected = row.at(4).toString();
        results.append(r);
    }
    return results;
}

QString ScorecardJson::criterionTypeId(CriterionType type)
{
    for (const auto &[t, id] : typeIds())
        if (t == type)
            return id.toString();
    return {};
}

} // namespace cairn::core
