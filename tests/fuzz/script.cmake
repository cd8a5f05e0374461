# script.cmake -- the headless script's line parser (ui/script_parse.c).
borne_fuzz_target(NAME script SOURCES fuzz_script.c LIBS borne_script)
