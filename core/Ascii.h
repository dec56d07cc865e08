// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QChar>

// The character classes of Backstage's name, kind and tag patterns ([a-z], [A-Za-z0-9]...):
// ASCII only, unlike QChar::isLetter and friends, so that a letter such as 'é' never passes.
namespace cairn::core::ascii {

constexpr bool isLower(QChar c)
{
    return c >= u'a' && c <= u'z';
}
constexpr bool isLetter(QChar c)
{
    return isLower(c) || (c >= u'A' && c <= u'Z');
}
constexpr bool isDigit(QChar c)
{
    return c >= u'0' && c <= u'9';
}
constexpr bool isAlnum(QChar c)
{
    return isLetter(c) || isDigit(c);
}
constexpr bool isLowerAlnum(QChar c)
{
    return isLower(c) || isDigit(c);
}

} // namespace cairn::core::ascii
