# SPDX-License-Identifier: GPL-3.0-or-later
# Fails when a translatable string of the sources has no French translation: lupdate reads
# the sources into a copy of TS_FILE (the shipped one stays untouched); new strings arrive
# there with type="unfinished". Vanished and obsolete entries (strings no longer in the
# sources) are fine. Run by ctest (label i18n), with LUPDATE, TS_FILE, SOURCES_LIST (one
# path a line), INCLUDE_DIR and WORK_DIR defined.
file(REMOVE_RECURSE "${WORK_DIR}")
file(MAKE_DIRECTORY "${WORK_DIR}")
set(copy "${WORK_DIR}/cairn_fr.ts")
file(COPY_FILE "${TS_FILE}" "${copy}")
file(STRINGS "${SOURCES_LIST}" sources)
list(LENGTH sources source_count)
# A lupdate list file (@file) keeps the command line short.
list(JOIN sources "\n" sources_text)
file(WRITE "${WORK_DIR}/sources.lst" "${sources_text}\n")
execute_process(
  COMMAND "${LUPDATE}" -locations none -I "${INCLUDE_DIR}" "@${WORK_DIR}/sources.lst" -ts "${copy}"
  RESULT_VARIABLE status OUTPUT_VARIABLE output ERROR_VARIABLE output)
if(NOT status EQUAL 0)
  message(FATAL_ERROR "lupdate failed (${status}):\n${output}")
endif()
file(READ "${copy}" ts)
# Each unfinished entry, with its source text (no <location> lines: -locations none); a ';'
# would split a CMake list, so the listing reads a copy with them escaped.
string(REPLACE ";" "\\;" listed "${ts}")
string(REGEX MATCHALL
  "<source>[^<]*</source>[^<]*(<comment>[^<]*</comment>[^<]*)?(<extracomment>[^<]*</extracomment>[^<]*)?<translation type=\"unfinished\""
  unfinished "${listed}")
string(REGEX MATCHALL "type=\"unfinished\"" flags "${ts}")
list(LENGTH flags count)
set(missing "")
foreach(entry IN LISTS unfinished)
  string(REGEX MATCH "<source>([^<]*)</source>" _ "${entry}")
  string(APPEND missing "  ${CMAKE_MATCH_1}\n")
endforeach()
if(count GREATER 0)
  message(FATAL_ERROR "${count} string(s) of the sources have no French translation in ${TS_FILE} "
    "(run `ninja update_translations`, then translate them):\n${missing}")
endif()
message(STATUS "Every translatable string of ${source_count} source files has a French translation.")
