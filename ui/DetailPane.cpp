// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/DetailPane.h"

#include "cache/CatalogQuery.h"
#include "models/BackgroundReader.h"
#include "ui/AnswerHtml.h"

#include <QApplication>
#include <QClipboard>
#include <QDesktopServices>
#include <QHBoxLayout>
#include <QIcon>
#include <QLabel>
#include <QScrollBar>
#include <QTextBrowser>
#include <QToolButton>
#include <QVBoxLayout>

namespace cairn::ui {

DetailPane::DetailPane(const core::CatalogLookup &lookup, QWidget *parent)
    : QWidget(parent)
    , m_lookup(lookup)
    , m_placeholder(new QLabel(this))
    , m_browser(new QTextBrowser(this))
    , m_copyRef(new QToolButton(this))
{
    setObjectName(QStringLiteral("detailPane"));
    m_browser->setObjectName(QStringLiteral("detailBrowser"));
    m_browser->setOpenLinks(false);
    m_browser->setFrameShape(QFrame::NoFrame);
    m_browser->setAccessibleName(tr("Entity details"));
    m_browser->document()->setDocumentMargin(12);

    m_placeholder->setObjectName(QStringLiteral("detailPlaceholder"));
    m_placeholder->setAlignment(Qt::AlignCenter);
    m_placeholder->setWordWrap(true);
    m_placeholder->setText(tr("Select an entity to see what it is, why it exists, who owns it and how to work with "
                              "it.\n\nOr ask: Ctrl+K"));
    m_placeholder->setForegroundRole(QPalette::PlaceholderText);

    m_copyRef->setObjectName(QStringLiteral("copyRefButton"));
    m_copyRef->setIcon(QIcon(QStringLiteral(":/icons/copy.svg")));
    m_copyRef->setText(tr("Copy ref"));
    m_copyRef->setToolTip(tr("Copy this entity's reference (kind:namespace/name)"));
    m_copyRef->setAccessibleName(tr("Copy reference"));
    m_copyRef->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    m_copyRef->setAutoRaise(true);
    m_copyRef->setEnabled(false);

    auto *bar = new QHBoxLayout;
    bar->setContentsMargins(6, 4, 6, 0);
    bar->addStretch();
    bar->addWidget(m_copyRef);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addLayout(bar);
    layout->addWidget(m_placeholder, 1);
    layout->addWidget(m_browser, 1);
    m_browser->hide();

    connect(m_browser, &QTextBrowser::anchorClicked, this, &DetailPane::openLink);
    connect(m_browser, qOverload<const QUrl &>(&QTextBrowser::highlighted), this,
        [this](const QUrl &url) { Q_EMIT linkHovered(url.toString()); });
    connect(m_copyRef, &QToolButton::clicked, this, &DetailPane::copyRef);
}

QString DetailPane::unreadable(const core::EntityRef &ref, const QString &error)
{
    return QStringLiteral("<p>%1</p>")
        .arg(tr("Could not read %1 from the cache: %2").arg(ref.toString(), error).toHtmlEscaped());
}

QString DetailPane::htmlFor(const core::CatalogLookup &lookup, const core::EntityRef &ref,
    const core::AnswerOptions &options, const QPalette &palette, const QLocale &locale)
{
    const AnswerHtml html(palette, locale, options.today);
    core::AnswerEngine engine(lookup, options);
    core::Result<std::optional<core::EntityRecord>> record = lookup.find(ref);
    if (!record)
        return unreadable(ref, record.errorString());
    if (!record->has_value())
        return html.renderMissing(ref);
    core::Result<core::Answer> answer = engine.answer(**record);
    if (!answer) {
        return QStringLiteral("<p>%1</p>")
            .arg(tr("Could not answer for %1: %2").arg(ref.toString(), answer.errorString()).toHtmlEscaped());
    }
    return html.render(*answer);
}

void DetailPane::render(const core::EntityRef &ref)
{
    ++m_shown; // an answer still on its way from the reader is for what was shown before
    m_browser->setHtml(htmlFor(m_lookup, ref, m_options, palette(), locale()));
}

void DetailPane::showEntity(const core::EntityRef &ref)
{
    if (ref.isNull()) {
        showNothing();
        return;
    }
    m_ref = ref;
    render(ref);
    m_placeholder->hide();
    m_browser->show();
    m_copyRef->setEnabled(true);
}

void DetailPane::showAskResult(const core::AskResult &result)
{
    ++m_shown;
    const AnswerHtml html(palette(), locale(), m_options.today);
    m_ref = result.outcome == core::AskOutcome::Answer && result.answer ? result.answer->entity.ref : core::EntityRef();
    m_browser->setHtml(html.render(result));
    m_placeholder->hide();
    m_browser->show();
    m_copyRef->setEnabled(!m_ref.isNull());
}

void DetailPane::showNothing()
{
    ++m_shown;
    m_ref = {};
    m_browser->clear();
    m_browser->hide();
    m_placeholder->show();
    m_copyRef->setEnabled(false);
}

void DetailPane::reload()
{
    if (m_ref.isNull())
        return;
    if (!m_reader) {
        ++m_shown;
        showKeepingScroll(htmlFor(m_lookup, m_ref, m_options, palette(), locale()));
        return;
    }
    // The answer reads the entity, its relations and their names: right after another
    // connection's commit, all from disk. Built on the reader; shown if still wanted.
    const quint64 shown = m_shown;
    m_reader->run([this, shown, ref = m_ref, options = m_options, palette = palette(), locale = locale()](
                      core::Result<cache::Cache *> connection) {
        QString html = connection ? htmlFor(cache::CatalogQuery(**connection), ref, options, palette, locale)
                                  : unreadable(ref, connection.errorString());
        models::BackgroundReader::deliver(this, [this, shown, html = std::move(html)] {
            if (shown != m_shown)
                return;
            showKeepingScroll(html);
            Q_EMIT reloaded();
        });
    });
}

void DetailPane::showKeepingScroll(const QString &html)
{
    const int scroll = m_browser->verticalScrollBar()->value();
    m_browser->setHtml(html);
    m_browser->verticalScrollBar()->setValue(scroll);
}

void DetailPane::openLink(const QUrl &url)
{
    if (const std::optional<core::EntityRef> ref = AnswerHtml::refFromUrl(url)) {
        Q_EMIT entityLinkActivated(*ref);
        return;
    }
    QDesktopServices::openUrl(url);
}

void DetailPane::copyRef()
{
    if (!m_ref.isNull())
        QApplication::clipboard()->setText(m_ref.toString());
}

} // namespace cairn::ui
