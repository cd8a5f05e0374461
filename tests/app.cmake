# app.cmake -- tests of the kiosk's state machine (firmware/app*.c), the
# demo database and the two catalogues. Driven directly, no SDL.
foreach(t app app_post app_quote app_drafts app_facilitator app_badge app_errors app_journeys app_sync i18n export_stick)
  if(EXISTS ${CMAKE_CURRENT_SOURCE_DIR}/test_${t}.c)
    borne_c_test(${t})
    set_tests_properties(${t} PROPERTIES
      ENVIRONMENT "BORNE_PIN_HASH_FAST=1;TZ=Europe/Paris")
  endif()
endforeach()
