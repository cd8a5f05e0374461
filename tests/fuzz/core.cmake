# core.cmake -- fuzz targets of borne's core and drivers: badge UIDs, the
# config file, the CSV member import, wedge event streams and the form
# fields of the app state machine.
borne_fuzz_target(NAME uid    SOURCES fuzz_uid.c    LIBS borne_core)
borne_fuzz_target(NAME config SOURCES fuzz_config.c LIBS borne_core)
borne_fuzz_target(NAME wedge  SOURCES fuzz_wedge.c  LIBS borne_drivers)
borne_fuzz_target(NAME import SOURCES fuzz_import.c LIBS borne_core)
borne_fuzz_target(NAME form   SOURCES fuzz_form.c   LIBS borne_core)
