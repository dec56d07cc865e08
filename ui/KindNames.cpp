// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/KindNames.h"

namespace cairn::ui {

QString KindNames::singular(QStringView kind)
{
    const QString k = kind.toString().toLower();
    if (k == u"component")
        return tr("Component");
    if (k == u"api")
        return tr("API");
    if (k == u"system")
        return tr("System");
    if (k == u"domain")
        return tr("Domain");
    if (k == u"resource")
        return tr("Resource");
    if (k == u"group")
        return tr("Team");
    if (k == u"user")
        return tr("Person");
    if (k == u"project")
        return tr("Project");
    if (k == u"goal")
        return tr("Goal");
    if (k == u"location")
        return tr("Location");
    return kind.toString();
}

QString KindNames::plural(QStringView kind)
{
    const QString k = kind.toString().toLower();
    if (k == u"component")
        return tr("Components");
    if (k == u"api")
        return tr("APIs");
    if (k == u"system")
        return tr("Systems");
    if (k == u"domain")
        return tr("Domains");
    if (k == u"resource")
        return tr("Resources");
    if (k == u"group")
        return tr("Teams");
    if (k == u"user")
        return tr("People");
    if (k == u"project")
        return tr("Projects");
    if (k == u"goal")
        return tr("Goals");
    if (k == u"location")
        return tr("Locations");
    return kind.toString();
}

} // namespace cairn::ui
