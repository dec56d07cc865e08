// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/KindSchema.h"

namespace cairn::core {

namespace {

constexpr SpecField componentFields[] = {
    { u"type", SpecShape::Text, true, u"what it is, e.g. service, website or library" },
    { u"lifecycle", SpecShape::Text, true, u"its stage, e.g. experimental, production or deprecated" },
    { u"owner", SpecShape::Ref, true, u"the ref of the group or user that owns it, e.g. group:default/payments" },
    { u"system", SpecShape::Ref },
    { u"subcomponentOf", SpecShape::Ref },
    { u"providesApis", SpecShape::RefList },
    { u"consumesApis", SpecShape::RefList },
    { u"dependsOn", SpecShape::RefList },
    { u"dependencyOf", SpecShape::RefList },
};
// `definition` or, for MCP servers, `remotes` is checked apart: which one depends on type.
constexpr SpecField apiFields[] = {
    { u"type", SpecShape::Text, true, u"the API's format, e.g. openapi, asyncapi, graphql, grpc or mcp-server" },
    { u"lifecycle", SpecShape::Text, true, u"its stage, e.g. experimental, production or deprecated" },
    { u"owner", SpecShape::Ref, true, u"the ref of the group or user that owns it, e.g. group:default/payments" },
    { u"system", SpecShape::Ref },
};
constexpr SpecField resourceFields[] = {
    { u"type", SpecShape::Text, true, u"what it is, e.g. database, s3-bucket or cluster" },
    { u"owner", SpecShape::Ref, true, u"the ref of the group or user that owns it, e.g. group:default/payments" },
    { u"system", SpecShape::Ref },
    { u"dependsOn", SpecShape::RefList },
    { u"dependencyOf", SpecShape::RefList },
};
constexpr SpecField systemFields[] = {
    { u"owner", SpecShape::Ref, true, u"the ref of the group or user that owns it, e.g. group:default/payments" },
    { u"domain", SpecShape::Ref },
    { u"type", SpecShape::Text },
};
constexpr SpecField domainFields[] = {
    { u"owner", SpecShape::Ref, true, u"the ref of the group or user that owns it, e.g. group:default/payments" },
    { u"subdomainOf", SpecShape::Ref },
    { u"type", SpecShape::Text },
};
constexpr SpecField groupFields[] = {
    { u"type", SpecShape::Text, true, u"what kind of group it is, e.g. team, department or business-unit" },
    { u"profile", SpecShape::Object },
    { u"parent", SpecShape::Ref },
    { u"children", SpecShape::RefList, true, u"the refs of its child groups; write [] when it has none" },
    { u"members", SpecShape::RefList },
};
constexpr SpecField userFields[] = {
    { u"profile", SpecShape::Object },
    { u"memberOf", SpecShape::RefList, true, u"the refs of the groups the user belongs to; write [] when none" },
};
constexpr SpecField locationFields[] = {
    { u"type", SpecShape::Text },
    { u"target", SpecShape::Text },
    { u"targets", SpecShape::TextList },
};
constexpr SpecField aiResourceFields[] = {
    { u"type", SpecShape::Text, true, u"what it is, e.g. skill, rule, plugin or marketplace" },
    { u"lifecycle", SpecShape::Text, true, u"its stage, e.g. experimental, production or deprecated" },
    { u"owner", SpecShape::Ref, true, u"the ref of the group or user that owns it, e.g. group:default/payments" },
    { u"system", SpecShape::Ref },
};
constexpr SpecField projectFields[] = {
    { u"owner", SpecShape::Ref, true, u"the ref of the person or group accountable for it, e.g. user:default/jdoe" },
    { u"status", SpecShape::Status, true, u"where it stands" },
    { u"team", SpecShape::Ref },
    { u"startDate", SpecShape::Date },
    { u"targetDate", SpecShape::Date },
    { u"goals", SpecShape::RefList },
    { u"contributors", SpecShape::RefList },
    { u"components", SpecShape::RefList },
};
constexpr SpecField goalFields[] = {
    { u"owner", SpecShape::Ref, true,
        u"the ref of the person or group accountable for it, e.g. group:default/leadership" },
    { u"status", SpecShape::Status, true, u"where it stands" },
    { u"parent", SpecShape::Ref },
    { u"targetDate", SpecShape::Date },
};

constexpr QStringView backstageVersions[] = { u"backstage.io/v1alpha1", u"backstage.io/v1beta1" };
constexpr QStringView backstageAlphaOnly[] = { u"backstage.io/v1alpha1" };
constexpr QStringView cairnVersions[] = { u"cairn.dev/v1" };

constexpr KindSchema kindSchemas[] = {
    { u"Component", componentFields, backstageVersions },
    { u"API", apiFields, backstageVersions },
    { u"Resource", resourceFields, backstageVersions },
    { u"System", systemFields, backstageVersions },
    { u"Domain", domainFields, backstageVersions },
    { u"Group", groupFields, backstageVersions },
    { u"User", userFields, backstageVersions },
    { u"Location", locationFields, backstageVersions },
    { u"AiResource", aiResourceFields, backstageAlphaOnly },
    { u"Project", projectFields, cairnVersions },
    { u"Goal", goalFields, cairnVersions },
};

} // namespace

const KindSchema *KindSchema::find(QStringView kind)
{
    for (const KindSchema &schema : kindSchemas) {
        if (schema.kind.compare(kind, Qt::CaseInsensitive) == 0)
            return &schema;
    }
    return nullptr;
}

} // namespace cairn::core
