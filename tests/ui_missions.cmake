# UI scripts for the mission board, the mission detail, posting a mission
# and the on-screen keyboard. Each script runs the real kiosk headless on a
# fresh demo database at a fixed time, at the 7" screen's 800x480 and at
# 1920x1080; the board's also in portrait. Screenshots land in
# ${CMAKE_BINARY_DIR}/screenshots/<size>/ for people to look at.
function(borne_ui_missions_script name)
  foreach(size ${ARGN})
    add_test(NAME ui_${name}_${size}
             COMMAND borne --headless --size ${size} --demo
                     --now 2026-12-10T10:42
                     --script ${CMAKE_CURRENT_SOURCE_DIR}/ui/${name}.script
                     --screenshots ${CMAKE_BINARY_DIR}/screenshots/${size})
    set_tests_properties(ui_${name}_${size} PROPERTIES TIMEOUT ${BORNE_UI_TIMEOUT})
  endforeach()
endfunction()

borne_ui_missions_script(board_browse   800x480 1920x1080 480x800)
borne_ui_missions_script(board_search   800x480 1920x1080 480x800)
# A search across categories, and where it looked (issue 11 item 6).
borne_ui_missions_script(search_everywhere 800x480 1920x1080 480x800)
borne_ui_missions_script(mission_take   800x480 1920x1080 480x800)
borne_ui_missions_script(mission_done   800x480 1920x1080)
# Issue 11: every one of "Mes missions" reachable by a finger.
borne_ui_missions_script(my_missions    800x480 1920x1080 480x800)
# Issue 11: taking a mission ends on a confirmation or a refusal with a next step.
borne_ui_missions_script(mission_outcome 800x480 1920x1080 480x800)
# Issue 15: a young member makes a quote, the poster accepts one with a
# badge, the other author is told at the next tap.
borne_ui_missions_script(quote_make     800x480 1920x1080)
borne_ui_missions_script(post_keyboard  800x480 1920x1080)
borne_ui_missions_script(post_type      800x480 1920x1080)
borne_ui_missions_script(post_refused   800x480 1920x1080)
# Issue 11: a mission's description read whole, to its last sentence,
# on the detail and in its poster's view (borne-admin adds it).
foreach(size 800x480 1920x1080 480x800)
  add_test(NAME ui_mission_read_${size}
           COMMAND sh ${CMAKE_CURRENT_SOURCE_DIR}/ui/mission_read.sh
                   ${run_borne} ${run_admin}
                   ${CMAKE_CURRENT_SOURCE_DIR}/ui/mission_read.script ${size}
                   ${CMAKE_BINARY_DIR}/screenshots/${size}
                   ${CMAKE_CURRENT_BINARY_DIR}/mission_read)
  set_tests_properties(ui_mission_read_${size} PROPERTIES TIMEOUT ${BORNE_UI_TIMEOUT})
endforeach()
