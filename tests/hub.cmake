# hub.cmake -- several kiosks through a real PostgreSQL hub (issue 14,
# docs/sync.md): tests/hub/hub_sync.py starts its own throw-away cluster.
# Skipped (77) without PostgreSQL, failed under CI=true.
find_package(Python3 COMPONENTS Interpreter)
if(Python3_FOUND)
  add_test(NAME hub_sync
           COMMAND ${Python3_EXECUTABLE} ${CMAKE_CURRENT_SOURCE_DIR}/hub/hub_sync.py
                   ${run_admin})
  # About 1 minute alone here, 5 minutes under ASan on a busy machine; qemu
  # slower (it takes fewer rows there).
  set(hub_timeout 600)
  if(CMAKE_CROSSCOMPILING_EMULATOR)
    set(hub_timeout 1500)
  endif()
  set_tests_properties(hub_sync PROPERTIES TIMEOUT ${hub_timeout}
                       SKIP_RETURN_CODE 77
                       ENVIRONMENT "TZ=Europe/Paris;BORNE_PIN_HASH_FAST=1")
endif()
