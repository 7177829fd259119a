#include "core/base/kernel_isa.h"

#include <cstdlib>
#include <cstring>

namespace downhill::core {

bool kernelIsaAvailable(KernelIsa isa)
{
#if defined(__x86_64__)
    static const bool avx2 = __builtin_cpu_supports("avx2");
    return isa == KernelIsa::Generic || avx2;
#else
    return isa == KernelIsa::Generic;
#endif
}

KernelIsa bestKernelIsa()
{
    // DOWNHILL_KERNEL_ISA=generic runs the SSE2 build on any CPU: to time it, and to see a whole
    // run give the same bits with it (docs/benchmarks.md, "A network's step").
    static const KernelIsa best = [] {
        const char* asked = std::getenv("DOWNHILL_KERNEL_ISA");
        if (asked && std::strcmp(asked, "generic") == 0)
            return KernelIsa::Generic;
        return kernelIsaAvailable(KernelIsa::Avx2) ? KernelIsa::Avx2 : KernelIsa::Generic;
    }();
    return best;
}

}  // namespace downhill::core
