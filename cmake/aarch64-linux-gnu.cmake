# aarch64-linux-gnu.cmake -- CMake toolchain file: arm64 (Raspberry Pi OS
# Bookworm, Debian 12 arm64) from an amd64 Debian 12 machine, with
# gcc-aarch64-linux-gnu and Debian's :arm64 libraries installed through
# multiarch (dpkg --add-architecture arm64; scripts/cross.sh lists them).
#   cmake -S . -B build-arm64 \
#         -DCMAKE_TOOLCHAIN_FILE=cmake/aarch64-linux-gnu.cmake
# Standalone: it names the compiler, pkg-config and the emulator, nothing
# of borne itself. With qemu-user-static installed, ctest runs the test
# programs through qemu-aarch64 (CMAKE_CROSSCOMPILING_EMULATOR); no
# binfmt_misc is needed.
set(CMAKE_SYSTEM_NAME Linux)
set(CMAKE_SYSTEM_PROCESSOR aarch64)
set(CMAKE_LIBRARY_ARCHITECTURE aarch64-linux-gnu)

set(CMAKE_C_COMPILER aarch64-linux-gnu-gcc)
find_program(BORNE_CROSS_CXX aarch64-linux-gnu-g++)
if(BORNE_CROSS_CXX)
  set(CMAKE_CXX_COMPILER ${BORNE_CROSS_CXX})
endif()

# No sysroot: libraries and headers come from the multiarch paths of /
# (the :arm64 packages), which CMAKE_LIBRARY_ARCHITECTURE and the cross
# compiler's own search paths name: /usr/lib/aarch64-linux-gnu,
# /usr/include/aarch64-linux-gnu, /usr/include. Programs (pkg-config, the
# emulator) are the build machine's.

# pkgconf:arm64 provides aarch64-linux-gnu-pkg-config, which reads only the
# .pc files of arm64 and of /usr/share/pkgconfig.
find_program(PKG_CONFIG_EXECUTABLE NAMES aarch64-linux-gnu-pkg-config
             DOC "pkg-config for arm64 (package pkgconf:arm64)")
if(NOT PKG_CONFIG_EXECUTABLE)
  message(FATAL_ERROR "aarch64-linux-gnu-pkg-config not found: "
                      "apt-get install pkgconf:arm64")
endif()

# qemu-user runs the arm64 test programs. The ELF interpreter and the
# libraries are those of libc6:arm64 and the other :arm64 packages
# (/lib/ld-linux-aarch64.so.1, /usr/lib/aarch64-linux-gnu), the very files
# a Pi runs, so no -L prefix: /usr/aarch64-linux-gnu holds the cross
# compiler's own libc, of another Debian revision than libc6:arm64.
if(NOT DEFINED CMAKE_CROSSCOMPILING_EMULATOR)
  find_program(BORNE_QEMU_AARCH64 NAMES qemu-aarch64-static qemu-aarch64
               DOC "qemu-user for arm64 (package qemu-user-static)")
  if(BORNE_QEMU_AARCH64)
    set(CMAKE_CROSSCOMPILING_EMULATOR ${BORNE_QEMU_AARCH64})
  endif()
endif()
