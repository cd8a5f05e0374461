# Text from people: the line breaking on its own (a fake font), then the
# kiosk showing the worst of it (URLs, long words, combining marks,
# right-to-left, emoji, maximum lengths) at every screen size.
borne_c_test(textlayout)
target_link_libraries(test_textlayout PRIVATE borne_textlayout)
# The link after a space that crashed the mission page and the preview.
borne_ui_script(text_url SIZES 800x480 1920x1080 480x800)
# Emoji, combining marks, Hebrew and Arabic, flags, an e-mail: drawn and
# shown on the preview, the board's card and the mission page.
borne_ui_script(text_world SIZES 800x480 1920x1080 480x800)
# Typed at the limits: a 120-character title of combining marks and ZWJ
# emoji, a 300-character word; titles cut cleanly on cards and lists.
borne_ui_script(text_long SIZES 800x480 1920x1080 480x800)
# A 2,000-character description and a 120-character title put in the
# database by borne-admin (typing them would cost a frame a character).
foreach(size 800x480 1920x1080 480x800)
  add_test(NAME ui_text_max_${size}
           COMMAND sh ${CMAKE_CURRENT_SOURCE_DIR}/ui/text_db.sh
                   ${run_borne} ${run_admin}
                   ${CMAKE_CURRENT_SOURCE_DIR}/ui/text_max.script ${size}
                   ${CMAKE_BINARY_DIR}/screenshots/${size}
                   ${CMAKE_CURRENT_BINARY_DIR}/text_max)
  set_tests_properties(ui_text_max_${size} PROPERTIES TIMEOUT ${BORNE_UI_TIMEOUT})
endforeach()
# What is drawn for glyphs Inter lacks (render.c on a software renderer).
borne_c_test(render_text ${PROJECT_SOURCE_DIR}/ui/render.c
  ${PROJECT_SOURCE_DIR}/ui/render_shapes.c)
target_include_directories(test_render_text PRIVATE ${PROJECT_SOURCE_DIR}/ui)
target_compile_definitions(test_render_text PRIVATE
  BORNE_ASSETS_DIR="${PROJECT_SOURCE_DIR}/assets")
target_link_libraries(test_render_text PRIVATE borne_textlayout
  PkgConfig::SDL2 PkgConfig::TTF m)
