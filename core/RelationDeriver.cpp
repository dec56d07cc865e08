// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/RelationDeriver.h"

#include "core/RelationType.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QSet>

#include <span>

namespace cairn::core {

namespace {

// A spec field that holds refs, and the relation it makes from the entity to each of them.
struct RefField
{
    QStringView field;
    QStringView type;
};

using namespace relation;

// Fields every kind may carry. Kinds Cairn has no table for (AiResource, or a kind a
// catalog invents) still get these, because "who owns it" and "what it needs" matter for
// anything a catalog lists; fields whose meaning depends on the kind are left alone.
constexpr RefField commonFields[] = {
    { u"owner", OwnedBy },
    { u"system", PartOf },
    { u"dependsOn", DependsOn },
    { u"dependencyOf", DependencyOf },
};

constexpr RefField componentFields[] = {
    { u"owner", OwnedBy },
    { u"system", PartOf },
    { u"subcomponentOf", PartOf },
    { u"providesApis", ProvidesApi },
    { u"consumesApis", ConsumesApi },
    { u"dependsOn", DependsOn },
    { u"dependencyOf", DependencyOf },
};
constexpr RefField apiFields[] = { { u"owner", OwnedBy }, { u"system", PartOf } };
constexpr RefField resourceFields[]
    = { { u"owner", OwnedBy }, { u"system", PartOf }, { u"dependsOn", DependsOn }, { u"dependencyOf", DependencyOf } };
constexpr RefField systemFields[] = { { u"owner", OwnedBy }, { u"domain", PartOf } };
constexpr RefField domainFields[] = { { u"owner", OwnedBy }, { u"subdomainOf", PartOf } };
constexpr RefField groupFields[] = { { u"parent", ChildOf }, { u"children", ParentOf }, { u"members", HasMember } };
constexpr RefField userFields[] = { { u"memberOf", MemberOf } };
constexpr RefField projectFields[] = {
    { u"owner", OwnedBy },
    { u"team", HasTeam },
    { u"goals", ContributesTo },
    { u"contributors", HasContributor },
    { u"components", WorksOn },
};
constexpr RefField goalFields[] = { { u"owner", OwnedBy }, { u"parent", ChildOf } };
// A Location points at files, not entities.
constexpr std::span<const RefField> noFields;

std::span<const RefField> fieldsFor(const Entity &entity)
{
    if (entity.isKind(u"Component"))
        return componentFields;
    if (entity.isKind(u"API"))
        return apiFields;
    if (entity.isKind(u"Resource"))
        return resourceFields;
    if (entity.isKind(u"System"))
        return systemFields;
    if (entity.isKind(u"Domain"))
        return domainFields;
    if (entity.isKind(u"Group"))
        return groupFields;
    if (entity.isKind(u"User"))
        return userFields;
    if (entity.isKind(u"Project"))
        return projectFields;
    if (entity.isKind(u"Goal"))
        return goalFields;
    if (entity.isKind(u"Location"))
        return noFields;
    return commonFields;
}

// Collects relations in order, each once, each with its inverse unless only what the
// entity states is wanted.
class RelationSet
{
public:
    enum class Inverses { Add, Leave };
    explicit RelationSet(Inverses inverses)
        : m_inverses(inverses)
    { }

    void add(QStringView type, const EntityRef &source, const EntityRef &target)
    {
        if (source.isNull() || target.isNull() || type.isEmpty())
            return;
        insert(Relation { type.toString(), source, target });
        if (m_inverses == Inverses::Leave)
            return;
        const QString inverse = inverseOf(type);
        if (!inverse.isEmpty())
            insert(Relation { inverse, target, source });
    }

    QList<Relation> take() { return std::move(m_relations); }

private:
    void insert(Relation relation)
    {
        if (m_seen.contains(relation))
            return;
        m_seen.insert(relation);
        m_relations.append(std::move(relation));
    }

    Inverses m_inverses;
    QList<Relation> m_relations;
    QSet<Relation> m_seen;
};

// The target of one entry of a server's `relations` array: `targetRef`, or the
// deprecated `target: {kind, namespace, name}` older servers send.
EntityRef serverTarget(const QJsonObject &relation)
{
    const QJsonValue targetRef = relation.value(u"targetRef");
    if (targetRef.isString()) {
        Result<EntityRef> parsed = EntityRef::parse(targetRef.toString());
        return parsed ? std::move(parsed).value() : EntityRef();
    }
    const QJsonObject target = relation.value(u"target").toObject();
    const QString kind = target.value(u"kind").toString();
    const QString ns = target.value(u"namespace").toString();
    const QString name = target.value(u"name").toString();
    if (kind.isEmpty() || name.isEmpty())
        return {};
    return EntityRef(kind, ns.isEmpty() ? QStringLiteral("default") : ns, name);
}

QList<Relation> derive(const Entity &entity, RelationSet::Inverses inverses)
{
    const EntityRef self = entity.ref();
    if (self.isNull())
        return {};
    RelationSet relations(inverses);
    for (const RefField &field : fieldsFor(entity)) {
        const QList<EntityRef> targets = entity.specRefs(field.field);
        for (const EntityRef &target : targets)
            relations.add(field.type, self, target);
    }
    return relations.take();
}

QList<Relation> fromServer(const Entity &entity)
{
    const EntityRef self = entity.ref();
    if (self.isNull())
        return {};
    RelationSet relations(RelationSet::Inverses::Add);
    const QJsonArray array = entity.document().value(u"relations").toArray();
    for (const QJsonValue item : array) {
        const QJsonObject relation = item.toObject();
        relations.add(relation.value(u"type").toString(), self, serverTarget(relation));
    }
    return relations.take();
}

// Each stated relation once. An entity states a handful, so a list is searched; a group
// with hundreds of members switches to a set.
class StatedSet
{
public:
    void add(QString type, QString targetKey)
    {
        if (type.isEmpty() || targetKey.isEmpty())
            return;
        StatedRelation relation { std::move(type), std::move(targetKey) };
        if (m_relations.size() < LinearUpTo) {
            if (m_relations.contains(relation))
                return;
            m_relations.append(std::move(relation));
            return;
        }
        if (m_seen.isEmpty()) {
            for (const StatedRelation &known : std::as_const(m_relations))
                m_seen.insert(seenKey(known));
        }
        QString key = seenKey(relation);
        if (m_seen.contains(key))
            return;
        m_seen.insert(std::move(key));
        m_relations.append(std::move(relation));
    }

    QList<StatedRelation> take() { return std::move(m_relations); }

private:
    static constexpr qsizetype LinearUpTo = 32;
    static QString seenKey(const StatedRelation &relation) { return relation.type + u'\n' + relation.targetKey; }

    QList<StatedRelation> m_relations;
    QSet<QString> m_seen;
};

// The key of a server relation's target. Servers send complete refs (`kind:namespace/name`):
// valid ones are lower-cased as they are, which is their key; anything else goes through
// serverTarget() and its defaults.
QString serverTargetKey(const QJsonObject &relation)
{
    const QJsonValue targetRef = relation.value(u"targetRef");
    if (targetRef.isString()) {
        const QString text = targetRef.toString().trimmed(); // as parse() reads it
        const qsizetype colon = text.indexOf(u':');
        const qsizetype slash = text.indexOf(u'/');
        if (colon > 0 && slash > colon && EntityRef::check(text))
            return text.toLower();
    }
    return serverTarget(relation).key();
}

} // namespace

QList<Relation> deriveRelations(const Entity &entity)
{
    return derive(entity, RelationSet::Inverses::Add);
}

QList<Relation> relationsOf(const Entity &entity)
{
    return entity.hasRelations() ? fromServer(entity) : deriveRelations(entity);
}

QList<StatedRelation> statedRelationsOf(const Entity &entity)
{
    if (entity.ref().isNull())
        return {};
    StatedSet relations;
    if (entity.hasRelations()) {
        const QJsonArray array = entity.document().value(u"relations").toArray();
        for (const QJsonValue item : array) {
            const QJsonObject relation = item.toObject();
            relations.add(relation.value(u"type").toString(), serverTargetKey(relation));
        }
        return relations.take();
    }
    for (const Relation &relation : derive(entity, RelationSet::Inverses::Leave))
        relations.add(relation.type, relation.target.key());
    return relations.take();
}

} // namespace cairn::core
