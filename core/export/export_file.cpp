#include "export/export_file.h"

#include "export/export_error.h"
#include "io/atomic_file.h"

namespace cf {

namespace {

template <typename Content>
void write_or_throw(const std::filesystem::path& output, const Content& content) {
  try {
    write_file_atomically(output, content, /*keep_backup=*/false);
  } catch (const ExportError&) {
    throw;
  } catch (const std::exception& e) {  // the file system's refusal, naming the file already
    throw ExportError(output.string(), e.what());
  }
}

}  // namespace

void write_export_file(const std::filesystem::path& output, std::string_view content) {
  write_or_throw(output, content);
}

void write_export_file(const std::filesystem::path& output,
                       const std::function<void(const std::filesystem::path& temp)>& write) {
  write_or_throw(output, write);
}

}  // namespace cf
