package org.saepj.data.io;

import java.util.ArrayList;
import java.util.List;

/** Helpers shared by the image readers: pixel scaling and default class names. */
final class ImageSplitReader {
    /** Pixels are divided by 255 to lie in [0,1], as in the paper. */
    static final float PIXEL_MAX = org.saepj.data.Dataset.PIXEL_MAX;

    private ImageSplitReader() {}

    /**
     * @param count the number of classes
     * @return the names "0", "1", … for datasets without class names
     */
    static List<String> numericNames(int count) {
        List<String> names = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            names.add(Integer.toString(i));
        }
        return names;
    }
}
