// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/Answer.h"
#include "core/AskEngine.h"

#include <QCoreApplication>
#include <QJsonObject>
#include <QString>

namespace cairn::core {

// Renders answers for people (plain text for a terminal, no colours or box drawing so it
// pastes anywhere) and for programs (JSON, stable: every key is always present, absent
// values are null or empty arrays; see docs/answers.md). JSON dates are ISO 8601.
class AnswerFormatter
{
    Q_DECLARE_TR_FUNCTIONS(AnswerFormatter)

public:
    static constexpr int FormatVersion = 1;

    static QString toText(const Answer &answer);
    static QString toText(const AskResult &result);

    static QJsonObject toJson(const Answer &answer);
    static QJsonObject toJson(const AskResult &result);
    static QJsonObject toJson(const EntitySummary &summary);
};

} // namespace cairn::core
