# borne_conf.cmake -- writes /etc/borne/borne.conf from firmware/config_def.h.
# Run as a script (cmake -DDEF=... -DHEAD=... -DNOTES=... -DOUT=... -P):
# every key of config_def.h becomes a commented "#key = default" line under
# its help text, its bounds and any notes, so the installed file documents
# every key and never drifts from the table. It only reads text, so a cross
# build (arm64) makes it without running a target binary.
#   DEF    firmware/config_def.h
#   HEAD   deploy/borne.conf.head: the file's opening comment, as is
#   NOTES  deploy/borne.conf.notes: "[key]" then lines added under that key
#   OUT    the file to write
#   FORMAT conf (default) or md: docs/config.md, the same table in Markdown
#          (a test compares the committed page with what this writes)
cmake_minimum_required(VERSION 3.16)
if(NOT DEFINED FORMAT)
  set(FORMAT conf)
endif()
foreach(v DEF HEAD NOTES OUT)
  if(NOT DEFINED ${v})
    message(FATAL_ERROR "borne_conf.cmake: -D${v}=... is missing")
  endif()
endforeach()

# Notes: "[key]" opens a key's block; other lines go under it as comments.
file(STRINGS "${NOTES}" note_lines ENCODING UTF-8)
set(note_key "")
set(note_keys "")
foreach(line IN LISTS note_lines)
  if(line MATCHES "^\\[([a-z0-9_]+)\\]$")
    set(note_key "${CMAKE_MATCH_1}")
    list(APPEND note_keys "${note_key}")
    set(note_${note_key} "")
  elseif(line MATCHES "^#")
    # a comment of the notes file itself
  elseif(note_key STREQUAL "")
    if(NOT line STREQUAL "")
      message(FATAL_ERROR "${NOTES}: text before the first [key]: ${line}")
    endif()
  elseif(line STREQUAL "")
    string(APPEND note_${note_key} "#\n")
  else()
    string(APPEND note_${note_key} "# ${line}\n")
  endif()
endforeach()

file(READ "${HEAD}" out)
string(APPEND out "\n")
string(CONCAT md "# Configuration keys\n\n"
       "Written by `cmake/borne_conf.cmake` from `firmware/config_def.h`, the one\n"
       "place each key is defined (its default, bounds and meaning); the\n"
       "`docs_config` test fails when this page is behind. Regenerate it with\n"
       "`cmake --build build --target config_doc`. The installed\n"
       "`/etc/borne/borne.conf` is written from the same table, with notes.\n\n"
       "| key | default | accepted | meaning |\n"
       "|---|---|---|---|\n")
file(STRINGS "${DEF}" def_lines ENCODING UTF-8)
set(q "\"([^\"\\\\]*)\"")          # a C string with no escapes
set(keys "")
foreach(line IN LISTS def_lines)
  if(line MATCHES "^CONFIG_DEF\\(${q}, *${q}, *${q}\\)$")
    set(key "${CMAKE_MATCH_1}")
    set(def "${CMAKE_MATCH_2}")
    set(help "${CMAKE_MATCH_3}")
    set(range "")
  elseif(line MATCHES "^CONFIG_NUM\\(${q}, *${q}, *(-?[0-9]+), *(-?[0-9]+), *${q}\\)$")
    set(key "${CMAKE_MATCH_1}")
    set(def "${CMAKE_MATCH_2}")
    set(range "From ${CMAKE_MATCH_3} to ${CMAKE_MATCH_4}. ")
    set(help "${CMAKE_MATCH_5}")
  elseif(line MATCHES "^CONFIG_(DEF|NUM)")
    # A key this script cannot read would be missing from the file: stop.
    message(FATAL_ERROR "${DEF}: cannot read this line (one key per line, "
                        "plain strings): ${line}")
  else()
    continue()
  endif()
  list(APPEND keys "${key}")
  if(range STREQUAL "")
    set(md_range "text")
  else()
    string(REGEX REPLACE "^From (-?[0-9]+) to (-?[0-9]+)\\. $" "\\1 to \\2" md_range "${range}")
  endif()
  string(REPLACE "|" "\\|" md_help "${help}")
  if(def STREQUAL "")
    set(md_def "(empty)")
  else()
    set(md_def "`${def}`")
  endif()
  string(APPEND md "| `${key}` | ${md_def} | ${md_range} | ${md_help} |\n")
  string(APPEND out "# ${help}.\n")
  if(DEFINED note_${key})
    string(REGEX REPLACE "(#\n)+$" "" note "${note_${key}}")
    string(APPEND out "${note}")
  endif()
  if(def STREQUAL "")
    string(APPEND out "# ${range}Default: empty.\n#${key} =\n\n")
  else()
    string(APPEND out "# ${range}Default: ${def}\n#${key} = ${def}\n\n")
  endif()
endforeach()
if(keys STREQUAL "")
  message(FATAL_ERROR "${DEF}: no CONFIG_DEF/CONFIG_NUM line found")
endif()
foreach(k IN LISTS note_keys)
  if(NOT k IN_LIST keys)
    message(FATAL_ERROR "${NOTES}: [${k}] is not a key of ${DEF}")
  endif()
endforeach()
if(FORMAT STREQUAL "md")
  set(out "${md}")
elseif(NOT FORMAT STREQUAL "conf")
  message(FATAL_ERROR "borne_conf.cmake: FORMAT is conf or md, not ${FORMAT}")
endif()
string(REGEX REPLACE "\n+$" "\n" out "${out}")
file(WRITE "${OUT}.tmp" "${out}")
file(RENAME "${OUT}.tmp" "${OUT}")
