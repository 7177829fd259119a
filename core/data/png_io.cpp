#include "core/data/png_io.h"

#include <algorithm>
#include <cerrno>
#include <csetjmp>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <memory>
#include <system_error>
#include <vector>

#include <png.h>

#include "core/base/error.h"

namespace downhill::core {

namespace {

// Larger images are refused before any memory is reserved for them: a corrupt header must not
// ask for gigabytes. Data set images are tens of pixels wide.
constexpr png_uint_32 kMaxSide = 8192;
constexpr png_alloc_size_t kMaxChunkBytes = png_alloc_size_t{1} << 22;

// libpng reports an error through onError, which must not return: it jumps back to the
// setjmp of the function that called into libpng. Those functions (readHeader, readRows,
// writeImage) therefore hold nothing with a destructor; the C++ objects live in their callers.
struct ErrorReport {
    char message[256] = "";
};

[[noreturn]] void onError(png_structp png, png_const_charp message)
{
    auto* report = static_cast<ErrorReport*>(png_get_error_ptr(png));
    std::snprintf(report->message, sizeof report->message, "%s", message);
    png_longjmp(png, 1);
}

// Warnings (a bad ancillary chunk, an odd colour profile) do not stop the decoder; the image is
// still right, and libpng's default handler would print them on stderr.
void onWarning(png_structp, png_const_charp) {}

struct ReadStruct {
    png_structp png = nullptr;
    png_infop info = nullptr;
    ReadStruct(const ReadStruct&) = delete;
    ReadStruct& operator=(const ReadStruct&) = delete;
    explicit ReadStruct(ErrorReport& report)
        : png(png_create_read_struct(PNG_LIBPNG_VER_STRING, &report, onError, onWarning))
        , info(png ? png_create_info_struct(png) : nullptr)
    {
    }
    ~ReadStruct() { png_destroy_read_struct(&png, &info, nullptr); }
};

struct WriteStruct {
    png_structp png = nullptr;
    png_infop info = nullptr;
    WriteStruct(const WriteStruct&) = delete;
    WriteStruct& operator=(const WriteStruct&) = delete;
    explicit WriteStruct(ErrorReport& report)
        : png(png_create_write_struct(PNG_LIBPNG_VER_STRING, &report, onError, onWarning))
        , info(png ? png_create_info_struct(png) : nullptr)
    {
    }
    ~WriteStruct() { png_destroy_write_struct(&png, &info); }
};

struct Geometry {
    png_uint_32 width = 0;
    png_uint_32 height = 0;
    png_byte channels = 0;  // 1 = gray, 2 = gray + alpha, after the transforms
    png_size_t rowBytes = 0;
};

// Reads the header (the signature's 8 bytes are already read) and sets up the conversion of
// any PNG to 8-bit gray, possibly with alpha.
bool readHeader(png_structp png, png_infop info, std::FILE* file, Geometry& geometry)
{
    if (setjmp(png_jmpbuf(png)))
        return false;
    png_init_io(png, file);
    png_set_sig_bytes(png, 8);
    png_set_user_limits(png, kMaxSide, kMaxSide);
    // Text, profiles and other ancillary chunks: a hostile one must not ask for much either.
    png_set_chunk_malloc_max(png, kMaxChunkBytes);
    png_read_info(png, info);
    png_set_expand(png);    // palette -> RGB, gray of 1..4 bits -> 8 bits, tRNS -> alpha
    png_set_strip_16(png);
    if ((png_get_color_type(png, info) & PNG_COLOR_MASK_COLOR) != 0)
        png_set_rgb_to_gray_fixed(png, PNG_ERROR_ACTION_NONE, -1, -1);  // libpng's default weights
    png_set_interlace_handling(png);
    png_read_update_info(png, info);
    geometry.width = png_get_image_width(png, info);
    geometry.height = png_get_image_height(png, info);
    geometry.channels = png_get_channels(png, info);
    geometry.rowBytes = png_get_rowbytes(png, info);
    return true;
}

bool readRows(png_structp png, png_bytepp rows)
{
    if (setjmp(png_jmpbuf(png)))
        return false;
    png_read_image(png, rows);
    png_read_end(png, nullptr);
    return true;
}

bool writeImage(png_structp png, png_infop info, std::FILE* file, const GrayImage& image)
{
    if (setjmp(png_jmpbuf(png)))
        return false;
    png_init_io(png, file);
    png_set_IHDR(png, info, static_cast<png_uint_32>(image.width), static_cast<png_uint_32>(image.height), 8,
                 PNG_COLOR_TYPE_GRAY, PNG_INTERLACE_NONE, PNG_COMPRESSION_TYPE_DEFAULT, PNG_FILTER_TYPE_DEFAULT);
    png_write_info(png, info);
    for (int y = 0; y < image.height; ++y)
        png_write_row(png, image.pixels.data() + static_cast<std::size_t>(y) * static_cast<std::size_t>(image.width));
    png_write_end(png, info);
    return true;
}

struct CloseFile {
    void operator()(std::FILE* file) const { std::fclose(file); }
};
using File = std::unique_ptr<std::FILE, CloseFile>;

std::string systemMessage(int error) { return std::generic_category().message(error); }

// Every chunk's declared length against what the file holds, before libpng reads any: libpng
// allocates a chunk's buffer from its length field (png_set_chunk_malloc_max does not cover
// every chunk), so a 50-byte file claiming a 1.7 GB chunk made it allocate 1.7 GB. The file is
// left just past the signature. False with the reason for a chunk that runs past the end.
bool chunksFit(std::FILE* file, std::string& reason)
{
    if (std::fseek(file, 0, SEEK_END) != 0) {
        reason = "cannot read: " + systemMessage(errno);
        return false;
    }
    const long end = std::ftell(file);
    long at = 8;
    while (end >= 0 && at + 8 <= end) {
        unsigned char head[8];
        if (std::fseek(file, at, SEEK_SET) != 0 || std::fread(head, 1, sizeof head, file) != sizeof head)
            break;
        const std::uint64_t length = (std::uint64_t{head[0]} << 24) | (std::uint64_t{head[1]} << 16)
            | (std::uint64_t{head[2]} << 8) | std::uint64_t{head[3]};
        // Length, type, data and CRC.
        if (length > 0x7fffffffU || static_cast<std::uint64_t>(at) + 12 + length > static_cast<std::uint64_t>(end)) {
            reason = "corrupt PNG: a chunk at byte " + std::to_string(at) + " claims " + std::to_string(length)
                + " bytes, past the end of the file (" + std::to_string(end) + " bytes)";
            return false;
        }
        if (std::memcmp(head + 4, "IEND", 4) == 0)
            break;
        at += static_cast<long>(12 + length);
    }
    if (std::fseek(file, 8, SEEK_SET) != 0) {
        reason = "cannot read: " + systemMessage(errno);
        return false;
    }
    return true;
}

}  // namespace

bool tryReadPng(const std::string& path, GrayImage& image, std::string& reason, std::uint64_t maxPixels)
{
    const File file(std::fopen(path.c_str(), "rb"));
    if (!file) {
        reason = "cannot open: " + systemMessage(errno);
        return false;
    }
    png_byte signature[8] = {};
    const std::size_t got = std::fread(signature, 1, sizeof signature, file.get());
    if (got == 0) {
        reason = std::ferror(file.get()) ? "cannot read: " + systemMessage(errno) : "file is empty";
        return false;
    }
    if (got < sizeof signature || png_sig_cmp(signature, 0, sizeof signature) != 0) {
        reason = "not a PNG file";
        return false;
    }
    if (!chunksFit(file.get(), reason))
        return false;

    ErrorReport report;
    ReadStruct read(report);
    if (!read.png || !read.info) {
        reason = "out of memory";
        return false;
    }
    Geometry geometry;
    if (!readHeader(read.png, read.info, file.get(), geometry)) {
        reason = std::string("corrupt PNG: ") + report.message;
        return false;
    }
    if (geometry.width == 0 || geometry.height == 0 || (geometry.channels != 1 && geometry.channels != 2)) {
        reason = "unsupported PNG layout";
        return false;
    }
    const std::uint64_t pixels = std::uint64_t{geometry.width} * geometry.height;
    if (pixels > maxPixels || pixels > kMaxPngPixels) {
        reason = std::string(kTooManyPixels) + std::to_string(geometry.width) + "x" + std::to_string(geometry.height)
            + ", more than the " + std::to_string(std::min(maxPixels, kMaxPngPixels)) + " allowed here";
        return false;
    }
    // Gray rows are decoded straight into the image; gray + alpha through a buffer.
    GrayImage out(static_cast<int>(geometry.width), static_cast<int>(geometry.height));
    const bool direct = geometry.channels == 1 && geometry.rowBytes == geometry.width;
    std::vector<png_byte> data(direct ? 0 : geometry.rowBytes * geometry.height);
    std::vector<png_bytep> rows(geometry.height);
    for (png_uint_32 y = 0; y < geometry.height; ++y)
        rows[y] = direct ? out.pixels.data() + std::size_t{y} * geometry.width : data.data() + y * geometry.rowBytes;
    if (!readRows(read.png, rows.data())) {
        reason = std::string("corrupt or truncated PNG: ") + report.message;
        return false;
    }
    if (direct) {
        image = std::move(out);
        return true;
    }

    std::size_t i = 0;
    for (png_uint_32 y = 0; y < geometry.height; ++y) {
        const png_byte* row = rows[y];
        for (png_uint_32 x = 0; x < geometry.width; ++x, ++i) {
            if (geometry.channels == 1) {
                out.pixels[i] = row[x];
            } else {
                // Transparent parts are shown on white, as an image viewer would.
                const unsigned gray = row[2 * x];
                const unsigned alpha = row[2 * x + 1];
                out.pixels[i] = static_cast<std::uint8_t>((gray * alpha + 255u * (255u - alpha) + 127u) / 255u);
            }
        }
    }
    image = std::move(out);
    return true;
}

GrayImage readPng(const std::string& path)
{
    GrayImage image;
    std::string reason;
    if (!tryReadPng(path, image, reason))
        throw InputError(path + ": " + reason);
    return image;
}

void writePng(const std::string& path, const GrayImage& image)
{
    if (image.width <= 0 || image.height <= 0
        || image.pixels.size() != static_cast<std::size_t>(image.width) * static_cast<std::size_t>(image.height))
        throw InputError(path + ": cannot write an image of " + std::to_string(image.width) + "x"
                         + std::to_string(image.height) + " pixels");
    // A reader never sees a half-written file: the image is complete before it takes the name.
    const std::string temporary = path + ".tmp";
    File file(std::fopen(temporary.c_str(), "wb"));
    if (!file)
        throw InputError(path + ": cannot write: " + systemMessage(errno));
    ErrorReport report;
    bool written = false;
    {
        WriteStruct write(report);
        written = write.png && write.info && writeImage(write.png, write.info, file.get(), image);
    }
    std::string problem;
    if (!written)
        problem = report.message[0] != '\0' ? report.message : "out of memory";
    else if (std::fclose(file.release()) != 0)
        problem = systemMessage(errno);
    if (problem.empty()) {
        std::error_code error;
        std::filesystem::rename(temporary, path, error);
        if (!error)
            return;
        problem = error.message();
    }
    file.reset();
    std::error_code ignored;
    std::filesystem::remove(temporary, ignored);
    throw InputError(path + ": cannot write: " + problem);
}

}  // namespace downhill::core
