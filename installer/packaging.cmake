# Installation layout and CPack packages (docs/packaging.md).
# Linux: a .deb and a .tar.gz with the GUI, the CLI, the catalog, models, samples, the desktop
# entry, icon, AppStream metainfo and the *.cluster.json MIME type. Windows (NSIS, WiX) and macOS
# (DragNDrop) settings live in windows.cmake and macos.cmake; they are built on those systems.

set(CF_APP_ID "io.clusterforge.ClusterForge")
set(CMAKE_INSTALL_DOCDIR "${CMAKE_INSTALL_DATAROOTDIR}/doc/clusterforge")  # Debian: /usr/share/doc/<package>

install(DIRECTORY ${CMAKE_SOURCE_DIR}/resources/catalog ${CMAKE_SOURCE_DIR}/resources/models
        DESTINATION ${CF_INSTALL_DATA_DIR})
install(DIRECTORY ${CMAKE_SOURCE_DIR}/samples/ DESTINATION ${CF_INSTALL_DATA_DIR}/samples
        FILES_MATCHING PATTERN "*.cluster.json")
install(FILES ${CMAKE_SOURCE_DIR}/README.md DESTINATION ${CMAKE_INSTALL_DOCDIR})
install(DIRECTORY ${CMAKE_SOURCE_DIR}/docs/ DESTINATION ${CMAKE_INSTALL_DOCDIR}
        FILES_MATCHING PATTERN "*.md" PATTERN "images" EXCLUDE)

if(UNIX AND NOT APPLE)
  set(linux ${CMAKE_CURRENT_LIST_DIR}/linux)
  install(FILES ${linux}/${CF_APP_ID}.desktop DESTINATION ${CMAKE_INSTALL_DATADIR}/applications)
  install(FILES ${linux}/${CF_APP_ID}.svg DESTINATION ${CMAKE_INSTALL_DATADIR}/icons/hicolor/scalable/apps)
  install(FILES ${linux}/${CF_APP_ID}.metainfo.xml DESTINATION ${CMAKE_INSTALL_DATADIR}/metainfo)
  install(FILES ${linux}/${CF_APP_ID}.mime.xml DESTINATION ${CMAKE_INSTALL_DATADIR}/mime/packages
          RENAME ${CF_APP_ID}.xml)
  install(FILES ${linux}/copyright DESTINATION ${CMAKE_INSTALL_DOCDIR})
endif()

set(CPACK_PACKAGE_NAME "clusterforge")
set(CPACK_PACKAGE_VENDOR "ClusterForge")
set(CPACK_PACKAGE_CONTACT "ClusterForge developers <dev@clusterforge.invalid>")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "${PROJECT_DESCRIPTION}")
set(CPACK_PACKAGE_VERSION "${PROJECT_VERSION}")
set(CPACK_PACKAGE_INSTALL_DIRECTORY "ClusterForge")
set(CPACK_PACKAGE_EXECUTABLES "clusterforge" "ClusterForge")
set(CPACK_RESOURCE_FILE_README "${CMAKE_SOURCE_DIR}/README.md")
set(CPACK_STRIP_FILES ON)
set(CPACK_SOURCE_GENERATOR "")

# The Windows and macOS settings deploy the GUI; a CLI-only build (CF_BUILD_GUI=OFF) packages as is.
if(WIN32)
  if(TARGET clusterforge)
    include(${CMAKE_CURRENT_LIST_DIR}/windows.cmake)
  endif()
elseif(APPLE)
  if(TARGET clusterforge)
    include(${CMAKE_CURRENT_LIST_DIR}/macos.cmake)
  endif()
else()
  set(CPACK_GENERATOR "DEB;TGZ")
  # Debian: dependencies from the linked libraries (dpkg-shlibdeps), sections per Debian policy.
  set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
  set(CPACK_DEBIAN_PACKAGE_SECTION "science")
  set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
  # Besides the linked libraries (Qt Svg among them: the SVG exports and icon engine): Qt's X11/Wayland platform plugins.
  set(CPACK_DEBIAN_PACKAGE_DEPENDS "qt6-qpa-plugins")
  set(CPACK_DEBIAN_PACKAGE_RECOMMENDS "shared-mime-info, desktop-file-utils")
  # The synopsis is CPACK_PACKAGE_DESCRIPTION_SUMMARY; this is the extended description.
  set(CPACK_PACKAGE_DESCRIPTION "ClusterForge lays out racks, GPU servers, switches, PDUs and \
cooling, shows the network's bisection bandwidth, power, cooling, cost and reliability, projects \
training throughput of chosen models and exports bills of materials, diagrams and reports. \
Includes the clusterforge-cli command-line tool, the component catalog, model definitions and \
sample designs.")
  # The .tar.gz unpacks into clusterforge-VERSION-Linux/{bin,share}: run bin/clusterforge.
  set(CPACK_ARCHIVE_FILE_NAME "${CPACK_PACKAGE_NAME}-${PROJECT_VERSION}-Linux")
endif()

include(CPack)
