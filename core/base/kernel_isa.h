#pragma once
// Which build of the hand-written kernels (core/model/dense_kernels.h, core/optim/adam_kernel.h)
// runs. Each kernel exists twice, compiled from one source for SSE2 (every x86-64 CPU) and for
// AVX2, and both give the same bits: only the number of independent outputs per instruction
// differs. The choice is made once per process, from the CPU.
namespace downhill::core {

enum class KernelIsa { Generic, Avx2 };

// Avx2 when this CPU has it, else Generic; Generic also when the environment variable
// DOWNHILL_KERNEL_ISA is "generic".
KernelIsa bestKernelIsa();
bool kernelIsaAvailable(KernelIsa isa);

}  // namespace downhill::core
