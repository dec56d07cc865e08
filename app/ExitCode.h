// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/Result.h"

namespace cairn::app {

// The command line's exit codes, a documented contract for scripts.
enum ExitCode : int {
    ExitOk = 0,
    ExitError = 1, // something failed or was rejected; stderr says what
    ExitUsage = 2, // the command line itself is wrong
    ExitHeld = 3, // a run was held for confirmation (mass removal)
};

// The exit code of a failure of this kind: a held run asks for a decision, the rest failed.
inline int exitCodeFor(core::ErrorKind kind)
{
    return kind == core::ErrorKind::Held ? ExitHeld : ExitError;
}

} // namespace cairn::app
