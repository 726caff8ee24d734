#pragma once
// Writing a whole buffer to a file descriptor: write(2) may write less than asked or be
// interrupted by a signal, so every writer of raw descriptors (atomic outputs, packages, the
// worker pool's pipes) loops the same way, here.

#include <string_view>

namespace colophon::core {

// Writes all of `data` to `fd`, retrying short writes and EINTR. Returns 0, or the errno of the
// write that failed (the caller names the file and the stage in its own error).
[[nodiscard]] int write_fully(int fd, std::string_view data);

} // namespace colophon::core
