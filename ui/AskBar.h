// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/AskEngine.h"

#include <QWidget>

class QFrame;
class QLabel;
class QLineEdit;
class QListView;
class QModelIndex;

namespace cairn::cache {
class CatalogQuery;
}
namespace cairn::models {
class SearchResultsModel;
}

namespace cairn::ui {

// The ask bar (Ctrl+K): type a question or words; matching entities appear while typing;
// Up/Down and Enter pick one, Enter on the text asks the question. An ambiguous question
// lists its candidates in the same popup. The popup is a child of the window (not a
// window of its own), so the line edit keeps the keyboard and a window grab shows it.
class AskBar final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AskBar)

public:
    AskBar(cache::CatalogQuery &query, QWidget *popupParent, QWidget *parent = nullptr);

    QLineEdit *edit() const { return m_edit; }
    QListView *resultsView() const { return m_list; }
    bool isPopupVisible() const;
    // Focuses the bar and selects its text, ready for a new question.
    void activate();
    void setAnswerOptions(const core::AnswerOptions &options) { m_options = options; }
    // Runs the question in the bar now (what Enter does with no row picked).
    void ask();
    // Puts `text` in the bar and shows its matches, as typing it does.
    void showMatches(const QString &text);

Q_SIGNALS:
    void entityChosen(const cairn::core::EntityRef &ref);
    // A question answered (about one entity, with a list, a search or nothing): the
    // detail pane shows it.
    void answered(const cairn::core::AskResult &result);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void updateResults(const QString &text);
    void choose(const QModelIndex &index);
    void showPopup(const QString &message);
    void hidePopup();
    void placePopup();
    void moveCurrent(int delta);

    const core::CatalogLookup &m_lookup;
    core::AnswerOptions m_options;
    QWidget *m_popupParent;
    QLineEdit *m_edit;
    models::SearchResultsModel *m_model;
    QFrame *m_popup;
    QLabel *m_message;
    QListView *m_list;
};

} // namespace cairn::ui
