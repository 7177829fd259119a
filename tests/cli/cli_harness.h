#pragma once
// Shared by the tests/cli/test_*.cpp executables: run downhill-cli (its path comes from the
// DOWNHILL_CLI environment variable that CTest sets), read the files it writes, and write the
// small data sets the tests check it against. Expected values are computed here, from the data
// the test wrote, never by calling the engine.
#include <QByteArray>
#include <QDir>
#include <QFile>
#include <QList>
#include <QProcess>
#include <QProcessEnvironment>
#include <QString>
#include <QStringList>
#include <QTemporaryDir>

#include <algorithm>
#include <cmath>
#include <vector>

namespace clitest {

struct CliRun {
    bool finished = false;
    int exitCode = -1;   // -1 if the process crashed or did not finish
    QByteArray out;
    QByteArray err;
};

inline QString cliBinary()
{
    return qEnvironmentVariable("DOWNHILL_CLI");
}

inline CliRun runCli(const QStringList& args, const QString& workingDirectory = {}, int timeoutMs = 60000,
    const QProcessEnvironment& environment = QProcessEnvironment::systemEnvironment())
{
    QProcess process;
    process.setProcessEnvironment(environment);
    if (!workingDirectory.isEmpty())
        process.setWorkingDirectory(workingDirectory);
    process.start(cliBinary(), args);
    CliRun run;
    if (!process.waitForStarted(10000))
        return run;
    process.closeWriteChannel();
    run.finished = process.waitForFinished(timeoutMs);
    if (!run.finished) {
        process.kill();
        process.waitForFinished();
    }
    if (run.finished && process.exitStatus() == QProcess::NormalExit)
        run.exitCode = process.exitCode();
    run.out = process.readAllStandardOutput();
    run.err = process.readAllStandardError();
    return run;
}

inline QByteArray readBytes(const QString& path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

inline bool writeBytes(const QString& path, const QByteArray& bytes)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly | QIODevice::Truncate) && file.write(bytes) == bytes.size();
}

struct Csv {
    QList<QByteArray> header;
    QList<QList<QByteArray>> rows;
};

// A plain comma-separated file with no quoting, as downhill-cli writes it.
inline Csv readCsv(const QString& path)
{
    Csv csv;
    QList<QByteArray> lines = readBytes(path).split('\n');
    if (!lines.isEmpty() && lines.last().isEmpty())
        lines.removeLast();
    if (lines.isEmpty())
        return csv;
    csv.header = lines.takeFirst().split(',');
    for (const auto& line : lines)
        csv.rows.append(line.split(','));
    return csv;
}

// NaN for an empty or unparsable field (QByteArray::toDouble uses the C locale).
inline double number(const QByteArray& field)
{
    bool ok = false;
    const double v = field.toDouble(&ok);
    return ok ? v : qQNaN();
}

// Every file in dir, hidden ones included (a leftover temporary is hidden).
inline QStringList filesIn(const QString& dir)
{
    return QDir(dir).entryList(QDir::AllEntries | QDir::Hidden | QDir::System | QDir::NoDotAndDotDot, QDir::Name);
}

// A one-feature regression sample: feature x, target t (the count).
struct Sample {
    double x;
    double t;
};

inline QByteArray csvText(const std::vector<Sample>& samples)
{
    QByteArray text = "x,count\n";
    for (const auto& s : samples)
        text += QByteArray::number(s.x, 'g', 17) + ',' + QByteArray::number(s.t, 'g', 17) + '\n';
    return text;
}

// Five samples with no exact line through them, so no gradient vanishes by accident.
inline std::vector<Sample> fiveSamples()
{
    return {{0.5, 1}, {1.25, 2}, {1.5, 2}, {2.0, 4}, {3.0, 5}};
}

// Relative closeness for values computed in another summation order.
inline bool near(double a, double b, double tolerance = 1e-12)
{
    return std::abs(a - b) <= tolerance * std::max({1.0, std::abs(a), std::abs(b)});
}

// The fixture most CLI tests share: a temporary folder for what the commands write, holding
// five.csv (fiveSamples()) as five_. Derived test classes call prepare() in initTestCase().
class CliTestCase : public QObject {
protected:
    // The binary is known, the folder exists and five.csv is written.
    bool prepare()
    {
        if (cliBinary().isEmpty() || !dir_.isValid())
            return false;
        five_ = path("five.csv");
        return writeBytes(five_, csvText(fiveSamples()));
    }
    QString path(const QString& name) const { return dir_.filePath(name); }

    QTemporaryDir dir_;
    QString five_;
};

}  // namespace clitest
