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
borne_ui_missions_script(post_keyboard  800x480 1920x1080)
borne_ui_missions_script(post_type      800x480 1920x1080)
borne_ui_missions_script(post_refused   800x480 1920x1080)
