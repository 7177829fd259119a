#include "app/cli/number_format.h"

#include <charconv>

namespace downhill::cli {

char* appendNumber(char* out, double v)
{
    return std::to_chars(out, out + kMaxNumberChars, v).ptr;
}

char* appendNumber(char* out, std::int64_t v)
{
    return std::to_chars(out, out + kMaxNumberChars, v).ptr;
}

std::string formatNumber(double v)
{
    char buffer[kMaxNumberChars];
    return {buffer, appendNumber(buffer, v)};
}

}  // namespace downhill::cli
