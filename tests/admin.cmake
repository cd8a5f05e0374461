# Admin engineer's tests: C unit tests for reports, privacy and the CSV
# import, then the borne-admin command line end to end, one ctest entry
# per script (each runs on its own temporary database).
foreach(t report privacy import)
  if(EXISTS ${CMAKE_CURRENT_SOURCE_DIR}/test_${t}.c)
    borne_c_test(${t})
  endif()
endforeach()

foreach(t members days missions quotes safety data badinput dbfail pin)
  if(EXISTS ${CMAKE_CURRENT_SOURCE_DIR}/admin/cli_${t}.sh)
    add_test(NAME admin_cli_${t}
             COMMAND bash ${CMAKE_CURRENT_SOURCE_DIR}/admin/cli_${t}.sh
                     ${run_admin} ${run_borne})
    set_tests_properties(admin_cli_${t} PROPERTIES TIMEOUT 120
                         ENVIRONMENT "TZ=Europe/Paris;BORNE_PIN_HASH_FAST=1")
  endif()
endforeach()
