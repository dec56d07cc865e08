// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/CsvOptions.h"
#include "core/Result.h"

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringEncoder>
#include <QStringList>
#include <QStringView>
#include <QVariant>

#include <span>

class QDate;
class QDateTime;
class QIODevice;

namespace cairn::core {

// Writes CSV (RFC 4180) to any QIODevice: UTF-8, CRLF after every record, a field quoted
// when it holds the delimiter, a quote, CR or LF, inner quotes doubled. A cell that a
// spreadsheet would run as a formula (first character = + - @ tab CR LF) gets a leading
// "'": our cells come from many people's YAML files, and a CSV is opened by someone else
// (OWASP "CSV injection"). The header row is written like any other row.
//
// Output is buffered and handed to the device in large blocks, so memory stays constant
// however many rows are written. The first failure is kept: every later call returns it,
// so a caller may check only finish(). Call finish() before using the device's content;
// the destructor does not flush, because it could not report a failure.
class CsvWriter final
{
public:
    explicit CsvWriter(QIODevice &device, const CsvOptions &options = {});
    ~CsvWriter() = default;
    Q_DISABLE_COPY_MOVE(CsvWriter)

    // One record. Every record must have as many fields as the first one.
    Status writeRow(std::span<const QString> fields);
    Status writeRow(const QStringList &fields)
    {
        return writeRow(std::span<const QString>(fields.data(), fields.size()));
    }
    // One record of values, each formatted by formatValue().
    Status writeValues(const QVariantList &values);

    // Hands what is buffered to the device (a BOM-only file when no row was written).
    Status finish();

    const CsvOptions &options() const { return m_options; }
    qint64 rowsWritten() const { return m_rows; }
    // Bytes handed to the device so far (buffered bytes not included).
    qint64 bytesWritten() const { return m_bytesWritten; }
    // The first error, or success.
    const Status &status() const { return m_status; }

    // How a value reads in a cell: null or invalid -> empty; QDate -> yyyy-MM-dd;
    // QDateTime -> ISO 8601 with its offset (Z for UTC); QTime -> HH:mm:ss[.zzz];
    // QStringList and QVariantList -> items joined with "; "; anything else -> its
    // QVariant::toString(), which is locale-independent (1.5, true).
    static QString formatValue(const QVariant &value);
    static QString formatDate(QDate date);
    static QString formatDateTime(const QDateTime &dateTime);
    static QString formatList(const QStringList &items);

    // The cell as written before quoting: with a leading "'" when it starts a formula.
    static QString neutralised(QStringView cell);
    static bool startsFormula(QStringView cell);

    // Separates the items of a list inside one cell.
    static constexpr QStringView listSeparator() { return u"; "; }

private:
    void appendField(QStringView field);
    Status flushBuffer();
    Status fail(QString message);

    QIODevice &m_device;
    CsvOptions m_options;
    char m_delimiter;
    QByteArray m_buffer; // encoded records not yet handed to the device
    QByteArray m_scratch; // one encoded field, reused to avoid an allocation per cell
    QStringEncoder m_encoder;
    qint64 m_rows = 0;
    qint64 m_bytesWritten = 0;
    qsizetype m_columns = -1;
    Status m_status;
};

} // namespace cairn::core
