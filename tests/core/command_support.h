#pragma once
// Runs an external tool (Graphviz, Python) on a file the test wrote, to read an export with an
// independent implementation of its format.

#include <sys/wait.h>

#include <array>
#include <cstdio>
#include <string>

namespace cf::test {

struct CommandRun {
  int status = -1;     // exit status; -1 when it did not exit normally
  std::string output;  // stdout (stderr too when the command redirects it)
};

inline CommandRun run_command(const std::string& command) {
  CommandRun r;
  FILE* p = popen(command.c_str(), "r");
  if (!p) return r;
  std::array<char, 4096> buf{};
  std::size_t n;
  while ((n = fread(buf.data(), 1, buf.size(), p)) > 0) r.output.append(buf.data(), n);
  const int raw = pclose(p);
  r.status = WIFEXITED(raw) ? WEXITSTATUS(raw) : -1;
  return r;
}

// Single-quoted for /bin/sh.
inline std::string shell_quote(const std::string& s) {
  std::string out = "'";
  for (char c : s) out += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return out + "'";
}

}  // namespace cf::test
