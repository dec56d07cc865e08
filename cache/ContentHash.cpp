// SPDX-License-Identifier: GPL-3.0-or-later
#include "cache/ContentHash.h"

#include <QCryptographicHash>

#include <xxhash.h>

namespace cairn::cache::ContentHash {

namespace {

constexpr qsizetype Sha1HexSize = 40;

} // namespace

QByteArray of(QByteArrayView text)
{
    const XXH64_hash_t hash = XXH64(text.data(), size_t(text.size()), 0);
    return QByteArray::number(quint64(hash), 16).rightJustified(16, '0');
}

bool matches(QByteArrayView stored, QByteArrayView text)
{
    if (stored.size() == Sha1HexSize)
        return stored == QCryptographicHash::hash(text, QCryptographicHash::Sha1).toHex();
    return stored == of(text);
}

} // namespace cairn::cache::ContentHash
