# durable.cmake -- what was saved stays saved: power cuts through a
# fault-injecting VFS (crashvfs.c), with the synchronous=OFF control that
# must find losses, and SIGKILLs of a running headless kiosk. The ASan
# build and the emulated arm64 build (qemu-user: the same code, several
# times slower) run fewer of each (the env vars below); the counts the
# issue asks for run in the normal build. BORNE_LONG=1 (in the environment
# of ctest, and of cmake for the timeouts) runs 10,000 cuts and the full
# soak.
set(durable_timeout 300)
if("$ENV{BORNE_LONG}" STREQUAL "1")
  set(durable_timeout 7200)
endif()
borne_c_test(powercut crashvfs.c)
set(powercut_env "BORNE_PIN_HASH_FAST=1;TZ=Europe/Paris")
if(BORNE_SANITIZE)
  list(APPEND powercut_env "BORNE_POWERCUT_CUTS=250")
elseif(BORNE_EMULATED)
  # Every kind of cut and the control, fewer of each; the control's 60
  # stay, so that it still finds the losses it must.
  list(APPEND powercut_env "BORNE_POWERCUT_CUTS=250" "BORNE_POWERCUT_PSOW=50"
       "BORNE_DISKFULL_EPISODES=50")
endif()
set_tests_properties(powercut PROPERTIES TIMEOUT ${durable_timeout}
  ENVIRONMENT "${powercut_env}")

if(TARGET borne)
  add_executable(test_kill_headless test_kill_headless.c)
  target_include_directories(test_kill_headless PRIVATE
                             ${CMAKE_CURRENT_SOURCE_DIR})
  target_link_libraries(test_kill_headless PRIVATE borne_core)
  # 200 kills in two halves that ctest -j runs side by side.
  set(kill_env "BORNE_PIN_HASH_FAST=1;TZ=Europe/Paris;BORNE_KILLS=100")
  if(BORNE_SANITIZE OR BORNE_EMULATED)
    set(kill_env "BORNE_PIN_HASH_FAST=1;TZ=Europe/Paris;BORNE_KILLS=20")
  endif()
  foreach(half a b)
    add_test(NAME kill_headless_${half}
             COMMAND test_kill_headless ${run_borne})
    set_tests_properties(kill_headless_${half} PROPERTIES TIMEOUT 600
      ENVIRONMENT "${kill_env}")
  endforeach()
endif()

# A short soak (bench/soak.c): 5,000 taps and 500 mission edits through
# the app; fails on a gross leak only, prints memory. The full year:
# build/bench/soak (100,000 taps, 10,000 edits).
if(TARGET soak)
  add_test(NAME soak_short COMMAND soak --taps 5000 --edits 500 --check)
  set_tests_properties(soak_short PROPERTIES TIMEOUT ${durable_timeout}
    ENVIRONMENT "BORNE_PIN_HASH_FAST=1;TZ=Europe/Paris")
endif()
