// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

namespace cairn::app {

// The command line's exit codes, a documented contract for scripts.
enum ExitCode : int {
    ExitOk = 0,
    ExitError = 1, // something failed or was rejected; stderr says what
    ExitUsage = 2, // the command line itself is wrong
    ExitHeld = 3, // a run was held for confirmation (mass removal)
};

} // namespace cairn::app
