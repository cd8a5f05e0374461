# A screen mounted turned or upside down, a touch layer mirrored: the
# mapping alone, then the kiosk drawn turned and touched on its panel.
borne_c_test(panel)
target_link_libraries(test_panel PRIVATE borne_panel m)
borne_ui_script(panel_rot90 SIZES 480x800
  ARGS --config ${CMAKE_CURRENT_SOURCE_DIR}/ui/panel/rot90.conf)
borne_ui_script(panel_rot180_flipxy SIZES 800x480
  ARGS --config ${CMAKE_CURRENT_SOURCE_DIR}/ui/panel/rot180_flipxy.conf)
borne_ui_script(panel_flipx SIZES 800x480
  ARGS --config ${CMAKE_CURRENT_SOURCE_DIR}/ui/panel/flipx.conf)
# In a real X window (Xvfb): the renderer borne.conf asks for, software
# where the machine has no GPU. Not in the emulated arm64 build: "gl"
# there would run Mesa's shader compiler under qemu, and the choice is
# plain C, the same on both architectures.
if(NOT BORNE_EMULATED)
  add_test(NAME ui_renderer
           COMMAND sh ${CMAKE_CURRENT_SOURCE_DIR}/ui/renderer.sh ${run_borne})
  set_tests_properties(ui_renderer PROPERTIES TIMEOUT ${BORNE_UI_TIMEOUT}
                       LABELS console)
endif()
# Outside screen_hours the screen goes dark when nobody is there; a touch
# lights it without acting, a badge lights it and counts.
borne_ui_script(screen_night SIZES 800x480
  ARGS --config ${CMAKE_CURRENT_SOURCE_DIR}/ui/panel/hours.conf
       --now 2026-12-10T22:00)
borne_ui_script(screen_day SIZES 800x480
  ARGS --config ${CMAKE_CURRENT_SOURCE_DIR}/ui/panel/hours.conf)
# A bad line in borne.conf: the default is used and the facilitator's
# kiosk panel says which line.
borne_ui_script(config_bad SIZES 800x480 1920x1080 480x800
  ARGS --config ${CMAKE_CURRENT_SOURCE_DIR}/ui/panel/bad.conf)
# The badge tones: no audio device leaves no SDL audio thread behind.
borne_c_test(sound ${PROJECT_SOURCE_DIR}/ui/sound.c)
target_include_directories(test_sound PRIVATE ${PROJECT_SOURCE_DIR}/ui)
target_link_libraries(test_sound PRIVATE PkgConfig::SDL2 PkgConfig::TTF m)
