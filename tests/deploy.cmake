# deploy.cmake -- what the Debian package ships, checked without building
# the package (scripts/package-check.sh builds, installs, upgrades and
# purges it). Label: deploy.
# deploy_conf: the packaged borne.conf documents every key of config_def.h
# with its true default (cmake/borne_conf.cmake writes it).
add_executable(test_deploy_conf test_deploy_conf.c)
target_include_directories(test_deploy_conf PRIVATE ${CMAKE_CURRENT_SOURCE_DIR})
target_link_libraries(test_deploy_conf PRIVATE borne_core)
add_dependencies(test_deploy_conf borne_conf)
add_test(NAME deploy_conf
         COMMAND test_deploy_conf ${PROJECT_BINARY_DIR}/deploy/borne.conf)
set_tests_properties(deploy_conf PROPERTIES TIMEOUT 60 LABELS deploy)

# docs_config: docs/config.md is what config_def.h says today (written
# again into the build tree, compared with the committed page).
add_test(NAME docs_config
         COMMAND sh -c "\"$1\" $2 $3 $4 $5 -DOUT=$6 -P $7 && cmp -s $6 $8 || { echo \"docs/config.md is behind firmware/config_def.h: cmake --build build --target config_doc\"; diff -u $8 $6; exit 1; }"
                 sh ${CMAKE_COMMAND} ${BORNE_CONF_ARGS}
                 ${PROJECT_BINARY_DIR}/config.md
                 ${PROJECT_SOURCE_DIR}/cmake/borne_conf.cmake
                 ${PROJECT_SOURCE_DIR}/docs/config.md)
set_tests_properties(docs_config PROPERTIES TIMEOUT 60 LABELS deploy)

# deploy_unit_security: systemd rates the unit's sandbox "OK" or better
# (exposure below 5.0; --threshold counts tenths).
find_program(SYSTEMD_ANALYZE systemd-analyze)
if(SYSTEMD_ANALYZE)
  add_test(NAME deploy_unit_security
           COMMAND ${SYSTEMD_ANALYZE} security --offline=true --threshold=49
                   ${PROJECT_SOURCE_DIR}/deploy/borne.service)
  set_tests_properties(deploy_unit_security PROPERTIES TIMEOUT 60 LABELS deploy)
  # The back office's unit (borne-web.service): the same bar.
  add_test(NAME deploy_web_unit_security
           COMMAND ${SYSTEMD_ANALYZE} security --offline=true --threshold=49
                   ${PROJECT_SOURCE_DIR}/deploy/borne-web.service)
  set_tests_properties(deploy_web_unit_security PROPERTIES TIMEOUT 60
                       LABELS deploy)
  # The hub's exchange (borne-sync.service, a oneshot started by its
  # timer): the same bar, with the network it needs.
  add_test(NAME deploy_sync_unit_security
           COMMAND ${SYSTEMD_ANALYZE} security --offline=true --threshold=49
                   ${PROJECT_SOURCE_DIR}/deploy/borne-sync.service)
  set_tests_properties(deploy_sync_unit_security PROPERTIES TIMEOUT 60
                       LABELS deploy)
endif()

# deploy_data_disk: borne-data-disk (the database on its own partition,
# then the read-only root) in a sandbox, changing no disk.
add_test(NAME deploy_data_disk
         COMMAND sh ${CMAKE_CURRENT_SOURCE_DIR}/deploy/data_disk.sh
                 ${PROJECT_SOURCE_DIR}/deploy/borne-data-disk)
set_tests_properties(deploy_data_disk PROPERTIES TIMEOUT 60 LABELS deploy)
