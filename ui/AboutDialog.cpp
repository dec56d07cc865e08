// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/AboutDialog.h"

#include "cache/Database.h"
#include "ui/GraphLayout.h"

#include <QApplication>
#include <QDesktopServices>
#include <QDialogButtonBox>
#include <QDir>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QIcon>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

namespace cairn::ui {

AboutDialog::AboutDialog(const QString &cachePath, QWidget *parent)
    : QDialog(parent)
    , m_cachePath(cachePath)
    , m_openFolder([](const QUrl &url) { QDesktopServices::openUrl(url); })
{
    setWindowTitle(tr("About Cairn"));
    auto *icon = new QLabel(this);
    icon->setPixmap(QApplication::windowIcon().pixmap(64, 64));
    icon->setAlignment(Qt::AlignTop);

    auto *title = new QLabel(
        QStringLiteral("<h2>Cairn %1</h2>").arg(QCoreApplication::applicationVersion().toHtmlEscaped()), this);
    auto *about = new QLabel(tr("An offline-first directory of your organisation's work: what each project, goal, "
                                "team and component is, why it exists, who owns it and how to work with it."),
        this);
    about->setWordWrap(true);

    // Runtime versions, and the Qt it was built with when they differ: what a bug report needs.
    QString qt = QString::fromLatin1(qVersion());
    if (qt != QLatin1StringView(QT_VERSION_STR))
        qt = tr("%1 (built with %2)").arg(qt, QStringLiteral(QT_VERSION_STR));
    const auto row = [](const QString &label, const QString &value) {
        return QStringLiteral("<tr><td style=\"padding-right:12px\"><b>%1</b></td><td>%2</td></tr>")
            .arg(label.toHtmlEscaped(), value.toHtmlEscaped());
    };
    m_details = new QLabel(this);
    m_details->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_details->setText(QStringLiteral("<table>%1%2%3%4%5%6</table>")
                           .arg(row(tr("Version"), QCoreApplication::applicationVersion()), row(tr("Qt"), qt),
                               row(tr("SQLite"), cache::Database::sqliteVersion()),
                               row(tr("Graphviz"), GraphLayout::graphvizVersion()),
                               row(tr("Licence"), QStringLiteral("GPL-3.0-or-later")),
                               row(tr("Cache"), QDir::toNativeSeparators(cachePath))));

    m_openFolderButton = new QPushButton(tr("Open the cache's folder"), this);
    m_openFolderButton->setObjectName(QStringLiteral("openCacheFolder"));
    connect(m_openFolderButton, &QPushButton::clicked, this,
        [this] { m_openFolder(QUrl::fromLocalFile(QFileInfo(m_cachePath).absolutePath())); });

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    buttons->addButton(m_openFolderButton, QDialogButtonBox::ActionRole);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *text = new QVBoxLayout;
    text->addWidget(title);
    text->addWidget(about);
    text->addSpacing(8);
    text->addWidget(m_details);
    auto *top = new QHBoxLayout;
    top->addWidget(icon);
    top->addLayout(text, 1);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addWidget(buttons);
    setMinimumWidth(460);
}

} // namespace cairn::ui
