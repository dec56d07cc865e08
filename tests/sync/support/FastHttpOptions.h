// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "sync/HttpClient.h"

#include <chrono>

namespace cairn::sync::test {

// Small timeouts and backoff for loopback tests, so that every retry, timeout and
// Retry-After case stays within a few seconds.
inline HttpClient::Options fastHttpOptions()
{
    using namespace std::chrono_literals;
    HttpClient::Options options;
    options.connectTimeout = 2s;
    options.idleTimeout = 2s;
    options.maxAttempts = 3;
    options.initialBackoff = 20ms;
    options.maxBackoff = 2s;
    return options;
}

} // namespace cairn::sync::test
