// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QStringView>

#include <span>

namespace cairn::core {

// The shape of a spec field's value.
enum class SpecShape {
    Text, // a non-empty string
    TextList, // a list of non-empty strings
    Ref, // a string that parses as a ref completed by its field
    RefList, // a list of those
    Date, // an ISO 8601 date
    Status, // one of workStatuses()
    Object, // a mapping; its inside is checked elsewhere or not at all
};

// One spec field a kind gives meaning to. `what` finishes "is required: ..." and says what
// to write there.
struct SpecField
{
    QStringView key;
    SpecShape shape;
    bool required = false;
    QStringView what = {};
};

// What the spec of a kind Cairn knows holds (the catalog-model JSON schemas for
// Backstage's kinds, docs/architecture.md §1 for Project and Goal), and the apiVersions it
// is defined under. Rules that depend on the value of another field (an API's definition
// or remotes, per-type AiResource fields, Project updates, Goal progress) live in the
// validator.
struct KindSchema
{
    QStringView kind; // as spelled in the schemas
    std::span<const SpecField> fields;
    std::span<const QStringView> apiVersions;

    // The schema of `kind`, compared case-insensitively; null for a kind Cairn does not
    // know (which is allowed: only its envelope is checked).
    static const KindSchema *find(QStringView kind);
};

} // namespace cairn::core
