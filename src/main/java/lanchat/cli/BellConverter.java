package lanchat.cli;

import lanchat.ui.core.BellPolicy;
import picocli.CommandLine;

/** {@code --bell all|mentions|off}, in any case; anything else is an error that lists the choices. */
final class BellConverter implements CommandLine.ITypeConverter<BellPolicy> {
    @Override
    public BellPolicy convert(String value) {
        try {
            return BellPolicy.parse(value);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.TypeConversionException(e.getMessage());
        }
    }
}
