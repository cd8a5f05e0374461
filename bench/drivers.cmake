# bench_reader: tag placed on an emulated PN532 -> UID on the consumer
# thread, median and max over 100 taps at poll 150 ms.
add_executable(bench_reader ${CMAKE_CURRENT_SOURCE_DIR}/bench_reader.c
               ${PROJECT_SOURCE_DIR}/tests/pn532_emu.c)
target_include_directories(bench_reader PRIVATE ${PROJECT_SOURCE_DIR}/tests)
target_link_libraries(bench_reader PRIVATE borne_drivers)
