# Driver tests (issue #4): no hardware needed. The libnfc tests run the
# real libnfc pn532_uart driver against tests/pn532_emu.c on a pty.
borne_c_test(reader_libnfc pn532_emu.c)
set_tests_properties(reader_libnfc PROPERTIES
  ENVIRONMENT "LIBNFC_AUTO_SCAN=false;LIBNFC_INTRUSIVE_SCAN=false;LIBNFC_LOG_LEVEL=0")
# Defect 6 of issue 7: reader trouble with a badge lying on the reader
# (unplug, noise, silence, two cards) makes no tap. Four scenarios run at
# once, each with the badge lying BORNE_READER_LIE_S seconds (120) first.
borne_c_test(reader_hiccup pn532_emu.c)
set_tests_properties(reader_hiccup PROPERTIES TIMEOUT 480
  ENVIRONMENT "LIBNFC_AUTO_SCAN=false;LIBNFC_INTRUSIVE_SCAN=false;LIBNFC_LOG_LEVEL=0")
# The thread's presence rules on a scripted driver, exact and fast.
borne_c_test(reader_thread)
# The app's side of it: two badges at once is one message, no tap.
borne_c_test(app_reader)
set_tests_properties(app_reader PROPERTIES
  ENVIRONMENT "BORNE_PIN_HASH_FAST=1;TZ=Europe/Paris")
borne_c_test(reader_sim)
borne_c_test(devlock)
borne_c_test(wedge)
borne_c_test(reader_wedge)
# Needs /dev/uinput; exits 77 (skipped, not passed) where there is none.
borne_c_test(reader_wedge_uinput)
set_tests_properties(reader_wedge_uinput PROPERTIES SKIP_RETURN_CODE 77)

# Label "reader": every test that runs a ReaderThread. scripts/test.sh
# --tsan builds their programs only and runs `ctest -L reader`.
set(READER_THREAD_TESTS reader_thread reader_hiccup reader_libnfc reader_sim
    reader_wedge reader_wedge_uinput)
set_tests_properties(${READER_THREAD_TESTS} PROPERTIES LABELS reader)
# Under qemu-user (the arm64 build) it exits 77 even where /dev/uinput
# exists: qemu 7.2 translates neither the uinput ioctls (UI_SET_EVBIT,
# UI_DEV_SETUP, UI_DEV_CREATE) nor evdev's (EVIOCGRAB). Label
# "not_emulated": what the emulated run cannot test, skipped out loud.
if(BORNE_EMULATED)
  set_property(TEST reader_wedge_uinput APPEND PROPERTY LABELS not_emulated)
endif()
if(BORNE_TSAN)
  set(tsan_supp ${CMAKE_CURRENT_SOURCE_DIR}/tsan.supp)
  set_property(TEST ${READER_THREAD_TESTS} APPEND PROPERTY ENVIRONMENT
    "TSAN_OPTIONS=halt_on_error=1:second_deadlock_stack=1:suppressions=${tsan_supp}")
endif()

# The emulator as a program (shell tests, trying borne without a reader).
add_executable(pn532_emu pn532_emu_main.c pn532_emu.c)
target_link_libraries(pn532_emu PRIVATE Threads::Threads)
# End to end: a badge laid on the emulated PN532 checks a member in.
if(TARGET borne)
  add_test(NAME e2e_libnfc
           COMMAND sh ${CMAKE_CURRENT_SOURCE_DIR}/drivers/e2e_libnfc.sh
                   ${run_borne} ${run_pn532_emu})
  set_tests_properties(e2e_libnfc PROPERTIES TIMEOUT 120)
endif()
