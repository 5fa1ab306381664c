package lanchat.cli;

/** Entry point placeholder; replaced by the picocli command. */
public final class Main {
    private Main() {}

    public static void main(String[] args) {
        System.out.println("lanchat");
    }
}
