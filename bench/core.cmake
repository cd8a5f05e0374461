# core.cmake -- benchmarks of borne's core. Not run by ctest: they print
# figures. bench_board: the mission board's queries over 10,000 missions.
add_executable(bench_board ${CMAKE_CURRENT_SOURCE_DIR}/bench_board.c)
target_link_libraries(bench_board PRIVATE borne_core)
