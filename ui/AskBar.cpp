// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/AskBar.h"

#include "cache/CatalogQuery.h"
#include "models/ItemRoles.h"
#include "models/SearchResultsModel.h"
#include "ui/KindNames.h"
#include "ui/TrailingTextDelegate.h"

#include <QEvent>
#include <QFrame>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QVBoxLayout>

namespace cairn::ui {

namespace {

constexpr int PopupRows = 10;

} // namespace

AskBar::AskBar(cache::CatalogQuery &query, QWidget *popupParent, QWidget *parent)
    : QWidget(parent)
    , m_lookup(query)
    , m_popupParent(popupParent)
    , m_edit(new QLineEdit(this))
    , m_model(new models::SearchResultsModel(query, this))
    , m_popup(new QFrame(popupParent))
    , m_message(new QLabel(m_popup))
    , m_list(new QListView(m_popup))
{
    setObjectName(QStringLiteral("askBar"));
    m_edit->setObjectName(QStringLiteral("askEdit"));
    m_edit->setPlaceholderText(tr("Ask: who owns checkout-service?  (Ctrl+K)"));
    m_edit->setAccessibleName(tr("Ask a question"));
    m_edit->setToolTip(tr("Type a question (who owns X, why X, how do I deploy X, projects at risk) or words. "
                          "Enter asks; Up and Down pick a match."));
    m_edit->setClearButtonEnabled(true);
    m_edit->setMaxLength(core::AskEngine::MaxQuestionLength); // a pasted page is cut, not refused
    m_edit->addAction(QIcon(QStringLiteral(":/icons/search.svg")), QLineEdit::LeadingPosition);
    m_edit->setMinimumWidth(320);
    m_edit->installEventFilter(this);

    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_edit);

    m_popup->setObjectName(QStringLiteral("askPopup"));
    m_popup->setFrameShape(QFrame::StyledPanel);
    m_popup->setAutoFillBackground(true);
    m_popup->setBackgroundRole(QPalette::Base);
    m_message->setObjectName(QStringLiteral("askMessage"));
    m_message->setWordWrap(true);
    m_message->setContentsMargins(8, 6, 8, 2);
    m_list->setObjectName(QStringLiteral("askResults"));
    m_list->setAccessibleName(tr("Matches"));
    m_list->setModel(m_model);
    m_list->setFocusPolicy(Qt::NoFocus);
    m_list->setFrameShape(QFrame::NoFrame);
    m_list->setUniformItemSizes(true);
    m_list->setSelectionMode(QAbstractItemView::SingleSelection);
    m_list->setIconSize(QSize(18, 18));
    // Each match with its kind's icon and name: "wayback-archive" alone does not say which.
    m_list->setItemDelegate(new TrailingTextDelegate(
        models::KindRole,
        [](const QModelIndex &index) {
            QString note = KindNames::singular(index.data(models::KindRole).toString());
            if (index.data(models::RemovedRole).toBool())
                note = tr("%1, removed upstream").arg(note);
            return note;
        },
        m_list));
    auto *popupLayout = new QVBoxLayout(m_popup);
    popupLayout->setContentsMargins(1, 1, 1, 1);
    popupLayout->setSpacing(0);
    popupLayout->addWidget(m_message);
    popupLayout->addWidget(m_list);
    m_popup->hide();

    connect(m_edit, &QLineEdit::textEdited, this, &AskBar::updateResults);
    connect(m_edit, &QLineEdit::returnPressed, this, [this] {
        const QModelIndex current = m_list->currentIndex();
        if (isPopupVisible() && current.isValid() && m_list->selectionModel()->isSelected(current))
            choose(current);
        else
            ask();
    });
    connect(m_list, &QListView::clicked, this, &AskBar::choose);
    m_popupParent->installEventFilter(this);
}

bool AskBar::isPopupVisible() const
{
    return m_popup->isVisible();
}

void AskBar::activate()
{
    m_edit->setFocus(Qt::ShortcutFocusReason);
    m_edit->selectAll();
}

void AskBar::updateResults(const QString &text)
{
    if (core::Status searched = m_model->setText(text.trimmed()); !searched) {
        showPopup(tr("Could not search the cache: %1").arg(searched.errorString()));
        return;
    }
    if (m_model->rowCount() == 0) {
        hidePopup();
        return;
    }
    showPopup({});
}

void AskBar::showMatches(const QString &text)
{
    m_edit->setText(text);
    updateResults(text);
}

void AskBar::ask()
{
    const QString question = m_edit->text().trimmed();
    if (question.isEmpty())
        return;
    core::AskEngine engine(m_lookup, m_options);
    core::Result<core::AskResult> result = engine.ask(question);
    if (!result) {
        m_model->setItems({});
        showPopup(tr("Could not answer: %1").arg(result.errorString()));
        return;
    }
    switch (result->outcome) {
    case core::AskOutcome::Answer:
        hidePopup();
        Q_EMIT answered(*result);
        return;
    case core::AskOutcome::Candidates:
        m_model->setCandidates(result->candidates);
        showPopup(result->headline.isEmpty() ? tr("Which one do you mean?") : result->headline);
        return;
    case core::AskOutcome::List:
    case core::AskOutcome::Search:
    case core::AskOutcome::NotFound:
        hidePopup();
        Q_EMIT answered(*result);
        return;
    }
}

void AskBar::choose(const QModelIndex &index)
{
    const core::EntityRef ref = index.data(models::RefRole).value<core::EntityRef>();
    if (ref.isNull())
        return;
    hidePopup();
    Q_EMIT entityChosen(ref);
}

void AskBar::showPopup(const QString &message)
{
    m_message->setText(message);
    m_message->setVisible(!message.isEmpty());
    m_list->setVisible(m_model->rowCount() > 0);
    m_list->clearSelection();
    m_list->setCurrentIndex({});
    placePopup();
    m_popup->show();
    m_popup->raise();
}

void AskBar::hidePopup()
{
    m_popup->hide();
}

void AskBar::placePopup()
{
    const QPoint topLeft = m_edit->mapTo(m_popupParent, QPoint(0, m_edit->height()));
    const int rowHeight = qMax(m_list->sizeHintForRow(0), m_list->fontMetrics().height() + 6);
    const int rows = qMin(m_model->rowCount(), PopupRows);
    int height = 2 + (m_list->isVisibleTo(m_popup) ? rows * rowHeight + 4 : 0);
    if (m_message->isVisibleTo(m_popup))
        height += m_message->heightForWidth(m_edit->width()) + 8;
    const int width = qMax(m_edit->width(), 420);
    const int x = qMin(topLeft.x(), qMax(0, m_popupParent->width() - width));
    m_popup->setGeometry(x, topLeft.y() + 2, width, height);
}

void AskBar::moveCurrent(int delta)
{
    const int rows = m_model->rowCount();
    if (rows == 0)
        return;
    const QModelIndex current = m_list->currentIndex();
    int row = current.isValid() && m_list->selectionModel()->isSelected(current) ? current.row() + delta
                                                                                 : (delta > 0 ? 0 : rows - 1);
    row = qBound(0, row, rows - 1);
    const QModelIndex next = m_model->index(row, 0);
    m_list->setCurrentIndex(next);
    m_list->selectionModel()->select(next, QItemSelectionModel::ClearAndSelect);
}

bool AskBar::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_edit && event->type() == QEvent::KeyPress) {
        auto *key = static_cast<QKeyEvent *>(event);
        switch (key->key()) {
        case Qt::Key_Down:
            if (!isPopupVisible())
                updateResults(m_edit->text());
            moveCurrent(1);
            return true;
        case Qt::Key_Up:
            moveCurrent(-1);
            return true;
        case Qt::Key_Escape:
            if (isPopupVisible()) {
                hidePopup();
                return true;
            }
            break;
        default:
            break;
        }
    }
    if (watched == m_edit && event->type() == QEvent::FocusOut && !m_list->underMouse())
        hidePopup();
    if (watched == m_popupParent && event->type() == QEvent::Resize && isPopupVisible())
        placePopup();
    return QWidget::eventFilter(watched, event);
}

} // namespace cairn::ui
