package lanchat.ui.core;

import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import lanchat.node.PeerLookupException;

/**
 * Carries out commands on the engine and reports results and mistakes to the view. Shared by the terminal
 * and the scripted mode, so both understand exactly the same commands.
 */
public final class CommandRunner {
    /** How long leaving waits for messages still in flight (the issue asks for a bounded wait). */
    public static final Duration FLUSH_ON_EXIT = Duration.ofSeconds(5);

    private final ChatBackend backend;
    private final ChatView view;
    private final boolean verbose;

    public CommandRunner(ChatBackend backend, ChatView view, boolean verbose) {
        this.backend = backend;
        this.view = view;
        this.verbose = verbose;
    }

    /** @return false when the command was /quit: the caller then calls {@link #leave()} */
    public boolean execute(Command command) {
        if (command instanceof Command.Quit) {
            return false;
        }
        try {
            if (command instanceof Command.Say) {
                String text = ((Command.Say) command).text();
                long id = backend.say(text);
                view.ownMessage(id, null, text);
            } else if (command instanceof Command.Msg) {
                Command.Msg msg = (Command.Msg) command;
                long id = backend.whisper(msg.name(), msg.text());
                view.ownMessage(id, msg.name(), msg.text());
            } else if (command instanceof Command.Nick) {
                backend.rename(((Command.Nick) command).name());
            } else if (command instanceof Command.Peers) {
                view.peers(backend.peers());
            } else if (command instanceof Command.Help) {
                view.help();
            } else if (command instanceof Command.Invalid) {
                view.error(((Command.Invalid) command).problem());
            }
        } catch (PeerLookupException e) {
            view.error(e.getMessage()); // the engine's message names the choices and points at /peers
        } catch (IllegalArgumentException | IllegalStateException e) {
            view.error(e.getMessage()); // an invalid name or text, or the node is already stopping
        }
        return true;
    }

    /** Finishes deliveries (bounded), says goodbye and flushes the view. */
    public void leave() {
        view.notice("leaving");
        boolean complete = backend.stop(FLUSH_ON_EXIT);
        if (!complete) {
            view.notice("left before every message was confirmed (waited " + FLUSH_ON_EXIT.toSeconds() + " s)");
        }
        if (verbose) {
            view.log("counters: " + new TreeMap<String, Long>(counters()));
        }
        view.close();
    }

    private Map<String, Long> counters() {
        try {
            return backend.counters();
        } catch (RuntimeException e) {
            return Map.of();
        }
    }
}
