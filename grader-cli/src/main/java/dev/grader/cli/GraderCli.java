package dev.grader.cli;

/** Entry point; replaced by the picocli root command. */
public final class GraderCli {
    private GraderCli() {
    }

    public static void main(String[] args) {
        System.out.println("grader");
    }
}
