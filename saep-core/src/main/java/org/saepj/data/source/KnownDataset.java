package org.saepj.data.source;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The datasets of the paper's experiments, with their canonical download locations and pinned checksums
 * (from {@code shared/reference/datasets.md}: TensorFlow Datasets' URL checksums).
 */
public enum KnownDataset {
    /** Zalando's Fashion-MNIST: 28×28 grey images of clothing, 60k/10k, MIT licence. */
    FASHION_MNIST(
            "fashion-mnist",
            Format.IDX,
            "dataset-fashion-mnist",
            List.of(
                    "T-shirt/top",
                    "Trouser",
                    "Pullover",
                    "Dress",
                    "Coat",
                    "Sandal",
                    "Shirt",
                    "Sneaker",
                    "Bag",
                    "Ankle boot"),
            List.of(
                    fashion(
                            "train-images-idx3-ubyte.gz",
                            26421880,
                            "3aede38d61863908ad78613f6a32ed271626dd12800ba2636569512369268a84"),
                    fashion(
                            "train-labels-idx1-ubyte.gz",
                            29515,
                            "a04f17134ac03560a47e3764e11b92fc97de4d1bfaf8ba1a3aa29af54cc90845"),
                    fashion(
                            "t10k-images-idx3-ubyte.gz",
                            4422102,
                            "346e55b948d973a97e58d2351dde16a484bd415d4595297633bb08f03db6a073"),
                    fashion(
                            "t10k-labels-idx1-ubyte.gz",
                            5148,
                            "67da17c76eaffca5446c3361aaab5c3cd6d1c2608764d35dfb1850b086bf8dd5")),
            // SHA-256 of the decompressed files: identical for the published files and Debian's copies.
            Map.of(
                    "train-images-idx3-ubyte",
                    "c59f468a2f672dc815687fe0f83887768d799fd8a3f3276145d20f83aa44d888",
                    "train-labels-idx1-ubyte",
                    "bad3541b69d912435c50bb6ba87bec294ff4f6a2e1246121d8633921760443d9",
                    "t10k-images-idx3-ubyte",
                    "5b4141f0afbad91edebe8549f8fcffe087ea10ca49f1dbef5c9a5cd8815ce37b",
                    "t10k-labels-idx1-ubyte",
                    "0402a96d92fd2663957122ceb108a494c5af83dab82d92729df917d7dec38c34")),
    /** LeCun's MNIST handwritten digits: 28×28 grey, 60k/10k. */
    MNIST(
            "mnist",
            Format.IDX,
            null,
            List.of("0", "1", "2", "3", "4", "5", "6", "7", "8", "9"),
            List.of(
                    mnist(
                            "train-images-idx3-ubyte.gz",
                            9912422,
                            "440fcabf73cc546fa21475e81ea370265605f56be210a4024d2ca8f203523609"),
                    mnist(
                            "train-labels-idx1-ubyte.gz",
                            28881,
                            "3552534a0a558bbed6aed32b30c495cca23d567ec52cac8be1a0730e8010255c"),
                    mnist(
                            "t10k-images-idx3-ubyte.gz",
                            1648877,
                            "8d422c7b0a1c1c79245a5bcf07fe86e33eeafee792b84584aec276f5a2dbc4e6"),
                    mnist(
                            "t10k-labels-idx1-ubyte.gz",
                            4542,
                            "f7ae60f92e00ec6debd23a6088c31dbd2371eca3ffa0defaefb259924204aec6")),
            Map.of()),
    /** Krizhevsky's CIFAR-10, binary version: 32×32 colour images, 50k/10k. */
    CIFAR10(
            "cifar10",
            Format.CIFAR10,
            null,
            List.of("airplane", "automobile", "bird", "cat", "deer", "dog", "frog", "horse", "ship", "truck"),
            List.of(new RemoteFile(
                    "cifar-10-binary.tar.gz",
                    List.of("https://www.cs.toronto.edu/~kriz/cifar-10-binary.tar.gz"),
                    170052171,
                    "c4a38c50a1bc5f3a1c5537f2155ab9d68f9f25eb1ed8d9ddda3db29a59bca1dd")),
            Map.of());

    /** How a known dataset is stored on disk. */
    public enum Format {
        /** MNIST-style IDX files. */
        IDX,
        /** CIFAR-10 binary batches or their tar.gz. */
        CIFAR10
    }

    private final String id;
    private final Format format;
    private final String debianPackage;
    private final List<String> classNames;
    private final List<RemoteFile> files;
    private final Map<String, String> decompressedSha256;

    KnownDataset(
            String id,
            Format format,
            String debianPackage,
            List<String> classNames,
            List<RemoteFile> files,
            Map<String, String> decompressedSha256) {
        this.id = id;
        this.format = format;
        this.debianPackage = debianPackage;
        this.classNames = classNames;
        this.files = files;
        this.decompressedSha256 = decompressedSha256;
    }

    private static RemoteFile fashion(String name, long bytes, String sha) {
        return new RemoteFile(
                name, List.of("http://fashion-mnist.s3-website.eu-central-1.amazonaws.com/" + name), bytes, sha);
    }

    private static RemoteFile mnist(String name, long bytes, String sha) {
        return new RemoteFile(
                name,
                List.of(
                        "https://ossci-datasets.s3.amazonaws.com/mnist/" + name,
                        "https://storage.googleapis.com/cvdf-datasets/mnist/" + name,
                        "http://yann.lecun.com/exdb/mnist/" + name),
                bytes,
                sha);
    }

    /** @return the name users type ("fashion-mnist") */
    public String id() {
        return id;
    }

    /** @return the on-disk format */
    public Format format() {
        return format;
    }

    /** @return the Debian package that ships the data, if any */
    public Optional<String> debianPackage() {
        return Optional.ofNullable(debianPackage);
    }

    /** @return the class names by label */
    public List<String> classNames() {
        return classNames;
    }

    /** @return the published files */
    public List<RemoteFile> files() {
        return files;
    }

    /** @return pinned SHA-256 of each decompressed IDX file by stem; empty when none is known */
    public Map<String, String> decompressedSha256() {
        return decompressedSha256;
    }

    /**
     * @param id a user-typed name
     * @return the dataset with that name, if known
     */
    public static Optional<KnownDataset> byId(String id) {
        for (KnownDataset d : values()) {
            if (d.id.equalsIgnoreCase(id)) {
                return Optional.of(d);
            }
        }
        return Optional.empty();
    }

    /** @return every known dataset's name, in declaration order */
    public static java.util.List<String> ids() {
        return java.util.Arrays.stream(values()).map(d -> d.id).toList();
    }
}
