# core.cmake -- tests of borne's core (firmware/): one file per concept.
# BORNE_PIN_HASH_FAST makes Argon2 use its minimum limits (see member.c);
# TZ pins the kiosk's zone, since the tests check local days and hours.
foreach(t uid text timeutil store member day checkin mission config sdnotify)
  borne_c_test(${t})
  set_tests_properties(${t} PROPERTIES
    ENVIRONMENT "BORNE_PIN_HASH_FAST=1;TZ=Europe/Paris")
endforeach()

# Power cuts through a fault-injecting VFS (crashvfs.c): 1,000 cuts during
# badge storms and mission edits, and the synchronous=OFF control that
# must find losses. BORNE_POWERCUT_CUTS lowers the count (the ASan build).
# Measured: about 25 s of CPU for the 1,000 cuts in a RelWithDebInfo build.
borne_c_test(powercut crashvfs.c)
set(powercut_env "BORNE_PIN_HASH_FAST=1;TZ=Europe/Paris")
if(BORNE_SANITIZE)
  list(APPEND powercut_env "BORNE_POWERCUT_CUTS=250")
endif()
set_tests_properties(powercut PROPERTIES TIMEOUT 300
  ENVIRONMENT "${powercut_env}")
