// SPDX-License-Identifier: GPL-3.0-or-later
#include "support/FaultyVfs.h"

#include <atomic>
#include <cstring>
#include <sqlite3.h>

namespace cairn::reliability::FaultyVfs {

namespace {

// Every connection's operations count against one fault: a snapshot's connections and the
// cache's share the disk.
std::atomic<bool> g_armed { false };
std::atomic<Operation> g_operation { Operation::Write };
std::atomic<int> g_nth { 0 };
std::atomic<bool> g_persistent { false };
std::atomic<int> g_seen { 0 };
std::atomic<bool> g_fired { false };

sqlite3_vfs *g_real = nullptr;
sqlite3_vfs g_vfs;

// Counts one operation; true when it is to fail.
bool fails(Operation operation)
{
    if (!g_armed.load() || g_operation.load() != operation)
        return false;
    const int n = ++g_seen;
    const bool fail = n == g_nth.load() || (g_persistent.load() && n > g_nth.load());
    if (fail)
        g_fired = true;
    return fail;
}

// Our file, with the real VFS's file right behind it in the same allocation.
struct File
{
    sqlite3_file base;
    sqlite3_file *real() { return reinterpret_cast<sqlite3_file *>(this + 1); }
};
File *own(sqlite3_file *file)
{
    return reinterpret_cast<File *>(file);
}
sqlite3_file *real(sqlite3_file *file)
{
    return own(file)->real();
}

int xClose(sqlite3_file *f)
{
    return real(f)->pMethods->xClose(real(f));
}
int xRead(sqlite3_file *f, void *buffer, int amount, sqlite3_int64 offset)
{
    return real(f)->pMethods->xRead(real(f), buffer, amount, offset);
}
int xWrite(sqlite3_file *f, const void *buffer, int amount, sqlite3_int64 offset)
{
    if (fails(Operation::Write))
        return SQLITE_FULL;
    return real(f)->pMethods->xWrite(real(f), buffer, amount, offset);
}
int xTruncate(sqlite3_file *f, sqlite3_int64 size)
{
    return real(f)->pMethods->xTruncate(real(f), size);
}
int xSync(sqlite3_file *f, int flags)
{
    if (fails(Operation::Sync))
        return SQLITE_IOERR_FSYNC;
    return real(f)->pMethods->xSync(real(f), flags);
}
int xFileSize(sqlite3_file *f, sqlite3_int64 *size)
{
    return real(f)->pMethods->xFileSize(real(f), size);
}
int xLock(sqlite3_file *f, int level)
{
    return real(f)->pMethods->xLock(real(f), level);
}
int xUnlock(sqlite3_file *f, int level)
{
    return real(f)->pMethods->xUnlock(real(f), level);
}
int xCheckReservedLock(sqlite3_file *f, int *out)
{
    return real(f)->pMethods->xCheckReservedLock(real(f), out);
}
int xFileControl(sqlite3_file *f, int op, void *arg)
{
    return real(f)->pMethods->xFileControl(real(f), op, arg);
}
int xSectorSize(sqlite3_file *f)
{
    return real(f)->pMethods->xSectorSize(real(f));
}
int xDeviceCharacteristics(sqlite3_file *f)
{
    return real(f)->pMethods->xDeviceCharacteristics(real(f));
}
int xShmMap(sqlite3_file *f, int region, int size, int extend, void volatile **out)
{
    return real(f)->pMethods->xShmMap(real(f), region, size, extend, out);
}
int xShmLock(sqlite3_file *f, int offset, int n, int flags)
{
    return real(f)->pMethods->xShmLock(real(f), offset, n, flags);
}
void xShmBarrier(sqlite3_file *f)
{
    real(f)->pMethods->xShmBarrier(real(f));
}
int xShmUnmap(sqlite3_file *f, int deleteFlag)
{
    return real(f)->pMethods->xShmUnmap(real(f), deleteFlag);
}
int xFetch(sqlite3_file *f, sqlite3_int64 offset, int amount, void **out)
{
    return real(f)->pMethods->xFetch(real(f), offset, amount, out);
}
int xUnfetch(sqlite3_file *f, sqlite3_int64 offset, void *page)
{
    return real(f)->pMethods->xUnfetch(real(f), offset, page);
}

const sqlite3_io_methods g_methods
    = { 3, xClose, xRead, xWrite, xTruncate, xSync, xFileSize, xLock, xUnlock, xCheckReservedLock, xFileControl,
          xSectorSize, xDeviceCharacteristics, xShmMap, xShmLock, xShmBarrier, xShmUnmap, xFetch, xUnfetch };

int xOpen(sqlite3_vfs *, const char *name, sqlite3_file *file, int flags, int *outFlags)
{
    File *ours = own(file);
    std::memset(ours->real(), 0, size_t(g_real->szOsFile));
    const int rc = g_real->xOpen(g_real, name, ours->real(), flags, outFlags);
    // SQLite calls xClose only when pMethods is set: not for a file the real VFS did not open.
    ours->base.pMethods = ours->real()->pMethods ? &g_methods : nullptr;
    return rc;
}

} // namespace

void install()
{
    if (g_real)
        return;
    g_real = sqlite3_vfs_find(nullptr);
    g_vfs = *g_real;
    g_vfs.zName = "cairn-faulty";
    g_vfs.szOsFile = int(sizeof(File)) + g_real->szOsFile;
    g_vfs.pNext = nullptr;
    g_vfs.xOpen = xOpen;
    sqlite3_vfs_register(&g_vfs, 1);
}

void arm(Operation operation, int nth, bool persistent)
{
    g_armed = false;
    g_operation = operation;
    g_nth = nth;
    g_persistent = persistent;
    g_seen = 0;
    g_fired = false;
    g_armed = true;
}

void disarm()
{
    g_armed = false;
}

bool fired()
{
    return g_fired.load();
}

int seen()
{
    return g_seen.load();
}

} // namespace cairn::reliability::FaultyVfs
