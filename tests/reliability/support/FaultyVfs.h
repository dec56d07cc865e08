// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

namespace cairn::reliability {

// A SQLite VFS over the system's that fails the Nth write or sync from the moment it is
// armed, as a full or failing disk does: SQLITE_FULL for a write, SQLITE_IOERR_FSYNC for a
// sync. Registered as the default, so every connection Cairn opens goes through it (a
// snapshot's own connections too). Once: the Nth operation fails and the rest succeed, as
// when space is freed again; persistent: every operation from the Nth on fails.
namespace FaultyVfs {

enum class Operation { Write, Sync };

void install();
void arm(Operation operation, int nth, bool persistent = false);
void disarm();
// Whether an armed fault was returned since arm().
bool fired();
// Operations of the armed kind seen since arm() (to know when N has passed them all).
int seen();

} // namespace FaultyVfs

} // namespace cairn::reliability
