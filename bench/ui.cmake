# ui.cmake -- benchmarks of the kiosk's drawing. Not run by ctest: they
# print figures. bench_ui: frame times of the real screens on the software
# renderer (cold and warm text cache) and the cache's hit rate.
set(BORNE_UI_DIR ${PROJECT_SOURCE_DIR}/ui)
# Every screen's drawing, found by name as ui/CMakeLists.txt finds them:
# a screen added to screens.def is benchmarked (and links) here too.
file(GLOB BORNE_BENCH_UI_SCREENS CONFIGURE_DEPENDS ${BORNE_UI_DIR}/screens/*.c)
set(BORNE_BENCH_UI_SOURCES
  ${BORNE_UI_DIR}/ui.c ${BORNE_UI_DIR}/ui_text.c ${BORNE_UI_DIR}/ui_record.c ${BORNE_UI_DIR}/frame.c
  ${BORNE_UI_DIR}/problem.c ${BORNE_UI_DIR}/render.c ${BORNE_UI_DIR}/render_shapes.c
  ${BORNE_UI_DIR}/widgets.c
  ${BORNE_UI_DIR}/mission_widgets.c ${BORNE_UI_DIR}/keyboard.c ${BORNE_UI_DIR}/dialog.c
  ${BORNE_UI_DIR}/screens.c ${BORNE_BENCH_UI_SCREENS})
# bench_kiosk: the kiosk's work in one process for borne-bench: tap ->
# greeting drawn (commit included), each screen's frame, the durable
# commit, and the tap path for callgrind.
foreach(b bench_ui bench_kiosk)
  add_executable(${b} ${CMAKE_CURRENT_SOURCE_DIR}/${b}.c
                 ${BORNE_BENCH_UI_SOURCES})
  target_include_directories(${b} PRIVATE ${BORNE_UI_DIR})
  target_compile_definitions(${b} PRIVATE
    BORNE_ASSETS_DIR="${PROJECT_SOURCE_DIR}/assets")
  target_link_libraries(${b} PRIVATE borne_core borne_textlayout borne_layout
    PkgConfig::SDL2 PkgConfig::TTF m)
endforeach()
