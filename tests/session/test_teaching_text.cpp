// The teaching captions name what the settings make of the picture: the parameters on the axes,
// the function or the set the landscape is drawn from, the update rule with its numbers, the
// batch against the set's size, the loss's shape and the schedule. Checked by the facts that
// must (and must not) appear, not by whole paragraphs.
#include <QtTest>

#include "core/optim/schedule.h"
#include "session/problem/problem.h"
#include "session/problem/teaching_text.h"

using namespace downhill;
using downhill::ui::AppSettings;
using downhill::ui::Surface;

Q_DECLARE_METATYPE(downhill::ui::AppSettings)

namespace {

// The built-in people set, small: 200 images, 40 of them held out, 160 to train on.
AppSettings base()
{
    AppSettings s;
    s.data.count = 200;
    s.data.valFraction = 0.2;
    s.train.optimizer.lr = 0.05;
    s.train.batchSize = 16;
    return s;
}

}  // namespace

class TestTeachingText : public QObject {
    Q_OBJECT
private slots:
    void captionsSayWhatTheSettingsMake_data();
    void captionsSayWhatTheSettingsMake();
    void nothingWithoutAProblem();

private:
    ui::Problem previous_;   // keeps the data set cached from one row to the next
};

void TestTeachingText::captionsSayWhatTheSettingsMake_data()
{
    QTest::addColumn<AppSettings>("settings");
    QTest::addColumn<QStringList>("says");
    QTest::addColumn<QStringList>("never");

    AppSettings s = base();
    QTest::newRow("plain sgd") << s
        << QStringList{"over w and b", "mean loss on the training set", "Plain gradient descent", "lr = 0.05"}
        << QStringList{"momentum", "schedule", "other parameters"};

    // A rate far past the stable one: the caption still gives the rate that scales the step.
    s = base();
    s.train.optimizer.lr = 8;
    QTest::newRow("diverging rate") << s << QStringList{"Plain gradient descent", "lr = 8"} << QStringList{"lr = 0.05"};

    s = base();
    s.train.optimizer.momentum = 0.9;
    QTest::newRow("momentum on") << s << QStringList{"With momentum 0.9", "0.9\u00b7b + g", "overshoots"}
                                 << QStringList{"Plain gradient descent"};

    s = base();
    QTest::newRow("batch smaller than the set") << s << QStringList{"Batches of 16 of 160 samples"} << QStringList{"Full batch"};

    s = base();
    s.train.batchSize = 160;
    QTest::newRow("batch as large as the set") << s << QStringList{"Full batch"} << QStringList{"Batches of"};

    s = base();
    s.train.batchSize = core::TrainSettings::kFullBatch;
    QTest::newRow("full-batch switch") << s << QStringList{"Full batch"} << QStringList{"Batches of"};

    s = base();
    s.surface = Surface::Batch;
    QTest::newRow("batch landscape") << s << QStringList{"current batch only", "over w and b", "contour lines at right angles"}
                                     << QStringList{"Full batch", "Batches of"};

    s = base();
    s.surface = Surface::Validation;
    QTest::newRow("validation landscape") << s << QStringList{"mean loss on the validation set over w and b"}
                                          << QStringList{"mean loss on the training set"};

    // Without a validation set the validation landscape falls back to the training set's.
    s = base();
    s.data.valFraction = 0;
    s.surface = Surface::Validation;
    QTest::newRow("validation landscape, no validation set")
        << s << QStringList{"mean loss on the training set over w and b", "of 200 samples"} << QStringList{"validation"};

    s = base();
    s.model = "lin-exp";
    s.axis1 = 0;
    s.axis2 = 2;
    QTest::newRow("third parameter on an axis") << s << QStringList{"over a and c", "other parameters are held"}
                                                << QStringList{"over a and b"};

    s = base();
    s.model = "fold";
    QTest::newRow("two valleys") << s << QStringList{"two valleys", "a &lt; 1"} << QStringList{};

    s = base();
    s.loss.kind = core::LossKind::Huber;
    s.loss.delta = 0.7;
    QTest::newRow("huber") << s << QStringList{"Huber", "delta 0.7"} << QStringList{"mae"};

    s = base();
    s.loss.kind = core::LossKind::Mae;
    QTest::newRow("mae") << s << QStringList{"With mae", "do not shrink"} << QStringList{"Huber"};

    s = base();
    s.train.schedule = core::Schedule::parse("step:100:0.5");
    QTest::newRow("step schedule") << s << QStringList{"schedule (\u00d70.5 every 100 steps)"} << QStringList{};

    s = base();
    s.train.schedule = core::Schedule::parse("cosine:300");
    QTest::newRow("cosine schedule") << s << QStringList{"a half cosine over 300 steps"} << QStringList{};

    s = base();
    s.train.optimizer.kind = core::OptimizerKind::Adam;
    QTest::newRow("adam") << s << QStringList{"Adam divides"} << QStringList{"Plain gradient descent", "momentum"};

    s = base();
    s.model = "rosenbrock";
    QTest::newRow("analytic function")
        << s << QStringList{"the function f = (1 - x)^2 + 100 (y - x^2)^2 itself", "minimum at (1, 1)", "Plain gradient descent"}
        << QStringList{"training set", "Batches of", "Full batch"};

    s = base();
    s.model = "himmelblau";
    QTest::newRow("analytic, four minima") << s << QStringList{"Four minima"} << QStringList{"(1, 1)", "samples"};
}

void TestTeachingText::captionsSayWhatTheSettingsMake()
{
    QFETCH(AppSettings, settings);
    QFETCH(QStringList, says);
    QFETCH(QStringList, never);
    const ui::Problem problem = ui::Problem::build(settings, &previous_);
    QVERIFY(problem.valid());
    const QString text = ui::teachingText(settings, problem);
    for (const QString& fact : says)
        QVERIFY2(text.contains(fact), qPrintable(QStringLiteral("missing \"%1\" in: %2").arg(fact, text)));
    for (const QString& wrong : never)
        QVERIFY2(!text.contains(wrong), qPrintable(QStringLiteral("unexpected \"%1\" in: %2").arg(wrong, text)));
    previous_ = problem;
}

void TestTeachingText::nothingWithoutAProblem()
{
    QVERIFY(ui::teachingText(base(), ui::Problem()).isEmpty());
}

QTEST_GUILESS_MAIN(TestTeachingText)
#include "test_teaching_text.moc"
