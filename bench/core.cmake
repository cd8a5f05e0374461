# core.cmake -- benchmarks of borne's core. Not run by ctest: they print
# figures. bench_board: the mission board's queries over 10,000 missions.
add_executable(bench_board ${CMAKE_CURRENT_SOURCE_DIR}/bench_board.c)
target_link_libraries(bench_board PRIVATE borne_core)
# soak: a simulated year (100,000 taps, 10,000 mission edits) through the
# app state machine, printing memory; ctest's soak_short runs 5,000 taps.
add_executable(soak ${CMAKE_CURRENT_SOURCE_DIR}/soak.c)
target_link_libraries(soak PRIVATE borne_core)
# bench_pin: one PIN try with the production Argon2id limits, and what
# trying every PIN of 4 to 8 digits costs with and without the key.
add_executable(bench_pin ${CMAKE_CURRENT_SOURCE_DIR}/bench_pin.c)
target_link_libraries(bench_pin PRIVATE borne_core m)
