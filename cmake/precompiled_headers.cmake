# Precompiled headers: the big external headers are parsed once per target instead of once per
# source file. Parsing nlohmann/json takes ~2.3 s, GoogleTest ~1.5 s and the Qt Widgets headers
# ~3 s per file, most of the compile time of our small files (docs/testing.md: CI's budget).
# Only external headers go in, so editing our own headers never rebuilds a precompiled one.
option(CF_PRECOMPILE_HEADERS "Precompile the external headers (a clean build in half the time)" ON)

set(CF_PCH_CORE
  <algorithm> <cmath> <cstdint> <filesystem> <functional> <map> <memory> <optional> <set>
  <stdexcept> <string> <string_view> <unordered_map> <utility> <variant> <vector>
  <nlohmann/json.hpp>)
set(CF_PCH_GTEST <gtest/gtest.h>)
set(CF_PCH_QT
  <QAbstractItemModel> <QApplication> <QComboBox> <QFile> <QGraphicsScene> <QGraphicsView>
  <QLabel> <QPainter> <QString> <QStringList> <QTimer> <QUndoStack> <QVBoxLayout> <QWidget>)
set(CF_PCH_QTEST <QSignalSpy> <QTest>)

# cf_precompile_headers(target LISTS...): precompile the named lists (CF_PCH_*) for target.
# cf_precompile_headers(target REUSE_FROM other): share other's (identical flags required), for
# executables of one source file each, where a precompiled header of their own would not pay.
function(cf_precompile_headers target)
  if(NOT CF_PRECOMPILE_HEADERS)
    return()
  endif()
  if(ARGV1 STREQUAL "REUSE_FROM")
    target_precompile_headers(${target} REUSE_FROM ${ARGV2})
    return()
  endif()
  set(headers)
  foreach(list IN LISTS ARGN)
    list(APPEND headers ${${list}})
  endforeach()
  target_precompile_headers(${target} PRIVATE ${headers})
endfunction()
