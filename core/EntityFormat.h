// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QStringList>
#include <QStringView>

namespace cairn::core {

// The format rules of an entity's fields, as Backstage checks them. Apart from the
// validator so that code making names (importers mapping other formats onto the
// envelope) can check them before it builds a document.

// metadata.name: ^([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]$, at most 63 characters.
bool isValidEntityName(QStringView name);
// metadata.namespace, a DNS label: ^[a-z0-9]+(?:-+[a-z0-9]+)*$, at most 63 characters.
bool isValidNamespace(QStringView ns);
// kind: ^[a-zA-Z][a-z0-9A-Z]*$, at most 63 characters.
bool isValidKind(QStringView kind);
// A tag: ^[a-z0-9:+#]+(-[a-z0-9:+#]+)*$, at most 63 characters.
bool isValidTag(QStringView tag);
// apiVersion: an optional DNS-subdomain group and '/', then 1-63 letters or digits.
bool isValidApiVersion(QStringView apiVersion);
// A label or annotation key: an optional DNS-subdomain prefix and '/', then a valid name.
bool isValidLabelKey(QStringView key);
// A label value: empty, or a valid name.
bool isValidLabelValue(QStringView value);
// A date as Project and Goal use it: ISO 8601, a date (2026-09-01) or a date-time.
bool isValidIsoDate(QStringView text);

// The statuses a Project, a Goal and their updates may take.
QStringList workStatuses();

} // namespace cairn::core
