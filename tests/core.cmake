# core.cmake -- tests of borne's core (firmware/): one file per concept.
# BORNE_PIN_HASH_FAST makes Argon2 use its minimum limits (see member.c);
# TZ pins the kiosk's zone, since the tests check local days and hours.
foreach(t uid text format timeutil store member pinkey day checkin clock_stories mission quote safety config sdnotify read_errors outbox)
  borne_c_test(${t})
  set_tests_properties(${t} PROPERTIES
    ENVIRONMENT "BORNE_PIN_HASH_FAST=1;TZ=Europe/Paris")
endforeach()
# The mounts under the database, from mountinfo texts of a Pi.
borne_c_test(storage)
# The back office's core pieces (issue 13): a period's figures and files.
borne_c_test(report_period)
set_tests_properties(report_period PROPERTIES
  ENVIRONMENT "BORNE_PIN_HASH_FAST=1;TZ=Europe/Paris")
# The report's PDF: its text read back with pdftotext when installed.
borne_c_test(report_pdf)
target_link_libraries(test_report_pdf PRIVATE borne_report_pdf)
