#pragma once
// What a network reads: the image shrunk to n x n by block means, divided by 255, row-major
// (input k = row k / n, column k % n of the shrunk image). The small models read the one
// feature x instead (feature_extractor.h).
#include <string>
#include <vector>

#include "core/base/types.h"
#include "core/data/gray_image.h"

namespace downhill::core {

// Throws InputError naming --input-size unless n >= 1 divides the image's width and height.
void checkInputSize(int n, int width, int height);

// out (n * n entries) = the block means of image, / 255. The image must pass checkInputSize.
// Writes into out and allocates nothing.
void shrinkImage(const GrayImage& image, int n, Eigen::Ref<Eigen::VectorXd> out);

// One column per row of images[rows[i]]: an (n * n) x rows.size() matrix.
Eigen::MatrixXd shrinkImages(const std::vector<GrayImage>& images, const std::vector<int>& rows, int n);

}  // namespace downhill::core
