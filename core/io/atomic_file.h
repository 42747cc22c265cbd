#pragma once
// Saving without ever losing the previous file: write a temporary beside the target, flush it to
// disk, keep the old file as FILE.bak, then rename the temporary over the target (atomic on POSIX).

#include <filesystem>
#include <functional>
#include <string_view>

namespace cf {

// Throws std::runtime_error with the file name and the reason; on failure the target is untouched.
void write_file_atomically(const std::filesystem::path& target, std::string_view content,
                           bool keep_backup = true);

// The same for a file that a library writes by name (an XLSX workbook): `write(temp)` fills a
// temporary beside the target, which is then flushed and renamed over it. Whatever `write` throws
// leaves the target untouched and the temporary removed.
void write_file_atomically(const std::filesystem::path& target,
                           const std::function<void(const std::filesystem::path& temp)>& write,
                           bool keep_backup = true);

// A file opened for writing whose every failure throws std::runtime_error naming it: what the
// writer given to write_file_atomically uses to stream into the temporary.
class FileWriter {
 public:
  explicit FileWriter(const std::filesystem::path& file);  // creates or truncates
  FileWriter(const FileWriter&) = delete;
  FileWriter& operator=(const FileWriter&) = delete;
  ~FileWriter();
  void append(std::string_view bytes);
  void close();

 private:
  std::filesystem::path file_;
  int fd_ = -1;
};

// Test hook: called after the temporary file is written and before it replaces the target; a
// throwing hook simulates a failure midway through a save.
void set_save_fault_hook(std::function<void()> hook);

}  // namespace cf
