package org.saepj;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The one way a fixed set of choices (an enum: the paper's model kinds, the mixtures, the validation choices) is
 * named in files and on the command line: each constant's lower-case name, read back in any case and with spaces
 * around it (files before format 3 stored the upper-case constant), and refused in one line listing the names.
 */
public final class EnumNames {
    private EnumNames() {}

    /**
     * @param constant a constant
     * @return its name as stored and typed: lower case
     */
    public static String id(Enum<?> constant) {
        return constant.name().toLowerCase(Locale.ROOT);
    }

    /**
     * @param type the enum
     * @param typed a stored or typed name
     * @param refusal the start of the message for a name that is none of them, {@code %s} standing for it
     *     ({@code "unknown model '%s'"})
     * @param <E> the enum
     * @return the constant of that name
     * @throws IllegalArgumentException "REFUSAL: expected a, b or c" when there is none
     */
    public static <E extends Enum<E>> E parse(Class<E> type, String typed, String refusal) {
        E[] constants = type.getEnumConstants();
        for (E e : constants) {
            if (id(e).equalsIgnoreCase(typed.strip())) {
                return e;
            }
        }
        List<String> ids = Arrays.stream(constants).map(EnumNames::id).toList();
        String expected = ids.size() < 2
                ? String.join("", ids)
                : String.join(", ", ids.subList(0, ids.size() - 1)) + " or " + ids.get(ids.size() - 1);
        throw new IllegalArgumentException(String.format(Locale.ROOT, refusal, typed) + ": expected " + expected);
    }
}
