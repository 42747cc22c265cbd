# macOS disk image (built on macOS with Homebrew's or the Qt installer's Qt 6; not built by our
# Debian CI). Included by packaging.cmake. See docs/packaging.md.
#   cmake --preset release && cmake --build --preset release
#   cpack --config build/release/CPackConfig.cmake -G DragNDrop
# The image holds ClusterForge.app. The CLI sits beside the GUI in Contents/MacOS and the data
# (catalog, models, samples) in Contents/Resources/clusterforge, where resources_dir() looks on
# macOS (CF_INSTALL_DATA_DIR and the BUNDLE destinations are set for APPLE in the CMakeLists).

set_target_properties(clusterforge PROPERTIES
  MACOSX_BUNDLE ON
  OUTPUT_NAME "ClusterForge"
  MACOSX_BUNDLE_INFO_PLIST ${CMAKE_CURRENT_LIST_DIR}/macos/Info.plist.in
  MACOSX_BUNDLE_BUNDLE_NAME "ClusterForge"
  MACOSX_BUNDLE_GUI_IDENTIFIER "${CF_APP_ID}"
  MACOSX_BUNDLE_BUNDLE_VERSION "${PROJECT_VERSION}"
  MACOSX_BUNDLE_SHORT_VERSION_STRING "${PROJECT_VERSION}"
  MACOSX_BUNDLE_ICON_FILE "clusterforge.icns")
install(FILES ${CMAKE_CURRENT_LIST_DIR}/macos/clusterforge.icns DESTINATION ClusterForge.app/Contents/Resources)

# macdeployqt through Qt's deployment script: frameworks and plugins into the bundle (Qt >= 6.3).
qt_generate_deploy_app_script(TARGET clusterforge OUTPUT_SCRIPT cf_deploy_script NO_UNSUPPORTED_PLATFORM_ERROR)
install(SCRIPT ${cf_deploy_script})

set(CPACK_GENERATOR "DragNDrop")
set(CPACK_DMG_VOLUME_NAME "ClusterForge ${PROJECT_VERSION}")
set(CPACK_DMG_FORMAT "UDZO")  # compressed, read-only
set(CPACK_PACKAGE_ICON "${CMAKE_CURRENT_LIST_DIR}/macos/clusterforge.icns")
