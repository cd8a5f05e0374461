# core.cmake -- tests of borne's core (firmware/): one file per concept.
# BORNE_PIN_HASH_FAST makes Argon2 use its minimum limits (see member.c);
# TZ pins the kiosk's zone, since the tests check local days and hours.
foreach(t uid text format timeutil store member pinkey day checkin clock_stories mission quote safety config sdnotify read_errors)
  borne_c_test(${t})
  set_tests_properties(${t} PROPERTIES
    ENVIRONMENT "BORNE_PIN_HASH_FAST=1;TZ=Europe/Paris")
endforeach()
# The mounts under the database, from mountinfo texts of a Pi.
borne_c_test(storage)
