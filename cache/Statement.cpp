// SPDX-License-Identifier: GPL-3.0-or-later
#include "cache/Statement.h"

#include "cache/Database.h"

#include <QStringEncoder>

#include <algorithm>
#include <sqlite3.h>
#include <utility>

namespace cairn::cache {

namespace {

// Texts longer than this are converted into a buffer of their exact size.
constexpr qsizetype kLargeText = 64 * 1024;

// The bytes `text` takes in UTF-8, as QStringEncoder writes it: a lone surrogate becomes
// U+FFFD, three bytes.
qsizetype utf8Size(QStringView text)
{
    qsizetype bytes = 0;
    for (qsizetype i = 0; i < text.size(); ++i) {
        const char16_t c = text[i].unicode();
        if (c < 0x80)
            bytes += 1;
        else if (c < 0x800)
            bytes += 2;
        else if (QChar::isHighSurrogate(c) && i + 1 < text.size() && text[i + 1].isLowSurrogate()) {
            bytes += 4;
            ++i;
        } else
            bytes += 3;
    }
    return bytes;
}

} // namespace

Statement::~Statement()
{
    if (m_stmt)
        sqlite3_finalize(m_stmt);
}

Statement::Statement(Statement &&other) noexcept
    : m_db(std::exchange(other.m_db, nullptr))
    , m_stmt(std::exchange(other.m_stmt, nullptr))
    , m_held(std::exchange(other.m_held, {}))
    , m_spare(std::exchange(other.m_spare, {}))
{ }

Statement &Statement::operator=(Statement &&other) noexcept
{
    if (this != &other) {
        if (m_stmt)
            sqlite3_finalize(m_stmt);
        m_db = std::exchange(other.m_db, nullptr);
        m_stmt = std::exchange(other.m_stmt, nullptr);
        m_held = std::exchange(other.m_held, {});
        m_spare = std::exchange(other.m_spare, {});
    }
    return *this;
}

void Statement::bindHeld(int index)
{
    // SQLite refuses a binding until the statement is reset, and then goes on reading the
    // text it holds: the new text replaces the held one only once SQLite has taken it.
    const char *data = m_spare.isNull() ? "" : m_spare.constData();
    if (index <= 0 || sqlite3_bind_text(m_stmt, index, data, int(m_spare.size()), SQLITE_STATIC) != SQLITE_OK)
        return;
    if (index >= m_held.size())
        m_held.resize(std::max<qsizetype>(index + 1, sqlite3_bind_parameter_count(m_stmt) + 1));
    std::swap(m_held[index], m_spare); // the text it replaces is the next one's buffer
}

void Statement::bind(int index, QStringView text)
{
    // Converted here, where Qt does it fast: bound as UTF-16, the text would be copied by
    // SQLite and converted again, slowly, at every step.
    QStringEncoder encoder(QStringEncoder::Utf8, QStringConverter::Flag::Stateless);
    if (text.size() > kLargeText) {
        // Sized exactly: the worst case Qt plans for is three bytes a character, and a
        // description of 20 MB would take 60 MB more than it needs at an import's peak.
        m_spare = QByteArray(utf8Size(text), Qt::Uninitialized);
    } else {
        if (m_spare.capacity() > 3 * kLargeText)
            m_spare = QByteArray(); // not kept for the small texts that follow a large one
        m_spare.resize(encoder.requiredSpace(text.size()));
    }
    m_spare.truncate(encoder.appendToBuffer(m_spare.data(), text) - m_spare.constData());
    bindHeld(index);
}

void Statement::bindUtf8(int index, const QByteArray &utf8)
{
    m_spare = utf8; // shared, not copied: the bytes cannot change while this statement holds them
    bindHeld(index);
}

void Statement::bind(int index, qint64 value)
{
    sqlite3_bind_int64(m_stmt, index, value);
}
void Statement::bind(int index, double value)
{
    sqlite3_bind_double(m_stmt, index, value);
}

void Statement::bindBlob(int index, const QByteArray &data)
{
    sqlite3_bind_blob(m_stmt, index, data.isNull() ? "" : data.constData(), int(data.size()), SQLITE_TRANSIENT);
}

void Statement::bindNull(int index)
{
    sqlite3_bind_null(m_stmt, index);
}

void Statement::bindOptional(int index, const QString &text)
{
    if (text.isNull())
        bindNull(index);
    else
        bind(index, QStringView(text));
}

int Statement::parameterIndex(const char *name) const
{
    return sqlite3_bind_parameter_index(m_stmt, name);
}

core::Result<Statement::Step> Statement::step()
{
    const int rc = sqlite3_step(m_stmt);
    if (rc == SQLITE_ROW)
        return Step::Row;
    if (rc == SQLITE_DONE)
        return Step::Done;
    if (QString busy = Database::busyMessage(rc, QString::fromUtf8(sqlite3_db_filename(m_db, "main"))); !busy.isEmpty())
        return core::Error { std::move(busy), Database::kindOf(rc) };
    // sqlite3_errmsg is the connection's most recent error, which is this statement's.
    return core::Error { QStringLiteral("SQLite error %1 (%2) while running \u201c%3\u201d")
                             .arg(QString::fromUtf8(sqlite3_errmsg(m_db)))
                             .arg(rc)
                             .arg(sql().simplified().left(200)),
        Database::kindOf(sqlite3_extended_errcode(m_db)) };
}

core::Status Statement::exec()
{
    for (;;) {
        core::Result<Step> r = step();
        if (!r)
            return r.error();
        if (*r == Step::Done)
            return {};
    }
}

void Statement::reset()
{
    sqlite3_reset(m_stmt);
    sqlite3_clear_bindings(m_stmt);
}

int Statement::columnCount() const
{
    return sqlite3_column_count(m_stmt);
}
bool Statement::isNull(int column) const
{
    return sqlite3_column_type(m_stmt, column) == SQLITE_NULL;
}

QString Statement::text(int column) const
{
    const auto *data = reinterpret_cast<const char *>(sqlite3_column_text(m_stmt, column));
    if (!data)
        return QString();
    return QString::fromUtf8(data, sqlite3_column_bytes(m_stmt, column));
}

QByteArrayView Statement::utf8View(int column) const
{
    const auto *data = reinterpret_cast<const char *>(sqlite3_column_text(m_stmt, column));
    return data ? QByteArrayView(data, sqlite3_column_bytes(m_stmt, column)) : QByteArrayView();
}

QByteArray Statement::utf8(int column, qsizetype room) const
{
    const auto *data = reinterpret_cast<const char *>(sqlite3_column_text(m_stmt, column));
    if (!data)
        return QByteArray();
    const qsizetype size = sqlite3_column_bytes(m_stmt, column);
    if (room == 0)
        return QByteArray(data, size);
    QByteArray text;
    text.reserve(size + room);
    text.append(data, size);
    return text;
}

QByteArray Statement::blob(int column) const
{
    const auto *data = static_cast<const char *>(sqlite3_column_blob(m_stmt, column));
    if (!data)
        return QByteArray();
    return QByteArray(data, sqlite3_column_bytes(m_stmt, column));
}

qint64 Statement::int64(int column) const
{
    return sqlite3_column_int64(m_stmt, column);
}
double Statement::real(int column) const
{
    return sqlite3_column_double(m_stmt, column);
}

QString Statement::sql() const
{
    return m_stmt ? QString::fromUtf8(sqlite3_sql(m_stmt)) : QString();
}

} // namespace cairn::cache
