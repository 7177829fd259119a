// downhill-cli: Downhill's engine from the command line (see docs/cli.md).
#include <string>
#include <vector>

#include "app/cli/application.h"

int main(int argc, char** argv)
{
    return downhill::cli::Application().run(std::vector<std::string>(argv + 1, argv + argc));
}
