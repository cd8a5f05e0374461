# web.cmake -- tests of borne-web (web/): its handlers called with
# requests made up in memory (test_web*.c, tests/web_fixture.h), and a
# real browser against a running borne-web (tests/web/browser.py).
# web_browser_days: the days, attendance and report pages in Chromium
# (tests/web/browser_days.py); skipped (77) without Chromium, chromedriver
# or python3-selenium.
if(EXISTS /usr/bin/python3)
  add_test(NAME web_browser_days
           COMMAND /usr/bin/python3
                   ${CMAKE_CURRENT_SOURCE_DIR}/web/browser_days.py
                   ${run_web} ${run_admin})
  set_tests_properties(web_browser_days PROPERTIES TIMEOUT 180
                       SKIP_RETURN_CODE 77
                       ENVIRONMENT "TZ=Europe/Paris;BORNE_PIN_HASH_FAST=1")
endif()

foreach(t web web_pages web_days web_quotes web_sync)
  borne_c_test(${t})
  target_link_libraries(test_${t} PRIVATE borne_web)
  set_tests_properties(${t} PROPERTIES
    ENVIRONMENT "BORNE_PIN_HASH_FAST=1;TZ=Europe/Paris" TIMEOUT 60)
endforeach()

# web_browser: Chromium driven by Selenium against borne-web on a temp
# database (tests/web/browser.py). Skipped (77) without chromium,
# chromium-driver or python3-selenium; BORNE_WEB_SHOTS=DIR keeps
# screenshots of every page at 1280x800 and 390x844.
find_program(DEBIAN_PYTHON3 NAMES python3 PATHS /usr/bin NO_DEFAULT_PATH)
if(NOT DEBIAN_PYTHON3)
  find_program(DEBIAN_PYTHON3 python3)
endif()
if(DEBIAN_PYTHON3)
  add_test(NAME web_browser
           COMMAND sh -c "exec \"$0\" \"$1\" \"$2\" \"$3\" $BORNE_WEB_SHOTS"
                   ${DEBIAN_PYTHON3} ${CMAKE_CURRENT_SOURCE_DIR}/web/browser.py
                   ${run_web} ${run_admin})
  set_tests_properties(web_browser PROPERTIES TIMEOUT 240 SKIP_RETURN_CODE 77
                       ENVIRONMENT "TZ=Europe/Paris;BORNE_PIN_HASH_FAST=1")
endif()
