#include "core/model/lin_exp_model.h"

#include <cmath>
#include <limits>

namespace downhill::core {

namespace {

// exp(z), and 0 where the result would be below the smallest normal double (z < about -708.4).
// Arithmetic on subnormal numbers takes a microcode assist on x86, about a hundred times a normal
// operation: a run whose exponent c ran to -1600 (rate 10 with Adam) spent 89 % of its time
// there, in the exponentials and in everything that read them. Eigen's exp, below -709.78,
// returns a subnormal 2^-1024 rather than 0; glibc's, down to -745, a subnormal too. What is
// flushed is less than 2.3e-308 in a prediction, so every check against numpy and PyTorch holds;
// NaN stays NaN. Vectorised as Eigen's own exp is, with the same scalar path for the tail.
struct ExpFlushed {
    static constexpr double kLowest = -708.3964185322641;   // log(DBL_MIN): exp is normal from here

    double operator()(double z) const { return z < kLowest ? 0.0 : std::exp(z); }

    template <typename Packet>
    Packet packetOp(const Packet& z) const
    {
        using namespace Eigen::internal;
        const Packet lowest = pset1<Packet>(kLowest);
        const Packet below = pcmp_lt(z, lowest);   // false for NaN, which goes through exp as NaN
        return pandnot(pexp(pselect(below, lowest, z)), below);
    }
};

// v, and 0 where v is subnormal: x exp(c x), the Jacobian's entry for c, is subnormal where exp(c x)
// is barely normal and |x| < 1, and the gradient's sums would carry it on.
struct SubnormalFlushed {
    double operator()(double v) const { return std::abs(v) < std::numeric_limits<double>::min() ? 0.0 : v; }

    template <typename Packet>
    Packet packetOp(const Packet& v) const
    {
        using namespace Eigen::internal;
        return pandnot(v, pcmp_lt(pabs(v), pset1<Packet>(std::numeric_limits<double>::min())));
    }
};

}  // namespace

}  // namespace downhill::core

template <>
struct Eigen::internal::functor_traits<downhill::core::ExpFlushed> {
    enum {
        Cost = functor_traits<scalar_exp_op<double>>::Cost + 3 * NumTraits<double>::AddCost,
        PacketAccess = static_cast<bool>(packet_traits<double>::HasExp) && static_cast<bool>(packet_traits<double>::HasCmp),
    };
};

template <>
struct Eigen::internal::functor_traits<downhill::core::SubnormalFlushed> {
    enum {
        Cost = 3 * NumTraits<double>::AddCost,
        PacketAccess = static_cast<bool>(packet_traits<double>::HasAbs) && static_cast<bool>(packet_traits<double>::HasCmp),
    };
};

namespace downhill::core {

Vec LinExpModel::defaultInit() const { return Vec{{0.0, 0.0, 0.5}}; }

void LinExpModel::predict(const Eigen::Ref<const Array>& x, const Vec& w, Array& y) const
{
    y = w[0] + w[1] * x + (w[2] * x).unaryExpr(ExpFlushed{});
}

void LinExpModel::jacobian(const Eigen::Ref<const Array>& x, const Vec& w, Array2D& jac) const
{
    jac.resize(3, x.size());
    jac.row(0).setOnes();
    jac.row(1) = x.transpose();
    jac.row(2) = (x * (w[2] * x).unaryExpr(ExpFlushed{})).unaryExpr(SubnormalFlushed{}).transpose();
}

void LinExpModel::jacobianRow(const Eigen::Ref<const Array>& x, const Vec& w, int p, Array& row) const
{
    switch (p) {
    case 0: row.setOnes(x.size()); break;
    case 1: row = x; break;
    default: row = (x * (w[2] * x).unaryExpr(ExpFlushed{})).unaryExpr(SubnormalFlushed{}); break;
    }
}

}  // namespace downhill::core
