package dev.grader.cli;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;
import picocli.CommandLine.TypeConversionException;

/** {@code --format} values: any letter case; a bad one is a parse error that lists the valid ones in lower case. */
final class FormatOption {

    private FormatOption() {
    }

    static <E extends Enum<E>> E parse(Class<E> formats, String value) {
        for (E format : formats.getEnumConstants()) {
            if (format.name().equalsIgnoreCase(value.strip())) {
                return format;
            }
        }
        throw new TypeConversionException("unknown format '" + value + "'; valid: " + Arrays.stream(
                formats.getEnumConstants()).map(f -> f.name().toLowerCase(Locale.ROOT)).collect(Collectors.joining(", ")));
    }
}
