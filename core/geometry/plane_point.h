#pragma once
// A point of the plotted plane (two parameters), in parameter units: what core's geometry
// works on, so that it needs no drawing library's point type.
namespace downhill::core {

struct PlanePoint {
    double x = 0;
    double y = 0;
};

}  // namespace downhill::core
