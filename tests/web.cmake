# web.cmake -- tests of borne-web (web/): its handlers called with
# requests made up in memory (test_web*.c, tests/web_fixture.h), and a
# real browser against a running borne-web (tests/web/browser.py).
foreach(t web web_pages)
  borne_c_test(${t})
  target_link_libraries(test_${t} PRIVATE borne_web)
  set_tests_properties(${t} PROPERTIES
    ENVIRONMENT "BORNE_PIN_HASH_FAST=1;TZ=Europe/Paris" TIMEOUT 60)
endforeach()
