#include "app/cli/dataset_command.h"

#include <cstdio>
#include <filesystem>

#include "app/cli/command_line.h"
#include "app/cli/data_options.h"
#include "core/data/dataset_io.h"
#include "core/data/people_generator.h"

namespace downhill::cli {

DatasetCommand::DatasetCommand()
{
    const core::PeopleSettings people;
    spec_.name = "dataset";
    spec_.summary = "write the synthetic people images as PNGs with labels.csv";
    spec_.usage = "--out DIR [--count N] [--seed S] [--max-people K] [--size PX] [--no-distractors]";
    spec_.description =
        "Draws the built-in people-counting images and writes DIR/000000.png, ... and DIR/labels.csv\n"
        "(columns image,count). train --data DIR reads the folder back. The same seed gives the same images.";
    spec_.groups = {
        {"Data set",
            {
                {"count", "N", std::to_string(people.count), "number of images"},
                {"seed", "S", std::to_string(people.seed), "random seed"},
                {"max-people", "K", std::to_string(people.maxPeople), "each image shows 0..K people, uniformly"},
                {"size", "PX", std::to_string(people.size), "images are PX x PX pixels"},
                {"no-distractors", "", "", "draw no non-person shapes (by default some images have them)"},
            }},
        {"Output", {{"out", "DIR", "required", "the folder to write (created if needed)"}}},
    };
}

int DatasetCommand::run(const CommandLine& cl)
{
    core::PeopleSettings people = DataOptions::peopleSettings(cl);
    DataOptions::readImageFlags(cl, people);
    const auto out = cl.text("out");
    if (!out)
        failFlag("out", "required: the folder to write the images to");
    if (out->empty())
        failFlag("out", "the folder name is empty");
    std::error_code ec;
    if (std::filesystem::exists(*out, ec) && !std::filesystem::is_directory(*out, ec))
        failFlag("out", *out + " exists and is not a folder");

    const core::Dataset dataset = core::generatePeople(people);
    core::exportImageFolder(dataset, *out);
    std::printf("wrote %lld images and labels.csv to %s\n", static_cast<long long>(dataset.size()), out->c_str());
    return kExitOk;
}

}  // namespace downhill::cli
