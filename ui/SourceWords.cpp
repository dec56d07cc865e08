// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/SourceWords.h"

#include "sync/SourceFactory.h"

#include <QLocale>
#include <QStringList>

namespace cairn::ui {

using sync::SourceFactory;
using Problem = sync::SourceRegistry::Problem;
using Verdict = sync::ConnectionTest::Verdict;

QString SourceWords::kind(const QString &kind)
{
    if (kind == SourceFactory::kindBackstage())
        return tr("Backstage catalog");
    if (kind == SourceFactory::kindBundle())
        return tr("Bundle");
    if (kind == SourceFactory::kindFiles())
        return tr("Folder of catalog files");
    if (kind == SourceFactory::kindSample())
        return tr("Sample organisation");
    return kind;
}

QString SourceWords::tokenPlace(const cache::SourceInfo &source)
{
    switch (sync::SourceRegistry::tokenPlace(source)) {
    case sync::SourceRegistry::TokenPlace::Keychain:
        return tr("System keychain");
    case sync::SourceRegistry::TokenPlace::Environment:
        return QStringLiteral("$") + sync::SourceRegistry::tokenVariable(source);
    case sync::SourceRegistry::TokenPlace::None:
        break;
    }
    return tr("None");
}

QString SourceWords::problem(
    Problem problem, const sync::SourceRegistry::Request &request, const sync::SourceRegistry::Addition &addition)
{
    switch (problem) {
    case Problem::None:
        break;
    case Problem::BlankName:
        return tr("Give the source a name: one line of text.");
    case Problem::UnknownKind:
        return tr("Choose what kind of source this is.");
    case Problem::NotHttpUrl:
        return tr("Give the http(s) address of the catalog API, such as https://backstage.example.com/api/catalog.");
    case Problem::SecretInUrl:
        return tr("This address carries a user name, a password or a query. Cairn stores a source's address in its "
                  "cache, where a secret must never go, so it refuses it: take it out of the address and give the "
                  "token below instead.");
    case Problem::NoSuchFile:
        return tr("There is no file at %1. Give a bundle's http(s) address, or choose an existing file.")
            .arg(request.location);
    case Problem::NoSuchFolder:
        return tr("There is no folder at %1. Choose an existing folder.").arg(request.location);
    case Problem::NameTaken:
        return tr("Another source has this name: %1 (%2, %3). Choose another name, or edit that source.")
            .arg(addition.source.name, kind(addition.source.kind), addition.source.location);
    case Problem::NoTokenVariable:
        return tr("Name the environment variable that holds the token, such as CATALOG_TOKEN.");
    case Problem::NoToken:
        return tr("Type the token to keep in the system keychain, or choose another place for it.");
    case Problem::KeychainFailed:
        return tr("The system keychain did not take the token: %1 Unlock the keychain and save again, or keep the "
                  "token in an environment variable instead.")
            .arg(addition.detail);
    }
    return QString();
}

QString SourceWords::tlsReason(const QSslError &error)
{
    switch (error.error()) {
    case QSslError::SelfSignedCertificate:
    case QSslError::SelfSignedCertificateInChain:
        return tr("it is self-signed, and this computer does not trust it");
    case QSslError::UnableToGetLocalIssuerCertificate:
    case QSslError::UnableToGetIssuerCertificate:
    case QSslError::UnableToVerifyFirstCertificate:
    case QSslError::CertificateUntrusted:
        return tr("it was signed by an authority this computer does not trust");
    case QSslError::CertificateExpired:
        return tr("it expired on %1").arg(error.certificate().expiryDate().date().toString(Qt::ISODate));
    case QSslError::CertificateNotYetValid:
        return tr("it is not valid before %1").arg(error.certificate().effectiveDate().date().toString(Qt::ISODate));
    case QSslError::HostNameMismatch:
        return tr("it was issued for another host name");
    case QSslError::CertificateRevoked:
        return tr("it was revoked");
    default:
        break;
    }
    return error.errorString();
}

QString SourceWords::finding(const sync::ConnectionTest::Finding &finding, const QString &kind, bool tokenSent)
{
    const QString host = finding.host;
    switch (finding.verdict) {
    case Verdict::Reached:
        if (kind == SourceFactory::kindBackstage())
            return tr("Connected: the catalog lists %Ln entities.", nullptr, int(finding.entities));
        if (kind == SourceFactory::kindBundle()) {
            QString text = tr("Read: the bundle holds %Ln entities.", nullptr, int(finding.entities));
            if (finding.problems > 0)
                text += u' ' + tr("%Ln of its items are not entities and would be skipped.", nullptr, finding.problems);
            return text;
        }
        if (finding.files == 0)
            return tr("The folder holds no catalog file Cairn can read (catalog-info.yaml, compass.yml, or other "
                      "YAML and JSON files of entities).");
        {
            // One sentence for the translator; the entities' number in the same locale as %Ln's.
            QString text = tr("Read: %Ln catalog files with %1 entities.", nullptr, finding.files)
                               .arg(QLocale().toString(finding.entities));
            if (finding.problems > 0)
                text += u' ' + tr("%Ln documents are not entities and would be skipped.", nullptr, finding.problems);
            return text;
        }
    case Verdict::HostNotFound:
        return tr("Host not found: %1 has no address (DNS). Check the address for a typo, and that this computer "
                  "is on the network (or VPN) that knows it.")
            .arg(host);
    case Verdict::Refused:
        return tr("Connection refused: nothing answers at %1 on port %2. Check the address and the port, and that the "
                  "server is running.")
            .arg(host)
            .arg(finding.port);
    case Verdict::TimedOut:
        return tr("Timed out: %1 did not take the connection on port %2. The server may be down, or a firewall in "
                  "the way.")
            .arg(host)
            .arg(finding.port);
    case Verdict::NoAnswer:
        return tr("No answer: %1 took the connection but its answer did not come, or broke off. Check that this is "
                  "the server's address and port, and that the server is healthy.")
            .arg(host);
    case Verdict::Unreachable:
        return tr("Could not reach %1. Check the network and the proxy settings.").arg(host);
    case Verdict::Tls:
        if (!finding.tlsErrors.isEmpty()) {
            QStringList reasons;
            for (const QSslError &error : finding.tlsErrors) {
                const QString reason = tlsReason(error);
                if (!reasons.contains(reason))
                    reasons.append(reason);
            }
            return tr("Certificate not trusted: the certificate of %1 was refused because %2. Nothing was sent, not "
                      "even the token. If your organisation has its own certificate authority, install it in this "
                      "computer's trust store.")
                .arg(host, reasons.join(tr("; and ")));
        }
        return tr("The secure connection to %1 failed. Nothing was sent, not even the token.").arg(host);
    case Verdict::TokenRefused:
        if (!tokenSent)
            return tr("The server wants a token: choose where the token lives below, and test again.");
        return tr("The token was refused: the server does not accept it for this catalog. Check that it is the right "
                  "one, that it has not expired, and that it may read the catalog.");
    case Verdict::NothingThere:
        if (kind == SourceFactory::kindFiles())
            return tr("There is no such folder.");
        if (host.isEmpty())
            return tr("There is no such file.");
        if (kind == SourceFactory::kindBackstage())
            return tr("Nothing at this address (HTTP 404): the server is there, but not a catalog at this path. A "
                      "catalog's address usually ends in /api/catalog.");
        return tr("Nothing at this address (HTTP 404): the server is there, but not a bundle at this path.");
    case Verdict::NotACatalog:
        return tr("Not a Backstage catalog: %1 answered, but not with the catalog's JSON. A catalog's address "
                  "usually ends in /api/catalog.")
            .arg(host);
    case Verdict::Unreadable:
        return tr("Cannot read a bundle here: what was read is not one, or not whole. A bundle is a JSON array of "
                  "entities, an object with an \"items\" array, or NDJSON; the details below say what was found.");
    case Verdict::ServerFailing:
        return tr("The server is failing: it answered with an error of its own. Try again later, or tell its "
                  "operators.");
    case Verdict::Cancelled:
        return tr("Test cancelled.");
    case Verdict::Failed:
        break;
    }
    return tr("The test failed.");
}

} // namespace cairn::ui
