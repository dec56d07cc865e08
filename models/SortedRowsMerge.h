// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <functional>
#include <iterator>
#include <vector>

namespace cairn::models {

// Brings a model's rows to a fresh read of the same ordered query in the steps a view can
// follow: runs of rows removed, runs inserted, and rows kept in place (changed ones
// signalled as runs), never a reset, so selection and scroll survive a sync. Both lists
// must be sorted by `less`, which must tell rows apart (a unique tiebreaker); two rows
// neither of which is less than the other are the same row.
template<typename Row> class SortedRowsMerge final
{
public:
    std::function<void(int first, int last)> beginRemove;
    std::function<void()> endRemove;
    std::function<void(int first, int last)> beginInsert;
    std::function<void()> endInsert;
    // The same row in both: takes what it needs from `fresh`; true when what it shows changed.
    std::function<bool(int row, Row &kept, Row &fresh)> keep;
    // Rows first..last were kept and changed.
    std::function<void(int first, int last)> changed;

    template<typename Less> void apply(std::vector<Row> &rows, std::vector<Row> fresh, Less less) const
    {
        std::size_t i = 0;
        std::size_t j = 0;
        int changedFirst = -1;
        const auto flushChanged = [&] {
            if (changedFirst >= 0)
                changed(changedFirst, int(i) - 1);
            changedFirst = -1;
        };
        while (i < rows.size() || j < fresh.size()) {
            if (j == fresh.size() || (i < rows.size() && less(rows[i], fresh[j]))) {
                flushChanged();
                std::size_t end = i + 1;
                while (end < rows.size() && (j == fresh.size() || less(rows[end], fresh[j])))
                    ++end;
                beginRemove(int(i), int(end) - 1);
                rows.erase(rows.begin() + std::ptrdiff_t(i), rows.begin() + std::ptrdiff_t(end));
                endRemove();
            } else if (i == rows.size() || less(fresh[j], rows[i])) {
                flushChanged();
                std::size_t end = j + 1;
                while (end < fresh.size() && (i == rows.size() || less(fresh[end], rows[i])))
                    ++end;
                const std::size_t count = end - j;
                beginInsert(int(i), int(i + count) - 1);
                rows.insert(rows.begin() + std::ptrdiff_t(i),
                    std::make_move_iterator(fresh.begin() + std::ptrdiff_t(j)),
                    std::make_move_iterator(fresh.begin() + std::ptrdiff_t(end)));
                endInsert();
                i += count;
                j = end;
            } else {
                if (keep(int(i), rows[i], fresh[j])) {
                    if (changedFirst < 0)
                        changedFirst = int(i);
                } else {
                    flushChanged();
                }
                ++i;
                ++j;
            }
        }
        flushChanged();
    }
};

} // namespace cairn::models
