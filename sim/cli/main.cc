#include <iostream>

#include "sim/cli/dupsim_cli.h"

int main(int argc, char** argv) {
  return dupsim::RunDupsim({argv + (argc > 0 ? 1 : 0), argv + argc}, std::cout, std::cerr);
}
