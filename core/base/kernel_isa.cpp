#include "core/base/kernel_isa.h"

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
    static const KernelIsa best = kernelIsaAvailable(KernelIsa::Avx2) ? KernelIsa::Avx2 : KernelIsa::Generic;
    return best;
}

}  // namespace downhill::core
