#include "core/data/dataset_io.h"

#include <algorithm>
#include <cerrno>
#include <charconv>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <new>
#include <sstream>
#include <system_error>
#include <vector>

#include "core/base/error.h"
#include "core/data/feature_extractor.h"
#include "core/data/png_io.h"

namespace downhill::core {

namespace fs = std::filesystem;

namespace {

// Images smaller than this carry too few pixels for extractFeature's background fit.
constexpr int kMinImageSide = 8;

struct CsvRow {
    int line = 0;                      // 1-based line in the file
    std::vector<std::string> fields;   // only the requested columns, in the requested order
};

struct CsvTable {
    std::vector<CsvRow> rows;
};

std::string trim(std::string_view text)
{
    const auto isSpace = [](char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\v' || c == '\f'; };
    while (!text.empty() && isSpace(text.front()))
        text.remove_prefix(1);
    while (!text.empty() && isSpace(text.back()))
        text.remove_suffix(1);
    return std::string(text);
}

std::string lower(std::string text)
{
    std::transform(text.begin(), text.end(), text.begin(), [](char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; });
    return text;
}

// Splits one line at commas outside double quotes; each field is trimmed and a quoted field
// loses its quotes ("" inside stands for one "). Records span one line: a line break inside
// quotes is not supported, and an unclosed quote is reported.
bool splitFields(std::string_view line, std::vector<std::string>& fields)
{
    fields.clear();
    std::string raw;
    bool quoted = false;
    for (const char c : line) {
        if (c == '"')
            quoted = !quoted;
        if (c == ',' && !quoted) {
            fields.push_back(raw);
            raw.clear();
        } else {
            raw += c;
        }
    }
    if (quoted)
        return false;
    fields.push_back(raw);
    for (std::string& field : fields) {
        field = trim(field);
        if (field.size() >= 2 && field.front() == '"' && field.back() == '"') {
            std::string inner;
            for (std::size_t i = 1; i + 1 < field.size(); ++i) {
                inner += field[i];
                if (field[i] == '"' && field[i + 1] == '"')
                    ++i;
            }
            field = trim(inner);
        }
    }
    return true;
}

std::string joined(const std::vector<std::string>& names)
{
    std::string out;
    for (const std::string& name : names)
        out += (out.empty() ? "" : ", ") + name;
    return out;
}

std::string fileError(const std::string& path)
{
    std::error_code error;
    if (!fs::exists(path, error))
        return path + ": no such file or directory";
    if (fs::is_directory(path, error))
        return path + ": is a folder, not a file";
    return path + ": cannot read: " + std::generic_category().message(errno);
}

// Reads a CSV whose header names (case-insensitively) every one of `columns`, and returns the
// data rows with just those columns. Blank lines are skipped; CRLF line ends and a UTF-8 byte
// order mark are accepted. Every error is an InputError "<path>:<line>: <what>".
// progress (may be null) goes from 0 to `share` over the reading and the splitting of the rows;
// reading may be cancelled between two chunks of the file, splitting between two blocks of rows.
CsvTable readCsv(const std::string& path, const std::vector<std::string>& columns, Progress* progress, double share)
{
    errno = 0;
    std::ifstream in(path, std::ios::binary);
    if (!in)
        throw InputError(fileError(path));
    std::error_code sizeError;
    const auto size = static_cast<double>(fs::file_size(path, sizeError));
    std::string text;
    if (!sizeError)
        text.reserve(static_cast<std::size_t>(size));
    constexpr std::size_t kChunk = std::size_t{1} << 20;
    std::string chunk(kChunk, '\0');
    while (in) {
        in.read(chunk.data(), static_cast<std::streamsize>(kChunk));
        text.append(chunk.data(), static_cast<std::size_t>(in.gcount()));
        if (!sizeError && size > 0)
            report(progress, share * 0.3 * std::min(1.0, static_cast<double>(text.size()) / size));
    }
    if (in.bad())
        throw InputError(fileError(path));
    if (text.starts_with("\xEF\xBB\xBF"))
        text.erase(0, 3);

    CsvTable table;
    std::vector<std::size_t> index;   // position of each requested column in a row
    std::size_t width = 0;            // number of fields in the header
    std::vector<std::string> fields;
    std::size_t start = 0;
    const double length = static_cast<double>(text.size());
    for (int line = 1; start < text.size(); ++line) {
        if (line % 16384 == 0)
            report(progress, share * (0.3 + 0.7 * static_cast<double>(start) / length));
        std::size_t end = text.find('\n', start);
        if (end == std::string::npos)
            end = text.size();
        const std::string_view content(text.data() + start, end - start);
        start = end + 1;
        if (trim(content).empty())
            continue;
        const std::string where = path + ":" + std::to_string(line) + ": ";
        if (!splitFields(content, fields))
            throw InputError(where + "a double quote is not closed");

        if (index.empty()) {
            width = fields.size();
            for (const std::string& column : columns) {
                std::size_t found = width;
                for (std::size_t i = 0; i < width; ++i) {
                    if (lower(fields[i]) != column)
                        continue;
                    if (found != width)
                        throw InputError(where + "column '" + column + "' appears twice in the header");
                    found = i;
                }
                if (found == width)
                    throw InputError(where + "missing column '" + column + "' in the header (found: " + joined(fields) + ")");
                index.push_back(found);
            }
            continue;
        }
        if (fields.size() != width)
            throw InputError(where + "expected " + std::to_string(width) + " fields as in the header, got " + std::to_string(fields.size()));
        CsvRow row;
        row.line = line;
        for (const std::size_t i : index)
            row.fields.push_back(fields[i]);
        table.rows.push_back(std::move(row));
    }
    if (index.empty())
        throw InputError(path + ": file is empty");
    if (table.rows.empty())
        throw InputError(path + ": no data rows after the header");
    return table;
}

// A finite number written in C locale ("1.5", "-2e3", "+4"); anything else is an error naming
// the column and quoting the text.
double parseNumber(const std::string& text, const std::string& column, const std::string& where)
{
    if (text.empty())
        throw InputError(where + "column '" + column + "' is empty");
    const char* first = text.data();
    const char* last = text.data() + text.size();
    if (*first == '+' && last - first > 1 && first[1] != '-')
        ++first;
    double value = 0.0;
    const auto [end, error] = std::from_chars(first, last, value);
    if (error == std::errc::result_out_of_range)
        throw InputError(where + "column '" + column + "' is out of range: '" + text + "'");
    if (error != std::errc() || end != last)
        throw InputError(where + "column '" + column + "' is not a number: '" + text + "'");
    if (!std::isfinite(value))
        throw InputError(where + "column '" + column + "' is not a finite number: '" + text + "'");
    return value;
}

std::string whereIn(const std::string& path, int line) { return path + ":" + std::to_string(line) + ": "; }

// Writes `text` to a temporary file beside `path`, then renames it into place.
void writeTextFile(const std::string& path, const std::string& text)
{
    const std::string temporary = path + ".tmp";
    bool ok = false;
    {
        std::ofstream out(temporary, std::ios::binary | std::ios::trunc);
        out << text;
        out.close();
        ok = static_cast<bool>(out);
    }
    std::error_code error;
    if (ok) {
        fs::rename(temporary, path, error);
        if (!error)
            return;
    }
    const std::string problem = ok ? error.message() : "cannot write the file";
    fs::remove(temporary, error);
    throw InputError(path + ": " + problem);
}

}  // namespace

Dataset loadCsv(const std::string& path, Progress* progress)
{
    const std::string x = "x";
    const std::string count = "count";
    const CsvTable table = readCsv(path, {x, count}, progress, 0.6);
    const auto n = static_cast<Eigen::Index>(table.rows.size());
    Dataset data;
    data.samples.x.resize(n);
    data.samples.t.resize(n);
    for (Eigen::Index i = 0; i < n; ++i) {
        if (i % 16384 == 0)
            report(progress, 0.6 + 0.4 * static_cast<double>(i) / static_cast<double>(n));
        const CsvRow& row = table.rows[static_cast<std::size_t>(i)];
        const std::string where = whereIn(path, row.line);
        data.samples.x[i] = parseNumber(row.fields[0], x, where);
        const double t = parseNumber(row.fields[1], count, where);
        if (t < 0.0)
            throw InputError(where + "column 'count' is negative: '" + row.fields[1] + "'");
        data.samples.t[i] = t;
    }
    data.source = path + " (" + std::to_string(n) + " rows)";
    return data;
}

Dataset loadImageFolder(const std::string& dir, Progress* progress)
{
    const std::string labels = (fs::path(dir) / "labels.csv").string();
    const std::string image = "image";
    const std::string count = "count";
    const CsvTable table = readCsv(labels, {image, count}, progress, 0.05);
    const auto n = static_cast<Eigen::Index>(table.rows.size());
    Dataset data;
    data.samples.x.resize(n);
    data.samples.t.resize(n);
    data.images.resize(table.rows.size());
    std::uint64_t pixelsSoFar = 0;
    for (Eigen::Index i = 0; i < n; ++i) {
        if (i % 64 == 0)
            report(progress, 0.05 + 0.95 * static_cast<double>(i) / static_cast<double>(n));
        const CsvRow& row = table.rows[static_cast<std::size_t>(i)];
        const std::string where = whereIn(labels, row.line);
        const double t = parseNumber(row.fields[1], count, where);
        if (t < 0.0)
            throw InputError(where + "column 'count' is negative: '" + row.fields[1] + "'");
        if (t != std::floor(t))
            throw InputError(where + "column 'count' is not a whole number: '" + row.fields[1] + "'");
        const std::string& name = row.fields[0];
        if (name.empty())
            throw InputError(where + "column 'image' is empty");
        const fs::path file = fs::path(dir) / name;
        std::error_code error;
        if (!fs::is_regular_file(file, error))
            throw InputError(where + "image '" + name + "' is missing");
        GrayImage& pixels = data.images[static_cast<std::size_t>(i)];
        std::string reason;
        bool read = false;
        try {
            read = tryReadPng(file.string(), pixels, reason, kMaxDatasetPixels - pixelsSoFar);
        } catch (const std::bad_alloc&) {
            throw InputError(where + "image '" + name + "': not enough memory to decode it");
        }
        if (!read && reason.rfind(kTooManyPixels, 0) == 0)
            throw InputError(where + "image '" + name + "' has " + reason + " (a data set's images may hold "
                + std::to_string(kMaxDatasetPixels) + " pixels in all, the images before it hold "
                + std::to_string(pixelsSoFar) + ")");
        if (!read)
            throw InputError(where + "image '" + name + "' is not a valid PNG: " + reason);
        pixelsSoFar += pixels.pixels.size();
        if (pixels.width < kMinImageSide || pixels.height < kMinImageSide)
            throw InputError(where + "image '" + name + "' is " + std::to_string(pixels.width) + "x" + std::to_string(pixels.height)
                             + " pixels, smaller than the " + std::to_string(kMinImageSide) + "x" + std::to_string(kMinImageSide) + " minimum");
        data.samples.x[i] = extractFeature(pixels);
        data.samples.t[i] = t;
    }
    data.source = dir + " (" + std::to_string(n) + " images)";
    return data;
}

Dataset loadData(const std::string& path, Progress* progress)
{
    std::error_code error;
    const fs::file_status status = fs::status(path, error);
    if (!fs::exists(status))
        throw InputError(path + ": no such file or directory");
    try {
        if (fs::is_directory(status))
            return loadImageFolder(path, progress);
        return loadCsv(path, progress);
    } catch (const std::bad_alloc&) {
        throw InputError(path + ": not enough memory to load this data set");
    }
}

void exportImageFolder(const Dataset& dataset, const std::string& dir)
{
    if (!dataset.hasImages())
        throw InputError(dir + ": the data set has no images to export (" + dataset.source + ")");
    if (static_cast<Eigen::Index>(dataset.images.size()) != dataset.size())
        throw InputError(dir + ": the data set has " + std::to_string(dataset.images.size()) + " images but "
                         + std::to_string(dataset.size()) + " labels");
    for (Eigen::Index i = 0; i < dataset.size(); ++i) {
        const double t = dataset.samples.t[i];
        if (!(t >= 0.0 && t == std::floor(t)))
            throw InputError(dir + ": sample " + std::to_string(i) + " has count " + std::to_string(t)
                             + "; an image folder needs whole counts >= 0");
    }
    std::error_code error;
    fs::create_directories(dir, error);
    if (error || !fs::is_directory(dir))
        throw InputError(dir + ": cannot create the folder" + (error ? ": " + error.message() : std::string()));

    std::ostringstream labels;
    labels << "image,count\n";
    for (Eigen::Index i = 0; i < dataset.size(); ++i) {
        char name[32];
        std::snprintf(name, sizeof name, "%06lld.png", static_cast<long long>(i));
        writePng((fs::path(dir) / name).string(), dataset.images[static_cast<std::size_t>(i)]);
        labels << name << ',' << static_cast<long long>(dataset.samples.t[i]) << '\n';
    }
    writeTextFile((fs::path(dir) / "labels.csv").string(), labels.str());
}

}  // namespace downhill::core
