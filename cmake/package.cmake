# package.cmake -- the Debian package, made by CPack from a build tree
# (scripts/package.sh). CPack rather than debhelper: the package is made
# from the very build tree that was tested, the arm64 cross build included,
# with no debian/rules build of its own (Debian's arm64 libnfc-dev cannot be
# installed beside the amd64 one, which a cross dpkg-buildpackage needs).
# Library dependencies come from dpkg-shlibdeps on the installed binaries;
# what borne needs that is no library (fonts, adduser) is listed here.
set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGE_NAME borne)
set(CPACK_PACKAGE_VERSION "${BORNE_DEB_VERSION}")
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
set(CPACK_PACKAGE_CONTACT "${BORNE_DEB_MAINTAINER}")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "entrance kiosk of a community space")
# The long description; CPack puts the summary above it and formats it.
set(CPACK_DEBIAN_PACKAGE_DESCRIPTION
"borne runs fullscreen on a Raspberry Pi at the door of a tiers-lieu:
members tap an NFC badge to check in, everyone browses the board of
small jobs (missions) and posts new ones, facilitators manage the day.
Everything is kept in a local SQLite database and works with no network.

The package installs the kiosk (borne) and its command line (borne-admin),
a documented /etc/borne/borne.conf, a hardened systemd service started at
boot as the borne user, and udev rules for PN532 and ACR122U readers and
for USB sticks (presence exports).")
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)           # borne_VERSION_ARCH.deb
set(CPACK_DEBIAN_PACKAGE_SECTION misc)
set(CPACK_DEBIAN_PACKAGE_PRIORITY optional)
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
set(CPACK_DEBIAN_PACKAGE_DEPENDS
    "adduser, systemd, udev, fonts-inter, fonts-dejavu-core, fonts-material-design-icons-iconfont")
set(CPACK_DEBIAN_PACKAGE_RECOMMENDS
    "fonts-symbola, systemd-timesyncd | time-daemon, libjs-chart.js")  # the report's chart
set(CPACK_DEBIAN_PACKAGE_SUGGESTS "libnfc-bin, i2c-tools")
set(CPACK_STRIP_FILES ON)
set(CPACK_DEBIAN_PACKAGE_GENERATE_SHLIBS OFF)
set(CPACK_INSTALL_DEFAULT_DIRECTORY_PERMISSIONS
    OWNER_READ OWNER_WRITE OWNER_EXECUTE GROUP_READ GROUP_EXECUTE
    WORLD_READ WORLD_EXECUTE)
set(CPACK_DEBIAN_PACKAGE_CONTROL_EXTRA
    ${PROJECT_SOURCE_DIR}/deploy/debian/conffiles
    ${PROJECT_BINARY_DIR}/deploy/debian/postinst
    ${PROJECT_BINARY_DIR}/deploy/debian/prerm
    ${PROJECT_BINARY_DIR}/deploy/debian/postrm)
set(CPACK_DEBIAN_PACKAGE_CONTROL_STRICT_PERMISSION ON)
# The architecture is the target's, not the build machine's: a cross build
# for the Pi makes an arm64 package on an amd64 machine.
if(CMAKE_SYSTEM_PROCESSOR MATCHES "^(aarch64|arm64)$")
  set(CPACK_DEBIAN_PACKAGE_ARCHITECTURE arm64)
elseif(CMAKE_SYSTEM_PROCESSOR MATCHES "^(x86_64|amd64|AMD64)$")
  set(CPACK_DEBIAN_PACKAGE_ARCHITECTURE amd64)
elseif(CMAKE_SYSTEM_PROCESSOR MATCHES "^arm")
  set(CPACK_DEBIAN_PACKAGE_ARCHITECTURE armhf)
endif()
set(CPACK_SOURCE_GENERATOR "")
include(CPack)
