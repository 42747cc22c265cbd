# Windows packages (built on Windows with MSVC and the Qt online installer's or vcpkg's Qt 6;
# not built by our Debian CI). Included by packaging.cmake. See docs/packaging.md.
#   cmake --preset release && cmake --build --preset release
#   cpack --config build/release/CPackConfig.cmake -G NSIS   (or -G WIX)
# Layout: <prefix>/bin/{clusterforge,clusterforge-cli}.exe + Qt DLLs, <prefix>/share/clusterforge/…
# (resources_dir() finds share/clusterforge beside bin/ as on Linux).

# Qt's deployment script copies the Qt DLLs and plugins (platforms/qwindows, styles, imageformats,
# iconengines for the SVG icon) beside the executables at install time (Qt >= 6.3).
qt_generate_deploy_app_script(TARGET clusterforge OUTPUT_SCRIPT cf_deploy_script NO_UNSUPPORTED_PLATFORM_ERROR)
install(SCRIPT ${cf_deploy_script})

set(CPACK_GENERATOR "NSIS;WIX")
set(CPACK_PACKAGE_INSTALL_REGISTRY_KEY "ClusterForge")
set(CPACK_PACKAGE_ICON "${CMAKE_CURRENT_LIST_DIR}/windows\\\\clusterforge.ico")

# NSIS (https://cmake.org/cmake/help/latest/cpack_gen/nsis.html)
set(CPACK_NSIS_DISPLAY_NAME "ClusterForge")
set(CPACK_NSIS_PACKAGE_NAME "ClusterForge ${PROJECT_VERSION}")
set(CPACK_NSIS_MUI_ICON "${CMAKE_CURRENT_LIST_DIR}/windows/clusterforge.ico")
set(CPACK_NSIS_INSTALLED_ICON_NAME "bin\\\\clusterforge.exe")
set(CPACK_NSIS_ENABLE_UNINSTALL_BEFORE_INSTALL ON)
set(CPACK_NSIS_MODIFY_PATH ON)  # offers to put bin\ (clusterforge-cli) on PATH
set(CPACK_NSIS_CREATE_ICONS_EXTRA
    "CreateShortCut '$SMPROGRAMS\\\\$STARTMENU_FOLDER\\\\ClusterForge.lnk' '$INSTDIR\\\\bin\\\\clusterforge.exe'")
set(CPACK_NSIS_DELETE_ICONS_EXTRA "Delete '$SMPROGRAMS\\\\$START_MENU\\\\ClusterForge.lnk'")
# *.cluster.json opens in ClusterForge: Windows associates by the last extension, so the
# association is on a ProgID for ".json" files offered under "Open with", not a takeover of .json.
set(CPACK_NSIS_EXTRA_INSTALL_COMMANDS "
  WriteRegStr HKCR 'ClusterForge.Design' '' 'ClusterForge cluster design'
  WriteRegStr HKCR 'ClusterForge.Design\\\\DefaultIcon' '' '$INSTDIR\\\\bin\\\\clusterforge.exe,0'
  WriteRegStr HKCR 'ClusterForge.Design\\\\shell\\\\open\\\\command' '' '\\\"$INSTDIR\\\\bin\\\\clusterforge.exe\\\" \\\"%1\\\"'
  WriteRegStr HKCR '.json\\\\OpenWithProgids' 'ClusterForge.Design' ''
")
set(CPACK_NSIS_EXTRA_UNINSTALL_COMMANDS "
  DeleteRegKey HKCR 'ClusterForge.Design'
  DeleteRegValue HKCR '.json\\\\OpenWithProgids' 'ClusterForge.Design'
")

# WiX (https://cmake.org/cmake/help/latest/cpack_gen/wix.html): a fixed upgrade code so a newer
# MSI replaces an older one; never change it.
set(CPACK_WIX_UPGRADE_GUID "6C1B5D2E-4F0A-4C7E-9B53-3A1E2D8F7C41")
set(CPACK_WIX_PRODUCT_ICON "${CMAKE_CURRENT_LIST_DIR}/windows/clusterforge.ico")
set(CPACK_WIX_PROGRAM_MENU_FOLDER "ClusterForge")
set(CPACK_WIX_PROPERTY_ARPURLINFOABOUT "")
