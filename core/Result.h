// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

#include <optional>
#include <utility>
#include <variant>

namespace cairn::core {

// What kind of failure an error is, set where the fact is known, so that every face can
// act on it (a window says "offline", the command line picks its exit code) without
// reading the message.
enum class ErrorKind {
    Other,
    Offline, // the server could not be reached: DNS, connection refused, no route, timeouts
    Tls, // the TLS handshake failed or an https -> http redirect was refused
    Authentication, // HTTP 401/403, or the source's token is missing
    NotFound, // HTTP 404/410, or a named source or snapshot that does not exist
    Server, // HTTP 5xx and 429, after the retries
    Held, // the mass-removal guard held a run
    InvalidInput, // a location or value given by a person breaks a rule
    StorageFull, // SQLITE_FULL: the disk or the cache's size limit
    ReadOnly, // the cache file or its folder cannot be written
    Corrupt, // SQLITE_CORRUPT, SQLITE_NOTADB: the file is not a sound database
    Cancelled, // a person cancelled; nothing was changed
    NewerVersion, // written by a newer Cairn: a cache schema this one does not know
    ForeignFile, // a file that is not Cairn's where a cache should be: refused, left untouched
};

// One error style everywhere: a message a person can act on (what happened, to what,
// and what to do), and its kind. Errors are values; no exception crosses a layer.
struct Error
{
    QString message;
    ErrorKind kind = ErrorKind::Other;
};

// A std::expected-like result (std::expected is C++23; we target C++20 compilers).
template<typename T> class [[nodiscard]] Result
{
public:
    Result(T value)
        : m_state(std::in_place_index<0>, std::move(value))
    { }
    Result(Error error)
        : m_state(std::in_place_index<1>, std::move(error))
    { }

    bool ok() const { return m_state.index() == 0; }
    explicit operator bool() const { return ok(); }

    T &value() & { return std::get<0>(m_state); }
    const T &value() const & { return std::get<0>(m_state); }
    T &&value() && { return std::get<0>(std::move(m_state)); }
    T *operator->() { return &value(); }
    const T *operator->() const { return &value(); }
    T &operator*() & { return value(); }
    const T &operator*() const & { return value(); }

    const Error &error() const { return std::get<1>(m_state); }
    QString errorString() const { return ok() ? QString() : error().message; }
    ErrorKind errorKind() const { return ok() ? ErrorKind::Other : error().kind; }

private:
    std::variant<T, Error> m_state;
};

// Result of an operation that produces nothing but may fail.
template<> class [[nodiscard]] Result<void>
{
public:
    Result() = default;
    Result(Error error)
        : m_error(std::move(error))
    { }

    bool ok() const { return !m_error.has_value(); }
    explicit operator bool() const { return ok(); }
    const Error &error() const { return *m_error; }
    QString errorString() const { return ok() ? QString() : m_error->message; }
    ErrorKind errorKind() const { return ok() ? ErrorKind::Other : m_error->kind; }

private:
    std::optional<Error> m_error;
};

using Status = Result<void>;

} // namespace cairn::core
