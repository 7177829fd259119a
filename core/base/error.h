#pragma once
#include <stdexcept>
#include <string>

namespace downhill::core {

// Bad input from a user: a file, a flag, a setting. The message says what and where
// ("data.csv:12: column 'count' is not a number: 'abc'"), ready to show as it is.
class InputError : public std::runtime_error {
public:
    explicit InputError(const std::string& message) : std::runtime_error(message) {}
};

}  // namespace downhill::core
