# SPDX-License-Identifier: GPL-3.0-or-later
# Writes the man page cairn.1 from the command line's own help, so the two never disagree.
# cmake -DCAIRN=path/to/cairn -DVERSION=x.y.z -DDATE=yyyy-mm-dd -DOUT=cairn.1 -P ManPage.cmake
# (DATE: the version's release date, so that the page is the same at every build)
# The help is read with HOME set to a placeholder so that the default cache path reads
# "~/.local/share/..." and not the build machine's home.
foreach(var CAIRN VERSION DATE OUT)
  if(NOT DEFINED ${var})
    message(FATAL_ERROR "ManPage.cmake: -D${var}=... is required")
  endif()
endforeach()

execute_process(
  COMMAND ${CMAKE_COMMAND} -E env HOME=/CAIRN-HOME XDG_DATA_HOME= CAIRN_CACHE= LANG=C LC_ALL=C LANGUAGE=
          ASAN_OPTIONS=detect_leaks=0
          ${CAIRN} --help
  OUTPUT_VARIABLE help RESULT_VARIABLE status)
if(NOT status EQUAL 0)
  message(FATAL_ERROR "ManPage.cmake: ${CAIRN} --help failed (${status})")
endif()
string(REPLACE "/CAIRN-HOME" "~" help "${help}")
# roff: a backslash is \e, and a line may not start with a dot or a quote.
string(REPLACE "\\" "\\e" help "${help}")
string(REGEX REPLACE "\n([.'])" "\n\\\\&\\1" help "\n${help}")
string(SUBSTRING "${help}" 1 -1 help)
# The first line is the title ("Cairn x.y.z — ..."), said in NAME instead. (Not a
# REGEX REPLACE on "^": CMake applies it again at every position it reaches.)
string(FIND "${help}" "\n\n" title_end)
if(title_end GREATER -1)
  math(EXPR body_start "${title_end} + 2")
  string(SUBSTRING "${help}" ${body_start} -1 help)
endif()

file(WRITE ${OUT} ".TH CAIRN 1 \"${DATE}\" \"Cairn ${VERSION}\" \"User Commands\"
.SH NAME
cairn \\- an offline directory of your organisation's work
.SH SYNOPSIS
.B cairn
[\\fB\\-\\-cache\\fR \\fIFILE\\fR] [\\fB\\-\\-today\\fR \\fIDATE\\fR] \\fICOMMAND\\fR [\\fIARGUMENTS\\fR]
.SH DESCRIPTION
Cairn keeps a local cache of an organisation's projects, goals, teams, people and software
components, synced from a Backstage catalog, a JSON bundle or a folder of catalog files, and
answers what each is, why it exists, who owns it and how to work with it, network or not.
.B cairn
is the command line;
.B cairn-desktop
is the window, on the same cache.
.PP
What
.B cairn \\-\\-help
prints:
.PP
.nf
${help}.fi
.SH ENVIRONMENT
.TP
.B CAIRN_CACHE
the cache file when \\fB\\-\\-cache\\fR is not given
.TP
.B CAIRN_MAX_FILE_MB
the largest catalog file an import reads, in MiB (default 256)
.SH FILES
.TP
.I ~/.local/share/Cairn/cairn/cache.sqlite3
the cache, unless \\fB\\-\\-cache\\fR or \\fBCAIRN_CACHE\\fR says otherwise
.SH SEE ALSO
The window,
.BR cairn-desktop ,
takes \\fB\\-\\-cache\\fR, \\fB\\-\\-today\\fR and \\fB\\-\\-language\\fR;
.B cairn-desktop \\-\\-help
lists them.
")
