// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/CsvWriter.h"

#include "core/DeviceWrite.h"

#include <QDate>
#include <QDateTime>
#include <QIODevice>
#include <QTime>

#include <cstring>

namespace cairn::core {

namespace {

// Large enough that the device sees few, big writes (a file gets ~1 write per 64 KiB),
// small enough to be irrelevant next to the model being exported.
constexpr qsizetype FlushThreshold = 64 * 1024;

bool needsQuotes(const QByteArray &field, char delimiter)
{
    for (const char c : field) {
        if (c == delimiter || c == '"' || c == '\r' || c == '\n')
            return true;
    }
    return false;
}

} // namespace

CsvWriter::CsvWriter(QIODevice &device, const CsvOptions &options)
    : m_device(device)
    , m_options(options)
    , m_delimiter(static_cast<char>(options.delimiter))
    // Stateless: a lone surrogate at the end of one cell must not bleed into the next.
    , m_encoder(QStringEncoder::Utf8, QStringConverter::Flag::Stateless)
{
    m_buffer.reserve(FlushThreshold + 4096);
    if (m_options.byteOrderMark)
        m_buffer.append("\xEF\xBB\xBF");
}

Status CsvWriter::writeRow(std::span<const QString> fields)
{
    if (!m_status)
        return m_status;
    if (m_rows == 0 && !m_device.isWritable())
        return fail(QStringLiteral("the output is not open for writing"));
    const auto count = static_cast<qsizetype>(fields.size());
    if (m_columns < 0)
        m_columns = count;
    else if (count != m_columns)
        return fail(QStringLiteral("record %1 has %2 fields but the first record has %3")
                        .arg(m_rows + 1)
                        .arg(count)
                        .arg(m_columns));

    if (count == 1 && fields.front().isEmpty()) {
        // A lone empty field would be an empty line, which readers skip as no record.
        m_buffer.append("\"\"");
    } else {
        for (qsizetype i = 0; i < count; ++i) {
            if (i > 0)
                m_buffer.append(m_delimiter);
            appendField(fields[static_cast<std::size_t>(i)]);
        }
    }
    m_buffer.append("\r\n", 2);
    ++m_rows;
    if (m_buffer.size() >= FlushThreshold)
        return flushBuffer();
    return m_status;
}

Status CsvWriter::writeValues(const QVariantList &values)
{
    QStringList fields;
    fields.reserve(values.size());
    for (const QVariant &value : values)
        fields.append(formatValue(value));
    return writeRow(fields);
}

Status CsvWriter::finish()
{
    if (!m_status)
        return m_status;
    if (!m_device.isWritable())
        return fail(QStringLiteral("the output is not open for writing"));
    return flushBuffer();
}

void CsvWriter::appendField(QStringView field)
{
    m_scratch.resize(m_encoder.requiredSpace(field.size()) + 1);
    char *begin = m_scratch.data();
    char *out = begin;
    if (startsFormula(field))
        *out++ = '\'';
    out = m_encoder.appendToBuffer(out, field);
    m_scratch.resize(out - begin);

    if (!needsQuotes(m_scratch, m_delimiter)) {
        m_buffer.append(m_scratch);
        return;
    }
    m_buffer.append('"');
    // '"' is ASCII, so it never occurs inside a multi-byte UTF-8 sequence: doubling it
    // byte-wise is safe.
    const char *p = m_scratch.constData();
    const char *end = p + m_scratch.size();
    while (p < end) {
        const auto *quote = static_cast<const char *>(std::memchr(p, '"', static_cast<std::size_t>(end - p)));
        if (!quote) {
            m_buffer.append(p, end - p);
            break;
        }
        m_buffer.append(p, quote - p + 1);
        m_buffer.append('"');
        p = quote + 1;
    }
    m_buffer.append('"');
}

Status CsvWriter::flushBuffer()
{
    if (Status status = writeFully(m_device, m_buffer, &m_bytesWritten); !status)
        return fail(status.errorString()); // the caller names the file: "Could not write F: <reason>"
    m_buffer.resize(0); // keeps the capacity: no reallocation for the next block
    return m_status;
}

Status CsvWriter::fail(QString message)
{
    m_status = Error { std::move(message) };
    m_buffer = QByteArray(); // nothing more will be written: give the memory back
    return m_status;
}

QString CsvWriter::formatValue(const QVariant &value)
{
    if (!value.isValid() || value.isNull())
        return {};
    switch (value.typeId()) {
    case QMetaType::QString:
        return value.toString();
    case QMetaType::QDate:
        return formatDate(value.toDate());
    case QMetaType::QDateTime:
        return formatDateTime(value.toDateTime());
    case QMetaType::QTime: {
        const QTime time = value.toTime();
        return time.toString(time.msec() != 0 ? Qt::ISODateWithMs : Qt::ISODate);
    }
    case QMetaType::QStringList:
        return formatList(value.toStringList());
    case QMetaType::QVariantList: {
        QStringList items;
        const QVariantList list = value.toList();
        items.reserve(list.size());
        for (const QVariant &item : list)
            items.append(formatValue(item));
        return formatList(items);
    }
    default:
        return value.toString();
    }
}

QString CsvWriter::formatDate(QDate date)
{
    return date.isValid() ? date.toString(Qt::ISODate) : QString();
}

QString CsvWriter::formatDateTime(const QDateTime &dateTime)
{
    if (!dateTime.isValid())
        return {};
    QDateTime withOffset = dateTime;
    // Qt writes no offset for local time, which would make the value ambiguous to whoever
    // opens the file in another time zone: pin it to its offset.
    if (withOffset.timeSpec() == Qt::LocalTime)
        withOffset = withOffset.toOffsetFromUtc(withOffset.offsetFromUtc());
    return withOffset.toString(withOffset.time().msec() != 0 ? Qt::ISODateWithMs : Qt::ISODate);
}

QString CsvWriter::formatList(const QStringList &items)
{
    return items.join(listSeparator());
}

bool CsvWriter::startsFormula(QStringView cell)
{
    if (cell.isEmpty())
        return false;
    switch (cell.front().unicode()) {
    case u'=':
    case u'+':
    case u'-':
    case u'@':
    case u'\t':
    case u'\r':
    case u'\n':
        return true;
    default:
        return false;
    }
}

QString CsvWriter::neutralised(QStringView cell)
{
    if (!startsFormula(cell))
        return cell.toString();
    QString result;
    result.reserve(cell.size() + 1);
    result.append(QLatin1Char('\''));
    result.append(cell);
    return result;
}

} // namespace cairn::core
