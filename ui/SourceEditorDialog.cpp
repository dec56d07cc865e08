// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/SourceEditorDialog.h"

#include "sync/SourceFactory.h"
#include "sync/TokenStore.h"
#include "ui/SourceTasks.h"
#include "ui/SourceWords.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFileDialog>
#include <QFutureWatcher>
#include <QGridLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QRadioButton>
#include <QScopeGuard>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

namespace cairn::ui {

namespace {

using sync::SourceFactory;
using Problem = sync::SourceRegistry::Problem;
using TokenPlace = sync::SourceRegistry::TokenPlace;
using Verdict = sync::ConnectionTest::Verdict;

// Red enough to read as a refusal on a light or a dark window.
QColor problemColor(const QPalette &palette)
{
    return palette.color(QPalette::Window).lightness() < 128 ? QColor(0xff, 0x8a, 0x80) : QColor(0xb7, 0x1c, 0x1c);
}

QColor successColor(const QPalette &palette)
{
    return palette.color(QPalette::Window).lightness() < 128 ? QColor(0x81, 0xc7, 0x84) : QColor(0x1b, 0x5e, 0x20);
}

QLabel *messageLabel(QWidget *parent, const QString &objectName)
{
    auto *label = new QLabel(parent);
    label->setObjectName(objectName);
    label->setWordWrap(true);
    // As wide as its field, not as narrow as a wrapped label's own size hint.
    QSizePolicy policy(QSizePolicy::Expanding, QSizePolicy::Preferred);
    policy.setHeightForWidth(true);
    label->setSizePolicy(policy);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    label->hide();
    return label;
}

void showMessage(QLabel *label, const QString &text, const QColor &color)
{
    QPalette palette = label->palette();
    palette.setColor(QPalette::WindowText, color);
    label->setPalette(palette);
    label->setText(text);
    label->setVisible(!text.isEmpty());
}

} // namespace

SourceEditorDialog::SourceEditorDialog(
    QString cachePath, const sync::TokenStore &tokens, const cache::SourceInfo &existing, QWidget *parent)
    : QDialog(parent)
    , m_cachePath(std::move(cachePath))
    , m_tokens(tokens)
    , m_existing(existing)
{
    setObjectName(QStringLiteral("sourceEditor"));
    setWindowTitle(isEditing() ? tr("Edit source “%1”").arg(existing.name) : tr("Add a source"));
    createLayout();
    if (isEditing())
        loadExisting();
    showKind();
    showTokenPlace();
}

SourceEditorDialog::~SourceEditorDialog()
{
    // A test still running ends early; its answer has nowhere to go.
    if (m_testCancel)
        m_testCancel->store(true);
}

void SourceEditorDialog::createLayout()
{
    m_name = new QLineEdit(this);
    m_name->setObjectName(QStringLiteral("sourceName"));
    m_name->setPlaceholderText(tr("e.g. backstage, platform-bundle"));
    m_nameProblem = messageLabel(this, QStringLiteral("nameProblem"));

    m_kind = new QComboBox(this);
    m_kind->setObjectName(QStringLiteral("sourceKind"));
    for (const QString &kind :
        { SourceFactory::kindBackstage(), SourceFactory::kindBundle(), SourceFactory::kindFiles() })
        m_kind->addItem(SourceWords::kind(kind), kind);

    m_location = new QLineEdit(this);
    m_location->setObjectName(QStringLiteral("sourceLocation"));
    m_browse = new QPushButton(tr("Browse…"), this);
    m_browse->setObjectName(QStringLiteral("browseButton"));
    auto *locationRow = new QHBoxLayout;
    locationRow->setContentsMargins(0, 0, 0, 0);
    locationRow->addWidget(m_location, 1);
    locationRow->addWidget(m_browse);
    m_locationProblem = messageLabel(this, QStringLiteral("locationProblem"));

    m_tokenBox = new QGroupBox(tr("Token"), this);
    m_tokenBox->setObjectName(QStringLiteral("tokenBox"));
    m_tokenNone = new QRadioButton(tr("None: the source is open to read"), m_tokenBox);
    m_tokenNone->setObjectName(QStringLiteral("tokenNone"));
    m_tokenKeychain = new QRadioButton(tr("In the system keychain:"), m_tokenBox);
    m_tokenKeychain->setObjectName(QStringLiteral("tokenKeychain"));
    m_tokenEnvironment = new QRadioButton(tr("In an environment variable:"), m_tokenBox);
    m_tokenEnvironment->setObjectName(QStringLiteral("tokenEnvironment"));
    m_tokenValue = new QLineEdit(m_tokenBox);
    m_tokenValue->setObjectName(QStringLiteral("tokenValue"));
    m_tokenValue->setEchoMode(QLineEdit::Password);
    m_tokenValue->setPlaceholderText(tr("the token"));
    m_tokenValue->setAccessibleName(tr("Token to keep in the system keychain"));
    m_tokenVariable = new QLineEdit(m_tokenBox);
    m_tokenVariable->setObjectName(QStringLiteral("tokenVariable"));
    m_tokenVariable->setPlaceholderText(tr("e.g. CATALOG_TOKEN"));
    m_tokenVariable->setAccessibleName(tr("Environment variable that holds the token"));
    m_tokenProblem = messageLabel(m_tokenBox, QStringLiteral("tokenProblem"));
    auto *tokenNote
        = new QLabel(tr("Cairn never writes a token into its cache, its settings or its logs."), m_tokenBox);
    tokenNote->setForegroundRole(QPalette::PlaceholderText);
    auto *tokenLayout = new QGridLayout(m_tokenBox);
    tokenLayout->addWidget(m_tokenNone, 0, 0, 1, 2);
    tokenLayout->addWidget(m_tokenKeychain, 1, 0);
    tokenLayout->addWidget(m_tokenValue, 1, 1);
    tokenLayout->addWidget(m_tokenEnvironment, 2, 0);
    tokenLayout->addWidget(m_tokenVariable, 2, 1);
    tokenLayout->addWidget(m_tokenProblem, 3, 0, 1, 2);
    tokenLayout->addWidget(tokenNote, 4, 0, 1, 2);
    tokenLayout->setColumnStretch(1, 1);
    m_tokenNone->setChecked(true);

    m_test = new QPushButton(tr("Test connection"), this);
    m_test->setObjectName(QStringLiteral("testButton"));
    m_test->setToolTip(tr("Read the source as typed here, token included, without saving anything"));
    m_cancelTest = new QPushButton(tr("Cancel test"), this);
    m_cancelTest->setObjectName(QStringLiteral("cancelTestButton"));
    m_cancelTest->hide();
    m_busy = new QProgressBar(this);
    m_busy->setObjectName(QStringLiteral("busyIndicator"));
    m_busy->setRange(0, 0);
    m_busy->setTextVisible(false);
    m_busy->setMaximumWidth(120);
    m_busy->hide();
    m_busyText = new QLabel(this);
    m_busyText->setObjectName(QStringLiteral("busyText"));
    m_busyText->hide();
    auto *testRow = new QHBoxLayout;
    testRow->addWidget(m_test);
    testRow->addWidget(m_cancelTest);
    testRow->addWidget(m_busy);
    testRow->addWidget(m_busyText);
    testRow->addStretch();
    m_testResult = messageLabel(this, QStringLiteral("testResult"));
    m_testDetail = messageLabel(this, QStringLiteral("testDetail"));
    m_testDetail->setForegroundRole(QPalette::PlaceholderText);
    QFont small = m_testDetail->font();
    small.setPointSizeF(small.pointSizeF() * 0.9);
    m_testDetail->setFont(small);
    m_formProblem = messageLabel(this, QStringLiteral("formProblem"));

    m_buttons = new QDialogButtonBox(QDialogButtonBox::Save | QDialogButtonBox::Cancel, this);
    m_buttons->setObjectName(QStringLiteral("editorButtons"));

    // A grid rather than a form: a refusal's wrapped lines sit under their field, as wide as it.
    auto *nameLabel = new QLabel(tr("&Name:"), this);
    nameLabel->setBuddy(m_name);
    auto *kindLabel = new QLabel(tr("&Kind:"), this);
    kindLabel->setBuddy(m_kind);
    m_locationLabel = new QLabel(tr("&Location:"), this);
    m_locationLabel->setBuddy(m_location);
    auto *kindRow = new QHBoxLayout;
    kindRow->addWidget(m_kind);
    kindRow->addStretch();
    auto *form = new QGridLayout;
    form->addWidget(nameLabel, 0, 0);
    form->addWidget(m_name, 0, 1);
    form->addWidget(m_nameProblem, 1, 1);
    form->addWidget(kindLabel, 2, 0);
    form->addLayout(kindRow, 2, 1);
    form->addWidget(m_locationLabel, 3, 0);
    form->addLayout(locationRow, 3, 1);
    form->addWidget(m_locationProblem, 4, 1);
    form->setColumnStretch(1, 1);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_tokenBox);
    layout->addLayout(testRow);
    layout->addWidget(m_testResult);
    layout->addWidget(m_testDetail);
    layout->addStretch();
    layout->addWidget(m_formProblem);
    layout->addWidget(m_buttons);
    // Wide enough for a catalog URL and for a test's answer on two or three lines.
    setMinimumWidth(fontMetrics().averageCharWidth() * 90);

    connect(m_kind, &QComboBox::currentIndexChanged, this, [this] {
        m_locationProblem->hide();
        showKind();
    });
    for (QRadioButton *button : { m_tokenNone, m_tokenKeychain, m_tokenEnvironment })
        connect(button, &QRadioButton::toggled, this, &SourceEditorDialog::showTokenPlace);
    connect(m_browse, &QPushButton::clicked, this, &SourceEditorDialog::browse);
    connect(m_test, &QPushButton::clicked, this, &SourceEditorDialog::testConnection);
    connect(m_cancelTest, &QPushButton::clicked, this, &SourceEditorDialog::cancelTest);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &SourceEditorDialog::save);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &SourceEditorDialog::reject);
}

void SourceEditorDialog::loadExisting()
{
    m_name->setText(m_existing.name);
    // The name is what its entities, tombstones and sync log are recorded under.
    m_name->setReadOnly(true);
    m_name->setToolTip(tr("A source keeps its name: its entities, what was removed upstream and its sync log are "
                          "recorded under it. To rename it, add a new source and remove this one."));
    const int kind = m_kind->findData(m_existing.kind);
    if (kind >= 0)
        m_kind->setCurrentIndex(kind);
    m_location->setText(QString(m_existing.location).replace(u'\n', u' '));
    switch (sync::SourceRegistry::tokenPlace(m_existing)) {
    case TokenPlace::Keychain:
        m_tokenKeychain->setChecked(true);
        m_tokenValue->setPlaceholderText(tr("leave empty to keep the stored token"));
        break;
    case TokenPlace::Environment:
        m_tokenEnvironment->setChecked(true);
        m_tokenVariable->setText(sync::SourceRegistry::tokenVariable(m_existing));
        break;
    case TokenPlace::None:
        m_tokenNone->setChecked(true);
        break;
    }
}

QString SourceEditorDialog::kind() const
{
    return m_kind->currentData().toString();
}

void SourceEditorDialog::showKind()
{
    const QString current = kind();
    if (current == SourceFactory::kindBackstage()) {
        m_location->setPlaceholderText(QStringLiteral("https://backstage.example.com/api/catalog"));
        m_location->setToolTip(tr("The address of the Backstage catalog API; it usually ends in /api/catalog"));
        m_browse->hide();
    } else if (current == SourceFactory::kindBundle()) {
        m_location->setPlaceholderText(tr("https://example.com/catalog.json, or a file"));
        m_location->setToolTip(tr("A bundle's http(s) address, or a bundle file on this computer (JSON, NDJSON, "
                                  "gzip)"));
        m_browse->show();
    } else {
        m_location->setPlaceholderText(tr("a folder of catalog-info.yaml or compass.yml files"));
        m_location->setToolTip(tr("A folder, searched with its subfolders for catalog files"));
        m_browse->show();
    }
    // A folder is read from this computer: it has no token.
    m_tokenBox->setVisible(current != SourceFactory::kindFiles());
    fitContents();
}

void SourceEditorDialog::fitContents()
{
    // A message's wrapped lines are not part of the window's minimum size (a top-level
    // window does not follow its layout's height-for-width), so it grows here to show
    // them whole, and shrinks when they go.
    layout()->activate();
    const int needed
        = layout()->hasHeightForWidth() ? layout()->totalHeightForWidth(width()) : layout()->totalSizeHint().height();
    resize(width(), needed);
}

void SourceEditorDialog::showTokenPlace()
{
    m_tokenValue->setEnabled(m_tokenKeychain->isChecked());
    m_tokenVariable->setEnabled(m_tokenEnvironment->isChecked());
    m_tokenProblem->hide();
}

void SourceEditorDialog::browse()
{
    const QString start = m_location->text().trimmed();
    QString chosen;
    if (kind() == SourceFactory::kindBundle())
        chosen = QFileDialog::getOpenFileName(
            this, tr("Choose a bundle file"), start, tr("Bundles (*.json *.ndjson *.jsonl *.gz);;All files (*)"));
    else
        chosen = QFileDialog::getExistingDirectory(this, tr("Choose a folder of catalog files"), start);
    if (!chosen.isEmpty())
        m_location->setText(chosen);
}

sync::SourceRegistry::Request SourceEditorDialog::request() const
{
    sync::SourceRegistry::Request request;
    request.name = m_name->text().trimmed();
    request.kind = kind();
    request.location = m_location->text().trimmed();
    if (request.kind != SourceFactory::kindFiles()) {
        request.token = m_tokenKeychain->isChecked() ? TokenPlace::Keychain
            : m_tokenEnvironment->isChecked()        ? TokenPlace::Environment
                                                     : TokenPlace::None;
        if (request.token == TokenPlace::Environment)
            request.tokenVariable = m_tokenVariable->text().trimmed();
    }
    request.editing = isEditing();
    return request;
}

QString SourceEditorDialog::testResult() const
{
    return m_testResult->isVisible() ? m_testResult->text() : QString();
}

void SourceEditorDialog::clearProblems()
{
    for (QLabel *label : { m_nameProblem, m_locationProblem, m_tokenProblem, m_formProblem })
        label->hide();
    fitContents();
}

bool SourceEditorDialog::showProblem(
    Problem problem, const sync::SourceRegistry::Request &request, const sync::SourceRegistry::Addition &addition)
{
    if (problem == Problem::None)
        return true;
    QLabel *beside = m_formProblem;
    QWidget *field = nullptr;
    switch (problem) {
    case Problem::BlankName:
    case Problem::NameTaken:
        beside = m_nameProblem;
        field = m_name;
        break;
    case Problem::NotHttpUrl:
    case Problem::SecretInUrl:
    case Problem::NoSuchFile:
    case Problem::NoSuchFolder:
        beside = m_locationProblem;
        field = m_location;
        break;
    case Problem::NoTokenVariable:
        beside = m_tokenProblem;
        field = m_tokenVariable;
        break;
    case Problem::NoToken:
    case Problem::KeychainFailed:
        beside = m_tokenProblem;
        field = m_tokenValue;
        break;
    case Problem::UnknownKind:
        field = m_kind;
        break;
    case Problem::None:
        break;
    }
    showMessage(beside, SourceWords::problem(problem, request, addition), problemColor(palette()));
    fitContents();
    if (field)
        field->setFocus();
    return false;
}

void SourceEditorDialog::setBusy(bool busy, const QString &what)
{
    m_busy->setVisible(busy);
    m_busyText->setText(what);
    m_busyText->setVisible(busy && !what.isEmpty());
    const bool testing = isTesting();
    m_test->setEnabled(!busy);
    m_cancelTest->setVisible(busy && testing);
    // While saving nothing may change under the write; while testing the fields may, but
    // Save waits for the test's word.
    for (QWidget *field : std::initializer_list<QWidget *> { m_kind, m_location, m_browse, m_tokenBox })
        field->setEnabled(!m_saving);
    m_name->setEnabled(!m_saving);
    m_buttons->button(QDialogButtonBox::Save)->setEnabled(!busy);
    m_buttons->button(QDialogButtonBox::Cancel)->setEnabled(!m_saving);
}

void SourceEditorDialog::testConnection()
{
    if (isTesting() || m_saving)
        return;
    clearProblems();
    const sync::SourceRegistry::Request request = this->request();
    // The rules a request must pass on their own come first: a URL with a password in it is
    // not sent anywhere, even to test it. A name is not needed to test the address.
    sync::SourceRegistry::Request named = request;
    if (named.name.isEmpty())
        named.name = tr("new source");
    if (!showProblem(sync::SourceRegistry::check(named), request))
        return;

    m_testCancel = std::make_shared<std::atomic<bool>>(false);
    m_testResult->hide();
    m_testDetail->hide();
    setBusy(true, tr("Testing…"));

    const QString typed = request.token == TokenPlace::Keychain ? m_tokenValue->text() : QString();
    const bool keychainHoldsOne = isEditing() && sync::SourceRegistry::tokenPlace(m_existing) == TokenPlace::Keychain;
    const sync::TokenStore *tokens = &m_tokens;
    auto *watcher = new QFutureWatcher<TestOutcome>(this);
    connect(watcher, &QFutureWatcher<TestOutcome>::finished, watcher, &QObject::deleteLater);
    connect(watcher, &QFutureWatcher<TestOutcome>::finished, this,
        [this, watcher, cancel = m_testCancel, kind = request.kind] {
            // A cancelled test was answered when it was cancelled.
            if (cancel != m_testCancel)
                return;
            m_testCancel.reset();
            setBusy(false, QString());
            showTestOutcome(watcher->result(), kind);
        });
    watcher->setFuture(QtConcurrent::run([request, typed, keychainHoldsOne, tokens, cancel = m_testCancel] {
        TestOutcome outcome;
        sync::ConnectionTest::Probe probe;
        probe.kind = request.kind;
        probe.location = request.location;
        probe.sourceName = request.name;
        core::Result<QByteArray> token = SourceTasks::tokenForTest(*tokens, request, typed, keychainHoldsOne);
        if (token)
            probe.token = *token;
        else
            outcome.tokenNote = token.errorString();
        outcome.tokenSent = !probe.token.isEmpty();
        outcome.finding = sync::ConnectionTest::run(probe, cancel.get());
        return outcome;
    }));
}

void SourceEditorDialog::cancelTest()
{
    if (!m_testCancel)
        return;
    // The worker stops at its next step; its answer is dropped. The person gets the dialog
    // back now, not when the network gives up.
    m_testCancel->store(true);
    m_testCancel.reset();
    setBusy(false, QString());
    TestOutcome cancelled;
    cancelled.finding.verdict = Verdict::Cancelled;
    showTestOutcome(cancelled, kind());
}

void SourceEditorDialog::showTestOutcome(const TestOutcome &outcome, const QString &kind)
{
    const sync::ConnectionTest::Finding &finding = outcome.finding;
    const bool reached = finding.verdict == Verdict::Reached;
    // A folder without a catalog file was read, but holds nothing to sync.
    const bool good = reached && !(kind == SourceFactory::kindFiles() && finding.files == 0);
    const QString text = SourceWords::finding(finding, kind, outcome.tokenSent);
    const auto fit = qScopeGuard([this] { fitContents(); });
    const bool neutral = reached || finding.verdict == Verdict::Cancelled;
    showMessage(m_testResult, text,
        good          ? successColor(palette())
            : neutral ? palette().color(QPalette::WindowText)
                      : problemColor(palette()));
    QStringList detail;
    if (!outcome.tokenNote.isEmpty())
        detail.append(tr("No token was sent: %1").arg(outcome.tokenNote));
    if (!reached && !finding.detail.isEmpty())
        detail.append(finding.detail);
    m_testDetail->setText(detail.join(u'\n'));
    m_testDetail->setVisible(!detail.isEmpty());
    Q_EMIT testFinished(text);
}

void SourceEditorDialog::save()
{
    if (m_saving)
        return;
    if (isTesting())
        cancelTest();
    clearProblems();
    const sync::SourceRegistry::Request request = this->request();
    if (!showProblem(sync::SourceRegistry::check(request), request))
        return;
    // Asked before the write, not inside it: the registry asks for the token only once every
    // other rule has passed, so an empty field for a new keychain source is refused there.
    const QString token = request.token == TokenPlace::Keychain ? m_tokenValue->text() : QString();

    m_saving = true;
    setBusy(true,
        request.token == TokenPlace::Keychain && !token.isEmpty() ? tr("Saving, and storing the token in the system "
                                                                       "keychain…")
                                                                  : tr("Saving…"));
    using Outcome = core::Result<sync::SourceRegistry::Addition>;
    auto *watcher = new QFutureWatcher<Outcome>(this);
    connect(watcher, &QFutureWatcher<Outcome>::finished, watcher, &QObject::deleteLater);
    connect(watcher, &QFutureWatcher<Outcome>::finished, this,
        [this, watcher, request] { onSaved(watcher->result(), request); });
    watcher->setFuture(QtConcurrent::run([path = m_cachePath, tokens = &m_tokens, request, token] {
        return SourceTasks::save(path, *tokens, request, token);
    }));
}

void SourceEditorDialog::onSaved(
    const core::Result<sync::SourceRegistry::Addition> &result, const sync::SourceRegistry::Request &request)
{
    m_saving = false;
    setBusy(false, QString());
    if (!result) {
        showMessage(m_formProblem,
            tr("The source was not saved: %1 Check that the cache file can be written, and save again.")
                .arg(result.errorString()),
            problemColor(palette()));
        fitContents();
        return;
    }
    if (!showProblem(result->problem, request, *result))
        return;
    m_addition = *result;
    // The token has done its work: it lives in the keychain now, not in this window.
    m_tokenValue->clear();
    Q_EMIT saved(m_addition.source.name);
    accept();
}

void SourceEditorDialog::reject()
{
    if (m_saving)
        return;
    cancelTest();
    QDialog::reject();
}

} // namespace cairn::ui
