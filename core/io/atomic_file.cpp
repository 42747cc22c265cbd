#include "io/atomic_file.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <stdexcept>
#include <string>

namespace cf {

namespace {

std::function<void()>& fault_hook() {
  static std::function<void()> hook;
  return hook;
}

[[noreturn]] void fail(const std::filesystem::path& p, const std::string& what, int err) {
  throw std::runtime_error(p.string() + ": " + what + ": " + std::strerror(err));
}

void write_all(int fd, std::string_view content, const std::filesystem::path& p) {
  while (!content.empty()) {
    ssize_t n = ::write(fd, content.data(), content.size());
    if (n < 0) {
      if (errno == EINTR) continue;
      fail(p, "cannot write", errno);
    }
    content.remove_prefix(static_cast<std::size_t>(n));
  }
}

void sync_directory(const std::filesystem::path& dir) {
  int fd = ::open(dir.empty() ? "." : dir.c_str(), O_RDONLY | O_DIRECTORY);
  if (fd >= 0) {
    ::fsync(fd);
    ::close(fd);
  }
}

}  // namespace

void set_save_fault_hook(std::function<void()> hook) { fault_hook() = std::move(hook); }

void write_file_atomically(const std::filesystem::path& target,
                           const std::function<void(const std::filesystem::path& temp)>& write,
                           bool keep_backup) {
  std::filesystem::path dir = target.parent_path();
  std::string tmp_template = (dir / ("." + target.filename().string() + ".XXXXXX")).string();
  int fd = ::mkstemp(tmp_template.data());
  if (fd < 0) fail(target, "cannot create a temporary file", errno);
  ::fchmod(fd, 0644);  // mkstemp's 0600 would hide the file from colleagues
  ::close(fd);
  fd = -1;
  std::filesystem::path tmp = tmp_template;
  try {
    write(tmp);
    fd = ::open(tmp.c_str(), O_RDONLY);
    if (fd < 0 || ::fsync(fd) != 0) fail(tmp, "cannot flush", errno);
    ::close(fd);
    fd = -1;
    if (fault_hook()) fault_hook()();
    std::error_code ec;
    if (keep_backup && std::filesystem::exists(target, ec)) {
      std::filesystem::path bak = target.string() + ".bak";
      std::filesystem::copy_file(target, bak, std::filesystem::copy_options::overwrite_existing, ec);
      if (ec) throw std::runtime_error(bak.string() + ": cannot keep a backup: " + ec.message());
    }
    if (::rename(tmp.c_str(), target.c_str()) != 0) fail(target, "cannot replace", errno);
    sync_directory(dir);
  } catch (...) {
    if (fd >= 0) ::close(fd);
    std::error_code ec;
    std::filesystem::remove(tmp, ec);
    throw;
  }
}

FileWriter::FileWriter(const std::filesystem::path& file) : file_(file) {
  fd_ = ::open(file.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
  if (fd_ < 0) fail(file, "cannot open", errno);
}

FileWriter::~FileWriter() {
  if (fd_ >= 0) ::close(fd_);
}

void FileWriter::append(std::string_view bytes) { write_all(fd_, bytes, file_); }

void FileWriter::close() {
  int fd = fd_;
  fd_ = -1;
  if (::close(fd) != 0) fail(file_, "cannot close", errno);
}

void write_file_atomically(const std::filesystem::path& target, std::string_view content,
                           bool keep_backup) {
  write_file_atomically(
      target,
      [content](const std::filesystem::path& tmp) {
        FileWriter out(tmp);
        out.append(content);
        out.close();
      },
      keep_backup);
}

}  // namespace cf
