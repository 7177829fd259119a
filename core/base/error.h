#pragma once
#include <stdexcept>
#include <string>
#include <string_view>

namespace downhill::core {

// Bad input from a user: a file, a flag, a setting. The message says what and where
// ("data.csv:12: column 'count' is not a number: 'abc'"), ready to show as it is: the text it
// echoes from the input (a field, a name, a key) goes through printable(), so a hostile file
// cannot put control characters into a terminal or a dialog.
class InputError : public std::runtime_error {
public:
    explicit InputError(const std::string& message);
};

// text with every control character (C0, DEL) and every byte that is not part of valid UTF-8
// written as \xNN, and cut to maxBytes with "..." after it. Valid UTF-8
// (names in any script) stays as it is.
std::string printable(std::string_view text, std::size_t maxBytes = 4096);

}  // namespace downhill::core
