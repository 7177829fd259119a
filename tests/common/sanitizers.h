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
#if defined(__SANITIZE_THREAD__)
#define DOWNHILL_TEST_TSAN 1
#elif defined(__has_feature)
#if __has_feature(thread_sanitizer)
#define DOWNHILL_TEST_TSAN 1
#endif
#endif


namespace downhill::test {

// How many times longer a test may wait for the program in this build: under AddressSanitizer
// (with libFuzzer's coverage, ./setup.sh test-asan) or ThreadSanitizer (./setup.sh test-tsan) a
// network's training, its grids and the window's drawing run several times slower, and a wait
// sized for the normal build runs out first.
// A wait that is a measurement (how much time something takes) must not use it.
#if DOWNHILL_TEST_ASAN || DOWNHILL_TEST_TSAN
inline constexpr int kSlowBuildFactor = 8;
#else
inline constexpr int kSlowBuildFactor = 1;
#endif

}  // namespace downhill::test
