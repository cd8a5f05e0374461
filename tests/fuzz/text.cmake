# text.cmake -- the text layout fuzz target: textlayout_break and
# textlayout_prefix on any bytes at any width (1 px included), measured by
# a fake font or by the kiosk's own measure (render.c: SDL_ttf with Inter
# and its fallback faces, HarfBuzz shaping), checked against the
# invariants of tests/textlayout_check.h.
borne_fuzz_target(NAME text_layout
  SOURCES fuzz_text_layout.c ${PROJECT_SOURCE_DIR}/ui/textlayout.c
          ${PROJECT_SOURCE_DIR}/ui/render.c
          ${PROJECT_SOURCE_DIR}/ui/render_shapes.c
  LIBS borne_core PkgConfig::TTF PkgConfig::SDL2 m)
target_include_directories(fuzz_text_layout PRIVATE ${PROJECT_SOURCE_DIR}/ui)
target_compile_definitions(fuzz_text_layout PRIVATE
  BORNE_ASSETS_DIR="${PROJECT_SOURCE_DIR}/assets")
