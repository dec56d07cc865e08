// SPDX-License-Identifier: GPL-3.0-or-later
#include "cache/ContentHash.h"

#include <QCryptographicHash>
#include <QtEndian>

#include <bit>

namespace cairn::cache::ContentHash {

namespace {

constexpr quint64 Prime1 = 0x9E3779B185EBCA87ULL;
constexpr quint64 Prime2 = 0xC2B2AE3D27D4EB4FULL;
constexpr quint64 Prime3 = 0x165667B19E3779F9ULL;
constexpr quint64 Prime4 = 0x85EBCA77C2B2AE63ULL;
constexpr quint64 Prime5 = 0x27D4EB2F165667C5ULL;

constexpr qsizetype Sha1HexSize = 40;

quint64 read64(const char *p)
{
    return qFromLittleEndian<quint64>(p);
}
quint64 read32(const char *p)
{
    return qFromLittleEndian<quint32>(p);
}

quint64 round(quint64 accumulator, quint64 lane)
{
    accumulator += lane * Prime2;
    accumulator = std::rotl(accumulator, 31);
    return accumulator * Prime1;
}

quint64 mergeRound(quint64 accumulator, quint64 lane)
{
    accumulator ^= round(0, lane);
    return accumulator * Prime1 + Prime4;
}

} // namespace

quint64 xxh64(QByteArrayView data, quint64 seed)
{
    const char *p = data.data();
    const char *const end = p + data.size();
    quint64 hash;
    if (data.size() >= 32) {
        quint64 v1 = seed + Prime1 + Prime2;
        quint64 v2 = seed + Prime2;
        quint64 v3 = seed;
        quint64 v4 = seed - Prime1;
        for (const char *const lastStripe = end - 32; p <= lastStripe; p += 32) {
            v1 = round(v1, read64(p));
            v2 = round(v2, read64(p + 8));
            v3 = round(v3, read64(p + 16));
            v4 = round(v4, read64(p + 24));
        }
        hash = std::rotl(v1, 1) + std::rotl(v2, 7) + std::rotl(v3, 12) + std::rotl(v4, 18);
        hash = mergeRound(hash, v1);
        hash = mergeRound(hash, v2);
        hash = mergeRound(hash, v3);
        hash = mergeRound(hash, v4);
    } else {
        hash = seed + Prime5;
    }
    hash += quint64(data.size());
    for (; end - p >= 8; p += 8) {
        hash ^= round(0, read64(p));
        hash = std::rotl(hash, 27) * Prime1 + Prime4;
    }
    if (end - p >= 4) {
        hash ^= read32(p) * Prime1;
        hash = std::rotl(hash, 23) * Prime2 + Prime3;
        p += 4;
    }
    for (; p != end; ++p) {
        hash ^= quint64(quint8(*p)) * Prime5;
        hash = std::rotl(hash, 11) * Prime1;
    }
    hash ^= hash >> 33;
    hash *= Prime2;
    hash ^= hash >> 29;
    hash *= Prime3;
    hash ^= hash >> 32;
    return hash;
}

QByteArray of(QByteArrayView text)
{
    return QByteArray::number(xxh64(text), 16).rightJustified(16, '0');
}

bool matches(QByteArrayView stored, QByteArrayView text)
{
    if (stored.size() == Sha1HexSize)
        return stored == QCryptographicHash::hash(text, QCryptographicHash::Sha1).toHex();
    return stored == of(text);
}

} // namespace cairn::cache::ContentHash
