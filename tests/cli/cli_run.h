#pragma once
// Runs the real clusterforge-cli binary and captures what it prints.

#include <sys/wait.h>

#include <array>
#include <cstdio>
#include <string>

inline const std::string kSource = CF_SOURCE_DIR;

struct CliRun {
  int status = -1;
  std::string output;  // stdout and stderr together
};

inline CliRun cli(const std::string& args) {
  std::string cmd = std::string(CF_CLI) + " " + args + " 2>&1";
  CliRun r;
  FILE* p = popen(cmd.c_str(), "r");
  std::array<char, 4096> buf{};
  std::size_t n;
  while ((n = fread(buf.data(), 1, buf.size(), p)) > 0) r.output.append(buf.data(), n);
  int raw = pclose(p);
  r.status = WIFEXITED(raw) ? WEXITSTATUS(raw) : -1;
  return r;
}

inline std::string sample(const std::string& name) { return kSource + "/samples/" + name + ".cluster.json"; }
