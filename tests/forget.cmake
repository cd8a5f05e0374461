# forget.cmake -- forgetting means gone (issue 8): test_forget drives the
# core, a real headless kiosk and borne-admin. It is linked with
# --wrap=sqlite3_open_v2 so that its connections start as a SQLite built
# without SQLITE_SECURE_DELETE would (Debian's has it).
if(TARGET borne AND TARGET borne-admin)
  add_executable(test_forget test_forget.c)
  target_include_directories(test_forget PRIVATE ${CMAKE_CURRENT_SOURCE_DIR})
  target_link_libraries(test_forget PRIVATE borne_core)
  target_link_options(test_forget PRIVATE -Wl,--wrap=sqlite3_open_v2)
  add_test(NAME forget COMMAND test_forget ${run_borne}
           ${run_admin})
  set_tests_properties(forget PROPERTIES TIMEOUT ${BORNE_UI_TIMEOUT}
    ENVIRONMENT "BORNE_PIN_HASH_FAST=1;TZ=Europe/Paris")
endif()

# Backups kept by rotation, on a fake clock.
borne_c_test(backups)
set_tests_properties(backups PROPERTIES
  ENVIRONMENT "BORNE_PIN_HASH_FAST=1;TZ=Europe/Paris")

# borne-admin's forget, purge, backup --rotate and restore, end to end.
if(TARGET borne-admin)
  add_test(NAME admin_cli_forget
           COMMAND bash ${CMAKE_CURRENT_SOURCE_DIR}/admin/cli_forget.sh
                   ${run_admin})
  set_tests_properties(admin_cli_forget PROPERTIES TIMEOUT 120
                       ENVIRONMENT "TZ=Europe/Paris;BORNE_PIN_HASH_FAST=1")
endif()
