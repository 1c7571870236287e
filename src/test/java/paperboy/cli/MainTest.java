package paperboy.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** A run sets up only the command it runs; anything else sees every command. */
class MainTest {
    @Test
    void aNamedCommandIsTheOnlyOneSetUp() {
        assertThat(Main.commandLine(new String[] {"build", "--verbose"}).getSubcommands()).containsOnlyKeys("build");
        assertThat(Main.commandLine(new String[] {"send"}).getSubcommands()).containsOnlyKeys("send");
    }

    @Test
    void helpTyposAndOptionsSeeEveryCommandInOrder() {
        for (String[] args : new String[][] {{}, {"help", "build"}, {"--help"}, {"bild"}}) {
            assertThat(Main.commandLine(args).getSubcommands().keySet())
                    .containsExactly("build", "themes", "help", "serve", "newsletter", "send", "export", "fetch", "daily");
        }
    }

    @Test
    void aTypoIsBadUsageWithASuggestion() {
        Cli r = Cli.run("bild");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("Did you mean: paperboy build"); // "or paperboy daily" since daily exists
    }
}
