package lanchat.ui.core;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import lanchat.node.PeerInfo;
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
    private final NickGuard nickGuard;
    private final PeerWaiter waiter;

    /**
     * @param confirmNameClash true where a person types (the terminal): a /nick to a name another peer has is
     *     carried out only when repeated. Scripts cannot answer a question, so for them it happens at once.
     * @param waiter carries out /wait; null where /wait makes no sense (the terminal)
     */
    public CommandRunner(ChatBackend backend, ChatView view, boolean verbose, boolean confirmNameClash,
            PeerWaiter waiter) {
        this.backend = backend;
        this.view = view;
        this.verbose = verbose;
        this.nickGuard = confirmNameClash ? new NickGuard() : null;
        this.waiter = waiter;
    }

    /** @return false when the command was /quit: the caller then calls {@link #leave()} */
    public boolean execute(Command command) {
        if (command instanceof Command.Quit) {
            return false;
        }
        if (nickGuard != null && !(command instanceof Command.Nick) && !(command instanceof Command.Nothing)) {
            nickGuard.forget(); // the confirmation is only the very next command
        }
        try {
            if (command instanceof Command.SetPresence) {
                backend.presence(((Command.SetPresence) command).presence()); // setting it is activity too
                return true;
            }
            backend.activity(); // any typed line, even a mistyped one, says the user is there
            if (command instanceof Command.Say) {
                String text = ((Command.Say) command).text();
                view.ownMessage(backend.say(text), null, text);
            } else if (command instanceof Command.Me) {
                String text = ActionText.encode(((Command.Me) command).action());
                view.ownMessage(backend.say(text), null, text);
            } else if (command instanceof Command.Msg) {
                Command.Msg msg = (Command.Msg) command;
                long id = backend.whisper(msg.name(), msg.text());
                if (id != ChatBackend.QUEUED) {
                    view.ownMessage(id, msg.name(), msg.text()); // a queued line is shown when it is stored
                }
            } else if (command instanceof Command.Nick) {
                nick(((Command.Nick) command).name());
            } else if (command instanceof Command.Peers) {
                view.peers(backend.peers());
            } else if (command instanceof Command.Doctor) {
                doctor();
            } else if (command instanceof Command.Whois) {
                view.whois(backend.whois(((Command.Whois) command).name()), false);
            } else if (command instanceof Command.Verify) {
                view.whois(backend.verify(((Command.Verify) command).name()), true);
            } else if (command instanceof Command.Help) {
                help(((Command.Help) command).topic());
            } else if (command instanceof Command.History) {
                backend.history(((Command.History) command).words());
            } else if (command instanceof Command.Queue) {
                backend.listQueue();
            } else if (command instanceof Command.CancelQueued) {
                backend.cancelQueued(((Command.CancelQueued) command).number());
            } else if (command instanceof Command.SendFiles s) {
                backend.sendFiles(s.name(), s.paths());
                view.notice("hashing " + String.join(", ", s.paths()) + " before offering it to " + s.name() + "…");
            } else if (command instanceof Command.AcceptFiles a) {
                backend.acceptFiles(a.id());
            } else if (command instanceof Command.RejectFiles r) {
                backend.rejectFiles(r.id());
            } else if (command instanceof Command.CancelFiles c) {
                backend.cancelFiles(c.id());
            } else if (command instanceof Command.Transfers) {
                view.event(new lanchat.node.ChatEvent.FileTransferList(backend.transfers()));
            } else if (command instanceof Command.Wait) {
                waitFor((Command.Wait) command);
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

    /** The checks take about two seconds: they run on a thread of their own, and the chat goes on. */
    private void doctor() {
        view.notice("checking the network, about two seconds…");
        Thread t = new Thread(() -> {
            try {
                view.help(backend.doctor());
            } catch (RuntimeException e) {
                view.error("the doctor could not run: " + e.getMessage());
            }
        }, "lanchat-doctor");
        t.setDaemon(true);
        t.start();
    }

    private void nick(String name) {
        if (name.equals(backend.self().name())) {
            view.notice("you are already called " + name);
            return;
        }
        if (nickGuard != null) {
            String warning = nickGuard.check(name, backend.peers());
            if (warning != null) {
                view.notice(warning);
                return;
            }
        }
        backend.rename(name);
    }

    private void help(String topic) {
        if (topic == null) {
            view.help(HelpText.lines());
            return;
        }
        List<String> lines = HelpText.about(topic);
        if (lines == null) {
            view.error("there is no command " + topic + "; /help lists the commands");
        } else {
            view.help(lines);
        }
    }

    private void waitFor(Command.Wait wait) {
        if (waiter == null) {
            view.error("/wait is for scripts; here you see peers arrive as they come (/peers lists them)");
            return;
        }
        PeerInfo found;
        try {
            found = waiter.await(wait.name(), wait.limit());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            found = null;
        }
        view.waited(wait.name(), found, wait.limit());
    }

    /** Finishes deliveries (bounded), says goodbye and flushes the view. */
    public void leave() {
        leave(FLUSH_ON_EXIT);
    }

    /** As {@link #leave()}, waiting at most {@code flush} for messages in flight (a signal is in a hurry). */
    public void leave(Duration flush) {
        view.notice("leaving");
        boolean complete = backend.stop(flush);
        if (!complete) {
            view.notice("left before every message was confirmed (waited " + (flush.toMillis() % 1000 == 0 ? flush.toSeconds() + " s)" : flush.toMillis() + " ms)"));
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
