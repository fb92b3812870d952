#pragma once

#include <QStringList>
#include <QStringView>

#include <optional>

namespace shardscope {

// Splits `text` into words the way POSIX shells (and Python's shlex.split, which the AWS CLI
// uses for credential_process commands and section names) do: whitespace separates words,
// single quotes keep everything literally, double quotes allow \" and \\ escapes, a backslash
// outside quotes escapes the next character. No variables, globs or comments.
// Returns nullopt for an unclosed quote or a trailing backslash.
std::optional<QStringList> splitShellWords(QStringView text);

} // namespace shardscope
