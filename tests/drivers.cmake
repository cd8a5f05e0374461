# Driver tests (issue #4): no hardware needed. The libnfc tests run the
# real libnfc pn532_uart driver against tests/pn532_emu.c on a pty.
borne_c_test(reader_libnfc pn532_emu.c)
set_tests_properties(reader_libnfc PROPERTIES
  ENVIRONMENT "LIBNFC_AUTO_SCAN=false;LIBNFC_INTRUSIVE_SCAN=false;LIBNFC_LOG_LEVEL=0")
borne_c_test(reader_sim)
borne_c_test(devlock)
borne_c_test(wedge)
borne_c_test(reader_wedge)
# Needs /dev/uinput; exits 77 (skipped, not passed) where there is none.
borne_c_test(reader_wedge_uinput)
set_tests_properties(reader_wedge_uinput PROPERTIES SKIP_RETURN_CODE 77)
