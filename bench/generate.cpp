// SPDX-License-Identifier: GPL-3.0-or-later
// cairn_generate N FILE: writes a synthetic organisation of N entities as NDJSON.
#include <QCoreApplication>
#include <QFile>
#include <QJsonDocument>
#include <QTextStream>

#include "testsupport/SyntheticOrganisation.h"

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    bool ok = false;
    const int count = args.size() == 3 ? args.at(1).toInt(&ok) : 0;
    if (!ok || count <= 0) {
        QTextStream(stderr) << "usage: cairn_generate N FILE.ndjson\n";
        return 2;
    }
    QFile file(args.at(2));
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate)) {
        QTextStream(stderr) << "cairn_generate: cannot write " << file.fileName() << ": " << file.errorString() << "\n";
        return 1;
    }
    const cairn::testsupport::SyntheticOrganisation organisation(count);
    for (const cairn::core::Entity &entity : organisation.entities()) {
        file.write(QJsonDocument(entity.document()).toJson(QJsonDocument::Compact));
        file.write("\n");
    }
    if (!file.flush()) {
        QTextStream(stderr) << "cairn_generate: cannot write " << file.fileName() << ": " << file.errorString() << "\n";
        return 1;
    }
    return 0;
}
