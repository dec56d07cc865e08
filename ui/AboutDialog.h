// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDialog>
#include <QUrl>

#include <functional>

class QLabel;
class QPushButton;

namespace cairn::ui {

// Help ▸ About Cairn: the version, the libraries it runs with (Qt, SQLite, Graphviz), the
// licence, and the cache file with a button that opens its folder, so that someone asked
// "which version, and where is your data?" can answer from here.
class AboutDialog final : public QDialog
{
    Q_OBJECT

public:
    explicit AboutDialog(const QString &cachePath, QWidget *parent = nullptr);

    // What opens the cache's folder (QDesktopServices by default; tests replace it).
    void setFolderOpener(std::function<void(const QUrl &)> opener) { m_openFolder = std::move(opener); }

    QLabel *details() const { return m_details; }
    QPushButton *openFolderButton() const { return m_openFolderButton; }

private:
    QString m_cachePath;
    QLabel *m_details = nullptr;
    QPushButton *m_openFolderButton = nullptr;
    std::function<void(const QUrl &)> m_openFolder;
};

} // namespace cairn::ui
