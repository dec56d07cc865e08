// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/AnswerEngine.h"
#include "core/AskEngine.h"

#include <QWidget>

class QLabel;
class QTextBrowser;
class QToolButton;

namespace cairn::models {
class BackgroundReader;
}

namespace cairn::ui {

// The right-hand pane: one entity's What / Why / Who / How, built by the answers engine
// from the cache, every name a link. Cairn links navigate (entityLinkActivated); web
// links and e-mail addresses go to the system's browser and mail program.
class DetailPane final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DetailPane)

public:
    explicit DetailPane(const core::CatalogLookup &lookup, QWidget *parent = nullptr);

    void showEntity(const core::EntityRef &ref);
    void showAskResult(const core::AskResult &result);
    void showNothing();
    // Renders the current entity again from the cache, keeping the scroll position: on
    // `reader`'s thread when one is set (then reloaded() says it is shown), else now.
    void reload();
    void setReader(models::BackgroundReader *reader) { m_reader = reader; }

    core::EntityRef currentRef() const { return m_ref; }
    QTextBrowser *browser() const { return m_browser; }
    // Tests and benchmarks pin "today", which stale projects and "days ago" depend on.
    void setAnswerOptions(const core::AnswerOptions &options) { m_options = options; }

Q_SIGNALS:
    void entityLinkActivated(const cairn::core::EntityRef &ref);
    // The URL under the mouse, for the status bar; empty when it leaves a link.
    void linkHovered(const QString &url);
    // A reload() read on the reader is on screen.
    void reloaded();

private:
    void openLink(const QUrl &url);
    void copyRef();
    void render(const core::EntityRef &ref);
    void showKeepingScroll(const QString &html);
    static QString unreadable(const core::EntityRef &ref, const QString &error);
    // The page for `ref`: its answers, or what kept Cairn from giving them. Any thread.
    static QString htmlFor(const core::CatalogLookup &lookup, const core::EntityRef &ref,
        const core::AnswerOptions &options, const QPalette &palette, const QLocale &locale);

    const core::CatalogLookup &m_lookup;
    core::AnswerOptions m_options;
    core::EntityRef m_ref;
    QLabel *m_placeholder = nullptr;
    QTextBrowser *m_browser = nullptr;
    QToolButton *m_copyRef = nullptr;
    models::BackgroundReader *m_reader = nullptr;
    quint64 m_shown = 0; // counts what the pane was asked to show
};

} // namespace cairn::ui
