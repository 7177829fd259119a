// DatasetPanel: the split counts and the scatter agree with the data set, the browser shows
// every image with its count and side of the split, the selected image's augmented versions are
// what core::augment makes with the preview seed (with the x core::extractFeature reads from
// each), the switches talk only when the user flips them, and the model curve is f(x; w).
#include <QCheckBox>
#include <QComboBox>
#include <QLabel>
#include <QListView>
#include <QSignalSpy>
#include <QStackedWidget>
#include <QTest>
#include <set>

#include <qcustomplot.h>

#include "window/data/dataset_panel.h"
#include "core/data/feature_extractor.h"
#include "core/model/objective.h"
#include "plots/palette.h"
#include "core/data/people_generator.h"
#include "tests/common/synthetic.h"

Q_DECLARE_METATYPE(downhill::core::AugmentationSettings)

using namespace downhill;
using downhill::ui::DatasetPanel;

namespace {

const core::Dataset& people()
{
    static const core::Dataset data = [] {
        core::PeopleSettings settings;
        settings.count = 120;
        settings.seed = 3;
        return core::generatePeople(settings);
    }();
    return data;
}

QCPGraph* graphNamed(QCustomPlot* plot, const QString& name)
{
    for (int g = 0; g < plot->graphCount(); ++g)
        if (plot->graph(g)->objectName() == name)
            return plot->graph(g);
    return nullptr;
}

std::unique_ptr<DatasetPanel> shownPanel(const core::Dataset& data, const core::Split& split)
{
    auto panel = std::make_unique<DatasetPanel>();
    panel->resize(900, 600);
    panel->show();
    if (!QTest::qWaitForWindowExposed(panel.get()))
        qWarning("window not exposed");
    panel->setDataset(data, split);
    return panel;
}

}  // namespace

class TestDatasetPanel : public QObject {
    Q_OBJECT

private slots:
    void splitCountsAndScatterMatchTheData()
    {
        const auto split = core::splitRows(120, 0.25, 9);
        auto panel = shownPanel(people(), split);
        QCOMPARE(panel->trainCount(), 90);
        QCOMPARE(panel->valCount(), 30);
        const QString summary = panel->findChild<QLabel*>(QStringLiteral("splitSummary"))->text();
        QVERIFY2(summary.contains(QStringLiteral("90 training")) && summary.contains(QStringLiteral("30 validation")), qPrintable(summary));

        auto* scatter = panel->findChild<QCustomPlot*>(QStringLiteral("datasetScatter"));
        QCPGraph* train = graphNamed(scatter, QStringLiteral("trainPoints"));
        QCPGraph* val = graphNamed(scatter, QStringLiteral("valPoints"));
        QVERIFY(train && val);
        QCOMPARE(train->data()->size() + val->data()->size(), 120);
        QCOMPARE(train->data()->size(), 90);
        QCOMPARE(val->data()->size(), 30);
        QCOMPARE(train->scatterStyle().brush().color().rgb(), ui::palette::trainLoss().rgb());
        QCOMPARE(val->scatterStyle().brush().color().rgb(), ui::palette::valLoss().rgb());
        // Every validation point is a validation row's (x, count).
        std::multiset<std::pair<double, double>> expected;
        for (int row : split.val)
            expected.insert({people().samples.x[row], people().samples.t[row]});
        std::multiset<std::pair<double, double>> shown;
        for (auto it = val->data()->constBegin(); it != val->data()->constEnd(); ++it)
            shown.insert({it->key, it->value});
        QVERIFY(shown == expected);
        // All points lie inside the axes.
        for (int row = 0; row < 120; ++row) {
            QVERIFY(scatter->xAxis->range().contains(people().samples.x[row]));
            QVERIFY(scatter->yAxis->range().contains(people().samples.t[row]));
        }
    }

    void browserListsEveryImageWithItsCountAndSide()
    {
        const auto split = core::splitRows(120, 0.25, 9);
        auto panel = shownPanel(people(), split);
        auto* browser = panel->findChild<QListView*>(QStringLiteral("imageBrowser"));
        QVERIFY(browser && browser->isVisible());
        QCOMPARE(browser->model()->rowCount(), 120);
        const int valRow = split.val.front();
        const QModelIndex index = browser->model()->index(valRow, 0);
        QCOMPARE(index.data(Qt::DisplayRole).toString(),
            QStringLiteral("count %1 · val").arg(static_cast<int>(people().samples.t[valRow])));
        QCOMPARE(index.data(Qt::DecorationRole).value<QPixmap>().width(), 96);  // 48 px, scaled 2x
        const int trainRow = split.train.front();
        QVERIFY(browser->model()->index(trainRow, 0).data().toString().endsWith(QStringLiteral("· train")));

        auto* filter = panel->findChild<QComboBox*>(QStringLiteral("filterCombo"));
        filter->setCurrentIndex(2);
        QCOMPARE(browser->model()->rowCount(), 30);
        for (int r = 0; r < 30; ++r)
            QVERIFY(browser->model()->index(r, 0).data().toString().endsWith(QStringLiteral("· val")));
        filter->setCurrentIndex(1);
        QCOMPARE(browser->model()->rowCount(), 90);

        // Clicking a tile selects its image.
        filter->setCurrentIndex(0);
        const QRect tile = browser->visualRect(browser->model()->index(5, 0));
        QTest::mouseClick(browser->viewport(), Qt::LeftButton, {}, tile.center());
        QCOMPARE(panel->selectedImage(), 5);
    }

    void versionsAreTheAugmentedImages()
    {
        const auto split = core::splitRows(120, 0.25, 9);
        auto panel = shownPanel(people(), split);
        core::AugmentationSettings settings;
        settings.brightnessRange = 30;
        settings.noiseSigma = 12;
        panel->setAugmentation(settings);
        panel->selectImage(17);
        const core::GrayImage& original = people().images[17];
        const auto& versions = panel->versions();
        QCOMPARE(versions.size(), DatasetPanel::kVersionCount);
        QVERIFY(versions[0].image == original);
        const std::uint64_t seed = DatasetPanel::previewSeed(17);
        QCOMPARE(DatasetPanel::previewSeed(17), seed);  // fixed per image
        // The flip is really a mirror image.
        const core::GrayImage& flipped = versions[2].image;
        for (int y = 0; y < original.height; ++y)
            for (int x = 0; x < original.width; ++x)
                QCOMPARE(flipped.at(x, y), original.at(original.width - 1 - x, y));
        // Each version is core::augment with that augmentation alone (all three for the last).
        core::AugmentationSettings one = settings;
        one.brightness = true;
        QVERIFY(versions[1].image == core::augment(original, one, seed));
        QVERIFY(std::abs(core::drawAugmentation(one, seed).offset) >= 15.0);  // a visible change
        one = settings;
        one.noise = true;
        QVERIFY(versions[3].image == core::augment(original, one, seed));
        one.brightness = one.flip = true;
        QVERIFY(versions[4].image == core::augment(original, one, seed));
        // And under each, the x read from it.
        for (int k = 0; k < DatasetPanel::kVersionCount; ++k) {
            QCOMPARE(versions[k].x, core::extractFeature(versions[k].image));
            const QString caption = panel->findChild<QLabel*>(QStringLiteral("versionCaption%1").arg(k))->text();
            QVERIFY2(caption.contains(QStringLiteral("x = %1").arg(versions[k].x, 0, 'f', 3)), qPrintable(caption));
            QVERIFY(!panel->findChild<QLabel*>(QStringLiteral("versionImage%1").arg(k))->pixmap().isNull());
        }
        QCOMPARE(versions[0].x, people().samples.x[17]);
        QVERIFY(panel->findChild<QLabel*>(QStringLiteral("versionCaption3"))->text().contains(QStringLiteral("noise σ 12")));
    }

    void switchesSpeakOnlyForTheUser()
    {
        auto panel = shownPanel(people(), core::splitRows(120, 0.25, 9));
        QSignalSpy changed(panel.get(), &DatasetPanel::augmentationChanged);
        core::AugmentationSettings settings;
        settings.noise = true;
        settings.noiseSigma = 7;
        panel->setAugmentation(settings);
        QCOMPARE(changed.count(), 0);
        auto* flip = panel->findChild<QCheckBox*>(QStringLiteral("flipCheck"));
        auto* noise = panel->findChild<QCheckBox*>(QStringLiteral("noiseCheck"));
        QVERIFY(noise->isChecked() && !flip->isChecked());
        QTest::mouseClick(flip, Qt::LeftButton);
        QCOMPARE(changed.count(), 1);
        const auto sent = changed.takeFirst().at(0).value<core::AugmentationSettings>();
        QVERIFY(sent.flip && sent.noise && !sent.brightness);
        QCOMPARE(sent.noiseSigma, 7.0);  // the other fields as the model has them
        QVERIFY(panel->augmentation().flip);
    }

    void modelCurveIsTheModel()
    {
        auto panel = shownPanel(people(), core::splitRows(120, 0.25, 9));
        auto* scatter = panel->findChild<QCustomPlot*>(QStringLiteral("datasetScatter"));
        QCPGraph* curve = graphNamed(scatter, QStringLiteral("modelCurve"));
        QVERIFY(curve->data()->isEmpty());
        panel->setModelCurve(core::makeObjective("lin-exp", {}), core::Vec{{0.5, 2.0, 0.3}});
        QVERIFY(curve->visible());
        QVERIFY(curve->data()->size() > 50);
        for (auto it = curve->data()->constBegin(); it != curve->data()->constEnd(); ++it)
            QVERIFY(std::abs(it->value - (0.5 + 2.0 * it->key + std::exp(0.3 * it->key))) < 1e-12);
        // It spans the x range shown.
        QCOMPARE(curve->data()->constBegin()->key, scatter->xAxis->range().lower);
        QCOMPARE((curve->data()->constEnd() - 1)->key, scatter->xAxis->range().upper);
        QVERIFY(scatter->legend->hasItemWithPlottable(curve));
        // An analytic function is no model of this data: no curve.
        panel->setModelCurve(core::makeObjective("rosenbrock", {}), core::Vec{{1.0, 1.0}});
        QVERIFY(!curve->visible() || curve->data()->isEmpty());
        QVERIFY(!scatter->legend->hasItemWithPlottable(curve));
    }

    // While the panel is hidden (its dock closed or behind another tab) the curve follows the
    // run but nothing is drawn; shown again, it is drawn once, with the latest curve.
    void aHiddenScatterIsDrawnWhenShown()
    {
        auto panel = shownPanel(people(), core::splitRows(120, 0.25, 9));
        auto* scatter = panel->findChild<QCustomPlot*>(QStringLiteral("datasetScatter"));
        QCPGraph* curve = graphNamed(scatter, QStringLiteral("modelCurve"));
        QSignalSpy replots(scatter, &QCustomPlot::afterReplot);
        panel->setModelCurve(core::makeObjective("linear", {}), core::Vec{{0.5, 1.0}});
        QTRY_COMPARE(replots.count(), 1);   // shown: drawn
        panel->hide();
        replots.clear();
        for (double w : {1.0, 1.5, 2.0})
            panel->setModelCurve(core::makeObjective("linear", {}), core::Vec{{w, 1.0}});
        QTest::qWait(50);
        QCOMPARE(replots.count(), 0);
        QCOMPARE(curve->data()->constBegin()->value, 2.0 * curve->data()->constBegin()->key + 1.0);   // the data follows
        panel->show();
        QVERIFY(QTest::qWaitForWindowExposed(panel.get()));
        QTRY_VERIFY(replots.count() >= 1);
        QTest::qWait(50);
        QVERIFY2(replots.count() <= 2, qPrintable(QString::number(replots.count())));
    }

    void clickingAPointSelectsItsImage()
    {
        auto panel = shownPanel(people(), core::splitRows(120, 0.25, 9));
        auto* scatter = panel->findChild<QCustomPlot*>(QStringLiteral("datasetScatter"));
        scatter->replot();
        // A sample with no other sample within a few pixels of it.
        int target = -1;
        for (int row = 0; row < 120 && target < 0; ++row) {
            const double px = scatter->xAxis->coordToPixel(people().samples.x[row]);
            const double py = scatter->yAxis->coordToPixel(people().samples.t[row]);
            bool alone = true;
            for (int other = 0; other < 120; ++other) {
                if (other == row)
                    continue;
                const double dx = scatter->xAxis->coordToPixel(people().samples.x[other]) - px;
                const double dy = scatter->yAxis->coordToPixel(people().samples.t[other]) - py;
                alone = alone && dx * dx + dy * dy > 100.0;
            }
            if (alone)
                target = row;
        }
        QVERIFY(target >= 0);
        const QPoint at(static_cast<int>(std::lround(scatter->xAxis->coordToPixel(people().samples.x[target]))),
            static_cast<int>(std::lround(scatter->yAxis->coordToPixel(people().samples.t[target]))));
        QTest::mouseClick(scatter, Qt::LeftButton, {}, at + QPoint(2, -1));
        QCOMPARE(panel->selectedImage(), target);
        QCPGraph* selected = graphNamed(scatter, QStringLiteral("selectedPoint"));
        QCOMPARE(selected->data()->size(), 1);
        QCOMPARE(selected->data()->constBegin()->key, people().samples.x[target]);
    }

    void csvDataHasNoImagesButAScatter()
    {
        core::Dataset csv;
        csv.source = "counts.csv";
        csv.samples = test::lineSamples(50);
        const auto split = core::splitRows(50, 0.2, 4);
        auto panel = shownPanel(csv, split);
        auto* message = panel->findChild<QLabel*>(QStringLiteral("noImagesLabel"));
        QVERIFY(message->isVisible());
        QVERIFY(message->text().contains(QStringLiteral("no images")));
        QVERIFY(!panel->findChild<QListView*>(QStringLiteral("imageBrowser"))->isVisible());
        QVERIFY(!panel->findChild<QWidget*>(QStringLiteral("detailPanel"))->isVisible());
        QVERIFY(panel->versions().isEmpty());
        auto* scatter = panel->findChild<QCustomPlot*>(QStringLiteral("datasetScatter"));
        QCOMPARE(graphNamed(scatter, QStringLiteral("trainPoints"))->data()->size(), 40);
        QCOMPARE(graphNamed(scatter, QStringLiteral("valPoints"))->data()->size(), 10);
        panel->setModelCurve(core::makeObjective("linear", {}), core::Vec{{4.5, 0.2}});
        QVERIFY(graphNamed(scatter, QStringLiteral("modelCurve"))->data()->size() > 0);
        // Back to images: the browser returns.
        panel->setDataset(people(), core::splitRows(120, 0.25, 9));
        QVERIFY(panel->findChild<QListView*>(QStringLiteral("imageBrowser"))->isVisible());
        QVERIFY(!message->isVisible());
    }
};

QTEST_MAIN(TestDatasetPanel)
#include "test_dataset_panel.moc"
