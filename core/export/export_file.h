#pragma once
// Writing an export's file: whole or not at all (write_file_atomically, without the .bak a save
// keeps), any failure as one ExportError naming the output.

#include <filesystem>
#include <functional>
#include <string_view>

namespace cf {

void write_export_file(const std::filesystem::path& output, std::string_view content);
// For a file a library writes by name: `write(temp)` fills a temporary beside `output`.
void write_export_file(const std::filesystem::path& output,
                       const std::function<void(const std::filesystem::path& temp)>& write);

}  // namespace cf
