// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QCoreApplication>
#include <QStringList>

namespace cairn::ui {

class MainWindow;

// Visits the main views of a window showing the sample organisation and saves each as a
// PNG, so that anyone — on a machine without a display too — sees what Cairn looks like
// (`tools/dev run` under Xvfb, the screenshot test).
class ScreenshotTour final
{
    Q_DECLARE_TR_FUNCTIONS(cairn::ui::ScreenshotTour)

public:
    // The paths written, in visiting order; an error names the file that failed.
    static QStringList take(MainWindow &window, const QString &folder, QString *error = nullptr);
};

} // namespace cairn::ui
