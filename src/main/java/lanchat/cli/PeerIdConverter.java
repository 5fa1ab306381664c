package lanchat.cli;

import picocli.CommandLine;

/** --peer-id: exactly 16 hex digits, not all zero (0 would mean "pick one at random"). */
final class PeerIdConverter implements CommandLine.ITypeConverter<Long> {
    @Override
    public Long convert(String value) {
        if (value == null || !value.matches("[0-9a-fA-F]{16}")) {
            throw new CommandLine.TypeConversionException(
                    "'" + value + "' is not 16 hex digits (e.g. 3f2a9c0e11d4b7a5)");
        }
        long id = Long.parseUnsignedLong(value, 16);
        if (id == 0) {
            throw new CommandLine.TypeConversionException("the peer id must not be 0");
        }
        return id;
    }
}
