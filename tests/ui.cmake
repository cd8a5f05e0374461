# UI scripts for check-in and check-out, the unknown badge and its
# enrolment, the PIN, facilitator mode, the idle return, the reader banner
# and the language. Each script runs the real kiosk headless (offscreen
# SDL, software renderer, virtual clock) on a fresh demo database at a
# fixed time, at the 7" screen's 800x480 and at 1920x1080, most in
# portrait too. Screenshots land in ${CMAKE_BINARY_DIR}/screenshots/<size>/.
function(borne_ui_script name)
  cmake_parse_arguments(U "" "" "SIZES;ARGS" ${ARGN})
  foreach(size ${U_SIZES})
    add_test(NAME ui_${name}_${size}
             COMMAND borne --headless --size ${size} --demo
                     --now 2026-12-10T10:42 ${U_ARGS}
                     --script ${CMAKE_CURRENT_SOURCE_DIR}/ui/${name}.script
                     --screenshots ${CMAKE_BINARY_DIR}/screenshots/${size})
    set_tests_properties(ui_${name}_${size} PROPERTIES TIMEOUT ${BORNE_UI_TIMEOUT})
  endforeach()
endfunction()

set(all_sizes 800x480 1920x1080 480x800)
borne_ui_script(shots       SIZES ${all_sizes})
borne_ui_script(checkin     SIZES ${all_sizes})
borne_ui_script(repeat      SIZES 800x480 1920x1080)
borne_ui_script(enrol       SIZES ${all_sizes})
borne_ui_script(enrol_empty SIZES 800x480 480x800)
# Enrol Zoé and approve a mission by taps and badges only: 17 touches,
# one PIN (issue 11 items 8, 13; the count is in the script's header).
borne_ui_script(enrol_touches SIZES 800x480)
# Taps a locked key by its place at 800x480; 1080p checks the rest.
borne_ui_script(pin_lock    SIZES 800x480 1920x1080)
# An admin sets a PIN at the kiosk (issue 8).
borne_ui_script(pin_set     SIZES 800x480 1920x1080 480x800)
borne_ui_script(facilitator SIZES ${all_sizes})
borne_ui_script(facilitator_day SIZES ${all_sizes})
borne_ui_script(facilitator_web SIZES ${all_sizes})
borne_ui_script(facilitator_scroll SIZES 480x800)
borne_ui_script(idle        SIZES 800x480 1920x1080)
borne_ui_script(reader      SIZES ${all_sizes})
borne_ui_script(lang        SIZES 800x480 1920x1080 480x800)
borne_ui_script(lang_en     SIZES 800x480 1920x1080 ARGS --lang en)
# Nothing that matters cut, in French and English (issue 11 item 9).
borne_ui_script(nothing_cut SIZES ${all_sizes})
# Accueil's "Proposer" has its word at every size, not a bare "+" (issue 11).
borne_ui_script(accueil_post SIZES ${all_sizes})
# What a badge tap means: facilitator mode without presence, check-ins
# over busy screens, questions that expire.
borne_ui_script(facilitator_entry SIZES 800x480 1920x1080)
borne_ui_script(badge_wait  SIZES 800x480 1920x1080)
# What people see of the sync with a hub (issue 14): a take waiting for
# the hub, a refused one told at the next tap, facilitators told.
borne_ui_script(sync_takes  SIZES 800x480 1920x1080)
# Two fingers, a drag off the screen, held keys (finger positions: 800x480).
borne_ui_script(touch_robust SIZES 800x480)

# Start-up without a usable database (read-only, damaged, full disk):
# "Hors service" with the reason, then Accueil by itself once it works.
foreach(size 800x480 1920x1080)
  add_test(NAME ui_out_of_service_${size}
           COMMAND sh ${CMAKE_CURRENT_SOURCE_DIR}/ui/out_of_service.sh
                   ${run_borne} ${size}
                   ${CMAKE_BINARY_DIR}/screenshots/${size})
  set_tests_properties(ui_out_of_service_${size} PROPERTIES TIMEOUT ${BORNE_UI_TIMEOUT})
endforeach()
# A demo whose database name holds a killed run's -wal and -shm (mode
# 644, garbage): a fresh database anyway, and nothing left after.
add_test(NAME ui_demo_stale
         COMMAND sh ${CMAKE_CURRENT_SOURCE_DIR}/ui/demo_stale.sh ${run_borne})
set_tests_properties(ui_demo_stale PROPERTIES TIMEOUT ${BORNE_UI_TIMEOUT})
# The screens' rectangle helpers alone (no SDL): cuts, insets, columns.
borne_c_test(layout)
target_link_libraries(test_layout PRIVATE borne_layout)
# Every text and control colour pair (ui/palette.h) against WCAG 2.1:
# 4.5:1 for text, 3:1 for a control's edge (issue 11). The table of
# ratios: test_contrast FILE.md.
borne_c_test(contrast)
target_link_libraries(test_contrast PRIVATE borne_layout m)
# The line parser alone (no SDL): commands, quotes, number bounds.
borne_c_test(script_parse)
target_link_libraries(test_script_parse PRIVATE borne_script)
# The README's table of script commands against the parser's table.
add_test(NAME script_readme COMMAND test_script_parse ${PROJECT_SOURCE_DIR}/README.md)
set_tests_properties(script_readme PROPERTIES TIMEOUT 60)

# A script that goes wrong must stop borne with a non-zero status and name
# the line (number and text) on stderr.
foreach(bad "script_bad_line:4: frobnicate 12"
            "script_failed_expect:3: expect-text"
            "script_type_invalid:3: type"
            "script_wait_huge:3: wait 99999999999999999999")
  string(REPLACE ":" ";" parts "${bad}")
  list(GET parts 0 name)
  list(GET parts 1 line)
  list(GET parts 2 text)
  add_test(NAME ui_${name}
           COMMAND sh -c "out=$(\"$0\" --headless --size 800x480 --demo --now 2026-12-10T10:42 --script \"$1\" 2>&1); rc=$?; printf '%s\\n' \"$out\"; [ $rc -eq 1 ] && printf '%s' \"$out\" | grep -qF \"$1:$2:$3\""
                   ${run_borne}
                   ${CMAKE_CURRENT_SOURCE_DIR}/ui/${name}.script ${line} "${text}")
  set_tests_properties(ui_${name} PROPERTIES TIMEOUT 60)
endforeach()

# Hostile script files (NUL bytes, 1 MB lines, no newline at the end,
# invalid UTF-8, words at the buffers' sizes): read or refused with the
# line named, never a crash nor a hidden command run.
add_test(NAME ui_script_hostile
         COMMAND sh ${CMAKE_CURRENT_SOURCE_DIR}/ui/script_hostile.sh
                 ${run_borne} ${CMAKE_CURRENT_BINARY_DIR}/script_hostile)
set_tests_properties(ui_script_hostile PROPERTIES TIMEOUT 180)

# Bad command lines are refused with the usage, before any window opens.
add_test(NAME ui_bad_options
         COMMAND sh -c "! \"$0\" --headless --size 12x12 --script - </dev/null && ! \"$0\" --frobnicate && ! \"$0\" --lang de"
                 ${run_borne})

# The real loop under systemd: READY=1, watchdog pings, clean SIGTERM.
add_executable(test_watchdog test_watchdog.c)
target_include_directories(test_watchdog PRIVATE ${CMAKE_CURRENT_SOURCE_DIR})
add_test(NAME watchdog COMMAND test_watchdog ${run_borne})
set_tests_properties(watchdog PROPERTIES TIMEOUT 60)
# The clock: a Pi booted in 1970 holds taps until the time is known
# (clock), a clock behind the last tap is confirmed by a facilitator
# (clock_confirm).
borne_ui_script(clock         SIZES 800x480 1920x1080)
borne_ui_script(clock_confirm SIZES 800x480 1920x1080)
# Nothing to a shell: key chords, SDL_QUIT and a closed window do nothing
# in kiosk mode (signals: test_signals below).
borne_ui_script(no_shell SIZES 800x480)
# Nothing to a shell, by signals: the real loop in kiosk mode ignores
# SIGINT, SIGQUIT and SIGTSTP and stops cleanly on SIGTERM; windowed
# (a developer's) quits on SIGINT.
add_executable(test_signals test_signals.c)
target_include_directories(test_signals PRIVATE ${CMAKE_CURRENT_SOURCE_DIR})
add_test(NAME signals COMMAND test_signals ${run_borne})
set_tests_properties(signals PROPERTIES TIMEOUT 120)
# The console held shut (ISIG off, VT switching locked), on a pty.
add_executable(test_console test_console.c)
target_include_directories(test_console PRIVATE ${CMAKE_CURRENT_SOURCE_DIR})
target_link_libraries(test_console PRIVATE borne_console)
add_test(NAME console COMMAND test_console)
set_tests_properties(console PROPERTIES TIMEOUT 30)
# The same with real X key events: Xvfb, xdotool (skipped without them).
add_test(NAME x11_keys COMMAND sh ${CMAKE_CURRENT_SOURCE_DIR}/ui/x11_keys.sh
         ${run_borne})
set_tests_properties(x11_keys PROPERTIES TIMEOUT 120 SKIP_RETURN_CODE 77)
if(BORNE_EMULATED)
  set_tests_properties(x11_keys PROPERTIES ENVIRONMENT BORNE_EMULATED=1)
endif()
# Issue 11, items 4, 5, 7, 13: the warning before the idle reset, a draft
# kept and asked before erasing, the description's lines and cursor, the
# reward step's number pad and questions, posting again in one touch.
borne_ui_script(idle_warn   SIZES ${all_sizes})
borne_ui_script(post_draft  SIZES ${all_sizes})
borne_ui_script(post_reward SIZES ${all_sizes})
# Issue 15: work streams asked at check-in and changed during the day
# (then the report by stream holds the hours), the heat alert turned on
# in facilitator mode and explained on a minor's board, a minor's day
# limit. The database is prepared by borne-admin (safety_db.sh).
foreach(size 800x480 1920x1080)
  add_test(NAME ui_streams_${size}
           COMMAND sh ${CMAKE_CURRENT_SOURCE_DIR}/ui/safety_db.sh
                   ${run_borne} ${run_admin}
                   ${CMAKE_CURRENT_SOURCE_DIR}/ui/streams.script ${size}
                   ${CMAKE_BINARY_DIR}/screenshots/${size}
                   ${CMAKE_CURRENT_BINARY_DIR}/issue15
                   ${CMAKE_CURRENT_SOURCE_DIR}/ui/streams.check)
  add_test(NAME ui_heat_limits_${size}
           COMMAND sh ${CMAKE_CURRENT_SOURCE_DIR}/ui/safety_db.sh
                   ${run_borne} ${run_admin}
                   ${CMAKE_CURRENT_SOURCE_DIR}/ui/heat_limits.script ${size}
                   ${CMAKE_BINARY_DIR}/screenshots/${size}
                   ${CMAKE_CURRENT_BINARY_DIR}/issue15)
  set_tests_properties(ui_streams_${size} ui_heat_limits_${size}
                       PROPERTIES TIMEOUT ${BORNE_UI_TIMEOUT})
endforeach()
