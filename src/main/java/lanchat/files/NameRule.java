package lanchat.files;

/** The rules of {@link SafeName}, each with the reason a refused name is given. */
public enum NameRule {
    NO_COMPONENTS("the path is empty"),
    TOO_DEEP("the path has more than " + SafeName.MAX_DEPTH + " levels"),
    PATH_TOO_LONG("the path is longer than " + SafeName.MAX_PATH_BYTES + " bytes"),
    ABSOLUTE("the path is absolute"),
    EMPTY_COMPONENT("a part of the path is empty (absolute path or doubled separator)"),
    DOT_COMPONENT("a part of the path is \".\""),
    DOT_DOT_COMPONENT("a part of the path is \"..\""),
    SEPARATOR("a name contains \"/\""),
    BACKSLASH("a name contains \"\\\""),
    DRIVE_LETTER("a name starts with a drive letter"),
    CONTROL_CHARACTER("a name contains a NUL or control character"),
    BIDI_CONTROL("a name contains a text-direction control character (can disguise the extension)"),
    WINDOWS_FORBIDDEN_CHARACTER("a name contains one of < > : \" | ? * (not allowed on Windows)"),
    INVALID_UNICODE("a name is not valid Unicode (a lone surrogate)"),
    RESERVED_NAME("a name is reserved on Windows (CON, PRN, AUX, NUL, COM1-9, LPT1-9)"),
    TRAILING_DOT_OR_SPACE("a name ends with a dot or a space"),
    COMPONENT_TOO_LONG("a name is longer than " + SafeName.MAX_COMPONENT_BYTES + " bytes"),
    NOT_NFC("a name is not in Unicode normal form C"),
    TEMPORARY_SUFFIX("a name ends like lanchat's temporary files (" + IncomingFile.PART_SUFFIX + ", "
            + IncomingFile.HELD_SUFFIX + ") or is " + ResumeIndex.FILE_NAME);

    private final String reason;

    NameRule(String reason) {
        this.reason = reason;
    }

    /** Why a name breaking this rule is refused, in words for the user. */
    public String reason() {
        return reason;
    }
}
