#include "io/settingsfields.h"

namespace plab::io {

std::string_view settingsKey(learning::SettingsError::Field checked)
{
    std::string_view key;
    forEachSettingsField([&](const auto& field) {
        if constexpr (requires { field.checkedAs; }) {
            if (field.checkedAs == checked)
                key = field.key;
        }
    });
    return key;
}

} // namespace plab::io
