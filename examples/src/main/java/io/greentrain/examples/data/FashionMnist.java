package io.greentrain.examples.data;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;

/**
 * Fashion-MNIST (Zalando Research, MIT licence): 60,000 training and 10,000 test images of 28x28 grey pixels,
 * 10 clothing classes. Taken from the Debian package {@code dataset-fashion-mnist}; the four IDX files are
 * pinned by SHA-256.
 */
public final class FashionMnist {

    public static final String PACKAGE = "dataset-fashion-mnist";
    public static final String LICENCE = "MIT (Zalando Research), Debian package " + PACKAGE;

    static final String DIR = "/usr/share/datasets/fashion-mnist/";
    public static final String TRAIN_IMAGES = "train-images-idx3-ubyte.gz";
    public static final String TRAIN_LABELS = "train-labels-idx1-ubyte.gz";
    public static final String TEST_IMAGES = "t10k-images-idx3-ubyte.gz";
    public static final String TEST_LABELS = "t10k-labels-idx1-ubyte.gz";

    public static final DebianDataPackage SOURCE = new DebianDataPackage(PACKAGE, "Fashion-MNIST (MIT)", List.of(
            new DebianDataPackage.PackagedFile(DIR + TRAIN_IMAGES,
                    "b0564c3eedabfbf835052cff8503ea422014ce006caf5b757f851416ee8300c7"),
            new DebianDataPackage.PackagedFile(DIR + TRAIN_LABELS,
                    "0ae29f65d86684f32d1b9c85147786c547b9c6aebcaf235f0400a0cce308b056"),
            new DebianDataPackage.PackagedFile(DIR + TEST_IMAGES,
                    "cc1d090a38ace84dfa1aa66e3ada7c336ef481a96936906477e6dd344da56eaa"),
            new DebianDataPackage.PackagedFile(DIR + TEST_LABELS,
                    "8d3605d196f4be44669e46906da9733c8131fef761fdbfec72c424d5222f1a05")));

    public static final String[] CLASS_NAMES = {
        "T-shirt/top", "Trouser", "Pullover", "Dress", "Coat", "Sandal", "Shirt", "Sneaker", "Bag", "Ankle boot"
    };

    private FashionMnist() {
    }

    /** Fetches (once) and parses the official 60,000 / 10,000 split. */
    public static TrainTest load(DataCache cache, PrintStream log) {
        Path dir = SOURCE.fetch(cache, log);
        return loadFrom(dir);
    }

    /** Parses the four IDX files found in {@code dir}. */
    public static TrainTest loadFrom(Path dir) {
        try {
            LabelledData train = new LabelledData("fashion-mnist", IdxReader.readImages(dir.resolve(TRAIN_IMAGES)),
                    IdxReader.readLabels(dir.resolve(TRAIN_LABELS)), CLASS_NAMES);
            LabelledData test = new LabelledData("fashion-mnist", IdxReader.readImages(dir.resolve(TEST_IMAGES)),
                    IdxReader.readLabels(dir.resolve(TEST_LABELS)), CLASS_NAMES);
            return new TrainTest(train, test);
        } catch (IOException e) {
            throw new DataUnavailableException("cannot read Fashion-MNIST from " + dir + ": " + e.getMessage(), e);
        }
    }
}
