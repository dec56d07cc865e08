// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QJsonObject>
#include <QJsonValue>
#include <QList>

#include <optional>
#include <utility>

namespace cairn::sync {

// Where the items of a JSON list of entities are: the byte range of each item of a
// top-level array, or of the top-level object's "items" array (a bundle, a Backstage page).
// Found by a scan of the structure alone, without parsing the whole document: one
// QJsonDocument of it would keep every item's subtree in one shared container until the
// last item is gone, and the text of each item is what a source may keep.
struct JsonItems
{
    QList<std::pair<qsizetype, qsizetype>> items; // start, length
    qsizetype arrayStart = 0; // the '['
    qsizetype arrayEnd = 0; // after the ']'
    bool inItemsObject = false;
};

// Empty when the bytes are not laid out as such a list: the caller then parses the whole
// document, which also gives the exact error of a broken one. Whether each item is valid
// JSON is left to parseJsonItem.
std::optional<JsonItems> findJsonItems(const QByteArray &data);

// The object around the items (`inItemsObject`), parsed with its "items" left empty: the
// rest of the document, such as a Backstage page's totalItems and pageInfo. Empty when that
// rest is not valid JSON, in which case the whole document is not either.
std::optional<QJsonObject> parseJsonEnvelope(const QByteArray &data, const JsonItems &items);

// One item parsed on its own, so its object owns a compact container of its own. A value
// that is not an object is wrapped in an array, as a document must be one or the other.
// Empty when the item is not valid JSON.
std::optional<QJsonValue> parseJsonItem(const QByteArray &data, qsizetype start, qsizetype length);

// The string values at `paths` (members of the object item at [start, start + length) and
// of its member objects, such as "kind" or "metadata.name"), in the order of `paths`, read
// without parsing the item: a null QString where the item has no such member. Empty when
// the item is not an object, the scan finds what it does not expect, or a wanted value is
// not a plain string (another type, an escape, a byte outside ASCII): the caller then
// parses the item with parseJsonItem. Only the wanted values are read; the rest is skipped
// by structure, as findJsonItems does.
std::optional<QList<QString>> readStringMembers(
    const QByteArray &data, qsizetype start, qsizetype length, const QList<QByteArrayView> &paths);

} // namespace cairn::sync
