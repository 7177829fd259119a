#pragma once
// Which sanitizer a test binary is built with (./setup.sh test-asan), for the few
// tests whose measurements the sanitizer's own allocator changes. GCC says so with
// __SANITIZE_ADDRESS__, clang with __has_feature.
#if defined(__SANITIZE_ADDRESS__)
#define DOWNHILL_TEST_ASAN 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define DOWNHILL_TEST_ASAN 1
#endif
#endif

