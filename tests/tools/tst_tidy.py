#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""tools/tidy remembers a pass, and only a pass, for exactly as long as nothing it depends on changes.

Runs the real script and the real clang-tidy on a two-file project in a temporary folder
(one check, so it takes a second): a header's change, a NOLINT comment and a .clang-tidy
change are each seen, a warning is never remembered, and a copy of the project in another
folder finds the passes its original stored, as a CI clone must.
"""

import json
import os
import shutil
import subprocess
import sys
import tempfile
import unittest
from pathlib import Path

SCRIPT = Path(__file__).resolve().parents[2] / "tools" / "tidy"
CONFIG = "Checks: '-*,modernize-use-nullptr'\nHeaderFilterRegex: '.*'\n"


def make_project(root: Path) -> None:
    (root / "tools").mkdir(parents=True)
    subprocess.run(["git", "init", "-q"], cwd=root, check=True)  # the script lists .clang-tidy files with git
    shutil.copy(SCRIPT, root / "tools" / "tidy")
    (root / ".clang-tidy").write_text(CONFIG)
    (root / "a.h").write_text("int value();\n")
    (root / "a.cpp").write_text('#include "a.h"\nint value() { return 1; }\n')
    write_commands(root)


def write_commands(root: Path) -> None:
    build = root / "build"
    build.mkdir(exist_ok=True)
    command = f"clang++ -std=c++17 -I{root} -c {root}/a.cpp -o a.o"
    (build / "compile_commands.json").write_text(
        json.dumps([{"directory": str(build), "command": command, "file": str(root / "a.cpp")}]))


class TidyRemembers(unittest.TestCase):
    def setUp(self) -> None:
        self.temp = tempfile.TemporaryDirectory()
        self.base = Path(self.temp.name)
        self.root = self.base / "project"
        self.cache = self.base / "cache"
        make_project(self.root)

    def tearDown(self) -> None:
        self.temp.cleanup()

    def tidy(self, root: Path | None = None) -> tuple[int, str]:
        root = root or self.root
        run = subprocess.run([sys.executable, str(root / "tools" / "tidy"), str(root / "build"), "a.cpp"],
                             cwd=root, capture_output=True, text=True,
                             env={**os.environ, "CAIRN_TIDY_CACHE": str(self.cache)})
        return run.returncode, run.stdout + run.stderr

    def assertChecked(self, expected_rc: int, remembered: int, root: Path | None = None) -> str:
        rc, output = self.tidy(root)
        self.assertEqual(rc, expected_rc, output)
        self.assertIn(f"1 files ({remembered} passed before, unchanged)", output)
        return output

    def test_a_pass_is_remembered_until_the_file_changes(self) -> None:
        self.assertChecked(0, remembered=0)
        self.assertChecked(0, remembered=1)
        (self.root / "a.cpp").write_text('#include "a.h"\nint value() { return 2; }\n')
        self.assertChecked(0, remembered=0)

    def test_a_warning_in_a_header_is_never_remembered(self) -> None:
        self.assertChecked(0, remembered=0)
        (self.root / "a.h").write_text("int value();\ninline int *none() { return 0; }\n")
        for _ in range(2):
            output = self.assertChecked(1, remembered=0)
            self.assertIn("a.h:2:", output)
            self.assertIn("[modernize-use-nullptr]", output)
            self.assertIn("1 warnings or errors", output)

    def test_a_nolint_comment_is_part_of_what_is_remembered(self) -> None:
        (self.root / "a.h").write_text("int value();\ninline int *none() { return 0; } // NOLINT\n")
        self.assertChecked(0, remembered=0)
        self.assertChecked(0, remembered=1)
        (self.root / "a.h").write_text("int value();\ninline int *none() { return 0; }\n")
        self.assertChecked(1, remembered=0)

    def test_a_changed_configuration_checks_again(self) -> None:
        self.assertChecked(0, remembered=0)
        (self.root / ".clang-tidy").write_text(CONFIG.replace("modernize-use-nullptr", "performance-*"))
        self.assertChecked(0, remembered=0)

    def test_a_clone_elsewhere_finds_the_passes(self) -> None:
        self.assertChecked(0, remembered=0)
        clone = self.base / "elsewhere" / "clone"
        shutil.copytree(self.root, clone, ignore=shutil.ignore_patterns("build"))
        write_commands(clone)
        self.assertChecked(0, remembered=1, root=clone)


if __name__ == "__main__":
    unittest.main()
